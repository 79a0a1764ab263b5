"""What an evidence card says of a quote that was not verified for want of a search: one with
too many omissions to check, one with no words at all: each says why it is not verified,
not 'not found in the source'."""

from __future__ import annotations

from pathlib import Path

from argmap.report_html import Variant, checked, handout, report
from argmap.report_html.context import handout_context

from .conftest import checked_outcome

MAP = """\
argmap: 1
title: Cards
sources:
  alleys: {title: Alleys, file: alleys.txt}
claims:
  t:
    text: A thesis.
    kind: thesis
    evidence:
      - {quote: "QUOTE", source: alleys}
      - {quote: "[…] [sic]", source: alleys}
      - {quote: "zebra crossing", source: alleys}
"""


def test_cards_say_why_a_quote_was_not_verified(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    alley = "x " + "a " * 50 + "filler " * 80 + "y "
    (tmp_path / "alleys.txt").write_text(alley * 100 + "x " + "a " * 50 + "y\n")
    quote = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"
    (tmp_path / "map.yaml").write_text(MAP.replace("QUOTE", quote))
    context = handout_context(
        checked(checked_outcome(tmp_path / "map.yaml")), [], variant="teacher", paper="a4"
    )
    assert [card.status_text for card in context.page.cards] == [
        "✘ not verified: too many omissions and insertions to search for",
        "✘ not verified: nothing but omissions and insertions",
        "✘ not found in the source",
    ]


def test_the_summary_counts_them_apart_from_the_quotes_not_found(tmp_path: Path) -> None:
    # Report and handout counted all three as not found ('3 not found').
    (tmp_path / "argmap.toml").write_text("")
    alley = "x " + "a " * 50 + "filler " * 80 + "y "
    (tmp_path / "alleys.txt").write_text(alley * 100 + "x " + "a " * 50 + "y\n")
    quote = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"
    (tmp_path / "map.yaml").write_text(MAP.replace("QUOTE", quote))
    outcome = checked_outcome(tmp_path / "map.yaml")
    counts = "0 of 3 quotes verified in their sources, 1 not found, 2 not verified."
    page = report(outcome).decode()
    assert f'<p class="summary-line">1 claim; {counts}</p>' in page, page
    sheet = handout(outcome, variant=Variant.TEACHER).decode()
    assert f"<p>1 claim; {counts}</p>" in sheet, sheet  # it said '1 claims'


def test_the_handout_counts_one_quote_as_the_report_does(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "alleys.txt").write_text("The zebra crossing.\n")
    (tmp_path / "map.yaml").write_text(
        MAP.replace("QUOTE", "zebra crossing").split('      - {quote: "[…]')[0]
    )
    outcome = checked_outcome(tmp_path / "map.yaml")
    counts = "1 claim; 1 of 1 quote verified in its source."
    assert f'<p class="summary-line">{counts}</p>' in report(outcome).decode()
    assert f"<p>{counts}</p>" in handout(outcome, variant=Variant.TEACHER).decode()
