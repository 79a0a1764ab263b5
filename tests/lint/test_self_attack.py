"""AM011: the message names what is attacked, a claim or an argument, where the attack is."""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic

MAP = """\
argmap: 1
actors:
  me: {name: Me}
claims:
  t: {text: T., kind: thesis, holder: me}
  a: {text: A., kind: assumption, supports: t}
  b: {text: B., kind: assumption, holder: me, undercuts: a->t}
  c: {text: C., kind: assumption, holder: me}
attacks:
  c-on-t: {from: c, rebuts: t}
"""


def test_own_claims_and_own_arguments_are_named_as_such(
    checked: Callable[[str], list[Diagnostic]],
) -> None:
    found = [(d.line, d.col, d.message) for d in checked(MAP) if d.code == "AM011"]
    assert found == [
        (
            7,
            58,
            "'me' attacks their own argument 'a->t' (for 't') with 'b', and no note says why",
        ),
        (10, 3, "'me' attacks their own claim 't' with 'c', and no note says why"),
    ]
