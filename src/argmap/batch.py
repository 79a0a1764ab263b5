"""Validating or checking many files at once: every core, and a progress bar on a terminal.

Each file is validated on its own (load, model, resolve, structural rules); workers send back
only what the report needs — the diagnostics, the text of files with findings (for excerpts)
and the files each one included — so little crosses the process boundary. ``check`` runs its
files through the same pool (:mod:`argmap.checkbatch`).

A worker is forked (:func:`argmap.cores.worker_context`) and keeps what one process shares
between maps for itself: a :class:`ConfigCache` of its own, made as it starts, and its own
copy of the sources parsed so far (:mod:`argmap.verify.cache`), which it adds to.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from argmap.cores import usable_cores, worker_pool
from argmap.diagnostics import Diagnostic
from argmap.pipeline import (
    ConfigCache,
    firsts_of_projects,
    in_include_cycle,
    lint_result,
    load_map,
    reported_files,
)

POOL_FROM = 64  # below this many files a pool costs more than it saves
T = TypeVar("T")


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
    # forked while the parent's collector may be paused (check keeps it paused while it
    # runs): a worker's own pauses, one file at a time, would then never end
    gc.enable()


def worker_configs() -> ConfigCache:
    """The configurations read by this pool worker."""
    return _worker_configs


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
        in_include_cycle(diagnostics),
        root=result.root,
        config_problems=tuple(config_problems),
    )


def workers_for(count: int) -> int:
    """The worker processes for ``count`` files when the user did not say: one per
    :data:`POOL_FROM` files, as many as there are usable cores (fewer than 2: no pool)."""
    return min(usable_cores(), max(1, count // POOL_FROM))


def pool_size(count: int, jobs: int | None) -> int:
    """The worker processes for ``count`` files under ``--jobs``: ``jobs`` when given (1: no
    pool), at most one per file; else :func:`workers_for`."""
    return workers_for(count) if jobs is None else min(jobs, count)


def in_pool(
    work: Callable[[Path, bool], T],
    files: Sequence[Path],
    walked: frozenset[Path],
    workers: int,
    progress: Callable[[int], None] | None,
) -> Iterator[T]:
    """``work(path, walked)`` for every file in ``workers`` processes, its results in the order
    of the files. ``work`` crosses to the workers pickled: a function of a module, or a
    ``functools.partial`` of one. Each file's progress is reported as its result comes."""
    chunk = max(1, -(-len(files) // (workers * 4)))
    with worker_pool(workers, _start_worker) as pool:
        flags = [path in walked for path in files]
        for outcome in pool.map(work, files, flags, chunksize=chunk):
            yield outcome
            if progress:
                progress(1)


def validate_files(
    files: Sequence[Path],
    progress: Callable[[int], None] | None = None,
    walked: frozenset[Path] = frozenset(),
    jobs: int | None = None,
) -> list[FileOutcome]:
    """Validate every file, in a process pool when there are many (:func:`pool_size`);
    results in input order.

    A file that another one includes is reported through its includer (files in an include
    cycle are kept: each reports the cycle). A file ``walked`` to (found in a folder) that is
    not an argument map is only read, its outcome ``skipped``. The problems of a project's
    configuration are reported once, with the first of its files reported, as one process
    would (a pool's workers each read it)."""
    outcomes = list(_run(files, progress, walked, pool_size(len(files), jobs)))
    reported = reported_files(
        files, [o.included for o in outcomes], [o.in_include_cycle for o in outcomes]
    )
    kept = [o for o, keep in zip(outcomes, reported, strict=True) if keep]
    firsts = firsts_of_projects(o.root if o.skipped is None else None for o in kept)
    return [
        replace(o, diagnostics=(*o.config_problems, *o.diagnostics)) if first else o
        for o, first in zip(kept, firsts, strict=True)
    ]


def _run(
    files: Sequence[Path],
    progress: Callable[[int], None] | None,
    walked: frozenset[Path],
    workers: int,
) -> Iterator[FileOutcome]:
    if workers >= 2:
        yield from in_pool(_validate_in_worker, files, walked, workers, progress)
        return
    configs = ConfigCache()
    for path in files:
        yield validate_file(path, configs, walked=path in walked)
        if progress:
            progress(1)
