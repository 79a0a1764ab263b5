"""Validating many files at once: every core, and a progress bar on a terminal.

Each file is validated on its own (load, model, resolve, structural rules); workers send back
only what the report needs — the diagnostics, the text of files with findings (for excerpts)
and the files each one included — so little crosses the process boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from argmap import codes
from argmap.cores import usable_cores, worker_pool
from argmap.diagnostics import Diagnostic
from argmap.paths import resolved
from argmap.pipeline import ConfigCache, firsts_of_projects, lint_result, load_map

POOL_FROM = 64  # below this many files a pool costs more than it saves


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: Path
    diagnostics: tuple[Diagnostic, ...]
    texts: dict[str, str]  # only the files that have findings
    included: frozenset[Path]
    in_include_cycle: bool
    skipped: str | None = None  # found in a folder and not an argument map: why
    root: Path | None = None  # its project's
    config_problems: tuple[Diagnostic, ...] = ()  # its project's configuration's, each time


_worker_configs = ConfigCache()  # a pool worker's own, renewed for each pool


def _start_worker() -> None:
    global _worker_configs
    _worker_configs = ConfigCache()


def _validate_in_worker(path: Path, walked: bool) -> FileOutcome:
    return validate_file(path, _worker_configs, walked=walked)


def validate_file(path: Path, configs: ConfigCache, *, walked: bool = False) -> FileOutcome:
    result = load_map(path, walked=walked)
    if result.skipped is not None:
        return FileOutcome(path, (), {}, frozenset(), False, result.skipped)
    config, config_problems = configs.read(result.root)
    lint_result(result, config)
    diagnostics = tuple(result.diagnostics)
    noted = {d.path for d in diagnostics}
    return FileOutcome(
        path,
        diagnostics,
        {p: t for p, t in result.texts.items() if p in noted},
        frozenset(result.included),
        any(d.code == codes.INCLUDE_CYCLE.code for d in diagnostics),
        root=result.root,
        config_problems=tuple(config_problems),
    )


def workers_for(count: int) -> int:
    return min(usable_cores(), max(1, count // POOL_FROM))


def validate_files(
    files: Sequence[Path],
    progress: Callable[[int], None] | None = None,
    walked: frozenset[Path] = frozenset(),
) -> list[FileOutcome]:
    """Validate every file, in a process pool when there are many; results in input order.

    A file that another one includes is reported through its includer (files in an include
    cycle are kept: each reports the cycle). A file ``walked`` to (found in a folder) that is
    not an argument map is only read, its outcome ``skipped``. The problems of a project's
    configuration are reported once, with the first of its files reported, as one process
    would (a pool's workers each read it)."""
    outcomes = list(_run(files, progress, walked))
    included = frozenset().union(*(o.included for o in outcomes))
    kept = [o for o in outcomes if resolved(o.path) not in included or o.in_include_cycle]
    firsts = firsts_of_projects(o.root if o.skipped is None else None for o in kept)
    return [
        replace(o, diagnostics=(*o.config_problems, *o.diagnostics)) if first else o
        for o, first in zip(kept, firsts, strict=True)
    ]


def _run(
    files: Sequence[Path], progress: Callable[[int], None] | None, walked: frozenset[Path]
) -> Iterator[FileOutcome]:
    workers = workers_for(len(files))
    if workers < 2:
        configs = ConfigCache()
        for path in files:
            yield validate_file(path, configs, walked=path in walked)
            if progress:
                progress(1)
        return
    chunk = max(1, -(-len(files) // (workers * 4)))
    with worker_pool(workers, _start_worker) as pool:
        flags = [path in walked for path in files]
        for outcome in pool.map(_validate_in_worker, files, flags, chunksize=chunk):
            yield outcome
            if progress:
                progress(1)
