"""Stage 4, lint: rules over the resolved map, one module each (``lint/rules/am0xx_*.py``).

A rule module defines ``CODE``, ``NAME``, ``SEVERITY``, ``NEEDS_SOURCES`` and a ``check()``
generator, and its docstring carries a passing and a failing example (``PASS:``/``FAIL:``),
from which ``argmap rules`` and ``docs/rules.md`` are made and which the tests run.
"""
