"""A long PDF's second half of pages is read in a forked child while argmap reads the first:
the same texts, in order, as when one process reads them all; the first page with a problem
is reported, whichever half it is in; and where the child dies, argmap reads its half itself.

Each case runs in a Python of its own: one with no thread but its main one, as argmap's is,
so that it can fork (a session fixture of the tests runs a thread in theirs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGES = [[f"Page {n} says its own words, number {n}."] for n in range(1, 8)]

SETUP = f"""
import json, os, signal, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from pdfmaker import make_pdf
from argmap import forked
from argmap.verify import pdftext

data = make_pdf({PAGES!r})
parent = os.getpid()
forks = []
real_fork = forked.fork
def fork(work):
    child = real_fork(work)
    forks.append(child is not None)
    return child
forked.fork = fork
pdftext.usable_cores = lambda: 2
pdftext.PARALLEL_FROM_PAGES = 2
"""

REPORT = """
found = pdftext.pdf_pages(data)
texts = found.texts if isinstance(found, pdftext.PdfPages) else found.message
print(json.dumps({"texts": texts, "forks": forks}))
"""


def run(middle: str = "") -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SETUP + middle + REPORT],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_the_halves_read_apart_are_the_pages_read_in_one_process() -> None:
    halves = run()
    alone = run("pdftext.PARALLEL_FROM_PAGES = 1_000_000\n")
    assert halves["forks"] == [True]
    assert alone["forks"] == []
    assert halves["texts"] == alone["texts"]
    assert halves["texts"] == [f"Page {n} says its own words, number {n}.\n" for n in range(1, 8)]


def test_the_first_page_with_a_problem_is_reported_from_either_half() -> None:
    """Pages 1-3 are this process's, 4-7 the child's; a page of 60 characters is over a
    limit of 40 (the others have 36)."""
    limit = "pdftext.MAX_PAGE_TEXT = 40\n"
    in_child = [*PAGES[:5], ["x" * 60], *PAGES[6:]]
    from_child = run(f"{limit}data = make_pdf({in_child!r})\n")
    assert from_child["forks"] == [True]
    assert from_child["texts"] == (
        "page 6 of the PDF holds more than 40 characters of text, more than argmap reads "
        "from one page"
    )
    in_each = [PAGES[0], ["y" * 60], *PAGES[2:5], ["x" * 60], *PAGES[6:]]
    assert run(f"{limit}data = make_pdf({in_each!r})\n")["texts"] == (
        "page 2 of the PDF holds more than 40 characters of text, more than argmap reads "
        "from one page"
    )


def test_where_the_child_dies_this_process_reads_its_half() -> None:
    killed = run(
        "real_texts = pdftext._texts\n"
        "def texts(reader, start, stop):\n"
        "    if os.getpid() != parent:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real_texts(reader, start, stop)\n"
        "pdftext._texts = texts\n"
    )
    assert killed["forks"] == [True]
    assert killed["texts"] == [f"Page {n} says its own words, number {n}.\n" for n in range(1, 8)]
