"""File names that are not UTF-8 (``b'bad\\xff.yaml'``, from an old archive or another
locale): Linux allows any bytes but ``/`` and NUL, and Python reads such a name with the
bytes it cannot decode as lone surrogates (``'\\udcff'``). JSON and SARIF are UTF-8 to their
readers: such a name is written there as the JSON escape ``\\udcff``, which a reader of JSON
turns back into the same text (Python's ``json`` and ``os.fsencode`` give back the bytes),
never as the raw byte, which made the whole document unreadable, nor as an internal error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
MAP = b"argmap: 1\ntitle: Bytes\nclaims:\n  a: {text: Alpha holds., kind: thesis}\n"
NAME = os.fsdecode(b"bad\xff.yaml")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="file names of any bytes, as on Linux"
)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ARGMAP, *args], cwd=cwd, capture_output=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / NAME).write_bytes(MAP)
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [["check", "--format", "json"], ["validate", "--format", "json"], ["export", "--to", "json"]],
    ids=["check", "validate", "export"],
)
def test_json_on_standard_output_is_utf8(args: list[str], project: Path) -> None:
    out = _run([*args[:1], NAME, *args[1:], *(["-o", "-"] if args[0] == "export" else [])], project)
    assert out.returncode in (0, 1), out.stderr
    text = out.stdout.decode("utf-8")  # raised on the raw byte
    assert '"bad\\udcff.yaml"' in text
    assert NAME in json.dumps(json.loads(text), ensure_ascii=False)


def test_sarif_names_the_files_bytes_in_its_uri(project: Path) -> None:
    """It was 'argmap: internal error: UnicodeEncodeError', exit 2: a URI quoted as UTF-8."""
    (project / NAME).write_bytes(MAP.replace(b"kind: thesis", b"kind: thesis, bogus: 1"))
    out = _run(["check", NAME, "--format", "sarif"], project)
    assert out.returncode == 1, out.stderr
    sarif = json.loads(out.stdout.decode("utf-8"))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "bad%FF.yaml",
        "uriBaseId": "%SRCROOT%",
        "index": 0,
    }


def test_json_export_to_a_file_is_written(project: Path) -> None:
    """It was 'argmap: internal error: UnicodeEncodeError', exit 2, nothing written."""
    out = _run(["export", NAME, "--to", "json", "-o", "m.json"], project)
    assert (out.returncode, out.stderr) == (0, b"wrote m.json\n")
    document = json.loads((project / "m.json").read_bytes().decode("utf-8"))
    assert document["path"] == NAME
