"""One progress rule for the commands that take many maps (validate, check, stats, render,
report, handout): on a terminal, from PROGRESS_FROM maps on and with neither -q nor -v, a bar on
stderr instead of a line per map, and one line that sums those up; in a pipe or a CI log, with -v,
or for a few maps, the lines as before. render, report and handout printed a 'wrote' line per
map on a terminal too (a thousand lines for a folder of a thousand maps), validate and check a
bar that their -v lines broke."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.commands import progress
from argmap.commands.progress import bar_line

SRC = str(Path(__file__).resolve().parents[2] / "src")
MAP = "argmap: 1\nclaims:\n  t{n}: {{text: Thesis {n}., kind: thesis}}\n"


def _bar(label: str, total: int, *done: int) -> str:
    """What the bar writes as it goes from 0 to each of ``done``, and its last newline."""
    return "".join("\r" + bar_line(label, d, total) for d in (0, *done)) + "\n"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three maps, and a bar from three maps on."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress, "PROGRESS_FROM", 3)
    Path("argmap.toml").write_text("")
    Path("maps").mkdir()
    for n in range(3):
        Path(f"maps/m{n}.yaml").write_text(MAP.format(n=n), encoding="utf-8")
    return tmp_path


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stderr is a terminal (click's runner gives a buffer)."""
    monkeypatch.setattr(progress, "on_terminal", lambda stream: True)


def test_the_bar_line() -> None:
    assert bar_line("rendering", 0, 57) == f"rendering [{'-' * 30}]  0/57"
    assert bar_line("rendering", 19, 57) == f"rendering [{'#' * 10}{'-' * 20}] 19/57"
    assert bar_line("rendering", 57, 57) == f"rendering [{'#' * 30}] 57/57"


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(
    ("command", "label", "summary"),
    [
        (["render", "-f", "dot"], "rendering", "wrote 3 files in out\n"),
        (["report"], "making reports", "wrote 3 files in out\n"),
        (["handout", "-f", "html"], "making handouts", "wrote 3 files in out\n"),
    ],
)
def test_a_terminal_shows_a_bar_and_a_summary_not_a_line_per_map(
    runner: CliRunner, maps: Path, command: list[str], label: str, summary: str
) -> None:
    result = runner.invoke(main, [*command, "maps", "-o", "out", "-j", "1"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == _bar(label, 3, 1, 2, 3) + summary
    assert len(list(Path("out").iterdir())) == 3


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(
    ("command", "label"),
    [("validate", "validating"), ("check", "checking"), ("stats", "counting")],
)
def test_validate_check_and_stats_show_the_same_bar(
    runner: CliRunner, maps: Path, command: str, label: str
) -> None:
    result = runner.invoke(main, [command, "maps", "-j", "1"])
    assert result.exit_code == 0
    assert result.stderr == _bar(label, 3, 1, 2, 3)


@pytest.mark.usefixtures("terminal")
def test_what_is_up_to_date_is_summed_up_too(runner: CliRunner, maps: Path) -> None:
    render = ["render", "maps", "-f", "dot", "-o", "out", "-j", "1"]
    assert runner.invoke(main, render).exit_code == 0
    Path("maps/m1.yaml").write_text(MAP.format(n=9), encoding="utf-8")
    result = runner.invoke(main, [*render, "--stale-only"])
    assert result.exit_code == 0
    assert result.stderr == _bar("rendering", 3, 1, 2, 3) + (
        "wrote 1 file in out, 2 files up to date\n"
    )


@pytest.mark.usefixtures("terminal")
def test_a_problem_is_said_above_the_bar(runner: CliRunner, maps: Path) -> None:
    """The bar is wiped, the line written, and the bar drawn again below it: m0 and m2 are
    too large to draw (a problem found map by map, as each is drawn)."""
    larger = "  a: {text: A., kind: assumption, supports: t%d}\n"
    for n in (0, 2):
        Path(f"maps/m{n}.yaml").write_text(MAP.format(n=n) + larger % n, encoding="utf-8")
    command = ["render", "maps", "-f", "dot", "-o", "out", "--max-nodes", "1"]
    result = runner.invoke(main, command)
    assert result.exit_code == 2
    wipe = "\r" + " " * len(bar_line("rendering", 0, 3)) + "\r"
    too_large = (
        "the map has 2 nodes to draw (2 claims, 0 quotes, 0 inference junctions), more than "
        "--max-nodes 1; draw a part of it with --focus CLAIM --depth N, or raise --max-nodes"
    )
    assert result.stderr == (
        "\r" + bar_line("rendering", 0, 3)
        + wipe + f"argmap: maps/m0.yaml: {too_large}\n"
        + _bar("rendering", 3, 1, 2).removesuffix("\n")
        + wipe + f"argmap: maps/m2.yaml: {too_large}\n"
        + "\r" + bar_line("rendering", 2, 3)
        + "\r" + bar_line("rendering", 3, 3)
        + "\nwrote 1 file in out\n"
    )  # fmt: skip
    assert [p.name for p in Path("out").iterdir()] == ["m1.dot"]


@pytest.mark.usefixtures("terminal")
def test_a_focus_that_is_no_claim_is_said_before_the_bar(runner: CliRunner, maps: Path) -> None:
    """Each map is asked for the claim before any is drawn: the maps without it are said
    first, and the progress counts the maps drawn (here one, so a line and no bar)."""
    result = runner.invoke(main, ["render", "maps", "-f", "dot", "-o", "out", "--focus", "t1"])
    assert result.exit_code == 2
    unknown = "no claim 't1' in this map; --focus takes a claim's id, as 'argmap check' lists them"
    said = [f"argmap: maps/m0.yaml: {unknown}", f"argmap: maps/m2.yaml: {unknown}"]
    assert result.stderr == "\n".join([*said, "wrote out/m1.t1.dot"]) + "\n"
    assert [p.name for p in Path("out").iterdir()] == ["m1.t1.dot"]


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("flag", ["-v", "-q"])
def test_verbose_and_quiet_show_no_bar(runner: CliRunner, maps: Path, flag: str) -> None:
    """-v says what each map came to, which a bar would break; -q says nothing but problems."""
    result = runner.invoke(main, [flag, "render", "maps", "-f", "dot", "-o", "out", "-j", "1"])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("argmap render:")]
    wrote = ["wrote out/m0.dot", "wrote out/m1.dot", "wrote out/m2.dot"]
    read = ["configuration: argmap.toml", *(f"read maps/m{n}.yaml" for n in range(3))]
    assert lines == (read + wrote if flag == "-v" else [])


@pytest.mark.usefixtures("terminal")
def test_fewer_maps_or_ci_show_no_bar(
    runner: CliRunner, maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = ["render", "maps", "-f", "dot", "-o", "out", "-j", "1"]
    wrote = "wrote out/m0.dot\nwrote out/m1.dot\nwrote out/m2.dot\n"
    monkeypatch.setattr(progress, "PROGRESS_FROM", 4)
    assert runner.invoke(main, render).stderr == wrote
    monkeypatch.setattr(progress, "PROGRESS_FROM", 3)
    monkeypatch.setenv("CI", "true")
    assert runner.invoke(main, render).stderr == wrote
    assert runner.invoke(main, ["validate", "maps", "-j", "1"]).stderr == ""


def _run(arguments: list[str], folder: Path, *, terminal: bool) -> tuple[int, str]:
    """argmap run in ``folder`` with stderr a pipe, or a pseudo-terminal: its status, and
    what it wrote on stderr."""
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "GITHUB_ACTIONS"}}
    env["PYTHONPATH"] = SRC
    command = [sys.executable, "-m", "argmap", *arguments]
    if not terminal:
        done = subprocess.run(
            command, cwd=folder, env=env, capture_output=True, text=True, timeout=300
        )
        return done.returncode, done.stderr
    reader, writer = pty.openpty()
    child = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=writer, close_fds=True
    )
    os.close(writer)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    return child.wait(timeout=300), b"".join(chunks).decode("utf-8")


