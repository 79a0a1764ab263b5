"""Which file names Windows cannot create: a device's name (CON, NUL, COM1…) in any case and
with any extension, a name that ends in a dot or a space, one that holds < > : " | ? *. A map
that names one, or whose output would be one, breaks on Windows and in a repository checked
out there."""

from __future__ import annotations

import pytest

from argmap.winnames import windows_name_problem


@pytest.mark.parametrize(
    ("name", "device"),
    [
        ("con", "CON"),
        ("CON", "CON"),
        ("con.svg", "CON"),
        ("Nul.yaml", "NUL"),
        ("aux.tar.gz", "AUX"),
        ("prn.html", "PRN"),
        ("com1.yaml", "COM1"),
        ("COM9", "COM9"),
        ("lpt1.svg", "LPT1"),
        ("com\u00b9.txt", "COM\u00b9"),
        ("lpt\u00b3", "LPT\u00b3"),
        ("conin$.txt", "CONIN$"),
        ("CONOUT$", "CONOUT$"),
        ("con .svg", "CON"),
    ],
)
def test_a_device_name_with_any_extension_is_named(name: str, device: str) -> None:
    assert windows_name_problem(name) == f"Windows keeps the name {device} for a device"


@pytest.mark.parametrize(
    "name",
    ["console.svg", "icon.svg", "com10.yaml", "lpt.svg", "nul_map.svg", "a.con", "com", "map.svg"],
)
def test_other_names_are_fine(name: str) -> None:
    assert windows_name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("notes.", "Windows drops the dot at the end of a name"),
        ("notes ", "Windows drops the space at the end of a name"),
        ("a:b.txt", "Windows allows no ':' in a name"),
        ("what?.yaml", "Windows allows no '?' in a name"),
        ('say "so".txt', "Windows allows no '\"' in a name"),
        ("a|b", "Windows allows no '|' in a name"),
    ],
)
def test_a_name_windows_changes_or_refuses_is_named(name: str, problem: str) -> None:
    assert windows_name_problem(name) == problem


@pytest.mark.parametrize("name", [".", ".."])
def test_the_current_and_parent_folders_are_names(name: str) -> None:
    assert windows_name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("m\x07.yaml", "Windows allows no control character (U+0007) in a name"),
        ("\x1b[2J.svg", "Windows allows no control character (U+001B) in a name"),
        ("tab\there", "Windows allows no control character (U+0009) in a name"),
        ("new\nline", "Windows allows no control character (U+000A) in a name"),
        ("\x01", "Windows allows no control character (U+0001) in a name"),
    ],
)
def test_a_control_character_is_refused(name: str, problem: str) -> None:
    """NTFS refuses the characters 1 to 31 in a name, and Git for Windows a path holding one."""
    assert windows_name_problem(name) == problem


@pytest.mark.parametrize("name", ["del\x7f.yaml", "c1\x9b2J.svg", "nbsp\u00a0.yaml", "é.yaml"])
def test_delete_and_the_c1_controls_are_names_windows_allows(name: str) -> None:
    assert windows_name_problem(name) is None
