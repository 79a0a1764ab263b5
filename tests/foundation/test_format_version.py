"""The format version, ``argmap: 1``, written as text: the loader keeps every scalar as text,
so ``argmap: 1`` and ``argmap: "1"`` reach the model alike. ``argmap: "1"`` was read, and the
JSON Schema (``const: 1``) flagged it in an editor; ``argmap: 1.0``, which the schema takes
(JSON Schema's integers include 1.0), was refused. Both now take the same spellings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.pipeline import load_map
from argmap.schema import schema_text

READ = ["1", "01", "+1", " 1 ", "1.0", "1.", "1.00"]
REFUSED = [("2", "2"), ("1.5", "'1.5'"), ("one", "'one'"), ("1e0", "'1e0'"), ("0x1", "'0x1'"),
           ("1_0", "'1_0'"), ("-1", "'-1'"), ("١", "'١'")]  # fmt: skip


def _load(tmp_path: Path, text: str, quote: str = '"') -> list[tuple[int, int, str, str]]:
    path = tmp_path / "m.yaml"
    path.write_text(
        f"argmap: {quote}{text}{quote}\nclaims: {{a: {{text: A., kind: thesis}}}}\n",
        encoding="utf-8",
    )
    result = load_map(path)
    found = [(d.line, d.col, d.code, d.message) for d in result.diagnostics]
    assert (result.map is not None) == (found == [] or found[0][2] != "AM205")
    return [f for f in found if f[2] == "AM205"]


@pytest.mark.parametrize("text", READ)
def test_version_1_written_as_text_is_read(tmp_path: Path, text: str) -> None:
    assert _load(tmp_path, text) == []


@pytest.mark.parametrize(("text", "shown"), REFUSED)
def test_another_version_is_refused_where_it_stands(tmp_path: Path, text: str, shown: str) -> None:
    message = f"format version {shown} is not supported; this argmap reads version 1"
    assert _load(tmp_path, text) == [(1, 9, "AM205", message)]


_VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


def _schema_takes(value: object) -> bool:
    return bool(_VALIDATOR.is_valid({"argmap": value}))


@pytest.mark.parametrize("text", READ + [t for t, _ in REFUSED])
def test_the_schema_takes_the_spellings_the_loader_takes(tmp_path: Path, text: str) -> None:
    assert _schema_takes(text) == (_load(tmp_path, text) == [])


def test_the_schema_still_takes_the_number_1() -> None:
    assert [_schema_takes(v) for v in (1, 1.0, 2, 0)] == [True, True, False, False]


@given(st.text(alphabet="0123456789+-. e_", max_size=6))
def test_the_loader_and_the_schema_agree_on_any_such_text(text: str) -> None:
    from argmap.model import ArgumentFile

    try:
        ArgumentFile.model_validate({"argmap": text})
    except ValueError:
        loaded = False
    else:
        loaded = True
    assert _schema_takes(text) == loaded
