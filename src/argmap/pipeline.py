"""The edge where files are read: find argument files, follow includes, run load -> model ->
resolve. Everything it calls is pure; this module and the CLI are the only ones that look at
the disk for argument files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from argmap import codes, forked
from argmap.argument_map import ArgumentMap
from argmap.diagnostics import Diagnostic
from argmap.gcpause import collector_paused
from argmap.lint.context import LintConfig, LintContext, QuoteResult
from argmap.load import DEFAULT_LIMITS, Document, Limits, read_document
from argmap.parse import parse_document
from argmap.paths import (
    case_twin_hint,
    contained_path,
    is_map_name,
    project_root,
    resolved,
    windows_path_problem,
)
from argmap.resolve import ParsedFile, resolve

SKIPPED_DIRS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


@dataclass(slots=True)
class MapResult:
    """What loading one argument file (and its includes) produced."""

    path: str
    map: ArgumentMap | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    included: set[Path] = field(default_factory=set)
    # included files named but not read (missing, unreadable, not a file): a watch waits for them
    awaited: set[Path] = field(default_factory=set)
    root: Path | None = None  # the project the file belongs to
    skipped: str | None = None  # why a file found in a folder was not read as a map

    @property
    def texts(self) -> dict[str, str]:
        return {path: doc.text for path, doc in self.documents.items()}


def display_path(path: Path) -> str:
    """Paths as the user would type them: relative to the working folder when inside it,
    absolute otherwise (never a climb of ``../..``)."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def not_found(given: Path) -> Diagnostic | None:
    """AM901 for a path given on the command line that leads nowhere: nothing by that name, or
    a symbolic link to nothing (a dangling one, which names its target in the hint); None
    when something is there. A path that is there but cannot be read (a loop of symbolic
    links, a folder without permission) is not missing: the loader says why it cannot read
    it (AM101), as it does for such a file in a folder. Every command decides this here."""
    try:
        os.stat(given)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError:
        return None
    else:
        return None
    hint = None
    if os.path.islink(given):
        hint = f"it is a symbolic link to '{os.readlink(given)}', which is not there"
    elif str(given) == "-":  # as Unix tools read it, but a map's folder places its files
        hint = (
            "argmap reads no map from standard input: save it to a file and name that "
            "(a file named - is ./-)"
        )
    return codes.PATH_NOT_FOUND.at(str(given), None, "no such file or folder", hint=hint)


@dataclass(frozen=True, slots=True)
class Found:
    """The files of a run, in order; the paths given that lead nowhere (AM901) or to a folder
    without YAML (AM902); and which files were found by searching a folder rather than named:
    those are read only if they are argument maps (see :func:`not_a_map`)."""

    files: list[Path]
    problems: list[Diagnostic]
    walked: frozenset[Path]
    folders: tuple[tuple[Path, tuple[Path, ...]], ...] = ()  # each folder given, its files


def find_files(paths: Sequence[Path]) -> Found:
    """Files as given, and folders searched for maps (:func:`is_map_name`; sorted)."""
    found: list[tuple[Path, bool]] = []
    problems: list[Diagnostic] = []
    folders: list[tuple[Path, tuple[Path, ...]]] = []
    for given in paths:
        if given.is_dir():
            inside = sorted(_walk(given))
            folders.append((given, tuple(inside)))
            if not inside:
                problems.append(
                    codes.NO_FILES.at(str(given), None, "no *.yaml or *.yml files in this folder")
                )
            found.extend((path, True) for path in inside)
        elif (missing := not_found(given)) is not None:
            problems.append(missing)
        else:
            found.append((given, False))
    # one file under two spellings (a/m.yaml, ./a/../a/m.yaml, its absolute path) is one map;
    # spelled out, not resolved: resolving 1,000 files took 19 ms, this 2 ms. Named once, it
    # is named: read as a map even when a folder given also holds it.
    unique: dict[str, Path] = {}
    named: set[str] = set()
    for path, walked in found:
        key = os.path.normpath(os.path.abspath(path))
        unique.setdefault(key, path)
        if not walked:
            named.add(key)
    walked_files = frozenset(path for key, path in unique.items() if key not in named)
    return Found(list(unique.values()), problems, walked_files, tuple(folders))


