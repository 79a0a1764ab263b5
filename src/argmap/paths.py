"""Paths inside an argument file (includes, source files) may not leave the project.

Files come from pull requests: ``file: ../../etc/passwd`` or a symbolic link pointing out of the
repository must not make argmap read, quote or render what lies outside it.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from argmap.winnames import windows_name_problem

PROJECT_MARKERS = ("pyproject.toml", "argmap.toml", ".git")

# Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK makes it return at once,
# and O_NOCTTY keeps a terminal device from becoming ours. Both are harmless on regular files.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_KIND_NAMES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

# What an argument file is called: folders are searched for these, and `init` writes one.
SUFFIXES = (".yaml", ".yml")
NO_SUCH_FILE = "no such file"  # how a missing source ends its message (AM013 hints on it)


def is_map_name(name: str) -> bool:
    """Whether a file called ``name`` is searched for as an argument map: it ends in one of
    :data:`SUFFIXES` in any case (``Map.YAML``, as a Windows editor may save it, is read when
    named on the command line, and so is found in a folder too) and is not hidden."""
    return name.lower().endswith(SUFFIXES) and not name.startswith(".")


class NotARegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes`` bytes of the regular file at ``path``; ``OSError`` otherwise.

    The type is checked on the opened descriptor, so nothing can swap the file between the
    check and the read: a FIFO would block for ever and a device (``/dev/zero``) never ends.
    A folder raises :class:`IsADirectoryError`, anything else :class:`NotARegularFile`.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KIND_NAMES if test(mode)), "a special file")
            raise NotARegularFile(errno.EINVAL, f"{kind}, not a regular file", str(path))
    except BaseException:
        os.close(fd)  # fdopen has not taken it over yet
        raise
    with os.fdopen(fd, "rb") as handle:
        return handle.read(max_bytes)


def resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when its symbolic links loop or break."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return Path(os.path.abspath(path))


def project_root(path: Path) -> Path:
    """The nearest folder above ``path`` with a project marker; else the file's folder."""
    start = resolved(path).parent
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return start


def project_path(path: Path) -> str:
    """``path`` relative to its project (``project_root``), with ``/`` between folders: the
    same text however the path is typed and wherever argmap runs, for what argmap writes
    into its outputs (the JSON export's ``path``)."""
    return resolved(path).relative_to(project_root(path)).as_posix()


def windows_path_problem(path: Path, root: Path) -> tuple[str, str] | None:
    """The path of the file at ``path`` from its project's ``root``, and why Windows cannot
    create one of its names (the file's own, or a folder's between the root and it); None
    when it can. The folders above the root are the machine's, not the project's."""
    here = resolved(path.parent) / path.name
    within = here.relative_to(root) if _inside(here, root) else PurePosixPath(path.name)
    problem = next(filter(None, map(windows_name_problem, within.parts)), None)
    return None if problem is None else (within.as_posix(), problem)


def contained_path(base_file: Path, written: str, root: Path) -> Path | str:
    """Resolve ``written`` relative to ``base_file``; a reason (str) when it leaves ``root``.

    Symbolic links are followed before the check, so a link out of the project is caught.
    """
    if not written.strip():
        return "the path is empty"
    if "\x00" in written:
        return "the path holds a NUL character"
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute():
        return f"'{written}' is an absolute path; write it relative to the argument file"
    if "\\" in written:  # a folder separator on Windows alone, a letter of a name elsewhere
        portable = written.replace("\\", "/")
        return (
            f"'{written}' separates its folders with '\\': write '{portable}', "
            "which every system reads"
        )
    problem = next(filter(None, map(windows_name_problem, PurePosixPath(written).parts)), None)
    if problem is not None:  # no file on Windows, nor in a repository checked out there
        return f"'{written}' cannot be a file on Windows: {problem}; rename it"
    try:
        candidate = (resolved(base_file).parent / written).resolve()
    except RuntimeError:  # Python < 3.13 raises it for a loop of symbolic links
        return f"'{written}' cannot be followed: its symbolic links form a loop"
    except OSError as exc:
        return f"'{written}' cannot be followed: {exc.strerror or type(exc).__name__}"
    if not _inside(candidate, root):
        return f"'{written}' leads outside the project"
    if not os.path.lexists(candidate) and not written.isascii():
        candidate = resolved(_as_on_disk(candidate, root))
        if not _inside(candidate, root):  # the name on disk is a link out
            return f"'{written}' leads outside the project"
    return candidate


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _as_on_disk(path: Path, root: Path) -> Path:
    """``path`` (inside ``root``, not there as written) with each name that is missing
    replaced by the one name of its folder that is the same text in another Unicode
    normalization: macOS writes 'é' as 'e' and a combining accent (NFD), most other systems
    as one character (NFC), and a file copied between them keeps its bytes. ``path`` as it
    is when a name has no such twin, or more than one."""
    current = root
    for name in path.relative_to(root).parts:
        step = current / name
        if not os.path.lexists(step):
            wanted = unicodedata.normalize("NFC", name)
            try:
                twins = [
                    n for n in os.listdir(current) if unicodedata.normalize("NFC", n) == wanted
                ]
            except OSError:
                return path
            if len(twins) != 1:
                return path
            step = current / twins[0]
        current = step
    return current


def case_twin_hint(path: Path, written: str) -> str | None:
    """A hint for ``path`` (resolved; not there), which ``written`` names relative to the
    argument file: the name on disk that differs from it only in case, or None. macOS and
    Windows open a file by a name of any case, Linux does not, so a map written on the one
    breaks on the other."""
    missing: list[str] = []
    folder = path
    while not os.path.lexists(folder):
        if folder.parent == folder:
            return None
        missing.append(folder.name)
        folder = folder.parent
    if not missing:
        return None
    on_disk = folder
    for name in reversed(missing):
        wanted = folded_name(name)
        try:
            twins = [n for n in os.listdir(on_disk) if folded_name(n) == wanted]
        except OSError:
            return None
        if len(twins) != 1:
            return None
        on_disk = on_disk / twins[0]
    parts = PurePosixPath(written).parts
    if len(missing) > len(parts):  # a link to a missing place: no spelling to correct
        return None
    shown = PurePosixPath(*parts[: len(parts) - len(missing)], *on_disk.parts[-len(missing) :])
    return (
        f"the folder holds '{shown}', which differs only in case: macOS and Windows take "
        "them for one file, Linux does not; write the name as it is on disk"
    )


def folded_name(name: str) -> str:
    """``name`` as the file systems that ignore case compare it: in one Unicode normalization
    (APFS compares names in NFD, so 'é' is one name however it is written) and case-folded one
    letter for one, by Unicode's simple case folding, as APFS folds and as NTFS compares upper
    case letters. Not ``str.casefold``, whose full folding makes 'ß' 'ss' and 'ﬁ' 'fi': no file
    system takes 'straße' for 'strasse'."""
    return "".join(map(_simple_fold, unicodedata.normalize("NFC", name)))


def _simple_fold(char: str) -> str:
    """``char`` by simple case folding: its full folding where that is one letter; else its
    lower case where that is ('ẞ' gives 'ß', 'ᾈ' gives 'ᾀ': the foldings Unicode lists for the
    letters whose full folding is longer); else ``char`` ('ß', 'ﬁ', 'İ' have none)."""
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char
