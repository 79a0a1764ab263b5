"""A claim's or argument's ``priority`` written as text: the loader keeps every scalar as text,
so ``priority: 3``, ``priority: "3"`` and ``priority: 3_000`` all reach the model as text, and
what it reads must be the number written, or a located error; the JSON Schema, which an
editor's YAML 1.2 parser applies to a quoted value as text, takes the same spellings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.pipeline import load_map
from argmap.schema import schema_text

READ = [
    ("3", 3),
    ("-1", -1),
    ("+3", 3),
    ("0", 0),
    ("007", 7),
    ("3_000", 3000),
    ("1_0_0", 100),
    (" 3 ", 3),
    ("3.0", 3),
    ("3.00", 3),
    ("-0", 0),
    ("3.", 3),
]
REFUSED = ["0-5", "00-1", "0__0", "0_-1", "0-_1", "1__0", "_3", "3_", "3.5", "1e2",
           "0x10", "0o7", "high", "", "٣", "1-1", "+-3", "- 3"]  # fmt: skip


def _map(priority: str) -> str:
    return f'argmap: 1\nclaims:\n  a:\n    text: A claim.\n    priority: "{priority}"\n'


def _load(tmp_path: Path, priority: str) -> tuple[int | None, list[tuple[int, int, str, str]]]:
    path = tmp_path / "m.yaml"
    path.write_text(_map(priority), encoding="utf-8")
    result = load_map(path)
    found = [(d.line, d.col, d.code, d.message) for d in result.diagnostics]
    if result.map is None:
        return None, found
    return result.map.claims["a"].priority, found


@pytest.mark.parametrize(("text", "number"), READ)
def test_a_whole_number_written_as_text_is_read_as_written(
    tmp_path: Path, text: str, number: int
) -> None:
    assert _load(tmp_path, text) == (number, [])


@pytest.mark.parametrize("text", REFUSED)
def test_text_that_is_no_whole_number_is_refused_where_it_stands(tmp_path: Path, text: str) -> None:
    """``priority: 0-5`` (a range, or a slip) was read as -5: pydantic reads the text
    ``0-5`` as the number -5, and ``0__0`` as 0, which Python and YAML refuse."""
    shown = f"{text!r}" if text else "''"
    assert _load(tmp_path, text) == (
        None,
        [(5, 15, "AM203", f"claim 'a', 'priority' should be a whole number, not {shown}")],
    )


_VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


def _schema_takes(text: str) -> bool:
    doc = {"argmap": 1, "claims": {"a": {"text": "A claim.", "priority": text}}}
    return bool(_VALIDATOR.is_valid(doc))


@pytest.mark.parametrize("text", [t for t, _ in READ] + REFUSED)
def test_the_schema_takes_the_spellings_the_loader_takes(tmp_path: Path, text: str) -> None:
    number, found = _load(tmp_path, text)
    assert _schema_takes(text) == (number is not None) == (found == [])


@given(st.text(alphabet="0123456789_+-. e", max_size=8))
def test_the_loader_and_the_schema_agree_on_any_such_text(text: str) -> None:
    """Whatever the text, the schema takes it exactly when the model does."""
    from argmap.model import Claim

    try:
        Claim.model_validate({"text": "A claim.", "priority": text})
    except ValueError:
        loaded = False
    else:
        loaded = True
    assert _schema_takes(text) == loaded