def without_maps(found: Found, skipped: Iterable[Path | str]) -> list[Diagnostic]:
    """AM902 for each folder given whose YAML files were all ``skipped`` as not argument maps,
    as for a folder with no YAML at all: a run that read nothing must not read as a pass."""
    gone = {os.path.normpath(os.path.abspath(path)) for path in skipped}
    problems: list[Diagnostic] = []
    for folder, inside in found.folders:
        if inside and all(os.path.normpath(os.path.abspath(p)) in gone for p in inside):
            files = "1 YAML file" if len(inside) == 1 else f"{len(inside)} YAML files"
            message = (
                f"no argument maps in this folder: {files} skipped, none an argument map "
                "(-v says why)"
            )
            problems.append(codes.NO_FILES.at(str(folder), None, message))
    return problems


NOT_A_MAP = "not an argument map (no argmap: key)"
NOT_A_MAPPING = "not an argument map (its top level is not a mapping)"


def not_a_map(document: Document) -> str | None:
    """Why a file found by searching a folder is not read as an argument map, or None when it
    is one: a top level that is not a mapping (a list: an Ansible playbook; a single value),
    or a mapping with neither an ``argmap`` nor a ``claims`` key (a docker-compose.yml, a CI
    workflow), or whose ``argmap`` is a mapping or a list and which has no ``claims`` (a GitLab
    CI file's job named ``argmap``: a map's ``argmap`` is its format version). A file that does
    not load otherwise (bad YAML, no document) may be a broken map: it is read, and its problem
    reported. Decided on the document already loaded, so that no file is parsed twice."""
    data = document.data
    if data is None:
        top = codes.NOT_A_MAPPING.code
        return NOT_A_MAPPING if any(d.code == top for d in document.diagnostics) else None
    if "claims" in data:
        return None
    if "argmap" not in data:
        return NOT_A_MAP
    version = data["argmap"]
    if isinstance(version, dict | list):
        kind = "a mapping" if isinstance(version, dict) else "a list"
        return f"not an argument map (its argmap: key is {kind}, not a format version)"
    return None


def _walk(folder: Path) -> Iterator[Path]:
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in names:
            if is_map_name(name):
                yield Path(current) / name


def load_map(path: Path, limits: Limits = DEFAULT_LIMITS, *, walked: bool = False) -> MapResult:
    """Load a file and everything it includes, then resolve the map. A file ``walked`` to (found
    in a folder, not named) that is not an argument map is only read: its result is
    ``skipped``, with why, and nothing else."""
    with collector_paused():
        result = _load_map(path, limits, walked)
    root = result.root
    if root is not None and result.skipped is None and (named := windows_path_problem(path, root)):
        written, problem = named  # the map cannot be checked out on Windows, nor found there
        message = f"this map's path '{written}' cannot be a file on Windows: {problem}; rename it"
        result.diagnostics.insert(0, codes.INVALID_PATH.at(result.path, None, message))
    return result


