"""A small fixed run shared by the reporter tests: two files, every severity, hostile text.

* ``alpha.yaml`` line 3 starts with a tab; a warning points past the end of line 2.
* ``beta.yaml`` line 2 holds an ANSI escape (clear screen); its error message holds ``%``,
  ``,``, ``:``, a newline and a carriage return.
* Five files were checked, two have findings: "2 errors, 1 warning, 1 info in 2 of 5 files".
"""

from __future__ import annotations

import pytest

from argmap.diagnostics import Diagnostic, Severity

ALPHA = "arguments/alpha.yaml"
BETA = "arguments/beta.yaml"

SOURCES = {
    ALPHA: "argmap: 1\nclaims:\n\tthesis: x\n",
    BETA: 'argmap: 1\ntitle: "\x1b[2Jboom"\n',
}

# Given out of order on purpose: every reporter sorts by path, line, column, code.
DIAGNOSTICS = (
    Diagnostic(
        path=BETA,
        line=2,
        col=13,
        code="AM204",
        message="value 100%, expected: a slug\nsecond line\rX",
        severity=Severity.ERROR,
        hint="use lowercase: a-z, 0-9",
        name="invalid-value",
    ),
    Diagnostic(
        path=ALPHA,
        line=3,
        col=2,
        code="AM201",
        message="unknown key 'thesis'",
        severity=Severity.ERROR,
        hint="did you mean 'theses'?",
        name="unknown-key",
    ),
    Diagnostic(
        path=BETA,
        line=1,
        col=1,
        code="AM003",
        message="consider a title",
        severity=Severity.INFO,
        hint="add 'title:'",
        name="style-note",
    ),
    Diagnostic(
        path=ALPHA,
        line=2,
        col=20,
        code="AM001",
        message="section 'claims' is empty",
        severity=Severity.WARNING,
        name="empty-section",
    ),
)

FILES_CHECKED = 5


@pytest.fixture
def diagnostics() -> tuple[Diagnostic, ...]:
    return DIAGNOSTICS


@pytest.fixture
def sources() -> dict[str, str]:
    return dict(SOURCES)
