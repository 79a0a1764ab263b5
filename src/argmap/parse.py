"""Stage 2, model: a loaded tree -> :class:`ArgumentFile`, with schema errors as located
diagnostics.

pydantic reports errors by path (``loc``); the loader kept a position for every path, so each
error lands on the key or value that caused it. Messages name the element in the map's own
words ("claim 'us-key'") and suggest the nearest known key or value.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from argmap import codes
from argmap.diagnostics import Diagnostic, Position
from argmap.load import Document, PathKey
from argmap.model import EXPONENT_ERROR, KIND_NAMES, TEXT_PATTERN, ArgumentFile, ClaimKind
from argmap.unseen import show_blank

_KEY_MARK = "[key]"
_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "float_parsing": "a number",
    "float_type": "a number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def parse_document(doc: Document) -> tuple[ArgumentFile | None, list[Diagnostic]]:
    """Validate a loaded document against format version 1."""
    if doc.data is None:
        return None, []
    try:
        return ArgumentFile.model_validate(doc.data), []
    except ValidationError as exc:
        diagnostics = [_diagnostic(doc, error) for error in exc.errors(include_url=False)]
        return None, _drop_shadowed(diagnostics)


def _drop_shadowed(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One message per place: pydantic may report a value twice (type, then constraint)."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for d in diagnostics:
        key = (d.line, d.col, d.code)
        if key not in seen:
            seen.add(key)
            kept.append(d)
    return kept


def _diagnostic(doc: Document, error: ErrorDetails) -> Diagnostic:
    loc: PathKey = tuple(error["loc"])
    kind = error["type"]
    positions = doc.positions
    if loc and loc[-1] == _KEY_MARK:
        return _bad_id(doc, loc[:-1])
    where = describe(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = sorted(_known_keys(loc[:-1]))
        hint = _did_you_mean(key, known) or (
            f"known keys here: {', '.join(known)}" if known else None
        )
        return codes.UNKNOWN_KEY.at(
            doc.path, positions.key(loc), f"unknown key {_show(key)} in {describe(loc[:-1])}", hint
        )
    if kind == "missing":
        key = str(loc[-1])
        if loc == ("argmap",):
            return codes.MISSING_KEY.at(
                doc.path,
                positions.value(()),
                "missing 'argmap: 1': the file must say which format version it is written in",
                hint="add the line 'argmap: 1' at the top of the file",
            )
        return codes.MISSING_KEY.at(
            doc.path,
            positions.key(loc[:-1]),
            f"{describe(loc[:-1])} is missing the required key '{key}'",
        )
    got = error.get("input")
    if loc == ("argmap",):
        if got is None or isinstance(got, dict | list):
            # no version at all (a CI file whose job is named 'argmap'): no Python repr of it
            message = f"{where} should be the format version, 1, not {_describe_value(got)}"
        else:
            message = f"format version {_show(got)} is not supported; this argmap reads version 1"
        return codes.FORMAT_VERSION.at(doc.path, positions.value(loc), message)
    if kind in _TYPE_NAMES:
        return codes.WRONG_TYPE.at(
            doc.path,
            positions.value(loc),
            f"{where} should be {_TYPE_NAMES[kind]}, not {_describe_value(got)}",
        )
    if kind == "string_too_short" or (
        kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == TEXT_PATTERN
    ):
        return codes.INVALID_VALUE.at(
            doc.path, positions.value(loc), f"{where} is blank: write what it says"
        )
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "url":
        return codes.INVALID_VALUE.at(
            doc.path,
            positions.value(loc),
            f"{where}: {_show(got)} is not a web address or a DOI",
            hint="write an address that starts with http://, https:// or doi:",
        )
    if kind == "string_pattern_mismatch":
        return codes.INVALID_ID.at(
            doc.path,
            positions.value(loc),
            f"{where}: {_show(got)} is not a valid identifier",
            hint="identifiers use letters, digits, '-', '_' and '.', and start with a letter "
            "or digit",
        )
    if kind == "enum":
        choices = _choices_at(loc)
        # a value that is no text (null, a list, a mapping) is described, not shown as Python
        hint = _did_you_mean(got, choices) if isinstance(got, str) else None
        if isinstance(got, str) and got.lower() in choices:
            hint = f"did you mean '{got.lower()}'? (lower case, as on the command line)"
        return codes.INVALID_VALUE.at(
            doc.path,
            positions.value(loc),
            f"{where}: {_describe_value(got)} is not one of {', '.join(choices)}",
            hint,
        )
    if kind == EXPONENT_ERROR:
        decimal = error.get("ctx", {}).get("decimal")
        return codes.INVALID_VALUE.at(
            doc.path,
            positions.value(loc),
            f"{where}: {_show(got)} is written with an exponent, which argmap does not read",
            hint=f"write it as a decimal: {decimal}"
            if decimal is not None
            else "write it as a decimal from 0 to 1, such as 0.5",
        )
    message = error["msg"].removeprefix("Value error, ")
    pos = positions.key(loc) if kind == "value_error" else positions.value(loc)
    if kind == "value_error" and len(loc) == 2 and str(loc[0]) in _ONE_OF:
        pos = _second_given(doc, loc, _ONE_OF[str(loc[0])]) or pos
    return codes.INVALID_VALUE.at(doc.path, pos, f"{where}: {_lower_first(message)}")


# Keys of which an element takes exactly one (its target): when it has two or more, the
# second one written is the one at fault, rather than the whole element.
_ONE_OF = {
    "attacks": ("rebuts", "undermines", "undercuts"),
    "evidence": ("supports", "attacks"),
}


def _second_given(doc: Document, loc: PathKey, keys: Sequence[str]) -> Position | None:
    """Where the second of ``keys`` written in the element at ``loc`` stands; None if fewer
    than two are written."""
    element: Any = doc.data
    for step in loc:
        element = element.get(step) if isinstance(element, dict) else None
    if not isinstance(element, dict):
        return None
    given = sorted(
        doc.positions.key_line_col((*loc, k)) for k in keys if element.get(k) is not None
    )
    return Position(*given[1]) if len(given) > 1 else None


def _bad_id(doc: Document, loc: PathKey) -> Diagnostic:
    key = str(loc[-1])
    kind = KIND_NAMES.get(str(loc[0]), "element") if len(loc) == 2 else "element"
    return codes.INVALID_ID.at(
        doc.path,
        doc.positions.key(loc),
        f"{_show(key)} is not a valid {kind} identifier",
        hint="identifiers use letters, digits, '-', '_' and '.', start with a letter or digit, "
        "and have at most 80 characters",
    )


def describe(loc: Sequence[str | int]) -> str:
    """A path as the map's author would say it: ``claim 'a', evidence item 1, 'strength'``."""
    if not loc:
        return "the top level"
    parts: list[str] = []
    rest: Sequence[str | int] = loc
    if str(loc[0]) in KIND_NAMES and len(loc) >= 2 and isinstance(loc[1], str):
        parts.append(f"{KIND_NAMES[str(loc[0])]} '{show_blank(loc[1])}'")
        rest = loc[2:]
    for step in rest:
        parts.append(f"item {step + 1}" if isinstance(step, int) else f"'{show_blank(step)}'")
    return ", ".join(parts)


def _known_keys(loc: PathKey) -> set[str]:
    model = _model_at(loc)
    if model is None:
        return set()
    return {field.alias or name for name, field in model.model_fields.items()}


def _choices_at(loc: PathKey) -> list[str]:
    """The values of the enumeration that the value at ``loc`` is one of."""
    model = _model_at(loc[:-1])
    fields = {} if model is None else {f.alias or n: f for n, f in model.model_fields.items()}
    field = fields.get(str(loc[-1])) if loc else None
    annotation = _unwrap(field.annotation) if field is not None else None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    return [k.value for k in ClaimKind]


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """Walk the model classes along a path, through lists, dicts and Optional."""
    current: Any = ArgumentFile
    for step in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next(
                (f for n, f in current.model_fields.items() if (f.alias or n) == step), None
            )
            if field is None:
                return None
            current = field.annotation
            continue
        origin = typing.get_origin(current)
        args = typing.get_args(current)
        if origin is list and isinstance(step, int):
            current = args[0]
        elif origin is dict and isinstance(step, str):
            current = args[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0] if len(members) == 1 else annotation
            if len(members) != 1:
                return annotation
        else:
            return annotation


def _did_you_mean(word: str, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{show_blank(value)}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
