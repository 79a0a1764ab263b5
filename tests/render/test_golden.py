"""The DOT that argmap builds, compared byte for byte with stored files.

Regenerate them after an intended change with ``ARGMAP_UPDATE_GOLDEN=1 pytest tests/render``,
then read the diff: it is the review of the change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.pipeline import load_map
from argmap.render import GroupBy, RankDir, RenderOptions, build_digraph
from argmap.verdict import ClaimVerdict, QuoteStatus, Reason, Verdict

from .conftest import FIXTURES, GOLDEN, MONTEBELLO

VERDICTS = {
    "uniforms": ClaimVerdict("uniforms", Verdict.CONTESTED, 0.5, "UNDEC"),
    "attendance": ClaimVerdict(
        "attendance",
        Verdict.SUPPORTED,
        0.8,
        "IN",
        (Reason("evidence", "attendance.ev1", "a verified quote backs it"),),
    ),
    "cost": ClaimVerdict(
        "cost", Verdict.REFUTED, 0.2, "OUT", (Reason("attack", "cheap-brands", "undermined"),)
    ),
    "equal": ClaimVerdict("equal", Verdict.UNSUPPORTED, 0.5, "IN"),
}
QUOTE_STATUS = {
    "attendance.ev1": QuoteStatus.VERIFIED,
    "survey": QuoteStatus.NOT_FOUND,
}


def _check(name: str, source: str) -> None:
    path = GOLDEN / f"{name}.dot"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        path.write_text(source, encoding="utf-8", newline="\n")
    assert path.is_file(), f"no golden file {path}; run with ARGMAP_UPDATE_GOLDEN=1"
    assert source == path.read_text(encoding="utf-8"), f"{path.name} differs"


def _load(path: Path) -> ArgumentMap:
    result = load_map(path)
    assert result.map is not None and result.diagnostics == []
    return result.map


def test_montebello_full_view() -> None:
    _check("montebello", build_digraph(_load(MONTEBELLO)).source)


def test_montebello_focus_without_evidence() -> None:
    options = RenderOptions(focus="spp-threat", depth=1, show_evidence=False)
    _check("montebello-spp-threat", build_digraph(_load(MONTEBELLO), options=options).source)


def test_grammar_with_every_verdict_and_quote_check() -> None:
    source = build_digraph(
        _load(FIXTURES / "grammar.yaml"), verdicts=VERDICTS, quote_status=QUOTE_STATUS
    ).source
    _check("grammar", source)


def test_grammar_grouped_by_actor_left_to_right_as_a_worksheet() -> None:
    options = RenderOptions(group_by=GroupBy.ACTOR, rankdir=RankDir.LR, show_verdicts=False)
    source = build_digraph(
        _load(FIXTURES / "grammar.yaml"),
        verdicts=VERDICTS,
        quote_status=QUOTE_STATUS,
        options=options,
    ).source
    _check("grammar-worksheet", source)


def test_hostile_text() -> None:
    _check("hostile", build_digraph(_load(FIXTURES / "hostile.yaml")).source)


NAMES = ["montebello", "montebello-spp-threat", "grammar", "grammar-worksheet", "hostile"]


@pytest.mark.parametrize("name", NAMES)
def test_golden_files_end_with_a_newline(name: str) -> None:
    assert (GOLDEN / f"{name}.dot").read_text(encoding="utf-8").endswith("}\n")
