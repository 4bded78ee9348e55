"""Every query and write of quietnet, as ``fn(session, *, ...)`` functions: SQL only.

Split by what they hold:

- people: ``people`` (add, look up, list, tag, archive, forget), ``profile``
  (what `net show` adds), ``merge`` (two records of one person);
- what happened: ``interactions`` (and helps), ``loops`` (promises and needs),
  ``events``, ``intros``, ``work``, ``give`` (saved ideas);
- what is read as a whole: ``search`` (`net find`), ``week`` (the review),
  ``transfer`` (bulk imports, the rows exports read), ``dump`` (the JSON
  document, `net copy`);
- kept for speed: ``state`` (what the scheduler reads per person), ``folded``
  (find keys), ``derived`` (checks and rebuilds every derived column);
- ``settings`` (stored, so every machine sharing the store agrees);
- ``journal`` (the generic writes that record each change with enough to
  reverse it) and ``undo`` (reverting it).

This file imports nothing: `net today` imports the package.
"""
