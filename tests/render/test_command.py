"""``argmap render`` through click's CliRunner: files written, ``--check``, exit codes."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.pipeline import display_path
from argmap.render import output
from argmap.render.svg import read_stamp

from .conftest import FIXTURES, MONTEBELLO, fake_dot

INVALID = Path(__file__).parents[1] / "examples" / "invalid" / "unknown-key.yaml"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder of two argument files."""
    folder = tmp_path / "arguments"
    folder.mkdir()
    for name in ("grammar.yaml", "hostile.yaml"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def test_renders_every_file_of_a_folder(runner: CliRunner, maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(maps), "-o", str(out), "--engine", "embedded"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["grammar.svg", "hostile.svg"]
    assert read_stamp((out / "grammar.svg").read_bytes()) is not None
    assert f"wrote {out / 'grammar.svg'}" in result.stderr
    assert not list(out.glob(".*.tmp"))  # the atomic write left no temporary file


def test_check_passes_then_finds_stale_and_missing(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    args = ["render", str(maps), "-o", str(out), "--engine", "embedded"]
    assert runner.invoke(main, args).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    result = runner.invoke(main, [*args, "--check"])
    assert result.exit_code == 0, result.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before  # wrote nothing
    assert result.stderr == "2 files up to date\n"  # one line, as black's summary
    quiet = runner.invoke(main, ["-q", *args, "--check"])
    assert quiet.exit_code == 0 and quiet.stderr == ""

    grammar = maps / "grammar.yaml"
    grammar.write_text(
        grammar.read_text().replace("improve attendance.", "improve attendance a lot.")
    )
    (out / "hostile.svg").unlink()
    result = runner.invoke(main, [*args, "--check"])
    assert result.exit_code == 1
    assert f"stale: {out / 'grammar.svg'}" in result.stderr
    assert f"missing: {out / 'hostile.svg'}" in result.stderr
    assert "2 files out of date" in result.stderr
    assert "up to date" not in result.stderr.replace("out of date", "")


def test_stale_only_redraws_what_check_would_report(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    """``make`` on a machine with another Graphviz (or none) left every committed render
    redrawn, a little differently, for nothing: --stale-only writes only the stale and the
    missing ones."""
    out = tmp_path / "renders"
    args = ["render", str(maps), "-o", str(out), "--engine", "embedded"]
    assert runner.invoke(main, args).exit_code == 0
    hostile = out / "hostile.svg"
    drawn_elsewhere = hostile.read_bytes().replace(b"</svg>", b"<!-- another dot --></svg>")
    hostile.write_bytes(drawn_elsewhere)  # the same DOT, drawn by another Graphviz
    grammar = maps / "grammar.yaml"
    grammar.write_text(
        grammar.read_text().replace("improve attendance.", "improve attendance a lot.")
    )
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert hostile.read_bytes() == drawn_elsewhere
    assert f"up to date: {hostile}" in result.stderr
    assert f"wrote {out / 'grammar.svg'}" in result.stderr
    assert b"improve attendance a lot." in (out / "grammar.svg").read_bytes()
    assert runner.invoke(main, [*args, "--check"]).exit_code == 0

    (out / "grammar.svg").unlink()
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'grammar.svg'}" in result.stderr


def test_a_drawing_of_an_earlier_revision_is_stale(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that draws the same DOT otherwise (the SVG's right-to-left lines marked,
    revision 2) leaves the files drawn before stale, though their DOT is the same: --check
    says so and --stale-only redraws them, with no need to know to run a full render."""
    out = tmp_path / "renders"
    args = ["render", str(maps), "-o", str(out), "--engine", "embedded"]
    monkeypatch.setattr(output, "DRAWING_REVISION", output.DRAWING_REVISION - 1)
    assert runner.invoke(main, args).exit_code == 0
    earlier = read_stamp((out / "grammar.svg").read_bytes())
    monkeypatch.undo()

    result = runner.invoke(main, [*args, "--check"])
    assert result.exit_code == 1
    assert f"stale: {out / 'grammar.svg'}" in result.stderr
    assert f"stale: {out / 'hostile.svg'}" in result.stderr
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'grammar.svg'}" in result.stderr
    now = read_stamp((out / "grammar.svg").read_bytes())
    assert now is not None and earlier is not None and now != earlier
    assert runner.invoke(main, [*args, "--check"]).exit_code == 0


def test_check_and_stale_only_together_are_a_usage_error(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    args = ["render", str(maps), "-o", str(tmp_path), "--check", "--stale-only"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "--check and --stale-only cannot be used together" in result.stderr
    assert list(tmp_path.iterdir()) == [maps]


@pytest.mark.exe
def test_check_does_not_depend_on_the_engine(runner: CliRunner, maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "renders"
    assert runner.invoke(main, ["render", str(maps), "-o", str(out)]).exit_code == 0
    result = runner.invoke(
        main, ["render", str(maps), "-o", str(out), "--check", "--engine", "embedded"]
    )
    assert result.exit_code == 0, result.stderr


def test_dot_format_and_views(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "renders"
    args = ["render", str(MONTEBELLO), "-o", str(out), "--format", "dot"]
    view = ["--focus", "spp-threat", "--depth", "1", "--no-evidence", "--no-verdicts"]
    result = runner.invoke(main, [*args, *view, "--group-by", "actor", "--rankdir", "lr"])
    assert result.exit_code == 0, result.output
    source = (out / "montebello.spp-threat.dot").read_text()
    assert source.startswith(  # the name of the SVG drawn from it (document.py), then DOT
        '// argmap-document: {"title": "Montebello Moment Came and Went, around spp-threat, '
        '1 step", "description": "Argument map: 8 claims, 5 arguments, 3 attacks and 0 quotes.", '
        '"title_id": "map-title", "description_id": "map-desc"}\ndigraph argmap {\n'
    )
    assert "rankdir=LR" in source and "cluster_1" in source
    assert "evidence/" not in source
    assert (
        runner.invoke(
            main, [*args, *view, "--group-by", "actor", "--rankdir", "LR", "--check"]
        ).exit_code
        == 0
    )


def test_a_file_with_errors_is_reported_and_not_rendered(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    pytest.importorskip("argmap.report")
    shutil.copy(INVALID, maps / "unknown-key.yaml")
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(maps), "-o", str(out), "--engine", "embedded"])
    assert result.exit_code == 1
    assert "AM201" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["grammar.svg", "hostile.svg"]


def test_an_unknown_focus_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["render", str(MONTEBELLO), "-o", str(tmp_path), "--focus", "spp-fail"]
    )
    assert result.exit_code == 2
    assert "no claim 'spp-fail'" in result.stderr and "did you mean 'spp-fails'" in result.stderr
    assert not list(tmp_path.iterdir())


def test_depth_without_focus_draws_the_top_levels(runner: CliRunner, tmp_path: Path) -> None:
    """--depth alone was refused (it counted steps from --focus only): it now draws the top
    levels of the map, the claims within N steps of the thesis, under the map's own name."""
    out = tmp_path / "renders"
    view = ["--depth", "0", "-f", "dot"]
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(out), *view])
    assert (result.exit_code, result.stderr) == (0, f"wrote {out / 'montebello.dot'}\n")
    dot = (out / "montebello.dot").read_text(encoding="utf-8")
    assert re.findall(r'id="claim-([^"]+)"', dot) == ["spp-fails"]


@pytest.mark.usefixtures("no_dot")
def test_png_without_dot_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(out), "--format", "png"])
    assert result.exit_code == 2
    assert "needs the Graphviz program 'dot'" in result.stderr
    assert "apt-get install graphviz" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.usefixtures("no_dot")
