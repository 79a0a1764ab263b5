"""The drawing settings of a map file (``drawing:``) and of the command line, as one
:class:`RenderOptions`: the file's settings are the defaults, the command line overrides them.

Every command that draws (render, report, handout, watch) resolves its options here, so that
one map is drawn the same way by each of them where they draw it alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from argmap.argument_map import Drawing
from argmap.render.options import GroupBy, RankDir, RenderOptions

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DrawingChoice:
    """What the command line says of the drawing; None where it says nothing."""

    rankdir: RankDir | None = None
    group_by: GroupBy | None = None
    evidence: bool | None = None
    legend: bool | None = None


NOT_CHOSEN = DrawingChoice()  # a command line that leaves every setting to the file


def drawing_options(
    base: RenderOptions,
    in_file: Drawing,
    chosen: DrawingChoice = NOT_CHOSEN,
    *,
    layout_only: bool = False,
) -> RenderOptions:
    """``base`` with each setting that the command line chose, else that the file writes;
    those that neither says keep ``base``'s. With ``layout_only`` (the report's and the
    handout's drawings, whose pages decide on quotes and legend), only ``rankdir`` and
    ``group_by``."""
    file_rankdir = None if in_file.rankdir is None else RankDir(in_file.rankdir.value.upper())
    file_group_by = None if in_file.group_by is None else GroupBy(in_file.group_by.value)
    options = replace(
        base,
        rankdir=_first(chosen.rankdir, file_rankdir, base.rankdir),
        group_by=_first(chosen.group_by, file_group_by, base.group_by),
    )
    if layout_only:
        return options
    return replace(
        options,
        show_evidence=_first(chosen.evidence, in_file.evidence, base.show_evidence),
        legend=_first(chosen.legend, in_file.legend, base.legend),
    )


def _first(chosen: T | None, in_file: T | None, default: T) -> T:
    if chosen is not None:
        return chosen
    return in_file if in_file is not None else default
