"""What the system refuses is said in one line with its reason and exit status 2, as a file
argmap cannot write is; not an "internal error" to report: standard output that cannot take
what argmap prints (a full disk, ``> /dev/full``), a path too long to look at."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MAP = "argmap: 1\ntitle: Full\nclaims:\n  a: {text: Alpha holds., kind: thesis}\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
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


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["render", "map.yaml", "-f", "dot", "-o", "out", "-v"],
        ["export", "missing.yaml", "--to", "json"],
    ],
    ids=["render-verbose", "export-missing"],
)
def test_a_full_standard_error_exits_2_without_a_word(args: list[str], tmp_path: Path) -> None:
    """Where standard error cannot take what argmap says (``2> /dev/full``), nothing can be
    said: the run exits 2, as a failure to say what happened, and what it wrote to standard
    output arrives. It exited 120, Python's status for streams it could not flush at exit,
    after its own report of the failure failed too."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            stdout=subprocess.PIPE,
            stderr=full,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
    assert out.returncode == 2


LONG = "m" * 300  # a name longer than the 255 bytes file systems allow


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["render", "map.yaml", "-o", f"{LONG}.svg"], f"{LONG}.svg"),
        (["report", "map.yaml", "-o", f"{LONG}.html"], f"{LONG}.html"),
        (["check", f"{LONG}.yaml"], f"{LONG}.yaml"),
        (["init", f"{LONG}.yaml"], f"{LONG}.yaml"),
    ],
    ids=["render", "report", "check", "init"],
)
def test_a_name_too_long_is_one_line_and_exit_2(
    args: list[str], named: str, tmp_path: Path
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    out = subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert (out.returncode, out.stderr) == (2, f"argmap: cannot use {named}: File name too long\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "map.yaml"]


def _with_closed(stream: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """argmap run with its standard output (``>&-``) or error (``2>&-``) closed, as a daemon
    or a cron job may start it: Python then has no ``sys.stdout`` (or ``sys.stderr``)."""
    closing = {"stdout": ">&-", "stderr": "2>&-"}[stream]
    return subprocess.run(
        ["sh", "-c", f'exec "$0" "$@" {closing}', sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_a_closed_stream_that_is_not_needed_changes_nothing(stream: str, tmp_path: Path) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    out = _with_closed(stream, ["render", "map.yaml", "-f", "dot", "-o", "map.dot"], tmp_path)
    said = "" if stream == "stderr" else "wrote map.dot\n"
    assert (out.returncode, out.stdout, out.stderr) == (0, "", said)
    assert (tmp_path / "map.dot").read_text().startswith("// argmap-document")


@pytest.mark.parametrize("extra", [[], ["-f", "png"]], ids=["svg", "png"])
def test_dash_onto_a_closed_standard_output_is_one_line_and_exit_2(
    extra: list[str], tmp_path: Path
) -> None:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    out = _with_closed("stdout", ["render", "map.yaml", *extra, "-o", "-"], tmp_path)
    assert (out.returncode, out.stderr) == (
        2,
        "argmap: cannot write to standard output: it is closed\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["export", "map.yaml", "--to", "json"],
        ["check", "map.yaml"],
        ["validate", "map.yaml"],
        ["schema"],
        ["rules"],
    ],
    ids=["export", "check", "validate", "schema", "rules"],
)
def test_a_result_onto_a_closed_standard_output_is_one_line_and_exit_2(
    args: list[str], tmp_path: Path
) -> None:
    """A command whose output is its result does not drop it and exit 0 when standard output
    was closed before argmap started (``>&-``)."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "map.yaml").write_text(MAP)
    out = _with_closed("stdout", args, tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        "",
        "argmap: cannot write to standard output: it is closed\n",
    )


def test_a_summary_onto_a_closed_standard_output_changes_nothing(tmp_path: Path) -> None:
    """``wrote map.yaml`` of init and the counts of ``import -o`` tell what was done; the
    files are the result, and a closed standard output does not fail the run."""
    (tmp_path / "argmap.toml").write_text("")
    out = _with_closed("stdout", ["init", "new.yaml"], tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", "")
    assert (tmp_path / "new.yaml").is_file()
    (tmp_path / "m.argdown").write_text("[A]: Alpha holds.\n  <+ [B]: Beta holds.\n")
    out = _with_closed("stdout", ["import", "m.argdown", "-o", "m.yaml"], tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", "")
    assert "Alpha holds." in (tmp_path / "m.yaml").read_text()
