"""Every query and write of quietnet, as ``fn(session, *, ...)`` functions.

Split by noun: ``people``, ``interactions``, ``loops``, ``state`` (what the
scheduler reads), ``settings``; ``journal`` holds the generic writes that
record each change with enough to reverse it.
"""
