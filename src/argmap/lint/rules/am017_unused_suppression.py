"""A `# argmap: disable` comment that silences nothing.

A comment that silences a rule where the rule finds nothing is usually left over from an edit:
the claim that lacked evidence has some now, the text was shortened. It does no harm today,
but it will silence the next finding of that rule on its line unseen. The warning stands at
the word that silences nothing; the hint says to remove that word, or the whole comment when
none of its words silences anything. ``all`` silences nothing when no rule finds anything on
its line.

Only rules that ran are judged: not a rule switched off by ``select`` or ``ignore``, and not
a rule that reads the sources where they were not read (``validate``). A comment that names
this rule itself is never reported.

PASS:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      # argmap: disable-next-line=unsupported-claim
      flaws: {text: Its flaws are structural., supports: thesis}

FAIL:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      flaws: {text: Its flaws are structural., supports: thesis}  # argmap: disable=AM009
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM017"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING
# Judged after every other rule, from what their findings' comments silenced
# (argmap.lint.unused_suppressions): the map itself holds nothing to find.


def check(ctx: LintContext) -> Iterator[Finding]:
    return iter(())
