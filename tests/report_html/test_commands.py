"""``argmap report`` and ``argmap handout`` through click's CliRunner."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.commands.report import _report_page as report_page
from argmap.outcome import CheckOutcome
from argmap.report_html import read_stamp
from argmap.report_html.pdf import read_pdf_stamp

from .conftest import FIXTURES, HOSTILE, SMALL

INVALID = Path(__file__).parents[1] / "examples" / "invalid" / "unknown-key.yaml"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with two argument files and the sources they quote."""
    folder = tmp_path / "arguments"
    shutil.copytree(FIXTURES / "sources", folder / "sources")
    for map_file in (HOSTILE, SMALL):
        shutil.copy(map_file, folder)
    return folder


def test_report_writes_one_file_then_checks_it(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out" / "small.html"
    result = runner.invoke(main, ["report", str(SMALL), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    assert read_stamp(target.read_bytes()) is not None
    assert not list(target.parent.glob(".*.tmp"))
    before = target.stat().st_mtime_ns

    result = runner.invoke(main, ["report", "--check", str(SMALL), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mtime_ns == before  # --check writes nothing
    assert result.stderr == "1 file up to date\n"


def test_report_check_finds_stale_and_missing(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    assert runner.invoke(main, ["report", str(maps), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["hostile.html", "small.html"]
    small = maps / "small.yaml"
    small.write_text(small.read_text().replace("cost families money", "cost families a lot"))
    (out / "hostile.html").unlink()
    result = runner.invoke(main, ["report", "--check", str(maps), "-o", str(out)])
    assert result.exit_code == 1
    assert f"stale: {out / 'small.html'}" in result.stderr
    assert f"missing: {out / 'hostile.html'}" in result.stderr
    assert "2 files out of date; run 'argmap report'" in result.stderr


def test_report_stale_only_writes_only_what_is_out_of_date(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    assert runner.invoke(main, ["report", str(maps), "-o", str(out)]).exit_code == 0
    hostile = out / "hostile.html"
    before = hostile.stat().st_mtime_ns
    small = maps / "small.yaml"
    small.write_text(small.read_text().replace("cost families money", "cost families a lot"))
    result = runner.invoke(main, ["report", "--stale-only", str(maps), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert hostile.stat().st_mtime_ns == before
    assert f"up to date: {hostile}" in result.stderr
    assert f"wrote {out / 'small.html'}" in result.stderr
    assert "cost families a lot" in (out / "small.html").read_text(encoding="utf-8")
    assert runner.invoke(main, ["report", "--check", str(maps), "-o", str(out)]).exit_code == 0


def test_report_check_and_stale_only_together_are_a_usage_error(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    result = runner.invoke(main, ["report", "--check", "--stale-only", str(maps), "-o", str(out)])
    assert result.exit_code == 2
    assert "--check and --stale-only cannot be used together" in result.stderr
    assert not out.exists()


def test_one_file_name_for_several_maps_is_a_usage_error(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["report", str(maps), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert "names one file, but 2 maps were given" in result.stderr


def test_a_map_with_errors_is_reported_not_rendered(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(INVALID), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "unknown-key.yaml:" in result.output
    assert list(tmp_path.iterdir()) == []


def test_handout_html_needs_no_weasyprint(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    target = tmp_path / "worksheet.html"
    result = runner.invoke(main, ["handout", str(SMALL), "-o", str(target)])
    assert result.exit_code == 0, result.output
    html = target.read_text()
    assert "Student worksheet" in html and "Is it true? What evidence?" in html
    result = runner.invoke(main, ["handout", "--check", str(SMALL), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "1 file up to date\n"
    result = runner.invoke(
        main, ["handout", "--check", "--variant", "teacher", str(SMALL), "-o", str(target)]
    )
    assert result.exit_code == 1 and "stale:" in result.stderr


def test_handout_pdf_without_weasyprint_says_what_to_install(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = runner.invoke(main, ["handout", str(SMALL), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert "pip install 'argmap[pdf]'" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_handout_format_must_agree_with_the_file_name(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["handout", str(SMALL), "--format", "html", "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 2
    assert "is pdf, but --format html" in result.output


def test_handout_pdfs_in_a_folder_and_check(
    runner: CliRunner, tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    out = tmp_path / "renders"
    for variant in ("teacher", "student"):
        args = ["handout", str(SMALL), "--variant", variant, "--paper", "letter", "-o", str(out)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert read_pdf_stamp((out / f"small-{variant}.pdf").read_bytes()) is not None
        assert runner.invoke(main, [*args, "--check"]).exit_code == 0
        result = runner.invoke(main, [*args[:-3], "a4", "-o", str(out), "--check"])
        assert result.exit_code == 1, result.output  # A4 is not the Letter PDF written


def test_handout_stale_only_keeps_a_current_pdf_and_redraws_another_paper(
    runner: CliRunner, tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    out = tmp_path / "renders"
    target = out / "small-teacher.pdf"
    args = ["handout", str(SMALL), "--variant", "teacher", "-o", str(out), "--stale-only"]
    result = runner.invoke(main, [*args, "--paper", "letter"])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr  # missing, so written
    letter = target.read_bytes()
    result = runner.invoke(main, [*args, "--paper", "letter"])
    assert result.exit_code == 0, result.output
    assert f"up to date: {target}" in result.stderr
    assert target.read_bytes() == letter
    result = runner.invoke(main, [*args, "--paper", "a4"])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    assert target.read_bytes() != letter


def test_report_onto_a_folder_is_said_not_an_internal_error(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    (out / "hostile.html").mkdir(parents=True)
    result = runner.invoke(main, ["report", str(maps), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"argmap: cannot write {out / 'hostile.html'}: it is a folder" in result.stderr
    assert "internal error" not in result.output
    assert (out / "small.html").is_file()


def _converting_in(
    log: Path, real: Callable[[bytes], bytes], wait: bool
) -> Callable[[bytes], bytes]:
    """A stand-in for WeasyPrint's conversion that notes the process it runs in and, with
    ``wait``, waits up to 10 s for a conversion in another process to start. The pool's
    workers, and the children that lay each PDF out, are forked, so they run it too."""

    def converting(html: bytes) -> bytes:
        os.close(tempfile.mkstemp(prefix=f"call.{os.getpid()}.", dir=log)[0])  # one per call
        (log / f"started.{os.getpid()}").touch()
        deadline = time.monotonic() + 10
        while wait and len(list(log.glob("started.*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        (log / f"seen.{os.getpid()}").write_text(str(len(list(log.glob("started.*")))))
        return real(html)

    return converting


@pytest.mark.exe
def test_handout_pdfs_of_several_maps_are_made_side_by_side(
    runner: CliRunner,
    maps: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf: Callable[[bytes], bytes],
) -> None:
    """WeasyPrint holds the interpreter, so PDFs are made in worker processes: with --jobs 2
    two conversions run at once, neither in argmap's own process, and the files are those of
    -j 1."""
    log = tmp_path / "log"
    log.mkdir()
    monkeypatch.setattr("argmap.report_html.pdf.html_to_pdf", _converting_in(log, pdf, True))
    out = tmp_path / "renders"
    args = ["handout", str(maps), "--variant", "teacher", "-o", str(out)]
    result = runner.invoke(main, [*args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    seen = {int(p.suffix[1:]): int(p.read_text()) for p in log.glob("seen.*")}
    assert sorted(seen.values()) == [2, 2]
    assert os.getpid() not in seen
    assert result.stderr.splitlines() == [
        f"wrote {out / 'hostile-teacher.pdf'}",
        f"wrote {out / 'small-teacher.pdf'}",
    ]

    monkeypatch.setattr("argmap.report_html.pdf.html_to_pdf", pdf)
    alone = tmp_path / "alone"
    result = runner.invoke(main, [*args[:-1], str(alone), "-j", "1"])
    assert result.exit_code == 0, result.output
    for name in ("hostile-teacher.pdf", "small-teacher.pdf"):
        assert (out / name).read_bytes() == (alone / name).read_bytes()


def _fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a Python of its own, with no thread but its main one, as argmap's
    process has: a session fixture (Playwright) runs a thread in the tests', where argmap
    would not fork."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


@pytest.mark.exe
def test_handout_jobs_1_makes_its_pdfs_in_children_of_its_own_process(
    maps: Path, tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    """No pool: each PDF is laid out in a child forked from argmap's own process, where
    --time-limit can stop it."""
    done = _fresh_python(
        "import os, sys\n"
        "import argmap.report_html.pdf as pdf\n"
        "def conversion(html):\n"
        "    print(os.getpid(), os.getppid(), flush=True)\n"
        "    return b'%PDF-'\n"
        "pdf.html_to_pdf = conversion\n"
        "from argmap.cli import exit_status\n"
        f"sys.argv = ['argmap', 'handout', {str(maps)!r}, '-o', {str(tmp_path / 'out')!r},"
        " '-j', '1']\n"
        "print(os.getpid(), exit_status())\n"
    )
    *calls, last = [line.split() for line in done.stdout.splitlines()]
    argmap, status = last
    assert status == "0", done.stderr
    assert [parent for _, parent in calls] == [argmap, argmap]  # both maps' PDFs
    assert len({child for child, _ in calls} | {argmap}) == 3  # a child each


@pytest.mark.parametrize(
    ("command", "folder", "written"),
    [
        (["report"], "pages.html", "small.html"),
        (["handout", "--format", "html"], "sheets.pdf", "small-student.html"),
    ],
)
def test_a_folder_named_like_a_file_stays_a_folder(
    runner: CliRunner, tmp_path: Path, command: list[str], folder: str, written: str
) -> None:
    """An -o that is an existing folder is written into, whatever its name ends with, as
    render does; it used to be taken for the file name and fail to be written."""
    out = tmp_path / folder
    out.mkdir()
    result = runner.invoke(main, [*command, str(SMALL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out / written}\n"


def _reporting_in(log: Path) -> Callable[..., bytes]:
    """A stand-in for the report page builder that notes the process it runs in."""
    from argmap.report_html import report as real

    def reporting(*args: object, **kwargs: object) -> bytes:
        os.close(tempfile.mkstemp(prefix=f"call.{os.getpid()}.", dir=log)[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    return reporting


@pytest.mark.exe
def test_report_pages_of_several_maps_are_made_side_by_side(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report took no --jobs while render and handout do: with the system dot its pages are
    made in worker processes, as handout's PDFs are, said and written in the order of the
    maps, and the same bytes as -j 1 makes in its own process."""
    log = tmp_path / "log"
    log.mkdir()
    monkeypatch.setattr("argmap.report_html.report", _reporting_in(log))
    out, alone = tmp_path / "renders", tmp_path / "alone"
    args = ["report", str(maps), "--engine", "system"]
    result = runner.invoke(main, [*args, "-o", str(out), "--jobs", "2"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        f"wrote {out / 'hostile.html'}",
        f"wrote {out / 'small.html'}",
    ]
    pids = {p.name.split(".")[1] for p in log.glob("call.*")}
    assert len(list(log.glob("call.*"))) == 2 and str(os.getpid()) not in pids
    for call in log.glob("call.*"):
        call.unlink()
    result = runner.invoke(main, [*args, "-o", str(alone), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert {p.name.split(".")[1] for p in log.glob("call.*")} == {str(os.getpid())}
    for name in ("hostile.html", "small.html"):
        assert (out / name).read_bytes() == (alone / name).read_bytes()


@pytest.mark.exe
def test_a_report_that_fails_in_a_worker_is_said_in_its_place(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.render import RenderError
    from argmap.report_html import report as real

    def failing(outcome: object, **kwargs: object) -> bytes:
        if "hostile" in str(getattr(outcome, "path", "")):
            raise RenderError("dot was stopped")
        return real(outcome, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("argmap.report_html.report", failing)
    out = tmp_path / "renders"
    result = runner.invoke(main, ["report", str(maps), "--engine", "system", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (2, "")
    hostile = next(p for p in maps.iterdir() if p.name.startswith("hostile"))
    assert result.stderr.splitlines() == [
        f"argmap: {hostile}: dot was stopped",
        f"wrote {out / 'small.html'}",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["small.html"]


def test_a_pdf_handout_is_made_without_loading_pypdf(
    tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    """pypdf reads a PDF's stamp back (--check, --stale-only) and nothing else; loaded with
    WeasyPrint it would add 14 MB to the peak memory of every PDF handout."""
    import subprocess

    code = (
        "import sys\n"
        "from argmap.cli import exit_status\n"
        f"sys.argv = ['argmap', 'handout', {str(SMALL)!r}, '-o', 'x.pdf']\n"
        "code = exit_status()\n"
        "print(code, 'pypdf' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (done.stdout, done.stderr) == ("0 False\n", "wrote x.pdf\n")
    assert read_pdf_stamp((tmp_path / "x.pdf").read_bytes()) is not None


def test_each_map_is_let_go_before_its_handout_is_laid_out(
    tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    """WeasyPrint's layout of a handout is the peak of its memory: the maps whose pages are
    made (loaded, checked) are no longer held then, only those still to come."""
    import subprocess

    code = (
        "import gc, sys\n"
        "import argmap.report_html.pdf as pdf\n"
        "from argmap.argument_map import ArgumentMap\n"
        "from argmap.outcome import CheckOutcome\n"
        "def finish(page):\n"
        "    gc.collect()\n"
        "    kinds = (ArgumentMap, CheckOutcome)\n"
        "    found = sorted(type(o).__name__ for o in gc.get_objects() if isinstance(o, kinds))\n"
        "    print(found, flush=True)\n"  # from the child that lays the PDF out
        "    return b'%PDF-'\n"
        "pdf.html_to_pdf = finish\n"
        "from argmap.cli import exit_status\n"
        f"sys.argv = ['argmap', 'handout', {str(HOSTILE)!r}, {str(SMALL)!r}, '-o', 'out',"
        " '--jobs', '1']\n"
        "print(exit_status())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.stdout == "['ArgumentMap']\n[]\n0\n", done.stderr
    assert done.stderr == "wrote out/hostile-student.pdf\nwrote out/small-student.pdf\n"


@pytest.mark.parametrize(
    ("command", "name"),
    [(["report"], "small.html"), (["handout", "--format", "html"], "small-student.html")],
)
def test_a_page_cut_short_after_its_stamp_is_stale(
    runner: CliRunner, tmp_path: Path, command: list[str], name: str
) -> None:
    out = tmp_path / "renders"
    assert runner.invoke(main, [*command, str(SMALL), "-o", str(out)]).exit_code == 0
    target = out / name
    whole = target.read_bytes()
    assert read_stamp(whole[:5000]) == read_stamp(whole)  # the stamp is in the head
    target.write_bytes(whole[:5000])  # a copy or a disk that stopped there
    result = runner.invoke(main, [*command, "--check", str(SMALL), "-o", str(out)])
    assert result.exit_code == 1
    stale, summary = result.stderr.splitlines()
    assert stale.startswith(f"stale: {target} (from ") and stale.endswith("small.yaml)")
    assert summary.startswith("1 file out of date; run 'argmap ")
    result = runner.invoke(main, [*command, "--stale-only", str(SMALL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {target}\n"
    assert target.read_bytes() == whole
    target.write_bytes(whole + b"\n\n")  # only space after the end: still the same page
    result = runner.invoke(main, [*command, "--check", str(SMALL), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, "1 file up to date\n")


def test_a_pdf_cut_short_is_stale_and_said_without_pypdf_s_words(
    runner: CliRunner, tmp_path: Path, pdf: Callable[[bytes], bytes]
) -> None:
    out = tmp_path / "renders"
    args = ["handout", str(SMALL), "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    target = out / "small-student.pdf"
    whole = target.read_bytes()
    assert whole.endswith(b"%%EOF\n")
    for cut in (whole[:-4], whole[: len(whole) // 2]):  # in its last line; in its middle
        target.write_bytes(cut)
        result = runner.invoke(main, [*args, "--check"])
        assert result.exit_code == 1
        stale, summary = result.stderr.splitlines()  # nothing of pypdf's ("EOF marker ...")
        assert stale.startswith(f"stale: {target} (from ") and stale.endswith("small.yaml)")
        assert summary.startswith("1 file out of date; run 'argmap handout --variant student'")
    # whole, its xref pointer wrong: pypdf finds the objects again, and the stamp
    at = whole.rindex(b"startxref\n") + len(b"startxref\n")
    target.write_bytes(whole[:at] + b"12" + whole[whole.index(b"\n", at) :])
    result = runner.invoke(main, [*args, "--check"])
    assert (result.exit_code, result.stderr) == (0, "1 file up to date\n")


_REPORT_PAGE = report_page


def _killed_for_hostile(outcome: CheckOutcome, **options: object) -> bytes:
    """A report's page, but the worker making the hostile map's is killed, as the system
    kills a process out of memory."""
    assert outcome.map is not None
    if outcome.map.title and outcome.map.title.startswith("Injection"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REPORT_PAGE(outcome, **options)  # type: ignore[arg-type]


@pytest.mark.timeout(60)
def test_a_worker_killed_is_said_for_its_map_not_an_internal_error(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.commands import report

    monkeypatch.setattr(report, "_report_page", _killed_for_hostile)
    out = tmp_path / "renders"
    result = runner.invoke(main, ["report", str(maps), "-o", str(out), "-j", "2"])
    assert result.exit_code == 2
    lost = (
        "not written: a worker process making the files was killed (by the system, perhaps "
        "for want of memory); try again with --jobs 1"
    )
    lines = result.stderr.splitlines()
    assert lines[0] == f"argmap: {maps / 'hostile.yaml'}: {lost}"
    # the small map's page was waiting for a worker, or was made here once the pool broke
    assert lines[1:] in (
        [f"argmap: {maps / 'small.yaml'}: {lost}"],
        [f"wrote {out / 'small.html'}"],
    )
    assert not (out / "hostile.html").exists()
