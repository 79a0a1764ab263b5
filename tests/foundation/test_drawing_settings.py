"""``drawing:``, the map file's drawing settings: read into the resolved map as written (None
where the file says nothing), refused with located diagnostics, and the named file's own."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from argmap.argument_map import Drawing
from argmap.model import Direction, Grouping
from argmap.pipeline import load_map
from argmap.schema import schema_text

CLAIMS = "claims:\n  a: {text: A claim.}\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_map_without_drawing_settings_has_none(tmp_path: Path) -> None:
    result = load_map(_write(tmp_path, "m.yaml", "argmap: 1\n" + CLAIMS))
    assert result.map is not None
    assert result.map.drawing == Drawing(None, None, None, None)


def test_the_settings_are_read_as_written(tmp_path: Path) -> None:
    text = "argmap: 1\ndrawing:\n  rankdir: lr\n  group-by: actor\n  evidence: false\n" + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert result.diagnostics == []
    assert result.map is not None
    assert result.map.drawing == Drawing(Direction.LR, Grouping.ACTOR, False, None)


def test_true_and_false_in_the_spellings_of_yaml_1_2(tmp_path: Path) -> None:
    text = "argmap: 1\ndrawing: {evidence: True, legend: FALSE}\n" + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert result.map is not None
    assert result.map.drawing == Drawing(None, None, True, False)


def test_yes_and_no_are_not_true_and_false(tmp_path: Path) -> None:
    result = load_map(_write(tmp_path, "m.yaml", "argmap: 1\ndrawing: {legend: no}\n" + CLAIMS))
    assert [(d.line, d.col, d.code, d.message) for d in result.diagnostics] == [
        (2, 19, "AM203", "'drawing', 'legend' should be true or false, not 'no'")
    ]


def test_a_direction_in_capitals_is_refused_with_the_lower_case_suggested(
    tmp_path: Path,
) -> None:
    text = "argmap: 1\ndrawing:\n  rankdir: LR\n  group-by: actr\n" + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert [(d.line, d.col, d.code, d.hint) for d in result.diagnostics] == [
        (3, 12, "AM204", "did you mean 'lr'? (lower case, as on the command line)"),
        (4, 13, "AM204", "did you mean 'actor'?"),
    ]


def test_an_unknown_setting_suggests_the_known_one(tmp_path: Path) -> None:
    text = "argmap: 1\ndrawing:\n  group_by: tag\n" + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert [(d.line, d.col, d.code, d.message, d.hint) for d in result.diagnostics] == [
        (3, 3, "AM201", "unknown key 'group_by' in 'drawing'", "did you mean 'group-by'?")
    ]


def test_an_included_files_settings_do_not_draw_the_including_map(tmp_path: Path) -> None:
    """Each file is a map of its own: its settings draw it when it is named, not the maps
    that include it (as its title does not name them)."""
    _write(tmp_path, "part.yaml", "argmap: 1\ndrawing: {rankdir: lr}\nclaims:\n  b: {text: B.}\n")
    root = _write(tmp_path, "m.yaml", "argmap: 1\ninclude: [part.yaml]\n" + CLAIMS)
    result = load_map(root)
    assert result.diagnostics == []
    assert result.map is not None
    assert result.map.drawing == Drawing()
    part = load_map(tmp_path / "part.yaml")
    assert part.map is not None
    assert part.map.drawing == Drawing(rankdir=Direction.LR)


def test_the_schema_holds_the_settings_as_the_model_reads_them() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    good = {"rankdir": "lr", "group-by": "actor", "evidence": False, "legend": True}
    assert validator.is_valid({"argmap": 1, "drawing": good})
    for bad in ({"rankdir": "LR"}, {"group_by": "tag"}, {"legend": "no"}):
        assert not validator.is_valid({"argmap": 1, "drawing": bad}), bad


QUOTED = ["true", "True", "TRUE", "false", "False", "FALSE", "tRUE", "yes", "no", "on", "1", ""]


@pytest.mark.parametrize("spelling", QUOTED)
def test_the_loader_and_the_schema_agree_on_a_quoted_truth_value(
    tmp_path: Path, spelling: str
) -> None:
    """The loader keeps scalars as text, so ``legend: "TRUE"`` reads as ``legend: TRUE`` (as
    ``priority: "3"`` reads as ``priority: 3``); an editor's YAML 1.2 parser reads a string
    there, which the schema refused though argmap draws the map. Both now take the same
    spellings, and refuse the same others."""
    text = f'argmap: 1\ndrawing: {{legend: "{spelling}"}}\n' + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    accepted = validator.is_valid({"argmap": 1, "drawing": {"legend": spelling}})
    assert accepted == (result.diagnostics == [])
    assert accepted == (spelling in QUOTED[:6])


def test_a_quoted_truth_value_is_read_as_written_without_quotes(tmp_path: Path) -> None:
    text = 'argmap: 1\ndrawing: {legend: "TRUE", evidence: "false"}\n' + CLAIMS
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert result.diagnostics == []
    assert result.map is not None
    assert result.map.drawing == Drawing(None, None, False, True)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("null", "nothing (an empty value)"),
        ("~", "nothing (an empty value)"),
        ("[lr]", "a list"),
        ("{lr: tb}", "a mapping"),
    ],
)
def test_a_choice_that_is_no_text_is_described_not_shown_as_python(
    tmp_path: Path, value: str, shown: str
) -> None:
    """``rankdir: null`` said "None is not one of ...", ``[lr]`` "['lr']" with "did you mean
    'lr'?" as its hint: Python's words for values a YAML file writes otherwise. A claim's
    ``kind`` goes through the same words."""
    text = f"argmap: 1\ndrawing:\n  rankdir: {value}\nclaims:\n  a: {{text: A., kind: {value}}}\n"
    result = load_map(_write(tmp_path, "m.yaml", text))
    assert [(d.line, d.col, d.code, d.message, d.hint) for d in result.diagnostics] == [
        (3, 12, "AM204", f"'drawing', 'rankdir': {shown} is not one of tb, lr, bt, rl", None),
        (
            5,
            23,
            "AM204",
            f"claim 'a', 'kind': {shown} is not one of thesis, claim, premise, assumption, "
            "counterclaim",
            None,
        ),
    ]
