"""The progress bar of a command that takes many files (validate, check)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from argmap.commands.common import default_format

PROGRESS_FROM = 50  # files: smaller runs finish before a bar would be read


@contextmanager
def progress(
    count: int, output_format: str | None, label: str
) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only on a terminal, never in CI logs or machine output: the
    function that advances it by a number of files, or None where there is none."""
    wanted = (
        count >= PROGRESS_FROM
        and sys.stderr.isatty()
        and not os.environ.get("CI")
        and (output_format or default_format()) == "text"
    )
    if not wanted:
        yield None
        return
    with click.progressbar(length=count, label=label, file=sys.stderr) as bar:
        yield bar.update
