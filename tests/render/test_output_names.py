"""Two maps whose outputs would be one file on macOS or Windows (names that differ only in case
or in Unicode normalization) are refused on every system, before anything is written: there
the second would silently replace the first, and a folder of renders committed on Linux could
not be checked out there."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

from .conftest import FIXTURES


def _two_maps(tmp_path: Path, first: str, second: str) -> list[Path]:
    """The same map as ``a/FIRST.yaml`` and ``b/SECOND.yaml``."""
    maps = []
    for folder, name in (("a", first), ("b", second)):
        (tmp_path / folder).mkdir()
        maps.append(tmp_path / folder / f"{name}.yaml")
        shutil.copy(FIXTURES / "grammar.yaml", maps[-1])
    return maps


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("grammar", "Grammar"),
        (unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")),
        # names the file systems fold to one (simple case folding, one letter for one)
        ("Straße", "straße"),
        ("STRAẞE", "straße"),
        ("ΟΔΟΣ", "οδος"),
    ],
    ids=["case", "normalization", "sharp-s", "capital-sharp-s", "final-sigma"],
)
def test_outputs_one_file_on_macos_or_windows_are_refused(
    first: str, second: str, runner: CliRunner, tmp_path: Path
) -> None:
    maps = _two_maps(tmp_path, first, second)
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", *map(str, maps), "-o", str(out), "--format", "dot"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {maps[0]} and {maps[1]} would be written to {out / f'{first}.dot'} and "
        f"{out / f'{second}.dot'}, which macOS and Windows take for one file; "
        "give them different names or folders\n"
    )
    assert not out.exists()


def test_an_input_named_in_another_case_is_not_written_over(
    runner: CliRunner, tmp_path: Path
) -> None:
    # on macOS and Windows, Map.html is the map.html the map quotes: the report replaced it
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.html").write_text("<p>The plan works.</p>", encoding="utf-8")
    (tmp_path / "Map.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  article: {title: A, file: map.html}\n"
        "claims:\n  c:\n    kind: thesis\n    text: It works.\n    evidence:\n"
        "      - {source: article, quote: The plan works.}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["report", str(tmp_path / "Map.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {tmp_path / 'Map.html'} is an input of {tmp_path / 'Map.yaml'} "
        "(source 'article'); refusing to write over it\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Map.yaml", "argmap.toml", "map.html"]


# macOS (APFS) folds case by Unicode's simple case folding, one letter for one, and Windows
# (NTFS) compares letters made upper case one by one: neither takes 'ß' for 'ss', nor 'ﬁ' for
# 'fi'. A 'ẞ' (capital sharp s) is folded to 'ß' by the one: the same file there.
@pytest.mark.parametrize(
    ("first", "second"),
    [("straße", "strasse"), ("STRASSE", "straße"), ("ﬁle", "file")],
    ids=["sharp-s", "sharp-s-upper", "ligature"],
)
def test_names_no_file_system_takes_for_one_are_both_written(
    first: str, second: str, runner: CliRunner, tmp_path: Path
) -> None:
    maps = _two_maps(tmp_path, first, second)
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", *map(str, maps), "-o", str(out), "--format", "dot"])
    assert (result.exit_code, result.stderr) == (
        0,
        f"wrote {out / f'{first}.dot'}\nwrote {out / f'{second}.dot'}\n",
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{first}.dot", f"{second}.dot"])


# On Windows, con.svg is the console and nul.html nothing at all: an output named so cannot be
# written there, nor con.yaml checked out from a repository that holds it. The map is refused on
# every system, as two names that differ only in case are; the other maps are written.
@pytest.mark.parametrize("name", ["con", "NUL", "Aux", "com1", "lpt9"])
@pytest.mark.parametrize(
    ("command", "suffix"),
    [(["render", "--format", "dot"], "dot"), (["report"], "html")],
    ids=["render", "report"],
)
def test_a_map_named_for_a_windows_device_is_refused_and_the_others_written(
    name: str, command: list[str], suffix: str, runner: CliRunner, tmp_path: Path
) -> None:
    """The map's own name is the finding (AM306 at 1:1, as validate reports it), so its output
    is never planned; the other maps are written."""
    (tmp_path / "argmap.toml").write_text("")
    maps = [tmp_path / f"{name}.yaml", tmp_path / "fine.yaml"]
    for path in maps:
        shutil.copy(FIXTURES / "grammar.yaml", path)
    out = tmp_path / "out"
    result = runner.invoke(main, [*command, *map(str, maps), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{maps[0]}:1:1: error[AM306] this map's path '{name}.yaml' cannot be a file on "
        f"Windows: Windows keeps the name {name.upper()} for a device; rename it "
        "(invalid-path)\n\n1 error in 1 of 2 files\n"
    )
    assert result.stderr == f"wrote {out / f'fine.{suffix}'}\n"
    assert sorted(p.name for p in out.iterdir()) == [f"fine.{suffix}"]


def test_an_output_file_named_for_a_windows_device_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "argmap.toml").write_text("")
    shutil.copy(FIXTURES / "grammar.yaml", tmp_path / "map.yaml")
    result = runner.invoke(main, ["render", str(tmp_path / "map.yaml"), "-o", "con.dot"])
    assert (result.exit_code, result.stderr) == (
        2,
        "argmap: map.yaml would be written to con.dot, which cannot be a file "
        "on Windows: Windows keeps the name CON for a device; give -o another name\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "map.yaml"]
