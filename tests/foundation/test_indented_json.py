"""``indented_json`` writes exactly what ``json.dumps(value, indent=2, ensure_ascii=False)``
writes, the exports' bytes, without the pure-Python encoder's cost."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.indented_json import indented_json, json_document

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _reference(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        None,
        'é \u2028 " \\ \n \x00 𝄞',
        [],
        {},
        {"a": [], "b": {}, "c": [[]], "d": [{}]},
        {"nodes": [{"nodeID": "1", "text": "x", "formEdgeID": None}], "edges": []},
        {"claims": [{"id": "c", "score": 0.5, "reasons": [{"kind": "attack"}], "tags": []}]},
        [1, [2, [3, [4, {"deep": [5.0, True, False, None]}]]]],
        {1: "int key", 2.5: "float key", False: "bool key", None: "null key"},
        {"nested": {1: [1], None: {"x": [True]}}},
        (1, (2, ()), {"t": (3,)}),
        [float("nan"), float("inf"), -float("inf"), 1e300, -0.0],
    ],
)
def test_same_bytes_as_the_indenting_encoder(value: Any) -> None:
    assert indented_json(value) == _reference(value)


@settings(max_examples=300)
@given(_VALUES)
def test_same_bytes_for_any_json_value(value: Any) -> None:
    assert indented_json(value) == _reference(value)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        indented_json({"a": [{"b": object()}]})


def test_every_json_document_argmap_prints_goes_through_one_writer() -> None:
    """validate, check, stats, the exports, SARIF and the schemas all write their JSON with
    ``json_document``: one place decides the indentation, the escaping and the last newline
    (stats wrote its own ``json.dumps(..., indent=2)``, without ``ensure_ascii=False``)."""
    src = Path(__file__).parents[2] / "src" / "argmap"
    writers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if path.name != "indented_json.py"
        and re.search(r"json\.dumps\([^)]*indent=|indented_json\(", path.read_text("utf-8"))
    )
    assert writers == []


def test_json_document_is_indented_json_and_one_newline() -> None:
    value = {"format": "argmap-stats", "é": [1, {"a": None}]}
    assert json_document(value) == _reference(value) + "\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        # A file name that is not UTF-8 reaches Python as lone surrogates (surrogateescape).
        ({"path": "bad\udcff.yaml"}, '{\n  "path": "bad\\udcff.yaml"\n}\n'),
        (
            ["\ud800", "a\udfffb", "\U0001f600"],
            '[\n  "\\ud800",\n  "a\\udfffb",\n  "\U0001f600"\n]\n',
        ),
        ({"k\udc80": 1}, '{\n  "k\\udc80": 1\n}\n'),
    ],
)
def test_a_lone_surrogate_is_written_as_an_escape(value: Any, written: str) -> None:
    """``ensure_ascii=False`` wrote a lone surrogate as itself: a document that no UTF-8
    stream can carry (the run died with UnicodeEncodeError where standard output is strict),
    or, through ``surrogateescape``, a byte that is not UTF-8, which ``json.loads`` of the
    bytes refuses. As a ``\\uXXXX`` escape it is valid JSON that reads back to the same
    string; a character outside the BMP, a valid pair, stays as it is."""
    document = json_document(value)
    assert document == written
    assert json.loads(document.encode("utf-8")) == value
