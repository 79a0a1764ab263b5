"""A path as it is typed into a shell, for the commands argmap suggests (``next: argmap check
PATH``): pasted as printed, the command must name that one file."""

from __future__ import annotations

import os
import shlex


def shell_word(path: str, *, windows: bool = os.name == "nt") -> str:
    """``path`` quoted for a POSIX shell where it needs it (a space, a quote, ``$``...), and
    with ``./`` before a name that starts with ``-``, which a command would read as an option.
    On Windows, double quotes, which cmd and PowerShell both take, around a path with a space.
    """
    if path.startswith("-"):
        path = "./" + path
    if windows:
        return f'"{path}"' if any(c in path for c in " &;'()^") else path
    return shlex.quote(path)
