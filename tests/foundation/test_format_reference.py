"""docs/format.md, the authority on the format, against the models that are the format: each
section's table names every key its model accepts and no other, whether it is required, its
type and its default, so that the page and the code cannot drift apart."""

from __future__ import annotations

import re
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from argmap import model
from argmap.model import REF_PATTERN

FORMAT = Path(__file__).parents[2] / "docs" / "format.md"
SECTIONS: dict[str, type[BaseModel]] = {
    "Top level": model.ArgumentFile,
    "`sources`": model.Source,
    "`actors`": model.Actor,
    "`claims`": model.Claim,
    "`arguments`": model.Argument,
    "`attacks`": model.Attack,
    "`evidence`": model.Evidence,
    "`questions`": model.Question,
    "`drawing`": model.Drawing,
}
# What a documented type says of a value's shape, as the model's annotation says it below.
DOCUMENTED = (
    (r"text|path", "text"),
    (r"list of (?:text|paths)", "list of text"),
    (r"(?:\w+ )?id", "id"),
    (r"(?:\w+ )?id or list", "id or list"),
    (r"list of \w+ ids", "list of ids"),
    (r"mapping id → (\w+)", r"mapping id → \1"),
    (r"list of (evidence|question)s?", r"list of \1"),
    (r"integer", "integer"),
    (r"true or false", "true or false"),
    (r"mapping \(`(\w+)`, below\)", r"mapping \1"),
    (r"number 0–1", "number 0–1"),
    (r"one of (`\w+`(?:, `\w+`)*)", r"one of \1"),
)


def table(section: str) -> dict[str, dict[str, str]]:
    """The first table under the heading ``## section``: each row by its key, by column."""
    text = FORMAT.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    first = body.index("\n|") + 1
    lines = body[first:].split("\n\n", 1)[0].splitlines()
    header, _, *rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return {row[0].strip("`"): dict(zip(header, row, strict=True)) for row in rows}


def documented_shape(written: str) -> str:
    for pattern, shape in DOCUMENTED:
        if re.fullmatch(pattern, written):
            return re.sub(pattern, shape, written)
    raise AssertionError(f"a type the test does not know: {written!r}")


def _plain(annotation: Any) -> tuple[Any, list[Any]]:
    """The type without ``Annotated`` and ``| None``, and the metadata that was around it."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *more = typing.get_args(annotation)
            metadata += more
        elif origin in (typing.Union, types.UnionType):
            (annotation,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        else:
            return annotation, metadata


def _is_ref(metadata: list[Any]) -> bool:
    return any(getattr(m, "pattern", None) == REF_PATTERN for m in metadata)


def _name(element: type[BaseModel]) -> str:
    return {"InlineEvidence": "evidence"}.get(element.__name__, element.__name__.lower())


def model_shape(field: FieldInfo) -> str:
    annotation, metadata = _plain(field.annotation)
    metadata += field.metadata
    one_or_many = any(getattr(m, "func", None) is model._one_or_many for m in metadata)
    origin = typing.get_origin(annotation)
    if origin is dict:
        return f"mapping id → {_name(_plain(typing.get_args(annotation)[1])[0])}"
    if origin is list:
        item, item_metadata = _plain(typing.get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return f"list of {_name(item)}"
        if _is_ref(item_metadata):
            return "id or list" if one_or_many else "list of ids"
        return "list of text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"mapping {_name(annotation)}"
    if annotation is bool:
        return "true or false"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of " + ", ".join(f"`{member.value}`" for member in annotation)
    if annotation is str:
        return "id" if _is_ref(metadata) else "text"
    if annotation is int or origin is typing.Literal:
        return "integer"
    if annotation is float:
        bounds = {type(m).__name__: m for m in metadata}
        return f"number {bounds['Ge'].ge:g}–{bounds['Le'].le:g}"
    raise AssertionError(f"a type the test does not know: {annotation!r}")


def model_default(field: FieldInfo) -> str:
    if field.is_required():
        return "—"
    default = field.get_default(call_default_factory=True)
    if default in (None, [], {}):
        return "none"
    if isinstance(default, Enum):
        default = default.value
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default:g}`" if isinstance(default, float) else f"`{default}`"


@pytest.mark.parametrize("section", SECTIONS)
def test_each_table_of_docs_format_is_its_model(section: str) -> None:
    element = SECTIONS[section]
    rows = table(section)
    fields = {field.alias or name: field for name, field in element.model_fields.items()}
    assert sorted(rows) == sorted(fields), f"{section}: documented keys are the model's"
    for key, field in fields.items():
        row = rows[key]
        where = f"{section}, `{key}`"
        assert (row["required"] == "yes") == field.is_required(), where
        assert documented_shape(row["type"]) == model_shape(field), where
        assert row["default"] == model_default(field), where


def test_one_of_the_targets_names_as_many_keys_as_it_says() -> None:
    """``one of the three`` stands in the three rows of an attack's targets, and so on."""
    for section in SECTIONS:
        rows = table(section).values()
        for required in {row["required"] for row in rows if row["required"].startswith("one ")}:
            count = {"one of the two": 2, "one of the three": 3}[required]
            assert sum(row["required"] == required for row in rows) == count, section


def test_the_evidence_under_a_claim_is_the_evidence_without_its_target() -> None:
    """The claims table says a claim's ``evidence`` is as under ``evidence``, without
    ``supports``/``attacks``."""
    assert "without `supports`/`attacks`" in table("`claims`")["evidence"]["meaning"]
    inline = set(model.InlineEvidence.model_fields)
    assert inline == set(model.Evidence.model_fields) - {"supports", "attacks"}