def test_svg_without_dot_uses_the_embedded_build(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "montebello.svg").read_bytes().startswith(b"<?xml")


def test_a_missing_path_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("argmap.report")
    result = runner.invoke(main, ["render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_two_files_with_one_name_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(FIXTURES / "grammar.yaml", tmp_path / folder / "grammar.yaml")
    out = tmp_path / "renders"
    result = runner.invoke(
        main,
        ["render", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "--format", "dot"],
    )
    assert result.exit_code == 2
    a, b = tmp_path / "a" / "grammar.yaml", tmp_path / "b" / "grammar.yaml"
    assert result.stderr == (
        f"argmap: {a} and {b} would both be written to {out / 'grammar.dot'}; "
        "give them different names or folders\n"
    )
    assert not out.exists()  # refused before anything was written, whatever the order


def test_one_file_under_two_spellings_is_rendered_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(FIXTURES / "grammar.yaml", tmp_path / "a" / "grammar.yaml")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "renders"
    spellings = ["a/grammar.yaml", str(tmp_path / "a" / "grammar.yaml"), "a/../a/grammar.yaml"]
    result = runner.invoke(main, ["render", *spellings, "-o", str(out), "--format", "dot"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["grammar.dot"]
    assert result.stderr == f"wrote {out / 'grammar.dot'}\n"


def test_verdicts_and_quote_checks_come_from_the_pipeline(
    runner: CliRunner, tmp_path: Path
) -> None:
    pytest.importorskip("argmap.evaluate")
    args = ["render", str(MONTEBELLO), "-o", str(tmp_path), "--format", "dot"]
    assert runner.invoke(main, args).exit_code == 0
    source = (tmp_path / "montebello.dot").read_text()
    assert 'class="claim thesis supported"' in source  # its quote is verified in the source
    assert 'class="evidence supports verified"' in source
    assert runner.invoke(main, [*args, "--no-verdicts"]).exit_code == 0
    worksheet = (tmp_path / "montebello.dot").read_text()
    assert "supported" not in worksheet and "verified" not in worksheet


def _shown(path: Path) -> str:
    """A path as argmap's messages show it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def test_a_map_with_more_nodes_than_the_limit_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    """Graphviz takes minutes (and then fails) on a map of 100,000 nodes: argmap says so at
    once, before verifying a quote, and writes nothing."""
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(out), "--max-nodes", "50"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {_shown(MONTEBELLO)}: the map has 97 nodes to draw (42 claims, 45 quotes, "
        "10 inference junctions), more than --max-nodes 50; draw a part of it with "
        "--focus CLAIM --depth N, leave the quotes out with --no-evidence, or raise "
        "--max-nodes\n"
    )
    assert not out.exists()


def test_the_node_limit_counts_what_the_view_draws(runner: CliRunner, tmp_path: Path) -> None:
    """Without quotes Montebello draws 42 claims and 10 junctions: 52 nodes, at the limit."""
    result = runner.invoke(
        main,
        ["render", str(MONTEBELLO), "-o", str(tmp_path), "--max-nodes", "52", "--no-evidence"],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "montebello.svg").is_file()


def test_dot_text_lays_nothing_out_so_the_default_limit_does_not_hold_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--max-nodes stands between a map and Graphviz's minutes; --format dot runs no layout,
    and its text is what a user hands to another tool (sfdp) for a map too large for dot. A
    --max-nodes given on the command line still holds it."""
    chain = ["argmap: 1", "claims:", "  c0: {text: C0., kind: thesis}"]
    chain += [
        f"  c{i}: {{text: C{i}., kind: assumption, supports: c{i - 1}}}" for i in range(1, 20_001)
    ]
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "chain.yaml").write_text("\n".join(chain) + "\n")
    out = tmp_path / "out"
    drawn = runner.invoke(
        main, ["render", str(tmp_path / "chain.yaml"), "-o", str(out), "-f", "dot"]
    )
    assert (drawn.exit_code, drawn.stderr) == (0, f"wrote {out / 'chain.dot'}\n")
    assert '\t"claim/c20000" [' in (out / "chain.dot").read_text()  # the whole map
    limited = [
        "render",
        str(tmp_path / "chain.yaml"),
        "-o",
        str(out),
        "-f",
        "dot",
        "--max-nodes",
        "5",
    ]
    refused = runner.invoke(main, limited)
    assert refused.exit_code == 2
    assert "more than --max-nodes 5;" in refused.stderr


def _assert_stopped(
    runner: CliRunner,
    out: Path,
    engine: str,
    timeout: str,
    program: str,
    option: str = "--time-limit",
) -> None:
    """``argmap render --engine ENGINE --time-limit TIMEOUT`` on Montebello stops the layout
    with a message naming ``program``, exit 2 and nothing written."""
    args = ["render", str(MONTEBELLO), "-o", str(out), "--engine", engine, option, timeout]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {_shown(MONTEBELLO)}: {program} did not finish within {timeout} s and was "
        "stopped; draw a part of the map with --focus CLAIM --depth N, or allow more time with "
        "--time-limit\n"
    )
    assert not out.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stoppable on Linux only")
def test_an_embedded_layout_that_takes_too_long_is_stopped(
    runner: CliRunner, tmp_path: Path, forks: list[int]
) -> None:
    """The embedded Graphviz runs in a forked child, stopped after --time-limit seconds like the
    system dot (here a millisecond, which the Montebello map's layout takes far longer than)."""
    _assert_stopped(runner, tmp_path / "renders", "embedded", "0.001", "the embedded Graphviz")
    assert len(forks) == 1  # the layout ran in a child, which was stopped


def test_a_layout_that_takes_too_long_is_stopped(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``dot`` that never finishes (here a stand-in that sleeps) is stopped after
    --time-limit seconds, with a message and nothing written. ``--timeout``, its name until
    check's and render's time limits took one name, still works (hidden from --help)."""
    fake_dot(tmp_path, monkeypatch, "exec sleep 30")
    _assert_stopped(runner, tmp_path / "renders", "system", "0.5", "Graphviz 'dot'")
    _assert_stopped(runner, tmp_path / "renders", "system", "0.5", "Graphviz 'dot'", "--timeout")


# A stand-in for dot that runs the real one. It notes how many layouts are running as it
# starts (itself included: `seen`) and, with WAIT set, waits up to 10 s for a second layout to
# have started, then notes how many have (`waited`); a second one that started while the first
# was waiting ran beside it, however short it was. A DOT text holding FAIL_HERE fails as dot
# does.
_COUNTING_DOT = """#!/bin/sh
log="$ARGMAP_TEST_LOG"
touch "$log/started.$$" "$log/running.$$"
ls "$log" | grep -c '^running' > "$log/seen.$$"
i=0
while [ "$WAIT" = 1 ] && [ "$(ls "$log" | grep -c '^started')" -lt 2 ] && [ $i -lt 100 ]; do
  sleep 0.1; i=$((i + 1))
done
ls "$log" | grep -c '^started' > "$log/waited.$$"
cat > "$log/input.$$"
if grep -q FAIL_HERE "$log/input.$$"; then
  rm "$log/running.$$"; echo "Error: <stdin>: syntax error in line 1" >&2; exit 1
fi
"$REAL_DOT" "$@" < "$log/input.$$"
status=$?
rm "$log/running.$$"
exit $status
"""


def _counting_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait: bool) -> Path:
    real = shutil.which("dot")
    assert real is not None
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    log.mkdir()
    fake = bin_dir / "dot"
    fake.write_text(_COUNTING_DOT, encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("REAL_DOT", real)
    monkeypatch.setenv("ARGMAP_TEST_LOG", str(log))
    monkeypatch.setenv("WAIT", "1" if wait else "0")
    return log


def _counts(log: Path, kind: str) -> list[int]:
    return sorted(int(p.read_text()) for p in log.glob(f"{kind}.*"))


@pytest.mark.exe
def test_the_layouts_of_several_maps_run_at_once(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each map's dot is its own process: with --jobs 2, two run side by side (each saw the
    other running), and the files are the same as one at a time would write."""
    log = _counting_dot(tmp_path, monkeypatch, wait=True)
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(maps), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert _counts(log, "waited") == [2, 2]
    assert result.stderr.splitlines() == [
        f"wrote {out / 'grammar.svg'}",
        f"wrote {out / 'hostile.svg'}",
    ]
    alone = tmp_path / "alone"
    monkeypatch.setenv("WAIT", "0")
    assert runner.invoke(main, ["render", str(maps), "-o", str(alone), "-j", "1"]).exit_code == 0
    for name in ("grammar.svg", "hostile.svg"):
        assert (out / name).read_bytes() == (alone / name).read_bytes()


@pytest.mark.exe
def test_jobs_1_lays_out_one_map_at_a_time(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _counting_dot(tmp_path, monkeypatch, wait=False)
    shutil.copy(maps / "grammar.yaml", maps / "third.yaml")
    args = ["render", str(maps), "-o", str(tmp_path / "renders"), "--jobs", "1"]
    assert runner.invoke(main, args).exit_code == 0
    assert _counts(log, "seen") == [1, 1, 1]


@pytest.mark.exe
def test_a_failed_layout_among_several_spoils_only_its_own_map(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _counting_dot(tmp_path, monkeypatch, wait=False)
    text = (maps / "grammar.yaml").read_text(encoding="utf-8")
    (maps / "broken.yaml").write_text(text.replace("title: ", "title: FAIL_HERE ", 1))
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(maps), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in out.iterdir()) == ["grammar.svg", "hostile.svg"]
    assert result.stderr.splitlines() == [
        f"argmap: {_shown(maps / 'broken.yaml')}: Graphviz 'dot' failed: "
        "Error: <stdin>: syntax error in line 1",
        f"wrote {out / 'grammar.svg'}",
        f"wrote {out / 'hostile.svg'}",
    ]


def test_jobs_must_be_at_least_one(runner: CliRunner, maps: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["render", str(maps), "-o", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.stderr


def test_a_folder_where_a_render_goes_is_said_and_the_other_maps_are_written(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "renders"
    (out / "grammar.svg").mkdir(parents=True)
    result = runner.invoke(main, ["render", str(maps), "-o", str(out), "--engine", "embedded"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"argmap: cannot write {out / 'grammar.svg'}: it is a folder",
        f"wrote {out / 'hostile.svg'}",
    ]
    assert "internal error" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["grammar.svg", "hostile.svg"]


@pytest.mark.exe
def test_stale_only_lays_a_current_pdf_out_once(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF has no stamp, so whether it is current is known only by drawing it again; that
    drawing is the one written when it differs, not a second one."""
    out = tmp_path / "renders"
    args = ["render", str(maps / "grammar.yaml"), "-o", str(out), "--format", "pdf"]
    assert runner.invoke(main, args).exit_code == 0
    before = (out / "grammar.pdf").stat().st_mtime_ns
    log = _counting_dot(tmp_path, monkeypatch, wait=False)
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert f"up to date: {out / 'grammar.pdf'}" in result.stderr
    assert (out / "grammar.pdf").stat().st_mtime_ns == before
    assert len(list(log.glob("seen.*"))) == 1
    grammar = maps / "grammar.yaml"
    grammar.write_text(grammar.read_text().replace("improve attendance.", "improve it a lot."))
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'grammar.pdf'}" in result.stderr
    assert len(list(log.glob("seen.*"))) == 2


@pytest.mark.exe
@pytest.mark.parametrize("mode", ["--check", "--stale-only"])
def test_a_pdf_drawn_again_to_be_compared_keeps_the_time_limit(
    runner: CliRunner, maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """A PDF is compared by drawing it again; that drawing is stopped after --time-limit
    seconds as any other, not after the default ten minutes."""
    out = tmp_path / "renders"
    grammar = maps / "grammar.yaml"
    args = ["render", str(grammar), "-o", str(out), "--format", "pdf"]
    assert runner.invoke(main, args).exit_code == 0
    fake_dot(tmp_path, monkeypatch, "exec sleep 30")
    result = runner.invoke(main, [*args, mode, "--time-limit", "0.5"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"argmap: {_shown(grammar)}: Graphviz 'dot' did not finish within 0.5 s and was "
        "stopped; draw a part of the map with --focus CLAIM --depth N, or allow more time with "
        "--time-limit\n"
    )


@pytest.mark.parametrize("option", ["--time-limit", "--timeout"])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300", "86400.5", "0", "-1", "soon"])
def test_a_timeout_that_is_not_a_finite_number_of_seconds_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, value: str, option: str
) -> None:
    out = tmp_path / "renders"
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(out), option, value])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': must be a finite number of seconds, more than "
        f"0 and at most 86400 (one day), not {value!r}"
    )
    assert not out.exists()


def test_a_timeout_of_one_day_is_allowed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "renders"
    args = ["render", str(MONTEBELLO), "-o", str(out), "--time-limit", "86400", "--no-evidence"]
    result = runner.invoke(main, [*args, "--engine", "embedded"])
    assert result.exit_code == 0, result.output
    assert (out / "montebello.svg").is_file()


def test_a_dot_that_prints_nothing_writes_nothing_and_fails_the_check(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``dot`` that exits 0 having printed nothing drew nothing: exit 2, no file; and an
    SVG such a ``dot`` once left (a stamp and no drawing) is stale under --check."""
    fake_dot(tmp_path, monkeypatch, "cat >/dev/null\nexit 0")
    out = tmp_path / "renders"
    args = ["render", str(MONTEBELLO), "-o", str(out), "--engine", "system"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {_shown(MONTEBELLO)}: Graphviz 'dot' wrote no SVG: its output (0 bytes) is "
        "not a whole SVG file; check that the 'dot' on PATH is Graphviz (dot -V)\n"
    )
    assert not out.exists()

    monkeypatch.setenv("PATH", os.environ["PATH"].split(os.pathsep, 1)[1])
    assert runner.invoke(main, [*args[:-2], "--engine", "embedded"]).exit_code == 0
    drawn = out / "montebello.svg"
    svg = drawn.read_bytes()
    stamp_only = svg[: svg.index(b"-->") + 4]  # the declaration and the stamp, no <svg>
    assert b"<svg" not in stamp_only
    assert read_stamp(stamp_only) == read_stamp(svg) is not None
    drawn.write_bytes(stamp_only)
    result = runner.invoke(main, [*args[:-2], "--check"])
    assert result.exit_code == 1
    assert f"stale: {drawn}" in result.stderr


def test_an_unknown_focus_with_no_close_claim_says_where_the_ids_are(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["render", str(MONTEBELLO), "-o", str(tmp_path), "--focus", "x"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: {display_path(MONTEBELLO)}: no claim 'x' in this map; "
        "--focus takes a claim's id, as 'argmap check' lists them\n"
    )


SUPPORT_CYCLE = Path(__file__).parents[1] / "examples" / "invalid" / "support-cycle.yaml"


@pytest.mark.parametrize("name", ["one.svg", "one.SVG", "one.dot"])
def test_one_map_to_a_file_name(runner: CliRunner, tmp_path: Path, name: str) -> None:
    """``-o NAME.svg`` for one map writes that file, as report and handout take NAME.html;
    it used to become a folder NAME.svg/ holding the render. The suffix chooses the format."""
    target = tmp_path / "out" / name
    result = runner.invoke(
        main, ["render", str(FIXTURES / "grammar.yaml"), "-o", str(target), "--engine", "embedded"]
    )
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert result.stderr == f"wrote {target}\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [name]  # no temporary file left
    if name.endswith(".dot"):
        comment, dot = target.read_text().split("\n", 1)
        assert comment.startswith("// argmap-document: {") and dot.startswith("digraph argmap {")
    else:
        assert read_stamp(target.read_bytes()) is not None


def test_check_and_stale_only_take_a_file_name(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "grammar-map.svg"
    args = ["render", str(FIXTURES / "grammar.yaml"), "-o", str(target), "--engine", "embedded"]
    result = runner.invoke(main, [*args, "--check"])
    assert result.exit_code == 1
    assert f"missing: {target} (from " in result.stderr
    assert runner.invoke(main, args).exit_code == 0
    before = target.stat().st_mtime_ns
    result = runner.invoke(main, [*args, "--stale-only"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"up to date: {target}\n"
    assert target.stat().st_mtime_ns == before
    assert runner.invoke(main, [*args, "--check"]).exit_code == 0


def test_a_file_name_for_several_maps_is_a_usage_error(
    runner: CliRunner, maps: Path, tmp_path: Path
) -> None:
    target = tmp_path / "all.svg"
    result = runner.invoke(main, ["render", str(maps), "-o", str(target), "--engine", "embedded"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: -o {target} names one file, but 2 maps were given; give a folder\n"
    )
    assert not target.exists()


def test_a_folder_named_like_a_file_stays_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "drawings.svg"
    folder.mkdir()
    result = runner.invoke(
        main, ["render", str(FIXTURES / "grammar.yaml"), "-o", str(folder), "--engine", "embedded"]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == ["grammar.svg"]


def test_a_file_name_of_another_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "map.png"
    result = runner.invoke(
        main, ["render", str(FIXTURES / "grammar.yaml"), "-o", str(target), "--format", "svg"]
    )
    assert result.exit_code == 2
    assert f"Error: -o {target} is png, but --format svg" in result.stderr
    assert not target.exists()


def test_an_existing_file_of_another_kind_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    result = runner.invoke(main, ["render", str(FIXTURES / "grammar.yaml"), "-o", str(other)])
    assert result.exit_code == 2
    assert result.stderr == f"argmap: -o {other} is a file but not .svg; give one or a folder\n"
    assert other.read_text() == "mine"


def test_the_findings_of_the_rules_do_not_stop_a_render(runner: CliRunner, tmp_path: Path) -> None:
    """What ``render --help`` says: a map that resolves is drawn even when a rule finds
    something in it (here a support cycle, AM010), the cycle in the picture."""
    result = runner.invoke(
        main, ["render", str(SUPPORT_CYCLE), "-o", str(tmp_path), "--engine", "embedded"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "support-cycle.svg").is_file()
    help_text = runner.invoke(main, ["render", "--help"]).output
    assert "support cycle (AM010) is drawn" in " ".join(help_text.split())


def test_rendering_a_map_of_text_sources_imports_no_reader_or_reporter_it_needs_not(
    tmp_path: Path,
) -> None:
    """Users re-render as they write: a map quoting text files loads neither the HTML and PDF
    readers (nor the HTML parser) nor the reporters, which print findings it has none of."""
    import subprocess

    (tmp_path / "s.txt").write_text("The sky is blue today.\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(
        "argmap: 1\n"
        "sources:\n  s: {title: S, file: s.txt}\n"
        "claims:\n"
        "  t: {text: The sky is blue., kind: thesis,"
        " evidence: [{quote: The sky is blue today., source: s}]}\n",
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from argmap.cli import exit_status\n"
        "sys.argv = ['argmap', 'render', 'map.yaml', '-o', 'out', '--format', 'dot']\n"
        "code = exit_status()\n"
        "unwanted = ('argmap.report', 'argmap.verify.htmltext', 'argmap.verify.pdftext',"
        " 'selectolax')\n"
        "print(code, sorted(m for m in unwanted if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (done.stdout, done.stderr) == ("0 []\n", "wrote out/map.dot\n")
    assert (tmp_path / "out" / "map.dot").is_file()


def _with_drawing(folder: Path, name: str, drawing: str) -> Path:
    """grammar.yaml under ``name``, its ``drawing:`` settings ``drawing`` (YAML flow style)."""
    text = (FIXTURES / "grammar.yaml").read_text(encoding="utf-8")
    path = folder / name
    path.write_text(
        text.replace(
            "argmap: 1\n", f"argmap: 1\ndrawing: {drawing}\n" if drawing else "argmap: 1\n"
        ),
        encoding="utf-8",
    )
    return path


def _dot_of(runner: CliRunner, path: Path, *options: str) -> str:
    out = path.with_suffix(".dot")
    result = runner.invoke(main, ["render", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_map_files_drawing_settings_are_renders_defaults(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A map that says how it is drawn is drawn so, as if render were told it."""
    settings = "{rankdir: lr, group-by: actor, evidence: false, legend: false}"
    in_file = _dot_of(runner, _with_drawing(tmp_path, "grammar.yaml", settings))
    (tmp_path / "told").mkdir()
    told = _dot_of(
        runner,
        _with_drawing(tmp_path / "told", "grammar.yaml", ""),
        *("--rankdir", "lr", "--group-by", "actor", "--no-evidence", "--no-legend"),
    )
    assert in_file == told
    assert "rankdir=LR" in in_file and "cluster_1" in in_file
    assert "evidence/" not in in_file and "legend" not in in_file


def test_the_command_line_overrides_the_map_files_settings(
    runner: CliRunner, tmp_path: Path
) -> None:
    settings = "{rankdir: lr, group-by: actor, evidence: false, legend: false}"
    overridden = _dot_of(
        runner,
        _with_drawing(tmp_path, "grammar.yaml", settings),
        *("--rankdir", "tb", "--group-by", "none", "--evidence", "--legend"),
    )
    (tmp_path / "plain").mkdir()
    plain = _dot_of(runner, _with_drawing(tmp_path / "plain", "grammar.yaml", ""))
    assert overridden == plain
    assert "rankdir=TB" in plain and "cluster_" not in plain and "evidence/" in plain


def test_check_compares_with_the_drawing_the_files_settings_make(
    runner: CliRunner, tmp_path: Path
) -> None:
    """make and CI run 'render --check' without options: a map drawn left to right is
    checked against its left-to-right drawing, and goes stale when its settings change."""
    path = _with_drawing(tmp_path, "grammar.yaml", "{rankdir: lr}")
    out = tmp_path / "renders"
    args = ["render", str(path), "-o", str(out), "-f", "dot"]
    assert runner.invoke(main, args).exit_code == 0
    assert "rankdir=LR" in (out / "grammar.dot").read_text(encoding="utf-8")
    current = runner.invoke(main, [*args, "--check"])
    assert (current.exit_code, current.stderr) == (0, "1 file up to date\n")
    kept = runner.invoke(main, [*args, "--stale-only"])
    assert kept.exit_code == 0 and "wrote" not in kept.stderr
    _with_drawing(tmp_path, "grammar.yaml", "{rankdir: bt}")
    stale = runner.invoke(main, [*args, "--check"])
    assert stale.exit_code == 1
    assert stale.stderr.startswith(f"stale: {out / 'grammar.dot'} (from ")
