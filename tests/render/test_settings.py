"""drawing_options: the file's drawing settings as defaults, the command line over them."""

from __future__ import annotations

from argmap.argument_map import Drawing
from argmap.model import Direction, Grouping
from argmap.render import GroupBy, RankDir, RenderOptions
from argmap.render.settings import DrawingChoice, drawing_options

BASE = RenderOptions()
EVERY_SETTING = Drawing(Direction.LR, Grouping.TAG, False, False)


def test_neither_file_nor_command_line_keeps_the_base() -> None:
    assert drawing_options(BASE, Drawing(), DrawingChoice()) == BASE
    report_base = RenderOptions(title=False, legend=False, show_evidence=False)
    assert drawing_options(report_base, Drawing()) == report_base


def test_the_files_settings_are_the_defaults() -> None:
    assert drawing_options(BASE, EVERY_SETTING) == RenderOptions(
        rankdir=RankDir.LR, group_by=GroupBy.TAG, show_evidence=False, legend=False
    )


def test_the_command_line_overrides_each_setting_of_the_file() -> None:
    chosen = DrawingChoice(RankDir.BT, GroupBy.NONE, True, True)
    assert drawing_options(BASE, EVERY_SETTING, chosen) == RenderOptions(rankdir=RankDir.BT)


def test_a_setting_the_command_line_leaves_open_comes_from_the_file() -> None:
    chosen = DrawingChoice(legend=True)
    assert drawing_options(BASE, EVERY_SETTING, chosen) == RenderOptions(
        rankdir=RankDir.LR, group_by=GroupBy.TAG, show_evidence=False, legend=True
    )


def test_layout_only_leaves_quotes_and_legend_to_the_base() -> None:
    base = RenderOptions(title=False, legend=False, show_evidence=True)
    assert drawing_options(base, EVERY_SETTING, layout_only=True) == RenderOptions(
        title=False, legend=False, show_evidence=True, rankdir=RankDir.LR, group_by=GroupBy.TAG
    )
    chosen = DrawingChoice(rankdir=RankDir.RL, legend=True)
    assert drawing_options(base, EVERY_SETTING, chosen, layout_only=True) == RenderOptions(
        title=False, legend=False, show_evidence=True, rankdir=RankDir.RL, group_by=GroupBy.TAG
    )


def test_the_files_words_are_the_command_lines() -> None:
    """The file's values are the render options' values (lower case, as --rankdir takes them)."""
    assert [d.value.upper() for d in Direction] == [r.value for r in RankDir]
    assert [g.value for g in Grouping] == [g.value for g in GroupBy]