def _load_map(path: Path, limits: Limits, walked: bool) -> MapResult:
    root = project_root(path)
    result = MapResult(display_path(path), root=root)
    parsed: list[ParsedFile] = []
    document = read_document(path, result.path, limits)
    if walked and (why := not_a_map(document)) is not None:
        result.skipped = why
        return result
    first = _load_one(path, result, limits, document)
    if first is None:
        return result
    parsed.append(first)
    visited = {resolved(path)}
    stack: list[tuple[ParsedFile, Iterator[tuple[int, str]]]] = [
        (first, iter(enumerate(first.model.include)))
    ]
    chain = [resolved(path)]  # the files on the stack, resolved: a cycle is a repeat in it
    while stack:
        current, pending = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            chain.pop()
            continue
        index, written = step
        where = current.document.positions.value(("include", index))
        shown = current.document.path
        target = contained_path(current.file, written, root)
        if isinstance(target, str):
            result.diagnostics.append(codes.INVALID_PATH.at(shown, where, f"include: {target}"))
            continue
        if target in chain:
            circle = [display_path(p) for p in chain[chain.index(target) :]]
            result.diagnostics.append(
                codes.INCLUDE_CYCLE.at(
                    shown,
                    where,
                    "files include each other in a circle: "
                    + " -> ".join([*circle, display_path(target)]),
                )
            )
            continue
        if target in visited:
            continue  # included twice along different paths: read once
        try:
            mode: int | None = os.stat(target).st_mode
        except (FileNotFoundError, NotADirectoryError):
            mode = None
        except OSError as exc:  # a name too long for the file system, a folder not searchable
            result.awaited.add(target)
            result.diagnostics.append(
                codes.FILE_UNREADABLE.at(
                    shown, where, f"include: '{written}' cannot be read: {exc.strerror}"
                )
            )
            continue
        if mode is None:
            result.awaited.add(target)
            result.diagnostics.append(
                codes.INCLUDE_MISSING.at(
                    shown,
                    where,
                    f"included file '{written}' does not exist",
                    case_twin_hint(target, written),
                )
            )
            continue
        if not stat.S_ISREG(mode):  # a folder, a FIFO, a device: never opened
            result.awaited.add(target)
            result.diagnostics.append(
                codes.FILE_UNREADABLE.at(
                    shown, where, f"include: '{written}' is {_kind_of(target)}, not a file"
                )
            )
            continue
        visited.add(target)
        result.included.add(target)
        loaded = _load_one(target, result, limits)
        if loaded is not None:
            parsed.append(loaded)
            stack.append((loaded, iter(enumerate(loaded.model.include))))
            chain.append(target)
    if result.diagnostics:
        return result
    argument_map, problems = resolve(parsed, root)
    result.map = argument_map
    result.diagnostics.extend(problems)
    return result


def _kind_of(path: Path) -> str:
    if path.is_dir():
        return "a folder"
    if path.is_fifo():
        return "a named pipe"
    if path.is_char_device() or path.is_block_device():
        return "a device"
    return "a special file"


def _load_one(
    path: Path, result: MapResult, limits: Limits, document: Document | None = None
) -> ParsedFile | None:
    if document is None:
        document = read_document(path, display_path(path), limits)
    result.documents[document.path] = document
    result.diagnostics.extend(document.diagnostics)
    model, problems = parse_document(document)
    result.diagnostics.extend(problems)
    if model is None or not document.ok:
        return None
    return ParsedFile(document, model, path)


def load_maps(
    files: Sequence[Path], limits: Limits = DEFAULT_LIMITS, walked: frozenset[Path] = frozenset()
) -> list[MapResult]:
    """Load every file as a map (those ``walked`` to, only if they are maps: the others are
    kept, ``skipped``); a file included by another is reported through its includer.

    Files in an include cycle include each other, so each is kept and reports the cycle.
    """
    results = [load_map(f, limits, walked=f in walked) for f in files]
    kept = reported_files(
        files, [r.included for r in results], [in_include_cycle(r.diagnostics) for r in results]
    )
    return [r for r, keep in zip(results, kept, strict=True) if keep]


def in_include_cycle(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.code == codes.INCLUDE_CYCLE.code for d in diagnostics)


def reported_files(
    files: Sequence[Path], included: Sequence[Iterable[Path]], cycles: Sequence[bool]
) -> list[bool]:
    """For each file of a run, given the files it included and whether it is in an include
    cycle: whether it is reported itself. A file that another one includes is reported
    through its includer; files in an include cycle include each other, so each is kept and
    reports the cycle."""
    every: set[Path] = set().union(*included) if included else set()
    return [resolved(f) not in every or cycle for f, cycle in zip(files, cycles, strict=True)]


