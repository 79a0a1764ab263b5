"""A range whose end is shorter than its start: ``pp. 104-6`` is pages 104 to 106, as books
shorten page ranges; but a range of lines below 100 is never shortened (Chicago 9.63 writes
every digit of a range below 100, 71-72; the Bluebook keeps at least two, 111-12), so
``lines 20-2`` is no range of lines 20 to 22: it ends before it starts, and is said so at the
locator."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.verify.locator import LocatorKind, backwards_range, parse_locator

LINE, PAGE = LocatorKind.LINE, LocatorKind.PAGE


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("lines 20-22", [(LINE, ((20, 22),))]),
        ("lines 104-6", [(LINE, ((104, 106),))]),  # 101 and on: Chicago's 101-8
        ("ll. 321-28", [(LINE, ((321, 328),))]),
        ("pp. 120-2", [(PAGE, ((120, 122),))]),  # pages keep the short form books print
        ("pp. 20-2", [(PAGE, ((20, 22),))]),
    ],
)
def test_short_ranges(text: str, ranges: list[tuple[LocatorKind, object]]) -> None:
    locator = parse_locator(text)
    assert locator is not None, text
    assert [(part.kind, part.ranges) for part in locator.parts] == ranges


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("lines 20-2", (LINE, 20, 2)),
        ("l. 20 - 2", (LINE, 20, 2)),
        ("p. 3, lines 20–2", (LINE, 20, 2)),
        ("lines 5, 20-2", (LINE, 20, 2)),
        ("pages 4-3", (PAGE, 4, 3)),
        ("pp. 19-2", (PAGE, 19, 2)),
        ("lines 20 to 2", (LINE, 20, 2)),
    ],
)
def test_a_range_that_ends_before_it_starts_is_named(
    text: str, found: tuple[LocatorKind, int, int]
) -> None:
    assert parse_locator(text) is None
    backwards = backwards_range(text)
    assert backwards is not None
    assert (backwards.kind, backwards.first, backwards.last) == found


@pytest.mark.parametrize("text", ["lines 20-22", "section 2", "para 0", "lines 104-6"])
def test_other_locators_have_no_backwards_range(text: str) -> None:
    assert backwards_range(text) is None


SOURCE = "".join(f"Line {n} of the transcript.\n" for n in range(1, 31))
MAP = """\
argmap: 1
sources:
  record: {{title: Record, file: record.txt}}
claims:
  said:
    text: It was said.
    evidence:
      - quote: Line 21 of the transcript
        source: record
        locator: {locator}
"""


@pytest.mark.parametrize(
    ("locator", "lines"),
    [
        (
            "lines 20-2",
            [
                "map.yaml:10:18: warning[AM006] locator 'lines 20-2' ends before it starts: "
                "line 2 comes before line 20 (locator-mismatch)",
                "  hint: write a range of lines in full: 'lines 20-22' for lines 20 to 22",
            ],
        ),
        (
            "pages 4-3",
            [
                "map.yaml:10:18: warning[AM006] locator 'pages 4-3' ends before it starts: "
                "page 3 comes before page 4 (locator-mismatch)",
            ],
        ),
    ],
)
def test_check_says_the_range_ends_before_it_starts(
    tmp_path: Path, locator: str, lines: list[str]
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "record.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP.format(locator=locator), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 0, result.output
    output = [line.split("/")[-1] for line in result.output.splitlines()]
    start = next(i for i, line in enumerate(output) if line.startswith("map.yaml:10:18"))
    end = output.index("", start)  # the finding, its excerpt and its hint
    assert [output[start], *(line for line in output[start:end] if "hint:" in line)] == lines, (
        result.output
    )


def test_check_reads_lines_20_22_in_full(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "record.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP.format(locator="lines 20-22"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "map.yaml")])
    assert result.exit_code == 0, result.output
    assert "AM006" not in result.output, result.output
