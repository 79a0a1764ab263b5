"""Comparing an Argdown summary with the reference implementation's, and a map with the map
that comes back from an export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.interchange.text import one_line


def texts(values: list[str]) -> list[str]:
    """Texts compared as text: whitespace runs are one space; references add none."""
    return sorted(one_line(t) for t in values if t.strip())


def relations(summary: dict[str, Any]) -> set[tuple[str, ...]]:
    return {
        (r["from"], r["fromType"], r["to"], r["toType"], r["relationType"])
        for r in summary["relations"]
    }


def assert_same(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert list(got["statements"]) == list(expected["statements"])
    for title, statement in expected["statements"].items():
        mine = got["statements"][title]
        assert texts(mine["texts"]) == texts(statement["texts"]), title
        assert sorted(mine["tags"]) == sorted(statement["tags"]), title
    assert list(got["arguments"]) == list(expected["arguments"])
    for title, argument in expected["arguments"].items():
        mine = got["arguments"][title]
        assert texts(mine["descriptions"]) == texts(argument["descriptions"]), title
        assert mine["pcs"] == argument["pcs"], title
        assert sorted(mine["tags"]) == sorted(argument["tags"]), title
    assert len(got["relations"]) == len(expected["relations"])
    assert relations(got) == relations(expected)


def _fields(elements: Mapping[str, Any], names: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    return {key: tuple(getattr(x, name) for name in names) for key, x in elements.items()}


def assert_same_map(a: ArgumentMap, b: ArgumentMap, *, texts_joined: bool = False) -> None:
    """``b``, read back from an export of ``a``, is ``a``: every element with every field a
    map file holds; claim texts joined into one line, with U+FFFD for a NUL, when the format
    changes them so (``texts_joined``, Argdown)."""
    assert (a.title, a.question, a.description, a.authors, a.date) == (
        b.title,
        b.question,
        b.description,
        b.authors,
        b.date,
    )
    assert a.drawing == b.drawing
    assert list(a.claims) == list(b.claims)
    for cid, claim in a.claims.items():
        other = b.claims[cid]
        text = one_line(claim.text).replace("\0", "\ufffd") if texts_joined else claim.text
        assert text == other.text, cid
        for name in ("label", "kind", "holder", "tags", "note", "priority"):
            assert getattr(claim, name) == getattr(other, name), (cid, name)
    for elements, names in (
        (lambda m: m.arguments, ("premises", "conclusion", "label", "holder", "note", "priority")),
        (lambda m: m.attacks, ("attacker", "target", "kind", "note")),
        (
            lambda m: m.evidence,
            ("quote", "source", "target", "stance", "locator", "strength", "note"),
        ),
        (lambda m: m.sources, ("title", "authors", "date", "publisher", "url", "file", "note")),
        (lambda m: m.actors, ("name", "role", "url", "note")),
    ):
        assert _fields(elements(a), names) == _fields(elements(b), names)
    assert [(q.text, q.about) for q in a.questions] == [(q.text, q.about) for q in b.questions]
