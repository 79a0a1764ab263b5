"""The readers refuse what is not a regular file before reading a byte, the loader locates what
libyaml would misplace, and the HTML reader stays fast on hostile shapes: unit tests beside the
corpus's end-to-end runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.diagnostics import Position
from argmap.load import load_text, read_document
from argmap.paths import NotARegularFile, contained_path, read_regular_file, resolved
from argmap.verify.htmltext import MAX_DEPTH, nesting_depth
from argmap.verify.sources import SourceError, SourceProblem, read_source

DEVICE = Path("/dev/zero")
needs_device = pytest.mark.skipif(not DEVICE.exists(), reason="no /dev/zero here")


def test_regular_file_is_read_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 10) == b"x" * 10


@pytest.mark.timeout(5)
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="a named pipe"):
        read_regular_file(fifo, 10)
    problem = read_source(fifo)
    assert isinstance(problem, SourceError) and problem.problem is SourceProblem.UNREADABLE
    assert problem.message.endswith("a named pipe, not a regular file")
    doc = read_document(fifo, "pipe.yaml")
    assert [(d.code, d.message) for d in doc.diagnostics] == [
        ("AM101", "cannot read: a named pipe, not a regular file")
    ]


@needs_device
def test_device_is_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile, match="a character device"):
        read_regular_file(DEVICE, 10)
    problem = read_source(DEVICE)
    assert isinstance(problem, SourceError) and "character device" in problem.message


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="a folder, not a file"):
        read_regular_file(tmp_path, 10)
    problem = read_source(tmp_path)
    assert isinstance(problem, SourceError) and problem.message.endswith("is a folder, not a file")


def test_symlink_loops_resolve_to_a_reason_not_an_exception(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    base = tmp_path / "map.yaml"
    assert resolved(tmp_path / "a") == tmp_path / "a"
    reason = contained_path(base, "a", tmp_path)
    assert reason == "'a' cannot be followed: its symbolic links form a loop"


def test_control_characters_are_located() -> None:
    doc = load_text("argmap: 1\ntitle: 'a\x1b[31m'\n", "m.yaml")
    ((code, line, col, message),) = [(d.code, d.line, d.col, d.message) for d in doc.diagnostics]
    assert (code, line, col) == ("AM106", 2, 10)
    assert message == "the control character U+001B is not allowed in YAML"


def test_merge_key_problem_points_at_the_merge_key() -> None:
    doc = load_text("a:\n  <<: 3\n  b: c\n", "m.yaml")
    assert [(d.code, d.line, d.col) for d in doc.diagnostics] == [("AM106", 2, 3)]


@pytest.mark.parametrize(
    ("markup", "depth"),
    [
        ("<p>a<p>b<p>c", 0),
        ("<div><span>x</span></div>" * 50, 2),
        ("<div>" * 20 + "</div>" * 20, 20),
        ("<div/>" * 100, 0),
        ("<script>" + "<div>" * 100 + "</script>", 0),
        ("<!--" + "<div>" * 100 + "-->", 0),
        ("<DIV>" * 30, 30),
    ],
)
def test_nesting_depth_of_html(markup: str, depth: int) -> None:
    assert nesting_depth(markup) == depth


@pytest.mark.timeout(5)
def test_nesting_depth_stops_early_on_hostile_pages() -> None:
    assert nesting_depth("<div>" * 1_000_000) == MAX_DEPTH + 1
    assert nesting_depth("<div " * 200_000) == 0  # tags that never close start nothing


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_yaml_1_1_line_breaks_do_not_shift_positions(separator: str) -> None:
    doc = load_text(f'argmap: 1\ntitle: "a{separator}b"\nclaims: {{a: {{text: x}}}}\n', "m.yaml")
    assert doc.positions.key(("claims", "a", "text")) == Position(3, 14)
    assert doc.positions.value(("title",)) == Position(2, 8)


def test_a_lone_cr_is_a_line_break_for_positions_and_text_alike() -> None:
    doc = load_text('argmap: 1\ntitle: "a\rb"\nclaims: {a: {text: x}}\n', "m.yaml")
    assert doc.positions.key(("claims", "a", "text")) == Position(4, 14)
    assert doc.positions.value(("title",)) == Position(2, 8)
    assert doc.text.split("\n")[3] == "claims: {a: {text: x}}"  # the excerpts' line 4


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_refused_files_leave_no_descriptor_open(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        for path, error in ((tmp_path, IsADirectoryError), (fifo, NotARegularFile)):
            with pytest.raises(error):
                read_regular_file(path, 10)
    assert len(os.listdir("/proc/self/fd")) == before