@pytest.fixture
def fifty(tmp_path: Path) -> Path:
    """PROGRESS_FROM maps, where a real run shows a bar."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "maps").mkdir()
    for n in range(progress.PROGRESS_FROM):
        (tmp_path / "maps" / f"m{n:02}.yaml").write_text(MAP.format(n=n), encoding="utf-8")
    return tmp_path


def test_a_pipe_gets_a_line_per_map(fifty: Path) -> None:
    status, stderr = _run(["render", "maps", "-f", "dot", "-o", "out"], fifty, terminal=False)
    assert status == 0
    assert stderr == "".join(f"wrote out/m{n:02}.dot\n" for n in range(progress.PROGRESS_FROM))


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_a_real_terminal_gets_the_bar(fifty: Path) -> None:
    status, stderr = _run(["render", "maps", "-f", "dot", "-o", "out"], fifty, terminal=True)
    total = progress.PROGRESS_FROM
    assert status == 0
    # a terminal turns each newline into a carriage return and a newline
    assert stderr.endswith(
        "\r" + bar_line("rendering", total, total) + "\r\nwrote 50 files in out\r\n"
    )
    assert "wrote out/" not in stderr
    assert len(list((fifty / "out").iterdir())) == total


def test_the_bar_is_drawn_once_a_percent() -> None:
    """A thousand maps draw the bar about a hundred times, not a thousand."""
    stream = io.StringIO()
    bar = progress.Bar("checking", 1000, stream)
    bar.draw()
    for _ in range(1000):
        bar.advance()
    written = stream.getvalue().split("\r")[1:]
    assert len(written) == 101
    assert written[0] == bar_line("checking", 0, 1000)
    assert written[1] == bar_line("checking", 10, 1000)
    assert written[-1] == bar_line("checking", 1000, 1000)
