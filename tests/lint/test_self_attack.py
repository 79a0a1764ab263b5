"""AM011: the message names what is attacked, a claim or an argument, where the attack is."""

from __future__ import annotations

from pathlib import Path

from argmap.commands.check import check_result
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics

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


def test_own_claims_and_own_arguments_are_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    found = [(d.line, d.col, d.message) for d in outcome.diagnostics if d.code == "AM011"]
    assert found == [
        (
            7,
            58,
            "'me' attacks their own argument 'a->t' (for 't') with 'b', and no note says why",
        ),
        (10, 3, "'me' attacks their own claim 't' with 'c', and no note says why"),
    ]
