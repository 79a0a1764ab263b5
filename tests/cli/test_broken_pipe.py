"""A reader that goes away (``argmap export m.yaml --to json | head -c 10``) ends the run as
it ends ``cat`` or ``grep``: argmap dies of SIGPIPE (141 in a shell), silently, whatever the
command and whichever of its outputs the reader was on. Not exit 1, which is a finding or a
stale ``--check``, nor 2 with a message, which is an output the system refused.

Each run writes into a pipe whose reading end is closed before argmap starts, so that its
first write fails, whatever the size of what it writes and however fast a reader would be."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
MONTEBELLO = str(REPO / "arguments" / "montebello.yaml")
ARGDOWN = str(REPO / "tests" / "interchange" / "fixtures" / "argdown-syntax" / "strict.argdown")
INVALID = str(REPO / "tests" / "examples" / "invalid")
ARGMAP = [sys.executable, "-m", "argmap"]
SIGPIPE = getattr(signal, "SIGPIPE", 13)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGPIPE is a POSIX signal")

TO_STANDARD_OUTPUT = {
    "export --to json": ["export", MONTEBELLO, "--to", "json"],
    "export --to argdown": ["export", MONTEBELLO, "--to", "argdown"],
    "export -o /dev/stdout": ["export", MONTEBELLO, "--to", "aif", "-o", "/dev/stdout"],
    "import": ["import", ARGDOWN],
    "import -o -": ["import", ARGDOWN, "-o", "-"],
    "schema": ["schema"],
    "check --format json": ["check", MONTEBELLO, "--format", "json"],
    "check": ["check", MONTEBELLO],
    "validate --format json": ["validate", MONTEBELLO, "--format", "json"],
    "validate, findings": ["validate", INVALID],
    "rules": ["rules"],
    "explain": ["explain", "AM001"],
    "stats": ["stats", MONTEBELLO],
    "render -o -": ["render", MONTEBELLO, "-o", "-"],
    "render -o - --format dot": ["render", MONTEBELLO, "-o", "-", "--format", "dot"],
    "render -o /dev/stdout": ["render", MONTEBELLO, "-o", "/dev/stdout", "--format", "dot"],
    "report -o -": ["report", MONTEBELLO, "-o", "-"],
    "report -o /dev/stdout": ["report", MONTEBELLO, "-o", "/dev/stdout"],
    "handout -o - --format html": ["handout", MONTEBELLO, "-o", "-", "--format", "html"],
    "handout -o - (PDF)": ["handout", MONTEBELLO, "-o", "-", "--format", "pdf"],
    "--help": ["--help"],
}


def _environment() -> dict[str, str]:
    """argmap's defaults: not GitHub annotations because CI runs the tests."""
    return {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}


def _into_a_closed_pipe(args: list[str], stream: str) -> subprocess.CompletedProcess[bytes]:
    """Run argmap with ``stream`` ("stdout" or "stderr") a pipe that nobody reads, and the
    other one captured."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        other = "stderr" if stream == "stdout" else "stdout"
        return subprocess.run(
            [*ARGMAP, *args],
            stdin=subprocess.DEVNULL,
            **{stream: writing, other: subprocess.PIPE},  # type: ignore[call-overload]
            env=_environment(),
            cwd=REPO,
            timeout=300,
        )
    finally:
        os.close(writing)


def _needs_pdf(name: str) -> None:
    if "PDF" not in name:
        return
    from argmap.report_html.pdf import unavailable

    reason = unavailable()
    if reason and os.environ.get("ARGMAP_REQUIRE_PDF") == "1":
        pytest.fail(f"{reason}, and ARGMAP_REQUIRE_PDF=1 requires it", pytrace=False)
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("name", list(TO_STANDARD_OUTPUT))
def test_a_reader_gone_from_standard_output_ends_the_run_by_sigpipe(name: str) -> None:
    _needs_pdf(name)
    done = _into_a_closed_pipe(TO_STANDARD_OUTPUT[name], "stdout")
    assert done.stderr.decode() == ""
    assert done.returncode == -SIGPIPE


@pytest.mark.parametrize(
    "args",
    [
        ["import", ARGDOWN],  # its warnings
        ["check", MONTEBELLO, "-v"],  # what was read, and timings
        ["render", MONTEBELLO, "-o", "/dev/null", "--format", "dot"],  # wrote ...
    ],
)
def test_a_reader_gone_from_standard_error_ends_the_run_by_sigpipe(args: list[str]) -> None:
    done = _into_a_closed_pipe(args, "stderr")
    assert done.returncode == -SIGPIPE


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="bash")
def test_a_shell_pipeline_into_head_gets_its_bytes_and_status_141() -> None:
    whole = subprocess.run(
        [*ARGMAP, "export", MONTEBELLO, "--to", "json"], capture_output=True, check=True
    ).stdout
    assert len(whole) > 65_536  # more than a pipe holds: argmap is still writing when head goes
    script = 'set -o pipefail; "$@" | head -c 10; echo " status=$?"'
    done = subprocess.run(
        ["bash", "-c", script, "bash", *ARGMAP, "export", MONTEBELLO, "--to", "json"],
        capture_output=True,
        env=_environment(),
        timeout=120,
    )
    assert done.stdout == whole[:10] + b" status=141\n"
    assert done.stderr == b""
