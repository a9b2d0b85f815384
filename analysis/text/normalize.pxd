# C types for normalize.py's character loop when Cython compiles it
# (analysis/compiled.py): an augmenting .pxd, read by Cython only; the .py
# runs unchanged as Python.
import cython

@cython.locals(out=list, i=cython.Py_ssize_t, c=cython.Py_UCS4)
cpdef list _deleted_scan(str text)
