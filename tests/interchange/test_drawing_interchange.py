"""The drawing settings across formats: Argdown's front matter ``dot: graphVizSettings:
rankdir`` is ``drawing: rankdir``, both ways, the rest of ``drawing:`` goes with argmap's own
data; AIF has no place for them and says so."""

from __future__ import annotations

from pathlib import Path

from argmap.argument_map import Drawing
from argmap.interchange.argdown.export import to_argdown
from argmap.interchange.importing import render_yaml
from argmap.interchange.losses import aif_losses
from argmap.model import Direction, Grouping

from .compare import assert_same_map
from .conftest import CORPUS, imported, loaded, written

DRAWN = """\
argmap: 1
title: Drawn
drawing:
  rankdir: lr
  group-by: actor
  evidence: false
claims:
  t: {text: The thesis., kind: thesis}
  r: {text: A reason., supports: t}
"""


def _front_matter(argdown: str) -> list[str]:
    return argdown.split("===\n")[1].splitlines()


def test_argdown_export_writes_the_direction_as_graphviz_setting(tmp_path: Path) -> None:
    original = written(tmp_path, DRAWN)
    text = to_argdown(original)
    assert _front_matter(text) == [
        'title: "Drawn"',
        'dot: {"graphVizSettings": {"rankdir": "LR"}}',
        'argmap: {"drawing": {"group-by": "actor", "evidence": false}}',
    ]
    outcome = imported(text, "argdown", "drawn.argdown")
    assert outcome.diagnostics == []
    back = loaded(outcome, tmp_path)
    assert back.drawing == Drawing(Direction.LR, Grouping.ACTOR, False, None)
    assert_same_map(original, back)
    assert to_argdown(back) == text


def test_a_map_without_settings_exports_no_graphviz_settings(tmp_path: Path) -> None:
    plain = "argmap: 1\ntitle: Drawn\nclaims:\n  t: {text: The thesis., kind: thesis}\n"
    assert _front_matter(to_argdown(written(tmp_path, plain))) == ['title: "Drawn"']


def test_argdown_import_carries_rankdir_in_any_case_and_names_the_rest() -> None:
    path = CORPUS / "semmelweis_betz.argdown"
    outcome = imported(path.read_text(encoding="utf-8"), "argdown", path.name)
    assert outcome.draft is not None
    assert "drawing:\n  rankdir: tb\n" in render_yaml(outcome.draft, "argdown", path.name)
    lost = [d.message for d in outcome.diagnostics if "front matter" in d.message]
    assert lost == ["front matter settings not carried over: model, dot.graphVizSettings.ranksep"]


def test_argdown_import_says_why_a_direction_is_not_carried(tmp_path: Path) -> None:
    text = '===\ntitle: T\ndot:\n  graphVizSettings: {rankdir: "up", nodesep: 1}\n===\n\n[A]: a.\n'
    outcome = imported(text, "argdown", "t.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        (
            "AM410",
            1,
            1,
            "front matter: 'dot.graphVizSettings.rankdir' is 'up', not one of TB, LR, BT, RL; "
            "not carried over",
        ),
        ("AM410", 1, 1, "front matter settings not carried over: dot.graphVizSettings.nodesep"),
    ]
    assert loaded(outcome, tmp_path).drawing == Drawing()
    mixed = "===\ntitle: T\ndot: {graphVizSettings: {rankdir: Lr}}\n===\n\n[A]: a.\n"
    outcome = imported(mixed, "argdown", "t.argdown")
    assert outcome.diagnostics == []
    assert loaded(outcome, tmp_path).drawing == Drawing(rankdir=Direction.LR)


def test_aif_has_no_place_for_drawing_settings(tmp_path: Path) -> None:
    found = [(d.line, d.col, d.message) for d in aif_losses(written(tmp_path, DRAWN))][-1]
    assert found == (1, 1, "AIF has no place for the map's title, drawing settings; not exported")


def test_argdown_import_names_drawing_settings_that_are_no_mapping(tmp_path: Path) -> None:
    """``argmap: {drawing: []}`` was dropped without a word, where a setting of a wrong kind
    inside it, or a 'dot' that is no mapping, is named (the front matter has no positions:
    1:1, as for those)."""
    for value in ("[]", "5", "[lr]", "lr"):
        text = f"===\ntitle: T\nargmap:\n  drawing: {value}\n===\n\n[A]: a.\n"
        outcome = imported(text, "argdown", "t.argdown")
        assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
            ("AM410", 1, 1, "front matter: 'drawing' is not a mapping; not carried over")
        ]
        assert loaded(outcome, tmp_path).drawing == Drawing()


def test_argdown_import_names_argmap_data_that_is_no_mapping(tmp_path: Path) -> None:
    text = "===\ntitle: T\nargmap: [drawing]\n===\n\n[A]: a.\n"
    outcome = imported(text, "argdown", "t.argdown")
    assert [(d.code, d.line, d.col, d.message) for d in outcome.diagnostics] == [
        ("AM410", 1, 1, "front matter: 'argmap' is not a mapping; not carried over")
    ]
