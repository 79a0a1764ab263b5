"""Where each map of a run will be written, decided before anything is written.

A run reads files (the maps, the files they include, the source texts they quote) and
writes one file per map. Two mistakes would lose work: an output that lands on a file the
run reads (an article saved as ``map.html`` beside ``map.yaml`` under ``argmap report -o .``),
and two maps whose outputs land on one file (``a/map.yaml`` and ``b/map.yaml``), where the
second would replace the first. Both are found here, for every map at once, so that a
refused run writes nothing it would then have to take back.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from argmap.paths import folded_name, resolved
from argmap.pipeline import MapResult
from argmap.visible import visible
from argmap.winnames import windows_name_problem
from argmap.write import stream_kind


def refuse_output(
    output: Path | None, *, check: bool, stale_only: bool, binary: str | None
) -> str | None:
    """Why ``-o output`` is refused before any map is read, or None; the one rule of render,
    report and handout. --check and --stale-only compare files, and standard output
    (``-o -``, None) is none, nor is a device, a pipe or a descriptor (:func:`stream_kind`:
    reading a pipe would take what its reader was sent); a ``binary`` format (PNG, PDF)
    would garble a terminal, whatever its name (``-``, ``/dev/stdout``, ``/dev/tty``,
    ``/dev/pts/3``)."""
    kind = None if output is None else stream_kind(output)
    if output is not None and kind is None:
        return None  # a file or a folder, compared or written as such
    shown = "- (standard output)" if output is None else f"{output} ({kind})"
    for flag, given_ in (("--check", check), ("--stale-only", stale_only)):
        if given_:
            return f"{flag} compares files, and -o {shown} is none"
    if binary is None:
        return None
    if output is None:
        terminal, named = sys.stdout is not None and sys.stdout.isatty(), ""
    else:  # a device is opened to ask, so only now
        terminal = kind == "a character device" and is_terminal(output)
        named = f" (-o {output})"
    if terminal:
        return (
            f"refusing to write {binary.upper()} to a terminal{named}; redirect it or give -o FILE"
        )
    return None


# Opening a device without it becoming the controlling terminal, nor waiting (POSIX only).
_QUIET_OPEN = getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)


def is_terminal(device: Path) -> bool:
    """Whether the character device ``device`` is a terminal. Only a terminal can tell, once
    opened: it is opened without becoming this process's controlling terminal, without
    waiting (a serial line's carrier) and without being written."""
    try:
        descriptor = os.open(device, os.O_WRONLY | _QUIET_OPEN)
    except OSError:
        return False  # writing will say why it cannot be opened
    try:
        return os.isatty(descriptor)
    finally:
        os.close(descriptor)


def on_stdout(output: Path | None) -> bool:
    """Whether ``-o output`` is standard output: ``-o -`` (None), or a name that leads to it
    (``/dev/stdout``, ``/dev/fd/1``). The findings then go to stderr, not into the output."""
    if output is None:
        return True
    try:
        return sys.stdout is not None and os.path.samestat(
            os.stat(output), os.fstat(sys.stdout.fileno())
        )
    except (OSError, ValueError):
        return False


def where_to(
    output: Path | None, suffixes: Sequence[str], maps: int, *, folder: bool = False
) -> tuple[bool, str | None]:
    """:func:`names_one_file` for ``-o output``; standard output (``None``) takes the one
    file of one map, and is refused for several."""
    if output is None:
        if maps > 1:
            return True, (
                f"-o - writes one map to standard output, but {maps} maps were given; give a folder"
            )
        return True, None
    return names_one_file(output, suffixes, maps, folder=folder)


def plan_outputs(
    results: Sequence[MapResult],
    output: Path | None,
    name_of: Callable[[MapResult], str],
    single: bool,
    read: dict[str, Read],
) -> tuple[list[tuple[MapResult, Path | None]], list[str]]:
    """:func:`plan` of the maps of a run written to ``-o output``: the one file it names
    (``single``), a file ``name_of`` each map in that folder, or (``None``) standard
    output, which no file of the run can be, nor Windows refuse."""
    if output is None:
        return [(result, None) for result in results], []
    folder = output
    planned, refused = plan(
        results, lambda result: folder if single else folder / name_of(result), read
    )
    return list(planned), refused


def names_one_file(
    output: Path, suffixes: Sequence[str], maps: int, *, folder: bool = False
) -> tuple[bool, str | None]:
    """Whether ``-o output`` names the one file a single map is written to (its suffix is one
    of ``suffixes``, in any case, and no folder has that name) rather than a folder that each
    map is written into; and why it is refused, if it is: a file name for several maps, or an
    existing file of another kind. A device, a pipe or a descriptor (``/dev/null``,
    ``>(gzip > x.gz)``, ``/dev/stdout``: :func:`stream_kind`) names one file whatever its
    name. ``folder``: ``-o`` was given ending in a separator (``out.svg/``), a folder
    whatever its name, as in ``cp``. The same rule for render, report and handout."""
    if folder:
        if output.exists() and not output.is_dir():
            return False, f"-o {output}{os.sep} names a folder, but {output} is a file"
        return False, None
    stream = stream_kind(output) is not None
    single = stream or (output.suffix.lower() in suffixes and not output.is_dir())
    if single and maps > 1:
        return single, f"-o {output} names one file, but {maps} maps were given; give a folder"
    if not single and output.exists() and not output.is_dir():
        kinds = " or ".join(suffixes)
        return single, f"-o {output} is a file but not {kinds}; give one or a folder"
    return single, None


def format_named_by(
    output: Path | None, formats: Mapping[str, str], chosen: str | None, *, folder: bool = False
) -> str | None:
    """The format that ``-o output`` names by its suffix (any case; ``formats`` maps suffixes
    to formats), else ``chosen`` (``--format``, None when not given). A folder names none,
    nor does standard output (None), nor a device, a pipe or a descriptor (its name is no
    file's: ``-o >(gzip > x.gz)``), nor a name given as a folder (``folder``: ``out.svg/``).
    A file name of one format with ``--format`` another is a usage error (exit 2)."""
    if output is None or folder or stream_kind(output) is not None:
        return chosen
    named = None if output.is_dir() else formats.get(output.suffix.lower())
    if named is None:
        return chosen
    if chosen is not None and chosen != named:
        raise click.UsageError(f"-o {output} is {named}, but --format {chosen}")
    return named


@dataclass(frozen=True, slots=True)
class Read:
    """A file the run reads: by which map, and as what (``None``: the map or an include)."""

    by: str
    source: str | None = None

    def describe(self) -> str:
        return f"{self.by} (source '{self.source}')" if self.source else self.by


def files_read(results: Iterable[MapResult]) -> dict[str, Read]:
    """Every file the maps of a run read (their documents and source texts), by what each is
    on every system (:func:`one_file_everywhere` of its resolved path): on macOS and Windows,
    ``Map.html`` is the ``map.html`` a map quotes."""
    read: dict[str, Read] = {}
    for result in results:
        for document in result.documents:
            read.setdefault(one_file_everywhere(resolved(Path(document))), Read(result.path))
        if result.map is not None:
            for source in result.map.sources.values():
                if source.path is not None:
                    key = one_file_everywhere(resolved(source.path))
                    read.setdefault(key, Read(result.path, source.id))
    return read


def refuse_input(target: Path, read: dict[str, Read]) -> str | None:
    """Why ``target`` must not be written (it is a file the run reads), or None."""
    reader = read.get(one_file_everywhere(resolved(target)))
    if reader is None:
        return None
    return f"{target} is an input of {reader.describe()}; refusing to write over it"


def plan(
    results: Sequence[MapResult], target_of: Callable[[MapResult], Path], read: dict[str, Read]
) -> tuple[list[tuple[MapResult, Path]], list[str]]:
    """Each map with the file it goes to, in the order of ``results``, and a message for each
    map (or group of maps) that is refused: its file is in ``read`` (:func:`files_read` of the
    whole run, maps with errors included), or is shared with another map (then none of them
    is written, as which one would win depends on the order of the arguments)."""
    wanted: dict[str, list[tuple[MapResult, Path]]] = {}
    refused: list[str] = []
    for result in results:
        target = target_of(result)
        why = refuse_input(target, read) or _no_file_on_windows(result, target)
        if why is not None:
            refused.append(why)
            continue
        wanted.setdefault(one_file_everywhere(resolved(target)), []).append((result, target))
    planned: list[tuple[MapResult, Path]] = []
    for sharing in wanted.values():
        if len(sharing) == 1:
            planned.append(sharing[0])
            continue
        refused.append(_shared(sharing))
    return planned, refused  # groups of one keep the order their first map gave them


def _no_file_on_windows(result: MapResult, target: Path) -> str | None:
    """Why ``target``, the output of ``result``, is refused on every system: Windows cannot
    create its name (``con.svg``, :mod:`argmap.winnames`), so it cannot be written there,
    nor checked out from a repository that holds it. Only the file's own name is looked at,
    not the folders ``-o`` gives."""
    problem = windows_name_problem(target.name)
    if problem is None:
        return None
    stem = Path(result.path).stem
    if not target.name.startswith(stem):
        fix = "give -o another name"
    elif windows_name_problem(stem + target.suffix) is None:
        fix = "give another --focus"  # the map's own name is fine: the claim's id is not
    else:
        fix = "rename the map"
    return (
        f"{result.path} would be written to {visible(str(target))}, which cannot be a file "
        f"on Windows: {problem}; {fix}"
    )


def one_file_everywhere(path: Path) -> str:
    """What ``path`` is on every system: macOS and Windows take names that differ only in
    case, or in Unicode normalization (macOS writes 'é' as 'e' and an accent), for one file
    (:func:`argmap.paths.folded_name`)."""
    return folded_name(str(path))


def _shared(sharing: Sequence[tuple[MapResult, Path]]) -> str:
    """Why the maps of ``sharing``, whose outputs are one file, are none of them written."""
    names = [result.path for result, _ in sharing]
    maps = f"{', '.join(names[:-1])} and {names[-1]}"
    targets = list(dict.fromkeys(str(target) for _, target in sharing))
    if len({str(resolved(Path(t))) for t in targets}) == 1:
        both = "both" if len(names) == 2 else "all"
        return (
            f"{maps} would {both} be written to {targets[0]}; give them different names or folders"
        )
    files = f"{', '.join(targets[:-1])} and {targets[-1]}"
    return (
        f"{maps} would be written to {files}, which macOS and Windows take for one file; "
        "give them different names or folders"
    )
