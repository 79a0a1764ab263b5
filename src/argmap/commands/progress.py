"""What a command that works through many maps says as it goes, the same in validate, check,
render, report and handout.

* On a terminal (stderr a terminal, ``CI`` unset, text output), from :data:`PROGRESS_FROM`
  maps on, and with neither -q nor -v: a progress bar on stderr instead of a line per map;
  the lines that say a map was written (``wrote renders/x.svg``, ``up to date: ...``) are
  counted, and one line sums them up once the bar is done (``wrote 57 files in renders``).
* Anywhere else (a pipe, a CI log, a few maps, -v): a line per map, as before the bar
  existed; -q: none of them.

Problems (a map that cannot be drawn, a stale file under --check) are always said: while the
bar is drawn, above it (:func:`argmap.commands.common.say` clears it, writes the line, and
draws it again).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from argmap.commands import common
from argmap.wording import counted

PROGRESS_FROM = 50  # maps: smaller runs finish before a bar would be read
BAR_WIDTH = 30  # characters between the brackets


def on_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal someone watches (tests replace this)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wanted(count: int, output_format: str | None, stream: TextIO) -> bool:
    """Whether a run over ``count`` maps shows a bar on ``stream`` (see the module)."""
    return (
        count >= PROGRESS_FROM
        and not common.quiet()
        and not common.verbose()
        and not os.environ.get("CI")
        and (output_format or common.default_format()) == "text"
        and on_terminal(stream)
    )


def bar_line(label: str, done: int, total: int) -> str:
    """The bar after ``done`` of ``total`` maps: ``rendering [#####-----]  12/57``."""
    filled = BAR_WIDTH * min(done, total) // max(total, 1)
    width = len(str(total))
    return f"{label} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done:>{width}}/{total}"


class Bar:
    """A one-line bar on a terminal, redrawn in place (``\\r``) at each percent it gains
    and at its end: at most about a hundred writes, however many maps."""

    def __init__(self, label: str, total: int, stream: TextIO) -> None:
        self.label, self.total, self.stream = label, total, stream
        self.done = 0
        self.drawn = ""
        self.percent = -1  # of the bar drawn

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        percent = 100 * min(self.done, self.total) // max(self.total, 1)
        if percent != self.percent or self.done >= self.total:
            self.draw()

    def draw(self) -> None:
        line = bar_line(self.label, self.done, self.total)
        self.percent = 100 * min(self.done, self.total) // max(self.total, 1)
        if line != self.drawn:
            self.stream.write("\r" + line)
            self.stream.flush()
            self.drawn = line

    def above(self, text: str) -> None:
        """``text`` on lines of its own above the bar, which is drawn again below it."""
        self.stream.write("\r" + " " * len(self.drawn) + "\r" + text + "\n")
        self.drawn = ""
        self.draw()

    def end(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


class Progress:
    """The progress of one run: its bar, or None where a line per map is said instead."""

    def __init__(self, bar: Bar | None, noun: str) -> None:
        self.bar = bar
        self.noun = noun
        self.written: list[Path] = []
        self.current = 0

    @property
    def step(self) -> Callable[[int], None] | None:
        """What advances the bar by a number of maps (for a pool); None without a bar."""
        return self.bar.advance if self.bar is not None else None

    def advance(self, steps: int = 1) -> None:
        """One map (or ``steps``) done, whatever came of it."""
        if self.bar is not None:
            self.bar.advance(steps)

    def wrote(self, target: Path, say: Callable[[str], None] = common.say) -> None:
        """``target`` written: counted under a bar, else said (not under -q)."""
        if self.bar is not None:
            self.written.append(target)
        elif not common.quiet():
            say(f"wrote {target}")

    def kept(self, target: Path, say: Callable[[str], None] = common.say) -> None:
        """``target`` left as it was, being up to date (--stale-only)."""
        if self.bar is not None:
            self.current += 1
        elif not common.quiet():
            say(f"up to date: {target}")

    def summary(self) -> str | None:
        """The line that sums up the lines the bar stood for; None when there were none."""
        if not self.written and not self.current:
            return None
        folders = {target.parent for target in self.written}
        where = f" in {next(iter(folders))}" if len(folders) == 1 else ""
        parts = [f"wrote {counted(len(self.written), self.noun)}{where}"] if self.written else []
        if self.current:
            parts.append(f"{counted(self.current, self.noun)} up to date")
        return ", ".join(parts)


@contextmanager
def progress(
    count: int, label: str, output_format: str | None = None, noun: str = "file"
) -> Iterator[Progress]:
    """The progress of a run over ``count`` maps (see the module): a bar labelled ``label``
    on stderr when one is wanted, ended (and the lines it stood for summed up, as ``noun``s)
    when the run is, however it ends."""
    stream = sys.stderr
    if not wanted(count, output_format, stream):
        yield Progress(None, noun)
        return
    bar = Bar(label, count, stream)
    shown = Progress(bar, noun)
    bar.draw()
    common.set_bar(bar)
    try:
        yield shown
    finally:
        common.set_bar(None)
        bar.end()
    summary = shown.summary()
    if summary is not None:
        common.say(summary)
