"""Paths inside an argument file (includes, source files) may not leave the project.

Files come from pull requests: ``file: ../../etc/passwd`` or a symbolic link pointing out of the
repository must not make argmap read, quote or render what lies outside it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

PROJECT_MARKERS = ("pyproject.toml", "argmap.toml", ".git")


def project_root(path: Path) -> Path:
    """The nearest folder above ``path`` with a project marker; else the file's folder."""
    start = path.resolve().parent
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return start


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
    candidate = (base_file.resolve().parent / written).resolve()
    try:
        candidate.relative_to(root)
    except ValueError:
        return f"'{written}' leads outside the project"
    return candidate
