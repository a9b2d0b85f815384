# C types for scan.py's hot loop when Cython compiles it (analysis/compiled.py):
# an augmenting .pxd, read by Cython only; the .py runs unchanged as Python.
import cython

@cython.locals(n=cython.Py_ssize_t, last_digit=cython.Py_ssize_t, i=cython.Py_ssize_t,
               p=cython.Py_ssize_t, e=cython.Py_ssize_t, k=cython.Py_ssize_t)
cpdef _sort_matches(list found, str norm, list lists, list lists_of, list ends, list runs,
                    list heads, Py_ssize_t first_digit, Py_ssize_t first_single, Py_ssize_t zero,
                    dict singles, tuple single_keys)

@cython.locals(out=list, last=cython.Py_ssize_t, p=cython.Py_ssize_t)
cpdef list matches(pattern, list starts, str norm)
