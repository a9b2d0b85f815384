# C types for normalize.py's character loops when Cython compiles it
# (analysis/compiled.py): an augmenting .pxd, read by Cython only; the .py
# runs unchanged as Python.
import cython

@cython.locals(out=list, seen=bytearray, other=cython.bint, caps=list, cased=cython.bint,
               i=cython.Py_ssize_t, c=cython.Py_UCS4, o=cython.long)
cpdef tuple _scan(str text)

@cython.locals(pieces=list, last=cython.Py_ssize_t, k=cython.Py_ssize_t, n=cython.Py_ssize_t,
               a=cython.Py_ssize_t, b=cython.Py_ssize_t)
cpdef str _lower_at(str s, list caps)

@cython.locals(n=cython.Py_ssize_t, nat=cython.Py_ssize_t, out=list, k=cython.Py_ssize_t,
               s=cython.Py_ssize_t, e=cython.Py_ssize_t, a=cython.Py_ssize_t,
               j=cython.Py_ssize_t, b=cython.Py_ssize_t, c=cython.Py_UCS4)
cpdef list _spans(list at, list shift, str text, pairs)
