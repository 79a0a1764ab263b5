"""``--time-limit`` bounds WeasyPrint's layout of a PDF handout as it bounds Graphviz's.

A claim of 800,000 characters is a page that argmap builds in about a second and WeasyPrint
lays out in half a minute (on the machine this was written on; 10 s for 100,000): under
``--time-limit 5`` its handout is stopped, said in the words of a Graphviz time-out, and not
written, while the other map of the run, whose PDF takes a second or two, still is.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap.report_html.pdf as pdf_module

from .conftest import FIXTURES, SMALL

HUGE_CLAIM_CHARACTERS = 800_000
TIME_LIMIT = 5


def huge_map(folder: Path) -> Path:
    """A map whose thesis is one paragraph of ``HUGE_CLAIM_CHARACTERS`` characters."""
    words = " ".join(f"word{i % 1000}" for i in range(HUGE_CLAIM_CHARACTERS // 8))
    path = folder / "huge.yaml"
    path.write_text(
        "argmap: 1\n"
        "title: A huge claim\n"
        "claims:\n"
        "  thesis:\n"
        f'    text: "{words}"\n'
        "    kind: thesis\n"
        "  reason:\n"
        "    text: A short claim.\n"
        "    supports: thesis\n"
    )
    return path


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with the huge map and a small one (after it, in the order of the maps)."""
    folder = tmp_path / "arguments"
    folder.mkdir()
    shutil.copytree(FIXTURES / "sources", folder / "sources")
    shutil.copy(SMALL, folder)
    huge_map(folder)
    return folder


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "how",
    [
        [],  # with the system dot: in the worker processes (--jobs), one map each
        ["--jobs", "1"],  # in argmap's own process
        ["--stale-only"],  # the files are missing, so both are laid out
        ["--engine", "embedded"],  # one process, which has run the embedded Graphviz
    ],
    ids=["workers", "jobs-1", "stale-only", "embedded"],
)
def test_a_pdf_that_takes_longer_than_the_time_limit_is_stopped_and_not_written(
    maps: Path, tmp_path: Path, pdf: Callable[[bytes], bytes], how: list[str]
) -> None:
    out = tmp_path / "renders"
    command = ["handout", str(maps), "--variant", "teacher", "-o", str(out), "--time-limit"]
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *command, str(TIME_LIMIT), *how],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"argmap: {maps / 'huge.yaml'}: WeasyPrint did not finish within {TIME_LIMIT} s and "
        "was stopped; draw a part of the map with --focus CLAIM --depth N, or allow more time "
        "with --time-limit",
        f"wrote {out / 'small-teacher.pdf'}",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["small-teacher.pdf"]  # no partial file
    assert (out / "small-teacher.pdf").read_bytes().startswith(b"%PDF-")


# Stand-ins for WeasyPrint's conversion, each the body of a function of the page ``html``.
SLEEPING = "    time.sleep(60)\n    return b'%PDF-'\n"
FAILING = "    raise ValueError('no such font\\nmore')\n"
KILLED = "    os.kill(os.getpid(), signal.SIGKILL)\n"


def fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a Python of its own: a process with no threads but its main one, as
    argmap's is, so that it can fork (a session fixture of the tests, Playwright, runs a
    thread in theirs), and which a stand-in that kills its own process does not end."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("conversion", "said"),
    [
        (
            SLEEPING,
            "WeasyPrint did not finish within 0.5 s and was stopped; draw a part of the map",
        ),
        (FAILING, "WeasyPrint failed: ValueError: no such font"),
        (KILLED, "WeasyPrint stopped: its process ended abruptly (out of memory?)"),
    ],
    ids=["time-limit", "error", "killed"],
)
def test_what_stops_a_pdf_is_said_as_a_render_error(
    pdf: Callable[[bytes], bytes], conversion: str, said: str
) -> None:
    """The child that lays a PDF out is stopped at the time limit, and its error or its
    death is said for the map (a RenderError), not raised out of argmap."""
    done = fresh_python(
        "import os, signal, time\n"
        "import argmap.report_html.pdf as pdf\n"
        "from argmap.render import RenderError\n"
        f"def conversion(html):\n{conversion}"
        "pdf.html_to_pdf = conversion\n"
        "try:\n"
        "    pdf.html_to_pdf_within(b'<p>x</p>', 0.5)\n"
        "except RenderError as exc:\n"
        "    print(exc)\n"
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(said)


def test_a_pdf_within_its_time_limit_is_the_pdf(pdf: Callable[[bytes], bytes]) -> None:
    page = b"<p>A page.</p>"
    assert pdf_module.html_to_pdf_within(page, 60) == pdf(page)
