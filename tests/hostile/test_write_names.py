"""An output whose name the file system refuses (longer than its 255 bytes: 'x.yml' of 251
is drawn as 'x.html' of 256) is one line with the system's reason, not an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.write import cannot_write, write_atomic

MAP = "argmap: 1\ntitle: T\nclaims:\n  c: {text: A claim., kind: thesis}\n"


def test_a_name_too_long_is_said_with_the_systems_reason(tmp_path: Path) -> None:
    target = tmp_path / ("m" * 252 + ".html")
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"x")
    assert cannot_write(target, caught.value) == f"cannot write {target}: File name too long"
    assert list(tmp_path.iterdir()) == []


def test_report_of_a_map_whose_page_name_is_too_long(tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    source = tmp_path / ("m" * 251 + ".yml")
    source.write_text(MAP)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(out)])
    target = out / ("m" * 251 + ".html")
    assert (result.exit_code, result.stderr) == (
        2,
        f"argmap: cannot write {target}: File name too long\n",
    )
    assert list(out.iterdir()) == []  # no temporary file left behind
