"""Sources parsed once per run: many maps quoting one source parse and index it once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.verify.cache as cache_module
from argmap.cli import main
from argmap.verify import SourceError, SourceText, read_source
from argmap.verify.cache import SourceCache

TEXT = "The first paragraph says one thing.\n\nThe second paragraph says another.\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the sources the cache parsed."""
    seen: list[str] = []
    real = cache_module.parse_source

    def counting(data: bytes, name: str, *args: object, **options: object) -> object:
        seen.append(Path(name).name)
        return real(data, name, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "parse_source", counting)
    return seen


def test_a_source_is_parsed_once_and_again_when_its_bytes_change(
    tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "shared.txt"
    path.write_text(TEXT)
    cache = SourceCache()
    first = cache.read(path)
    assert isinstance(first, SourceText)
    assert cache.read(path) is first
    assert parses == ["shared.txt"]
    path.write_text(TEXT.replace("one thing", "two thing"))  # same size, maybe same mtime
    changed = cache.read(path)
    assert isinstance(changed, SourceText) and "two thing" in changed.text
    assert parses == ["shared.txt", "shared.txt"]
    assert changed.text == read_source(path).text  # type: ignore[union-attr]


def test_errors_are_not_kept(tmp_path: Path) -> None:
    cache = SourceCache()
    missing = tmp_path / "missing.txt"
    assert isinstance(cache.read(missing), SourceError)
    missing.write_text(TEXT)
    assert isinstance(cache.read(missing), SourceText)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert isinstance(cache.read(empty), SourceError)
    assert isinstance(cache.read(empty), SourceError)


def test_the_cache_keeps_to_its_budget(tmp_path: Path, parses: list[str]) -> None:
    cache = SourceCache(max_bytes=100)
    paths = []
    for k in range(3):
        path = tmp_path / f"s{k}.txt"
        path.write_text(f"{k} " + "x" * 60 + "\n")
        paths.append(path)
    kept = [cache.read(p) for p in paths]
    assert cache.read(paths[2]) is kept[2]  # the newest stays
    assert cache.read(paths[0]) is not kept[0]  # the oldest went, to keep within 100 bytes
    assert parses == ["s0.txt", "s1.txt", "s2.txt", "s0.txt"]


def _map(name: str) -> str:
    return (
        "argmap: 1\n"
        f"title: Map {name}\n"
        "sources:\n"
        "  s: {title: The source, file: sources/shared.txt}\n"
        "claims:\n"
        f"  c:\n    text: A claim of {name}.\n    kind: thesis\n"
        "    evidence:\n"
        "      - {quote: the second paragraph says another, source: s, locator: para 2}\n"
    )


def test_check_of_many_maps_parses_their_shared_source_once(
    tmp_path: Path, parses: list[str]
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "shared.txt").write_text(TEXT)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(_map(name))
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output  # every quote verified
    assert parses == ["shared.txt"]
