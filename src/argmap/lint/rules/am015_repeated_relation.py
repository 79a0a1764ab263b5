"""A premise listed twice in one argument, or a support or attack written twice.

A premise listed twice, or a second attack with the same attacker and target, counts once:
the copy says nothing, and the exports to AIF and Argdown write it once (with AM413). A second
argument with the same premises for the same conclusion counts twice in the conclusion's
score, as if it were another reason. Each is usually a copy left behind when the map was
edited; when two attacks really are different reasons, make them two claims.

PASS:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      flaws: {text: Its flaws are structural., kind: assumption}
      backing: {text: It has no political backing., kind: assumption}
      doubt: {text: The flaws may be fixed., kind: counterclaim, rebuts: flaws}
    arguments:
      why:
        conclusion: thesis
        premises: [flaws, backing]

FAIL:

    argmap: 1
    claims:
      thesis: {text: The SPP will fail., kind: thesis}
      flaws: {text: Its flaws are structural., kind: assumption}
      backing: {text: It has no political backing., kind: assumption}
      doubt: {text: The flaws may be fixed., kind: counterclaim, rebuts: flaws}
    arguments:
      why:
        conclusion: thesis
        premises: [flaws, backing, flaws]
    attacks:
      again: {from: doubt, rebuts: flaws}
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext
from argmap.repeats import first_attacks

CODE = "AM015"
NAME = "repeated-relation"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    supports: dict[tuple[str, frozenset[str]], str] = {}
    for argument in m.arguments.values():
        seen: set[str] = set()
        for premise in argument.premises:
            if premise in seen:
                yield Finding(
                    argument.origin,
                    f"argument '{argument.id}' lists the premise '{premise}' twice",
                    "list each premise once: the copy counts once, and an export writes it once",
                )
            seen.add(premise)
        key = (argument.conclusion, frozenset(argument.premises))
        first = supports.setdefault(key, argument.id)
        if first != argument.id:
            yield Finding(
                argument.origin,
                f"argument '{argument.id}' repeats '{first}': the same premises for "
                f"'{argument.conclusion}'",
                f"keep one of the two: a second copy counts twice in the score of "
                f"'{argument.conclusion}'",
            )
    firsts = first_attacks(m)  # the exports' notion of a repeat, which they write once
    for attack in m.attacks.values():
        first = firsts[attack.id].id
        if first != attack.id:
            yield Finding(
                attack.origin,
                f"attack '{attack.id}' repeats '{first}': '{attack.attacker}' "
                f"{attack.kind.value}s '{attack.target}' twice",
                "keep one of the two: the copy counts once, and an export writes it once",
            )
