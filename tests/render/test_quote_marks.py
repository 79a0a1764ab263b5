"""A quote whose search gave up, or that has no words of its own, is 'not verified' on the
map, as on the report's evidence cards: the source was not shown to lack it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verdict import GAVE_UP_TEXT, MARKS_ONLY_TEXT

# Blind alleys: 'x', fifty a's, then more than an omission may leave out before 'y'.
ALLEY = "x " + "a " * 50 + "filler " * 80 + "y "
GAVE_UP = "x [...] " + " [...] ".join(["a"] * 50) + " [...] y"

MAP = """\
argmap: 1
sources:
  alleys: {title: Alleys, file: alleys.txt}
claims:
  t:
    text: T.
    kind: thesis
    evidence:
      - {quote: "QUOTE", source: alleys}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "alleys.txt").write_text(ALLEY * 100 + "x " + "a " * 50 + "y\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("quote", "mark", "lines"),
    [
        (
            GAVE_UP,
            GAVE_UP_TEXT,
            "✘ not verified: too many omissions\\land insertions to search for",
        ),
        (
            "[...] ... [sic]",
            MARKS_ONLY_TEXT,
            "✘ not verified: nothing but\\lomissions and insertions",
        ),
        ("no such words", None, "✘ quote not found"),
    ],
)
def test_the_map_names_an_unsearched_quote_as_the_report_does(
    runner: CliRunner, project: Path, quote: str, mark: str | None, lines: str
) -> None:
    (project / "map.yaml").write_text(MAP.replace("QUOTE", quote), encoding="utf-8")
    out = project / "out"
    result = runner.invoke(
        main, ["render", str(project / "map.yaml"), "-o", str(out), "--format", "dot"]
    )
    assert result.exit_code == 0, result.output
    dot = (out / "map.dot").read_text(encoding="utf-8")
    assert f'— Alleys\\l{lines}\\l" id="evidence-t.ev1"' in dot, dot  # wrapped as the quote is
    if mark is None:  # a quote the source lacks is still 'not found'
        assert "not verified" not in dot, dot
    else:
        assert "quote not found" not in dot, dot
        assert f'tooltip="“{quote}”\\n— Alleys\\n{mark}"' in dot, dot
        result = runner.invoke(main, ["report", str(project / "map.yaml"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        page = (out / "map.html").read_text(encoding="utf-8")
        assert "quote not found" not in page
        assert page.count(mark) == 3, page  # the node's tooltip, the card, the table of quotes


@pytest.mark.parametrize(
    ("quote", "state"),
    [
        (GAVE_UP, "not verified: too many omissions and insertions to search for"),
        ("[...] ... [sic]", "not verified: nothing but omissions and insertions"),
        ("no such words", "not-found"),
    ],
)
def test_a_verdict_reason_names_an_unsearched_quote_so_too(
    runner: CliRunner, project: Path, quote: str, state: str
) -> None:
    # It said 'is not-found' of all three, in check's reasons and the claim's tooltip.
    (project / "map.yaml").write_text(MAP.replace("QUOTE", quote), encoding="utf-8")
    reason = f"quote t.ev1 (alleys) is {state}; counts for nothing"
    result = runner.invoke(main, ["check", "--format", "json", str(project / "map.yaml")])
    assert result.exit_code == 1
    (outcome,) = json.loads(result.output)["maps"]
    reasons = [r["text"] for r in outcome["claims"][0]["reasons"]]
    assert reasons[0] == reason, reasons
    out = project / "out"
    result = runner.invoke(
        main, ["render", str(project / "map.yaml"), "-o", str(out), "--format", "dot"]
    )
    assert result.exit_code == 0, result.output
    assert f'tooltip="T.\\nunsupported: {reason};' in (out / "map.dot").read_text(encoding="utf-8")
