"""The permissions of a written output: what the umask allows for a new file (as any program
that creates one), the file's own for a file that is replaced (as an editor keeps them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.write import write_atomic


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize(
    ("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600), (0o027, 0o640)]
)
def test_a_new_file_has_the_mode_the_umask_allows(
    mask: int, mode: int, tmp_path: Path, umask: None
) -> None:
    os.umask(mask)
    target = tmp_path / "map.svg"
    write_atomic(target, b"<svg/>\n")
    assert target.stat().st_mode & 0o7777 == mode


@pytest.mark.parametrize("mode", [0o600, 0o664, 0o444])
def test_a_replaced_file_keeps_its_mode(mode: int, tmp_path: Path, umask: None) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old\n")
    target.chmod(mode)
    write_atomic(target, b"<svg/>\n")
    assert target.read_bytes() == b"<svg/>\n"
    assert target.stat().st_mode & 0o7777 == mode
