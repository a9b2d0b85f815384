# C types for numbers.py's hot loop when Cython compiles it (analysis/compiled.py):
# an augmenting .pxd, read by Cython only; the .py runs unchanged as Python.
import cython

@cython.locals(found=list, p=cython.Py_ssize_t, c=cython.Py_UCS4)
cpdef list _digit_anchors(qx, str norm, list digit_starts)
