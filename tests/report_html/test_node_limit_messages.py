"""--max-nodes refusals say what the user asked about: the map, or the view named by the
options that chose it; and when a handout's own smaller views are over the limit too, the
smallest of them, with what --max-nodes it needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

REPO = Path(__file__).parents[2]
MONTEBELLO = "arguments/montebello.yaml"
FALLBACK = (
    ", and so has the smallest view a handout falls back to, --focus spp-fails --depth 1: "
    "7 nodes (6 claims, 0 quotes, 1 inference junction); hand out a part with "
    "--focus CLAIM --depth N, or raise --max-nodes to 7 at least"
)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["handout", "--max-nodes", "5"],
            "the map has 97 nodes to draw (42 claims, 45 quotes, 10 inference junctions), "
            "more than --max-nodes 5" + FALLBACK,
        ),
        (
            ["handout", "--max-nodes", "5", "--focus", "spp-fails"],
            "the view --focus spp-fails --depth 3 has 41 nodes to draw (32 claims, 0 quotes, "
            "9 inference junctions), more than --max-nodes 5" + FALLBACK,
        ),
        (
            ["handout", "--max-nodes", "5", "--depth", "2"],
            "the view --depth 2 has 23 nodes to draw (19 claims, 0 quotes, 4 inference "
            "junctions), more than --max-nodes 5, and so has the smallest view a handout "
            "falls back to, --depth 1: 7 nodes (6 claims, 0 quotes, 1 inference junction); "
            "hand out a part with --focus CLAIM --depth N, or raise --max-nodes to 7 at least",
        ),
        (
            ["handout", "--max-nodes", "5", "--depth", "1"],
            "the view --depth 1 has 7 nodes to draw (6 claims, 0 quotes, 1 inference "
            "junction), more than --max-nodes 5; draw a part of it with --focus CLAIM "
            "--depth N, or raise --max-nodes",
        ),
        (
            ["render", "--max-nodes", "3", "--focus", "spp-fails", "--depth", "1"],
            "the view --focus spp-fails --depth 1 has 14 nodes to draw (6 claims, 7 quotes, "
            "1 inference junction), more than --max-nodes 3; draw a part of it with --focus "
            "CLAIM --depth N, leave the quotes out with --no-evidence, or raise --max-nodes",
        ),
        (
            ["render", "--max-nodes", "3", "--depth", "1", "--no-evidence"],
            "the view --depth 1 has 7 nodes to draw (6 claims, 0 quotes, 1 inference "
            "junction), more than --max-nodes 3; draw a part of it with --focus CLAIM "
            "--depth N, or raise --max-nodes",
        ),
    ],
)
def test_a_view_over_the_limit_is_named_and_counted(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "out.html" if options[0] == "handout" else tmp_path / "out.svg"
    result = runner.invoke(main, [*options, MONTEBELLO, "-o", str(target)])
    assert result.stderr == f"argmap: {MONTEBELLO}: {message}\n"
    assert result.exit_code == 2
    assert not target.exists()


def test_the_report_counts_the_whole_map_it_does_not_draw(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "out.html"
    result = runner.invoke(main, ["report", "--max-nodes", "5", MONTEBELLO, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert "This map has 97 nodes, too many to draw on one page;" in target.read_text("utf-8")