def lint_result(
    result: MapResult,
    config: LintConfig,
    quotes: Mapping[str, QuoteResult] | None = None,
    unreadable_sources: Mapping[str, str] | None = None,
) -> None:
    """Run the lint rules over a resolved map; rules reading sources need ``quotes``."""
    if result.map is None:
        return
    from argmap.lint.registry import Silenced, run_rules, silenced_lines, suppression_words
    from argmap.lint.unknown_suppressions import unknown_suppressions
    from argmap.lint.unused_suppressions import unused_suppressions

    texts = result.texts
    context = LintContext(result.map, config, quotes, unreadable_sources or {}, texts)
    words = {
        path: list(suppression_words(doc.text, doc.hashed))
        for path, doc in result.documents.items()
    }
    silenced = Silenced({path: silenced_lines(found) for path, found in words.items()})
    result.diagnostics.extend(run_rules(context, silenced))
    result.diagnostics.extend(unused_suppressions(context, words, silenced))
    for path, doc in result.documents.items():
        result.diagnostics.extend(unknown_suppressions(path, doc.text, doc.hashed))


# Claims from which ``check`` lints a map in a child process while it evaluates the map.
LINT_ALONGSIDE_FROM = 20_000


@contextmanager
def lint_alongside(
    result: MapResult,
    config: LintConfig,
    quotes: Mapping[str, QuoteResult] | None = None,
    unreadable_sources: Mapping[str, str] | None = None,
) -> Iterator[None]:
    """:func:`lint_result` while the block runs (``check`` evaluates the map meanwhile).

    On the way out of the block ``result.diagnostics`` holds the rules' findings, in the
    order :func:`lint_result` after the block would give; when the block raises, the map is
    not linted, as it would not have been. A map of :data:`LINT_ALONGSIDE_FROM` claims or
    more is linted by a forked child process (Linux only), on the second core: at 100,000
    claims the rules take about a second and the evaluation longer, so the check ends 0.6-0.9 s
    sooner when a core is free. The child sends back only its findings; if it fails in any
    way, the map is linted here instead, so that an error surfaces as it would.
    """
    child = None
    if result.map is not None and len(result.map.claims) >= LINT_ALONGSIDE_FROM:
        child = forked.fork(partial(_findings, result, config, quotes, unreadable_sources))
    if child is None:
        yield
        lint_result(result, config, quotes, unreadable_sources)
        return
    try:
        yield
    except BaseException:
        child.end()
        raise
    found = child.result()
    if found is None:
        lint_result(result, config, quotes, unreadable_sources)
    else:
        result.diagnostics.extend(found)


def _findings(
    result: MapResult,
    config: LintConfig,
    quotes: Mapping[str, QuoteResult] | None,
    unreadable_sources: Mapping[str, str] | None,
) -> list[Diagnostic]:
    """The findings :func:`lint_result` adds to ``result`` (in the child)."""
    start = len(result.diagnostics)
    lint_result(result, config, quotes, unreadable_sources)
    return result.diagnostics[start:]


class ConfigCache:
    """One configuration per project root, read once per run."""

    def __init__(self) -> None:
        self._configs: dict[Path, tuple[LintConfig, list[Diagnostic]]] = {}
        self._reported: set[Path] = set()

    def read(self, root: Path | None) -> tuple[LintConfig, list[Diagnostic]]:
        """The configuration of the project at ``root``, and its problems, every time (a
        pool's worker: the run reports them with the first map of the project it reports,
        which only the parent knows; :func:`firsts_of_projects`)."""
        if root is None:
            return LintConfig(), []
        if root not in self._configs:
            from argmap.config import load_config

            config, problems = load_config(root)
            self._configs[root] = (config, [_relative(p) for p in problems])
        return self._configs[root]

    def for_root(self, root: Path | None) -> tuple[LintConfig, list[Diagnostic]]:
        """:meth:`read`, its problems only the first time: a broken configuration is
        reported once, with the first map of its project."""
        config, problems = self.read(root)
        if root is None or root in self._reported:
            return config, []
        self._reported.add(root)
        return config, problems


def firsts_of_projects(roots: Iterable[Path | None]) -> list[bool]:
    """For each map in order, given its project's root, whether it is the first map of its
    project: the one reported with the project configuration's problems."""
    seen: set[Path] = set()
    firsts: list[bool] = []
    for root in roots:
        firsts.append(root is not None and root not in seen)
        if root is not None:
            seen.add(root)
    return firsts


def _relative(d: Diagnostic) -> Diagnostic:
    return replace(d, path=display_path(Path(d.path)))
