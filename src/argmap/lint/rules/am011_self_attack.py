"""A holder attacking their own claim without a note.

When an actor attacks a claim they hold themselves, it is either a mistake in the map or a
concession the map should explain. Say which in the attack's ``note`` (or the attacking
claim's note, for the short form).

PASS:

    argmap: 1
    actors:
      authors: {name: The authors}
    claims:
      thesis: {text: The SPP will fail., kind: thesis, holder: authors}
      strength:
        text: The SPP manages asymmetry well.
        kind: assumption
        holder: authors
        note: The authors concede a strength before their criticism.
        attacks: thesis

FAIL:

    argmap: 1
    actors:
      authors: {name: The authors}
    claims:
      thesis: {text: The SPP will fail., kind: thesis, holder: authors}
      strength:
        text: The SPP manages asymmetry well.
        kind: assumption
        holder: authors
        attacks: thesis
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.lint.context import Finding, LintContext

CODE = "AM011"
NAME = "self-attack"
SEVERITY = Severity.WARNING


def check(ctx: LintContext) -> Iterator[Finding]:
    m = ctx.map
    for attack in m.attacks.values():
        attacker = m.claims[attack.attacker]
        if attacker.holder is None:
            continue
        target_argument = m.arguments.get(attack.target)
        if target_argument is not None:
            conclusion = target_argument.conclusion
            target_holder = target_argument.holder or m.claims[conclusion].holder
            target = f"argument '{attack.target}' (for '{conclusion}')"
        else:
            target_holder = m.claims[attack.target].holder
            target = f"claim '{attack.target}'"
        # a short form has no note of its own: the attacking claim's note speaks for it
        note = attack.note or (attacker.note if attack.short_form else None)
        if target_holder == attacker.holder and not note:
            yield Finding(
                attack.origin,
                f"'{attacker.holder}' attacks their own {target} with '{attacker.id}', "
                "and no note says why",
                "add a 'note:' saying whether it is a concession, or fix the holder",
            )
