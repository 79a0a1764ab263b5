"""``argmap import`` refuses what is not a regular file the way every reader of argmap does:
a FIFO or a device is a located error (exit 1) named for what it is, found without blocking
and before a byte is read; a folder or a missing file is a usage error (exit 2).

Each run is a child process with a timeout, so a blocking read fails the test instead of
hanging it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _import(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "FORCE_COLOR"}}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "argmap", "import", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


@needs_fifo
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "map.json")
    result = _import("map.json", "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stdout.startswith(
        "map.json:1:1: error[AM406] cannot read: a named pipe, not a regular file"
    ), result
    assert "no such file" not in result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json"]


@needs_fifo
def test_without_output_the_refusal_goes_to_stderr(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "debate.argdown")
    result = _import("debate.argdown", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert '"message": "cannot read: a named pipe, not a regular file"' in result.stderr


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
def test_a_device_is_refused(tmp_path: Path) -> None:
    result = _import("/dev/null", "--from", "argdown", "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 1, result
    assert "cannot read: a character device, not a regular file" in result.stdout
    assert not (tmp_path / "out.yaml").exists()


def test_a_folder_and_a_missing_file_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "maps.json").mkdir()
    folder = _import("maps.json", cwd=tmp_path)
    assert folder.returncode == 2
    assert "is a directory" in folder.stderr
    missing = _import("missing.json", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == (
        "missing.json:1:1: error[AM901] no such file or folder (path-not-found)\n\n"
        "1 error in 1 file (0 files checked)\n"
    )
