# C types for entities.py's hot loop when Cython compiles it (analysis/compiled.py):
# an augmenting .pxd, read by Cython only; the .py runs unchanged as Python.
import cython

@cython.locals(out=list, at_word=dict, last=cython.Py_ssize_t, j=cython.Py_ssize_t,
               p=cython.Py_ssize_t, e=cython.Py_ssize_t, a=cython.Py_ssize_t,
               b=cython.Py_ssize_t, end=cython.Py_ssize_t)
cpdef list _names_at(ex, str norm, list starts, list ends)
