"""An evidence's ``strength`` written as text: the loader keeps every scalar as text, so
``strength: 0.5`` and ``strength: "0.5"`` both reach the model as text, and what it reads must
be the number written, or a located error; the JSON Schema, which an editor's YAML 1.2 parser
applies to a quoted value as text, takes the same spellings (as for ``priority``:
test_whole_numbers)."""

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
    ("0", 0.0),
    ("1", 1.0),
    ("0.5", 0.5),
    (".5", 0.5),
    ("1.0", 1.0),
    ("1.", 1.0),
    ("0.", 0.0),
    ("00.25", 0.25),
    ("+0.5", 0.5),
    (" 0.5 ", 0.5),
    ("0.7500", 0.75),
    ("-0", 0.0),
    ("-0.0", 0.0),
]
# Out of range, or no number at all: refused as before, with the same messages.
OUT_OF_RANGE = [("1.5", "less than or equal to 1"), ("-0.1", "greater than or equal to 0"),
                ("1.00000000000000000001", "less than or equal to 1"),  # 1.0 as a float
                ("-0.00000000000000000001", "greater than or equal to 0")]  # fmt: skip
NO_NUMBER = ["high", "0,5", "0.5.", ".", "", "nan", ".inf", "inf", "0x1", "1_0", "0.5_0",
             "٠.٥", "1/2", "50%", "- 0.5"]  # fmt: skip
# Exponents: a JSON Schema pattern cannot bound their value, so argmap reads none.
EXPONENTS = [("5e-1", "write it as a decimal: 0.5"), ("1E0", "write it as a decimal: 1"),
             ("2.5e-1", "write it as a decimal: 0.25"),
             ("1e2", "write it as a decimal from 0 to 1, such as 0.5"),
             ("1e-400", "write it as a decimal from 0 to 1, such as 0.5")]  # fmt: skip

PREFIX = "claim 'a', 'evidence', item 1, 'strength'"


def _map(strength: str) -> str:
    return (
        "argmap: 1\nsources:\n  s:\n    title: S\nclaims:\n  a:\n    text: A claim.\n"
        f'    evidence:\n      - quote: q\n        source: s\n        strength: "{strength}"\n'
    )


def _load(
    tmp_path: Path, strength: str
) -> tuple[float | None, list[tuple[int, int, str, str, str | None]]]:
    path = tmp_path / "m.yaml"
    path.write_text(_map(strength), encoding="utf-8")
    result = load_map(path)
    found = [(d.line, d.col, d.code, d.message, d.hint) for d in result.diagnostics]
    if result.map is None:
        return None, found
    (evidence,) = result.map.evidence.values()  # inline evidence joins the map's
    return evidence.strength, found


@pytest.mark.parametrize(("text", "number"), READ)
def test_a_strength_written_as_text_is_read_as_written(
    tmp_path: Path, text: str, number: float
) -> None:
    strength, found = _load(tmp_path, text)
    assert (strength, found) == (number, [])
    assert str(strength) == str(number)  # -0 is 0, not -0.0


@pytest.mark.parametrize(("text", "bound"), OUT_OF_RANGE)
def test_a_strength_out_of_range_is_refused_where_it_stands(
    tmp_path: Path, text: str, bound: str
) -> None:
    assert _load(tmp_path, text) == (
        None,
        [(11, 19, "AM204", f"{PREFIX}: input should be {bound}", None)],
    )


@pytest.mark.parametrize("text", NO_NUMBER)
def test_text_that_is_no_number_is_refused_where_it_stands(tmp_path: Path, text: str) -> None:
    """``nan`` and ``.inf`` were 'input should be a finite number'; ``0.5_0`` was read as
    0.5, which no YAML 1.2 parser (an editor's) reads as a number."""
    shown = f"{text!r}" if text else "''"
    assert _load(tmp_path, text) == (
        None,
        [(11, 19, "AM203", f"{PREFIX} should be a number, not {shown}", None)],
    )


@pytest.mark.parametrize(("text", "hint"), EXPONENTS)
def test_a_strength_with_an_exponent_is_refused_with_its_decimal(
    tmp_path: Path, text: str, hint: str
) -> None:
    """``strength: 5e-1`` was read as 0.5, and ``1e-400`` as 0; the schema could take the
    texts only by a pattern that says nothing of their value."""
    message = f"{PREFIX}: '{text}' is written with an exponent, which argmap does not read"
    assert _load(tmp_path, text) == (None, [(11, 19, "AM204", message, hint)])


def test_a_strength_with_an_exponent_is_reported_by_the_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    (tmp_path / "m.yaml").write_text(_map("5e-1").replace('"5e-1"', "5e-1"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1
    assert f"m.yaml:11:19: error[AM204] {PREFIX}: '5e-1' is written with an exponent" in (
        result.output
    )
    assert "hint: write it as a decimal: 0.5" in result.output


_VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


def _schema_takes(value: object) -> bool:
    doc = {
        "argmap": 1,
        "claims": {"a": {"text": "A claim.", "evidence": [{"quote": "q", "source": "s"}]}},
    }
    doc["claims"]["a"]["evidence"][0]["strength"] = value  # type: ignore[index]
    return bool(_VALIDATOR.is_valid(doc))


ALL = [t for t, _ in READ] + [t for t, _ in OUT_OF_RANGE] + NO_NUMBER + [t for t, _ in EXPONENTS]


@pytest.mark.parametrize("text", ALL)
def test_the_schema_takes_the_spellings_the_loader_takes(tmp_path: Path, text: str) -> None:
    number, found = _load(tmp_path, text)
    assert _schema_takes(text) == (number is not None) == (found == [])


def test_the_schema_still_takes_numbers_from_0_to_1() -> None:
    assert [_schema_takes(n) for n in (0, 0.5, 1, 1.5, -0.1)] == [True, True, True, False, False]


@given(st.text(alphabet="0123456789+-. eE_", max_size=8))
def test_the_loader_and_the_schema_agree_on_any_such_text(text: str) -> None:
    """Whatever the text, the schema takes it exactly when the model does."""
    from argmap.model import InlineEvidence

    try:
        InlineEvidence.model_validate({"quote": "q", "source": "s", "strength": text})
    except ValueError:
        loaded = False
    else:
        loaded = True
    assert _schema_takes(text) == loaded
