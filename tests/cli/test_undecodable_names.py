"""A map whose file name is not UTF-8 (``caf\\xe9.yaml``, made on a Latin-1 system): Python
reads the name with surrogateescape, so the path holds a lone surrogate (``'caf\\udce9.yaml'``).

Every format died on it with an internal error (exit 2) where standard output is strict UTF-8
(``LANG=en_US.UTF-8``; PYTHONIOENCODING=utf-8 here), and SARIF everywhere (``quote`` of the
path). Each now writes valid UTF-8: JSON the escape ``\\udce9``, which reads back to the same
name, SARIF the byte percent-encoded, text and GitHub the escape as text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NAME = b"caf\xe9.yaml"
MAP = b'argmap: 1\nclaims:\n  c: {text: "x", bogus: 1}\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    try:
        with open(os.path.join(os.fsencode(tmp_path), NAME), "wb") as f:
            f.write(MAP)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    (tmp_path / "argmap.toml").write_text("")
    return tmp_path


def run(folder: Path, fmt: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "argmap", "validate", "--format", fmt, "."],
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=120,
    )


def test_json_writes_the_name_as_an_escape_that_reads_back(folder: Path) -> None:
    out = run(folder, "json")
    assert (out.returncode, out.stderr) == (1, b"")
    assert b'"path": "caf\\udce9.yaml"' in out.stdout
    (diagnostic,) = json.loads(out.stdout.decode("utf-8"))["diagnostics"]
    assert os.fsencode(diagnostic["path"]) == NAME
    assert (diagnostic["line"], diagnostic["column"]) == (3, 18)


def test_sarif_percent_encodes_the_byte(folder: Path) -> None:
    out = run(folder, "sarif")
    assert (out.returncode, out.stderr) == (1, b"")
    (result,) = json.loads(out.stdout.decode("utf-8"))["runs"][0]["results"]
    where = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "caf%E9.yaml", "uriBaseId": "%SRCROOT%", "index": 0}


def test_github_and_text_show_the_escape(folder: Path) -> None:
    github = run(folder, "github")
    assert (github.returncode, github.stderr) == (1, b"")
    assert github.stdout.decode("utf-8").startswith(
        "::error file=caf\\udce9.yaml,line=3,col=18,title=AM201 unknown-key::"
    )
    text = run(folder, "text")
    assert (text.returncode, text.stderr) == (1, b"")
    assert text.stdout.decode("utf-8").startswith("caf\\udce9.yaml:3:18: error[AM201] ")
