"""Every hostile case through the real command line, as CI runs it on a pull request.

For each case of ``cases.toml``: the exit status is the one expected (1 or 2; 0 only for inert
content, drawn or checked as text); nothing prints a traceback or an internal error; every
expected diagnostic is printed at its ``file:line:col`` and every diagnostic has a line and a
column; the run stays under the memory limit and the hang guard; no input is modified and no
file appears anywhere but in the output folder; and what is written carries no script.
Every case stays under 1 GB of memory (peak resident set, the command's and its children's);
its time is printed after the run, and the 5 s limit of the large cases is measured by
``make bench`` (benchmarks/run.py, "hostile" rows), not here: a unit test holds no timing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .corpus import Case, load_cases
from .htmlcheck import html_problems
from .runner import HANG_GUARD, MEMORY_LIMIT, TIMINGS, Run, run_argmap, snapshot
from .svgcheck import svg_problems, svg_shape

CASES = load_cases()
INERT = frozenset({"inert", "render", "report"})  # content that is valid: the run may succeed


def _param(case: Case) -> object:
    marks: list[pytest.MarkDecorator] = []
    if case.slow:
        marks.append(pytest.mark.slow)
    if case.xfail:
        marks.append(pytest.mark.xfail(reason=case.xfail, strict=True))
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    case.lay_out(project, outside)
    (tmp_path / "home").mkdir()
    output_files = {project / name for name in case.outputs}
    before = snapshot(tmp_path, skip=[tmp_path / "_run"])

    run = _run_case(case, tmp_path)
    TIMINGS.append((case.name, run.seconds, run.max_rss_kb))

    assert not run.timed_out, f"{case.name}: still running after {run.seconds:.0f} s"
    assert "Traceback" not in run.output, run.output[-3000:]
    assert "internal error" not in run.output, run.output[-3000:]
    assert run.max_rss_kb * 1024 < MEMORY_LIMIT, (
        f"{case.name}: peak memory {run.max_rss_kb / 1024:.0f} MB, over the 1 GB limit"
    )
    assert run.exit_code == case.exit, _shown(run)
    assert run.exit_code in (1, 2) or case.category in INERT, _shown(run)
    if not case.stderr:
        assert run.stderr == "", run.stderr[-2000:]

    printed = run.diagnostics()
    for code, path, line, col in printed:
        assert path and line >= 1 and col >= 1, (code, path, line, col)
    located = {(code, path, line, col) for code, path, line, col in printed}
    for expected in case.expect:
        wanted = (expected.code, expected.path, expected.line, expected.col)
        assert wanted in located, f"{expected} not printed:\n{_shown(run)}"
    if case.message is not None:
        assert case.message in run.output, _shown(run)
    if run.exit_code == 1 and not case.outputs:
        assert printed, f"exit 1 without a located diagnostic:\n{_shown(run)}"

    after = snapshot(tmp_path, skip=[tmp_path / "_run"])
    changed = {
        name
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name) and tmp_path / name not in output_files
    }
    allowed_folders = {str(f.parent.relative_to(tmp_path)) for f in output_files}
    assert changed <= allowed_folders, f"files changed or appeared: {sorted(changed)}"

    for output in output_files:
        assert output.is_file(), f"{output.name} was not written:\n{_shown(run)}"
        siblings = sorted(p.name for p in output.parent.iterdir())
        assert siblings == sorted(o.name for o in output_files if o.parent == output.parent)
        _check_output(case, output)
    for text in case.absent:
        assert text not in run.output, f"{text!r} printed"
        for output in output_files:
            assert text.encode("utf-8") not in output.read_bytes(), f"{text!r} in {output}"


def _run_case(case: Case, folder: Path) -> Run:
    """The case's command, in ``folder``'s copy of the case."""
    return run_argmap(
        [case.command, *case.args],
        folder / "project",
        folder / "_run",
        home=folder / "home",
        timeout=HANG_GUARD,
    )


def _check_output(case: Case, output: Path) -> None:
    data = output.read_bytes()
    if output.suffix == ".html":
        assert html_problems(data) == []
        return
    if output.suffix == ".dot":
        dot = shutil.which("dot")
        if dot is None:
            return
        data = subprocess.run(
            [dot, "-Tsvg", str(output)], capture_output=True, check=True, timeout=60
        ).stdout
    assert svg_problems(data) == []
    nodes, edges = svg_shape(data)
    if case.svg_nodes is not None:
        assert nodes == case.svg_nodes
    if case.svg_edges is not None:
        assert edges == case.svg_edges


def _shown(run: Run) -> str:
    return (
        f"exit {run.exit_code} after {run.seconds:.2f} s\n"
        f"--- stdout\n{run.stdout[-3000:]}\n--- stderr\n{run.stderr[-2000:]}"
    )


def test_corpus_has_enough_cases_of_every_kind() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert len([c for c in CASES if c.exit in (1, 2)]) >= 50
    categories = {c.category for c in CASES}
    assert {
        "yaml-syntax",
        "duplicate-keys",
        "expansion",
        "nesting",
        "size",
        "encoding",
        "tags",
        "includes",
        "special-files",
        "sources",
        "text",
        "references",
        "scale",
        "inert",
        "render",
        "report",
        "imports",
        "config",
    } <= categories
    for case in CASES:
        assert (
            case.folder is not None or case.generator is not None or case.args != ("map.yaml",)
        ), case.name
        assert case.exit in (1, 2) or case.category in INERT, case.name
        assert case.expect or case.message or case.exit == 0 or case.xfail, case.name


def test_every_committed_case_folder_is_in_the_manifest() -> None:
    used = {c.files or c.name for c in CASES}
    folders = {p.name for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir()}
    assert folders <= used, sorted(folders - used)
