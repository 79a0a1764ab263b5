"""Paths in a map mean the same file on Linux, macOS and Windows: a name in either Unicode
normalization (macOS writes 'é' as 'e' and a combining accent), and '/' between folders."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from argmap.commands.check import check_result
from argmap.pipeline import ConfigCache, load_map
from argmap.semantics.labels import Semantics

SOURCE = "The plan works well in practice.\n"
MAP = """\
argmap: 1
title: T
include: [{include}]
sources:
  s:
    title: S
    file: {file}
claims:
  c1:
    kind: thesis
    text: The plan works.
    evidence:
      - source: s
        quote: "The plan works well in practice."
"""
PART = "argmap: 1\nclaims:\n  c2: {text: Also., supports: c1, kind: assumption}\n"
NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")


def found(
    folder: Path, file: str, include: str = "part.yaml"
) -> list[tuple[str, int, int, str, str | None]]:
    (folder / "argmap.toml").write_text("")
    path = folder / "map.yaml"
    path.write_text(MAP.format(file=file, include=include), encoding="utf-8")
    result = load_map(path)
    if result.map is None:
        return [(d.code, d.line, d.col, d.message, d.hint) for d in result.diagnostics]
    outcome, _ = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    return [(d.code, d.line, d.col, d.message, d.hint) for d in outcome.diagnostics]


@pytest.mark.parametrize(("written", "on_disk"), [(NFC, NFD), (NFD, NFC)], ids=["nfc", "nfd"])
def test_a_name_in_the_other_normalization_is_the_same_file(
    written: str, on_disk: str, tmp_path: Path
) -> None:
    (tmp_path / f"sources {on_disk}").mkdir()
    (tmp_path / f"sources {on_disk}" / f"{on_disk}.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / f"{on_disk}.yaml").write_text(PART, encoding="utf-8")
    file = f"'sources {written}/{written}.txt'"
    assert found(tmp_path, file, include=f"{written}.yaml") == []


def test_a_twin_name_that_links_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.txt").write_text(SOURCE, encoding="utf-8")
    (project / "part.yaml").write_text(PART, encoding="utf-8")
    (project / f"{NFD}.txt").symlink_to(tmp_path / "secret.txt")
    assert found(project, f"{NFC}.txt") == [
        ("AM306", 7, 11, f"source 's': '{NFC}.txt' leads outside the project", None)
    ]


# '\\' separates folders on Windows alone; elsewhere it is a letter of a name. Refused on every
# system, so that a map that passes on a Windows laptop passes in Linux CI.
def test_a_backslash_between_folders_is_refused_with_the_portable_spelling(
    tmp_path: Path,
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.yaml").write_text(PART, encoding="utf-8")
    message = (
        "'{0}\\{1}' separates its folders with '\\': write '{0}/{1}', which every system reads"
    )
    assert found(tmp_path, "sources/a.txt", include=r"'parts\p.yaml'") == [
        ("AM306", 3, 11, "include: " + message.format("parts", "p.yaml"), None)
    ]
    assert found(tmp_path, r"'sources\a.txt'", include="parts/p.yaml") == [
        ("AM306", 7, 11, "source 's': " + message.format("sources", "a.txt"), None)
    ]


def _case_sensitive(folder: Path) -> bool:
    (folder / "probe").write_text("")
    return not (folder / "PROBE").exists()


def test_a_name_that_differs_only_in_case_is_named_in_the_hint(tmp_path: Path) -> None:
    if not _case_sensitive(tmp_path):
        pytest.skip("the file system takes names of another case for the same file")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "part.yaml").write_text(PART, encoding="utf-8")
    hint = (
        "the folder holds '{0}', which differs only in case: macOS and Windows take them for "
        "one file, Linux does not; write the name as it is on disk"
    )
    assert found(tmp_path, "sources/a.txt", include="Part.yaml") == [
        ("AM307", 3, 11, "included file 'Part.yaml' does not exist", hint.format("part.yaml"))
    ]
    assert found(tmp_path, "Sources/A.txt") == [
        (
            "AM013",
            7,
            11,
            "source 's': 'Sources/A.txt': no such file",
            hint.format("sources/a.txt"),
        )
    ]


def test_an_include_too_long_for_the_file_system_is_located(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    long = "m" * 300 + ".yaml"
    assert found(tmp_path, "sources/a.txt", include=long) == [
        ("AM101", 3, 11, f"include: '{long}' cannot be read: File name too long", None)
    ]


def test_a_name_no_file_system_takes_for_the_one_written_gets_no_case_hint(
    tmp_path: Path,
) -> None:
    """'strasse.txt' is not 'straße.txt' on any system (``str.casefold`` makes 'ß' 'ss'; the
    file systems that ignore case do not): the hint said they differ only in case."""
    if not _case_sensitive(tmp_path):
        pytest.skip("the file system takes names of another case for the same file")
    (tmp_path / "strasse.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "part.yaml").write_text(PART, encoding="utf-8")
    assert found(tmp_path, "straße.txt") == [
        (
            "AM013",
            7,
            11,
            "source 's': 'straße.txt': no such file",
            f"'file' is relative to the folder of {tmp_path / 'map.yaml'}: save the text there, "
            "or correct the path",
        )
    ]


# A name Windows cannot create (a device's, one ending in a dot) is no file there, and a
# repository holding one cannot be checked out: refused on every system, as a backslash is.
def test_a_name_windows_cannot_create_is_refused_where_the_map_writes_it(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "con.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "Aux.yaml").write_text(PART, encoding="utf-8")
    assert found(tmp_path, "sources/con.txt", include="Aux.yaml") == [
        (
            "AM306",
            3,
            11,
            "include: 'Aux.yaml' cannot be a file on Windows: Windows keeps the name AUX for a "
            "device; rename it",
            None,
        )
    ]
    (tmp_path / "part.yaml").write_text(PART, encoding="utf-8")
    assert found(tmp_path, "sources/con.txt") == [
        (
            "AM306",
            7,
            11,
            "source 's': 'sources/con.txt' cannot be a file on Windows: Windows keeps the name "
            "CON for a device; rename it",
            None,
        )
    ]
    (tmp_path / "notes.").mkdir()
    (tmp_path / "notes." / "a.txt").write_text(SOURCE, encoding="utf-8")
    assert found(tmp_path, "notes./a.txt") == [
        (
            "AM306",
            7,
            11,
            "source 's': 'notes./a.txt' cannot be a file on Windows: Windows drops the dot at "
            "the end of a name; rename it",
            None,
        )
    ]
    assert found(tmp_path, "sources/../sources/con.txt.bak") == [
        (
            "AM306",
            7,
            11,
            "source 's': 'sources/../sources/con.txt.bak' cannot be a file on Windows: Windows "
            "keeps the name CON for a device; rename it",
            None,
        )
    ]


# The map's own name, and each folder between its project's root and it, must be names Windows
# can create too: else the map itself cannot be checked out there, though Linux CI passed it.
@pytest.mark.parametrize(
    ("where", "problem"),
    [
        ("con.yaml", "Windows keeps the name CON for a device"),
        ("aux/map.yaml", "Windows keeps the name AUX for a device"),
        ("maps./map.yaml", "Windows drops the dot at the end of a name"),
        ("m\x07.yaml", "Windows allows no control character (U+0007) in a name"),
    ],
)
def test_a_map_whose_own_path_windows_cannot_create_is_refused(
    tmp_path: Path, where: str, problem: str
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    path = tmp_path / where
    path.parent.mkdir(exist_ok=True)
    path.write_text("argmap: 1\nclaims:\n  c: {text: A claim., kind: assumption}\n")
    result = load_map(path)
    assert [(d.code, d.line, d.col, d.message, d.positioned) for d in result.diagnostics] == [
        (
            "AM306",
            1,
            1,
            f"this map's path '{where}' cannot be a file on Windows: {problem}; rename it",
            False,
        )
    ]
    assert result.map is not None  # the map is read and checked as ever


def test_the_folders_above_the_project_are_not_the_maps_to_rename(tmp_path: Path) -> None:
    project = tmp_path / "con" / "project"
    project.mkdir(parents=True)
    (project / "argmap.toml").write_text("")
    (project / "map.yaml").write_text("argmap: 1\nclaims:\n  c: {text: A., kind: assumption}\n")
    assert load_map(project / "map.yaml").diagnostics == []
