"""``argmap check`` of many files: in one process, or in a pool of them (:mod:`argmap.batch`),
with the same output either way.

Each map checked becomes a :class:`CheckedFile`, what the output needs of it and no more: its
findings, the texts of its files that have some (for excerpts), the names of the files it read
(SARIF lists them as artifacts), and its verdict lines (text) or its part of the JSON — never
the map, its evaluation or its quote checks, which a worker would otherwise pickle back whole.
One process and a pool make it with the same function, and the command writes the output from
it alone: byte for byte the same output, whatever the pool.

One process loads every file first and checks the maps that are reported (a file that another
one includes is reported through its includer), stopping at a map whose semantics ran out of
time. A pool's worker loads and checks each file it is given, not knowing which files the
others include: the parent drops those afterwards, and the time limit of a map it drops does
not stop the run; a run whose reported map ran out of time still ends at that map, with the
same message and exit status.

The cyclic collector is paused while a map is checked (in a worker, one map at a time; in one
process, the command keeps it paused while it runs, since it keeps every result): checking a
map allocates millions of objects that never form cycles (:mod:`argmap.gcpause`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

from argmap.argument_map import ArgumentMap, Meant, meant
from argmap.batch import in_pool, pool_size, worker_configs
from argmap.counts import Counts, map_counts
from argmap.diagnostics import Diagnostic, sort_key
from argmap.gcpause import collector_paused
from argmap.lint.context import LintConfig
from argmap.outcome import CheckOutcome, claim_lines, map_dict
from argmap.pipeline import (
    ConfigCache,
    MapResult,
    firsts_of_projects,
    in_include_cycle,
    lint_alongside,
    load_map,
    reported_files,
)
from argmap.semantics.errors import SemanticsTimeout
from argmap.semantics.labels import Semantics
from argmap.verify.evidence import EvidenceCheck, quote_marks, verify_evidence

# What the output takes of each map besides its findings: its verdict lines (text), its part
# of the JSON, its counts (stats), or nothing (GitHub annotations, SARIF, --quiet).
Wanted = Literal["lines", "document", "counts"] | None


@dataclass(frozen=True, slots=True)
class CheckRun:
    """How every map of a run is checked, and what its output takes of each."""

    semantics: Semantics
    time_limit: float
    wanted: Wanted = None
    why: tuple[str, ...] = ()  # the claims whose lines, with reasons, are wanted (as given)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """One file checked, as the output takes it."""

    path: Path  # as given
    shown: str  # as the output names it
    skipped: str | None = None  # found in a folder and not an argument map: why
    included: frozenset[Path] = frozenset()
    in_include_cycle: bool = False
    root: Path | None = None  # its project's
    config_problems: tuple[Diagnostic, ...] = ()  # its project's configuration's, each time
    diagnostics: tuple[Diagnostic, ...] = ()  # sorted
    texts: dict[str, str] = field(default_factory=dict)  # only the files with findings
    read: tuple[str, ...] = ()  # every file of the map
    lines: tuple[str, ...] = ()  # its verdict lines, when wanted
    document: dict[str, Any] = field(default_factory=dict)  # its part of the JSON, when wanted
    title: str = ""  # the map's, when its counts are wanted
    counts: Counts | None = None  # when wanted, and the map loaded
    quotes: int = 0
    seconds: float = 0.0  # to check it, once loaded
    timeout: SemanticsTimeout | None = None  # the semantics ran out of time
    # the ids of --why that are claims of the map; those that are not, each with the claim
    # meant (both empty when the map did not load)
    why_found: frozenset[str] = frozenset()
    not_claims: tuple[tuple[str, Meant], ...] = ()


def check_loaded(
    result: MapResult, config: LintConfig, semantics: Semantics, time_limit: float
) -> CheckOutcome:
    """Verify, evaluate and lint one loaded map."""
    checks: dict[str, EvidenceCheck] = {}
    evaluation = None
    if result.map is not None:
        from argmap.evaluate import evaluate_map

        checks, unreadable = verify_evidence(result.map, threshold=config.similarity)
        status = {eid: c.status for eid, c in checks.items()}
        with lint_alongside(result, config, checks, unreadable):
            evaluation = evaluate_map(
                result.map,
                status,
                semantics=semantics,
                time_limit=time_limit,
                quote_marks=quote_marks(checks),
            )
    diagnostics = sorted(result.diagnostics, key=sort_key)
    return CheckOutcome(result.path, result.map, evaluation, checks, diagnostics)


def checked_map(path: Path, result: MapResult, configs: ConfigCache, run: CheckRun) -> CheckedFile:
    """Check the map loaded from ``path`` and keep what the output takes of it."""
    if result.skipped is not None:
        return CheckedFile(path, result.path, skipped=result.skipped)
    config, config_problems = configs.read(result.root)
    found = CheckedFile(
        path,
        result.path,
        included=frozenset(result.included),
        in_include_cycle=in_include_cycle(result.diagnostics),
        root=result.root,
        config_problems=tuple(config_problems),
    )
    started = time.perf_counter()
    try:
        outcome = check_loaded(result, config, run.semantics, run.time_limit)
    except SemanticsTimeout as exc:
        return replace(found, timeout=exc)
    seconds = time.perf_counter() - started
    noted = {d.path for d in outcome.diagnostics}
    texts = result.texts
    return replace(
        found,
        diagnostics=tuple(outcome.diagnostics),
        texts={p: t for p, t in texts.items() if p in noted},
        read=tuple(texts),
        lines=tuple(claim_lines(outcome, why=run.why)) if run.wanted == "lines" else (),
        why_found=frozenset(run.why) & outcome.map.claims.keys() if outcome.map else frozenset(),
        not_claims=_not_claims(outcome.map, run.why),
        document=map_dict(outcome) if run.wanted == "document" else {},
        title=outcome.map.title if run.wanted == "counts" and outcome.map is not None else "",
        counts=map_counts(outcome) if run.wanted == "counts" else None,
        quotes=len(outcome.checks),
        seconds=seconds,
    )


def _not_claims(m: ArgumentMap | None, why: tuple[str, ...]) -> tuple[tuple[str, Meant], ...]:
    """The ids of ``why`` that are no claim of ``m``, as given, each with what it stands for."""
    if m is None:
        return ()
    return tuple((cid, meant(m, cid)) for cid in why if cid not in m.claims)


def check_file(path: Path, configs: ConfigCache, run: CheckRun, walked: bool) -> CheckedFile:
    """Load and check one file (what a pool's worker does for each of its files)."""
    with collector_paused():
        return checked_map(path, load_map(path, walked=walked), configs, run)


def _check_in_worker(run: CheckRun, path: Path, walked: bool) -> CheckedFile:
    return check_file(path, worker_configs(), run, walked)


def check_files(
    files: Sequence[Path],
    run: CheckRun,
    *,
    walked: frozenset[Path] = frozenset(),
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[CheckedFile]:
    """Check every file, in a process pool when there are many (:func:`batch.pool_size`):
    the files that are reported, in the order given, up to the first whose semantics ran out
    of time. A project's configuration's problems go with the first of its maps reported, its
    findings sorted among theirs."""
    workers = pool_size(len(files), jobs)
    if workers >= 2:
        done = list(in_pool(partial(_check_in_worker, run), files, walked, workers, progress))
        reported = reported_files(
            files, [c.included for c in done], [c.in_include_cycle for c in done]
        )
        kept = [c for c, keep in zip(done, reported, strict=True) if keep]
        ends = next((i for i, c in enumerate(kept) if c.timeout is not None), len(kept))
        kept = kept[: ends + 1]
    else:
        kept = list(_one_process(files, run, walked, progress))
    firsts = firsts_of_projects(c.root if c.skipped is None else None for c in kept)
    return [_with_config(c) if first else c for c, first in zip(kept, firsts, strict=True)]


def _one_process(
    files: Sequence[Path],
    run: CheckRun,
    walked: frozenset[Path],
    progress: Callable[[int], None] | None,
) -> Iterator[CheckedFile]:
    results = [load_map(f, walked=f in walked) for f in files]
    reported = reported_files(
        files, [r.included for r in results], [in_include_cycle(r.diagnostics) for r in results]
    )
    if progress:
        progress(len(files) - sum(reported))  # those reported through their includers
    configs = ConfigCache()
    for path, result, keep in zip(files, results, reported, strict=True):
        if not keep:
            continue
        checked = checked_map(path, result, configs, run)
        yield checked
        if checked.timeout is not None:
            return
        if progress:
            progress(1)


def _with_config(checked: CheckedFile) -> CheckedFile:
    if not checked.config_problems:
        return checked
    mixed = sorted([*checked.config_problems, *checked.diagnostics], key=sort_key)
    return replace(checked, diagnostics=tuple(mixed))


def sources(maps: Iterable[CheckedFile]) -> dict[str, str]:
    """The files of the maps checked, as the reporters take them: every file read (SARIF
    lists each as an artifact), with its text where it has findings (excerpts are only of
    findings; the others' texts are not sent back, and are given as empty)."""
    texts: dict[str, str] = {}
    for checked in maps:
        for name in checked.read:
            texts.setdefault(name, "")
        texts.update(checked.texts)
    return texts
