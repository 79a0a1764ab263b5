"""File names that Windows cannot create, whatever system argmap runs on.

Windows keeps the names of its devices (CON, PRN, AUX, NUL, COM1…, LPT1…) in every folder, in
any case and followed by any extension: ``con.svg`` is the console, ``nul.html`` writes to
nothing. It drops a dot or a space that ends a name, and allows none of ``< > : " | ? *`` in
one (``a:b`` names a hidden stream of the file ``a``). A repository
holding such a name cannot be checked out there (Git for Windows refuses the path), so argmap
refuses such a name on every system: a map passes in Linux CI only if it works on Windows.
The list is Microsoft's ("Naming Files, Paths, and Namespaces"), with the console's CONIN$
and CONOUT$. NTFS refuses the control characters 1 to 31 in a name too (a tab, a line feed, a
bell, the escape that starts a terminal's sequences), and Git for Windows a path holding one;
DEL and the C1 controls it allows, and argmap's messages show them as escapes.
"""

from __future__ import annotations

from typing import Final

_DEVICES: Final = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CONIN$",
        "CONOUT$",
        *(f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"),
    }
)
_NOT_IN_A_NAME: Final = frozenset('<>:"|?*')


def windows_name_problem(name: str) -> str | None:
    """Why Windows cannot create a file or folder called ``name`` (one name, no separator),
    or None when it can. ``.`` and ``..`` are the folders they always are."""
    if name in (".", ".."):
        return None
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if device in _DEVICES:
        return f"Windows keeps the name {device} for a device"
    for char in name:
        if char in _NOT_IN_A_NAME:
            return f"Windows allows no '{char}' in a name"
        if char < " ":
            return f"Windows allows no control character (U+{ord(char):04X}) in a name"
    if name.endswith((".", " ")):
        what = "dot" if name.endswith(".") else "space"
        return f"Windows drops the {what} at the end of a name"
    return None
