"""--depth has one meaning and one range in every command that takes it: how many steps
from the --focus claim are drawn, and without --focus, from the theses (the top levels of the
map, 0 the theses alone); render's and handout's views are one function,
render.views.select."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAP = """\
argmap: 1
claims:
  t: {text: Thesis T., kind: thesis}
  a: {text: Claim A., kind: assumption, supports: t}
  b: {text: Claim B., kind: assumption, supports: a}
  c: {text: Claim C., kind: assumption, supports: b}
  d: {text: Claim D., kind: assumption, supports: t}
"""
# a claim's node: id="claim-a" in render's DOT, id="map-claim-a" in the handout's drawing
# (its SVG escapes the hyphens)
RENDERED = re.compile(r'id="claim-(\w+)"')
HANDED_OUT = re.compile(r'id="map\d*&#45;claim&#45;(\w+)"')


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("argmap.toml").write_text("")
    Path("map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def _rendered(runner: CliRunner, *view: str) -> set[str]:
    result = runner.invoke(main, ["render", "map.yaml", "-f", "dot", "-o", "view.dot", *view])
    assert (result.exit_code, result.stderr) == (0, "wrote view.dot\n")
    return set(RENDERED.findall(Path("view.dot").read_text(encoding="utf-8")))


def _handed_out(runner: CliRunner, *view: str) -> set[str]:
    result = runner.invoke(main, ["handout", "map.yaml", "-f", "html", "-o", "h.html", *view])
    assert (result.exit_code, result.stderr) == (0, "wrote h.html\n")
    return set(HANDED_OUT.findall(Path("h.html").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("focus", "depth", "claims"),
    [("a", "1", {"t", "a", "b"}), ("b", "1", {"a", "b", "c"}), ("c", "2", {"a", "b", "c"})],
)
def test_focus_and_depth_select_the_same_claims_in_render_and_handout(
    runner: CliRunner, project: Path, focus: str, depth: str, claims: set[str]
) -> None:
    view = ("--focus", focus, "--depth", depth)
    assert _rendered(runner, *view) == claims
    assert _handed_out(runner, *view) == claims


def test_the_handout_counts_from_the_thesis_without_focus(runner: CliRunner, project: Path) -> None:
    assert _handed_out(runner, "--depth", "1") == {"t", "a", "d"}
    assert _rendered(runner, "--focus", "t", "--depth", "1") == {"t", "a", "d"}


def test_a_handout_of_a_focus_is_named_as_a_render_of_it(runner: CliRunner, project: Path) -> None:
    """render writes map.a.svg for --focus a; the handout map-student.html whatever the view,
    so a folder of handouts of two claims of one map held one file."""
    result = runner.invoke(main, ["handout", "map.yaml", "-f", "html", "-o", "out", "--focus", "a"])
    assert (result.exit_code, result.stderr) == (0, "wrote out/map.a-student.html\n")


def test_an_unknown_focus_is_refused_alike(runner: CliRunner, project: Path) -> None:
    for command in (["render", "-f", "dot"], ["handout", "-f", "html"]):
        result = runner.invoke(main, [*command, "map.yaml", "-o", "out", "--focus", "aa"])
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == "argmap: map.yaml: no claim 'aa' in this map; did you mean 'a'?\n"
        unknown = runner.invoke(main, [*command, "map.yaml", "-o", "out", "--focus", "zzz"])
        assert unknown.exit_code == 2
        assert unknown.stderr == (
            "argmap: map.yaml: no claim 'zzz' in this map; --focus takes a claim's id, as "
            "'argmap check' lists them\n"
        )
        # said as no claim, escaped, before the output is named after it: it was refused
        # for the file name it made ("cannot be a file on Windows ... rename the map")
        broken = runner.invoke(main, [*command, "map.yaml", "-o", "out", "--focus", "t\nx"])
        assert (broken.exit_code, broken.stdout) == (2, "")
        assert broken.stderr == (
            "argmap: map.yaml: no claim 't\\nx' in this map; --focus takes a claim's id, as "
            "'argmap check' lists them\n"
        )
    assert not Path("out").exists()


def test_a_focus_the_handout_leaves_out_is_said_to_be(runner: CliRunner, project: Path) -> None:
    """A map of more than --max-claims claims is handed out from the thesis down; a focus
    beyond that part is in the map, and was called 'no claim' there."""
    view = ["--focus", "c", "--max-claims", "2"]
    result = runner.invoke(main, ["handout", "map.yaml", "-f", "html", "-o", "h.html", *view])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "argmap: map.yaml: claim 'c' is not among the 2 claims nearest the thesis that the "
        "handout holds; raise --max-claims\n"
    )
    assert not Path("h.html").exists()


TWO_THESES = """\
argmap: 1
claims:
  t1: {text: Thesis one., kind: thesis}
  t2: {text: Thesis two., kind: thesis}
  a: {text: Claim A., kind: assumption, supports: t1}
  b: {text: Claim B., kind: assumption, supports: a}
  g: {text: Claim G., kind: assumption, supports: b}
  c: {text: Claim C., kind: assumption, supports: t2}
  d: {text: Claim D., kind: assumption, supports: c}
  e: {text: Claim E., kind: counterclaim, attacks: t2}
  f: {text: Claim F., kind: assumption, supports: e}
"""
# the top levels of TWO_THESES: the claims within N steps of either thesis
LEVELS = {
    0: {"t1", "t2"},
    1: {"t1", "t2", "a", "c", "e"},
    2: {"t1", "t2", "a", "b", "c", "d", "e", "f"},
    3: {"t1", "t2", "a", "b", "g", "c", "d", "e", "f"},
}


@pytest.mark.parametrize("depth", sorted(LEVELS))
def test_depth_without_focus_draws_the_top_levels_from_the_theses(
    runner: CliRunner, project: Path, depth: int
) -> None:
    """render --depth N alone (refused until now) and handout --depth N (which started at 1
    and drew one page per thesis) draw one view: the claims within N steps of a thesis."""
    Path("map.yaml").write_text(TWO_THESES, encoding="utf-8")
    assert _rendered(runner, "--depth", str(depth)) == LEVELS[depth]
    assert _handed_out(runner, "--depth", str(depth)) == LEVELS[depth]


def test_the_top_levels_are_named_in_the_title(runner: CliRunner, project: Path) -> None:
    Path("map.yaml").write_text(TWO_THESES, encoding="utf-8")
    _rendered(runner, "--depth", "1")
    dot = Path("view.dot").read_text(encoding="utf-8")
    assert 'label="map\\n1 step from the theses"' in dot
    _rendered(runner, "--depth", "0", "--focus", "a")
    dot = Path("view.dot").read_text(encoding="utf-8")
    assert 'label="map\\naround a, 0 steps"' in dot


def test_without_depth_the_whole_map_is_drawn(runner: CliRunner, project: Path) -> None:
    Path("map.yaml").write_text(TWO_THESES, encoding="utf-8")
    assert _rendered(runner) == LEVELS[3]


def test_depth_takes_the_same_range_in_render_and_handout(runner: CliRunner, project: Path) -> None:
    for command in (["render", "-f", "dot"], ["handout", "-f", "html"]):
        result = runner.invoke(main, [*command, "map.yaml", "-o", "out", "--depth", "-1"])
        assert result.exit_code == 2
        assert "Invalid value for '--depth': -1 is not in the range x>=0." in result.stderr
    assert not Path("out").exists()
