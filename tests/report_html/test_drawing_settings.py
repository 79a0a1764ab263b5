"""report, handout and watch draw a map in the direction and with the groups of its file's
``drawing:`` settings (--rankdir and --group-by override them); quotes and legend stay as the
report and the handout have them, and watch's SVG, render's file, follows them all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from argmap import render
from argmap.cli import main
from argmap.render import GroupBy, RankDir, RenderOptions
from argmap.render.settings import DrawingChoice
from argmap.report_html import figures
from argmap.watch import Layout, build_once

GRAMMAR = Path(__file__).parents[1] / "render" / "fixtures" / "grammar.yaml"
EVERY_SETTING = "{rankdir: lr, group-by: actor, evidence: false, legend: false}"


def _map(folder: Path, drawing: str = EVERY_SETTING) -> Path:
    (folder / "argmap.toml").write_text("")
    path = folder / "grammar.yaml"
    text = GRAMMAR.read_text(encoding="utf-8")
    path.write_text(text.replace("argmap: 1\n", f"argmap: 1\ndrawing: {drawing}\n"), "utf-8")
    return path


def _options_of(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[RenderOptions]:
    """The options of every call of ``owner.name`` from now on (it still runs)."""
    seen: list[RenderOptions] = []
    real = getattr(owner, name)

    def spy(*args: Any, options: RenderOptions, **kwargs: Any) -> Any:
        seen.append(options)
        return real(*args, options=options, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return seen


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[RenderOptions]:
    """The options of every drawing the pages make."""
    return _options_of(monkeypatch, figures, "dot_source")


def _layouts(seen: list[RenderOptions]) -> set[tuple[RankDir, GroupBy, bool, bool]]:
    return {(o.rankdir, o.group_by, o.show_evidence, o.legend) for o in seen}


def test_the_report_draws_in_the_files_direction_and_groups(
    runner: CliRunner, tmp_path: Path, drawn: list[RenderOptions]
) -> None:
    path = _map(tmp_path)
    args = ["report", str(path), "-o", str(tmp_path / "r.html"), "--engine", "embedded"]
    assert runner.invoke(main, args).exit_code == 0
    # with its quotes and without a legend, whatever the file says of them: the report's own
    assert _layouts(drawn) == {(RankDir.LR, GroupBy.ACTOR, True, False)}
    drawn.clear()
    told = runner.invoke(main, [*args, "--rankdir", "bt", "--group-by", "none"])
    assert told.exit_code == 0, told.output
    assert _layouts(drawn) == {(RankDir.BT, GroupBy.NONE, True, False)}


def test_the_handout_draws_in_the_files_direction_and_groups(
    runner: CliRunner, tmp_path: Path, drawn: list[RenderOptions]
) -> None:
    path = _map(tmp_path)
    out = tmp_path / "h.html"
    args = ["handout", str(path), "-o", str(out), "--engine", "embedded", "--variant", "teacher"]
    assert runner.invoke(main, args).exit_code == 0
    assert {(o.rankdir, o.group_by, o.legend) for o in drawn} == {
        (RankDir.LR, GroupBy.ACTOR, False)
    }
    drawn.clear()
    assert runner.invoke(main, [*args, "--rankdir", "TB", "--group-by", "tag"]).exit_code == 0
    assert {(o.rankdir, o.group_by, o.legend) for o in drawn} == {(RankDir.TB, GroupBy.TAG, False)}


def test_watch_draws_its_svg_and_report_in_the_files_direction_and_groups(
    tmp_path: Path, drawn: list[RenderOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    svg = _options_of(monkeypatch, render, "render_map")
    path = _map(tmp_path)
    out = tmp_path / "out"
    build = build_once(path, out, layout=Layout(render.Engine.EMBEDDED))
    assert build.unwritten == () and len(build.written) == 2
    # the SVG is render's STEM.svg: every setting of the file; the report's drawing its own
    assert _layouts(svg) == {(RankDir.LR, GroupBy.ACTOR, False, False)}
    assert _layouts(drawn) == {(RankDir.LR, GroupBy.ACTOR, True, False)}
    svg.clear()
    drawn.clear()
    chosen = DrawingChoice(rankdir=RankDir.RL, group_by=GroupBy.TAG)
    build_once(path, out, layout=Layout(render.Engine.EMBEDDED, drawing=chosen))
    assert _layouts(svg) == {(RankDir.RL, GroupBy.TAG, False, False)}
    assert _layouts(drawn) == {(RankDir.RL, GroupBy.TAG, True, False)}
    svg.clear()
    drawn.clear()
    # --evidence and --legend, as render takes them: the SVG's, not the report's design
    shown = DrawingChoice(evidence=True, legend=True)
    build_once(path, out, layout=Layout(render.Engine.EMBEDDED, drawing=shown))
    assert _layouts(svg) == {(RankDir.LR, GroupBy.ACTOR, True, True)}
    assert _layouts(drawn) == {(RankDir.LR, GroupBy.ACTOR, True, False)}


def test_report_handout_and_watch_take_rankdir_and_group_by(runner: CliRunner) -> None:
    for command in ("report", "handout", "watch"):
        shown = runner.invoke(main, [command, "--help"]).output
        assert "--rankdir [tb|lr|bt|rl]" in shown and "--group-by [none|actor|tag]" in shown
        assert "[default: the map file's drawing: rankdir, else tb]" in " ".join(shown.split())


def test_watch_takes_the_evidence_and_legend_options_of_render(runner: CliRunner) -> None:
    """watch writes render's NAME.svg: the four settings of the file, and render's four
    options over them."""

    def described(name: str, option: str) -> tuple[str | None, object]:
        command = main.get_command(click.Context(main), name)
        assert command is not None
        (param,) = [p for p in command.params if option in p.opts]
        return (getattr(param, "help", None), param.default)

    for option in ("--evidence", "--legend", "--rankdir", "--group-by"):
        assert described("watch", option) == described("render", option), option


def test_watch_says_that_its_svg_follows_all_four_settings(runner: CliRunner) -> None:
    """Its help said the SVG had its quotes and legend "as the report's design has them"
    after the SVG had come to follow the file's evidence: and legend: as render's does."""
    shown = " ".join(runner.invoke(main, ["watch", "--help"]).output.split())
    assert (
        "The SVG is the one 'argmap render' writes, NAME.svg, drawn as the "
        "file's drawing: settings say (direction, groups, quotes and legend); the report's "
        "map takes their direction and groups. --rankdir and --group-by override them for "
        "both, --evidence and --legend for the SVG." in shown
    )
    assert "as the report's design has them" not in shown
