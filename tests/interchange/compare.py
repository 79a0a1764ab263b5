"""Comparing an Argdown summary with the reference implementation's."""

from __future__ import annotations

from typing import Any

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
