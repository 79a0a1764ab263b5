"""Standard output that cannot take what argmap prints (a full disk, ``> /dev/full``) is said
in one line, with the system's reason and exit status 2, as a file argmap cannot write is;
not an "internal error" to report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MAP = "argmap: 1\ntitle: Full\nclaims:\n  a: {text: Alpha holds., kind: thesis}\n"

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["export", "map.yaml", "--to", "json"],
        ["check", "--format", "json", "map.yaml"],
        ["rules"],
    ],
    ids=["schema", "export", "check", "rules"],
)
def test_a_full_standard_output_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
    assert (out.returncode, out.stderr) == (
        2,
        "argmap: cannot write to standard output: No space left on device\n",
    )
