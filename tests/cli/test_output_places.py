"""Where output goes, as a shell user expects: ``-o`` naming a device, a pipe or a descriptor
(``/dev/null``, ``>(gzip > x.gz)``, ``/dev/stdout``) is written into, as ``dot -o`` does, its
format from --format and never from a suffix; ``-o NAME/`` is a folder, as in ``cp``."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ARGMAP = [sys.executable, "-m", "argmap"]
MAP = "argmap: 1\ntitle: Places\nclaims:\n  a: {text: Alpha holds., kind: thesis}\n"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="devices and pipes as on POSIX")


def _run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ARGMAP, *args], cwd=cwd, timeout=120, **kwargs)  # type: ignore[call-overload,no-any-return]


def _project(tmp_path: Path, *names: str) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    for name in names or ("m",):
        (tmp_path / f"{name}.yaml").write_text(MAP.replace("Places", name))
    return tmp_path


def _dot_of(tmp_path: Path, name: str = "m") -> bytes:
    """The DOT text of ``name``.yaml, as ``-o -`` writes it."""
    out = _run(["render", f"{name}.yaml", "-f", "dot", "-o", "-"], tmp_path, capture_output=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(b"// argmap-document")
    return out.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["render", "m.yaml"], "wrote /dev/null\n"),
        (["render", "m.yaml", "--format", "svg"], "wrote /dev/null\n"),
        (["render", "m.yaml", "--format", "dot"], "wrote /dev/null\n"),
        (["report", "m.yaml"], "wrote /dev/null\n"),
        (["handout", "m.yaml", "--format", "html"], "wrote /dev/null\n"),
    ],
    ids=["render", "render-svg", "render-dot", "report", "handout"],
)
def test_dev_null_is_written_into(args: list[str], said: str, tmp_path: Path) -> None:
    _project(tmp_path)
    out = _run([*args, "-o", "/dev/null"], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", said)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "m.yaml"]


def test_a_fifo_gets_the_format_given_not_its_suffix(tmp_path: Path) -> None:
    _project(tmp_path)
    expected = _dot_of(tmp_path)
    fifo = tmp_path / "drawing.png"  # the suffix of a format; --format says another
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        out = _run(
            ["render", "m.yaml", "-f", "dot", "-o", str(fifo)], tmp_path, capture_output=True
        )
    finally:
        os.close(os.open(fifo, os.O_RDWR))  # a reader still waiting (argmap refused) reads nothing
        reader.join(timeout=30)
    assert (out.returncode, out.stderr) == (0, f"wrote {fifo}\n".encode())
    assert received == [expected]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # written into, not replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "drawing.png", "m.yaml"]


@pytest.mark.parametrize("into", ["pipe", "file"])
def test_dev_stdout_is_written_into(into: str, tmp_path: Path) -> None:
    """``-o /dev/stdout`` onto a pipe, and onto a file (``> x.dot``), which the symbolic link
    ``/dev/stdout`` leads to: written into, the link left as it is."""
    _project(tmp_path)
    expected = _dot_of(tmp_path)
    link = (os.lstat("/dev/stdout").st_ino, os.readlink("/dev/stdout"))  # a symbolic link
    args = ["render", "m.yaml", "-f", "dot", "-o", "/dev/stdout"]
    if into == "pipe":
        out = _run(args, tmp_path, capture_output=True)
        received = out.stdout
    else:
        with open(tmp_path / "x.dot", "wb") as file:
            out = _run(args, tmp_path, stdout=file, stderr=subprocess.PIPE)
        received = (tmp_path / "x.dot").read_bytes()
    assert (out.returncode, out.stderr) == (0, b"wrote /dev/stdout\n")
    assert received == expected
    # the link itself, not a file renamed over it (which a missing link also passed)
    assert (os.lstat("/dev/stdout").st_ino, os.readlink("/dev/stdout")) == link


def test_a_device_names_one_file_for_one_map(tmp_path: Path) -> None:
    _project(tmp_path, "a", "b")
    out = _run(["render", "a.yaml", "b.yaml", "-o", "/dev/null"], tmp_path, capture_output=True)
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        b"",
        b"argmap: -o /dev/null names one file, but 2 maps were given; give a folder\n",
    )


@pytest.mark.parametrize("command", ["render", "report", "handout"])
@pytest.mark.parametrize("flag", ["--check", "--stale-only"])
def test_a_device_or_a_pipe_cannot_be_compared(command: str, flag: str, tmp_path: Path) -> None:
    """--check and --stale-only compare files, and a device or a pipe holds none (reading a
    pipe would take what its reader was sent): a usage error, as with ``-o -``."""
    _project(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    extra = ["--format", "html"] if command == "handout" else []
    for target, kind in (("/dev/null", "a character device"), ("pipe", "a pipe")):
        out = _run(
            [command, "m.yaml", *extra, flag, "-o", target],
            tmp_path,
            capture_output=True,
            text=True,
        )
        assert (out.returncode, out.stdout, out.stderr) == (
            2,
            "",
            f"argmap: {flag} compares files, and -o {target} ({kind}) is none\n",
        )


def test_a_socket_is_not_replaced(tmp_path: Path) -> None:
    _project(tmp_path)
    listening = socket.socket(socket.AF_UNIX)
    try:
        listening.bind(str(tmp_path / "s.svg"))
        out = _run(["render", "m.yaml", "-f", "dot", "-o", "s.svg"], tmp_path, capture_output=True)
    finally:
        listening.close()
    assert (out.returncode, out.stderr) == (
        2,
        b"argmap: cannot write s.svg: No such device or address\n",
    )
    assert stat.S_ISSOCK(os.lstat(tmp_path / "s.svg").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "m.yaml", "s.svg"]


def test_findings_stay_out_of_dev_stdout(tmp_path: Path) -> None:
    """A broken configuration is reported and the map still drawn: into ``-o /dev/stdout``,
    the findings go to stderr, as with ``-o -``, not in front of the drawing."""
    _project(tmp_path)
    expected = _dot_of(tmp_path)
    (tmp_path / "argmap.toml").write_text("bogus = 1\n")
    out = _run(
        ["render", "m.yaml", "-f", "dot", "-o", "/dev/stdout"], tmp_path, capture_output=True
    )
    assert out.returncode == 1
    assert out.stdout == expected
    assert out.stderr.startswith(b"argmap.toml:1:1: error[AM903] unknown setting 'bogus'")
    assert out.stderr.endswith(b"wrote /dev/stdout\n")


@pytest.mark.parametrize(
    ("args", "folder", "written"),
    [
        (["render", "m.yaml"], "out.svg", "m.svg"),
        (["render", "m.yaml", "-f", "dot"], "out.svg", "m.dot"),
        (["render", "m.yaml", "-f", "dot"], "out.png", "m.dot"),  # no format from the name
        (["report", "m.yaml"], "new.html", "m.html"),
        (["handout", "m.yaml", "--format", "html"], "h.pdf", "m-student.html"),
    ],
    ids=["render", "render-dot", "render-other-suffix", "report", "handout"],
)
def test_a_trailing_slash_is_a_folder_made(
    args: list[str], folder: str, written: str, tmp_path: Path
) -> None:
    """``-o out.svg/`` for a folder not there yet makes the folder, as ``cp`` and ``rsync``
    read a trailing slash, not a file named out.svg."""
    _project(tmp_path)
    out = _run([*args, "-o", f"{folder}/"], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stderr) == (0, f"wrote {folder}/{written}\n")
    assert sorted(os.listdir(tmp_path / folder)) == [written]


def test_a_trailing_slash_onto_a_file_is_refused(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "out.svg").write_text("kept")
    out = _run(["render", "m.yaml", "-o", "out.svg/"], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stderr) == (
        2,
        "argmap: -o out.svg/ names a folder, but out.svg is a file\n",
    )
    assert (tmp_path / "out.svg").read_text() == "kept"


def test_a_trailing_slash_under_check_makes_nothing(tmp_path: Path) -> None:
    _project(tmp_path)
    out = _run(
        ["render", "m.yaml", "--check", "-o", "out.svg/"], tmp_path, capture_output=True, text=True
    )
    assert (out.returncode, out.stderr) == (
        1,
        "missing: out.svg/m.svg (from m.yaml)\n1 file out of date; run 'argmap render' with "
        "the same options and commit the result\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "m.yaml"]


@pytest.mark.parametrize(
    ("command", "written"), [("render", "m.svg"), ("report", "m.html")], ids=["render", "report"]
)
def test_check_says_a_folder_is_in_the_way(command: str, written: str, tmp_path: Path) -> None:
    """Not 'missing': the file cannot be written until the folder in its place is moved."""
    _project(tmp_path)
    (tmp_path / "r" / written).mkdir(parents=True)
    out = _run([command, "m.yaml", "--check", "-o", "r"], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout, out.stderr) == (
        1,
        "",
        f"in the way: r/{written} is a folder, not a file (from m.yaml)\n"
        f"1 file out of date; run 'argmap {command}' with the same options and commit the "
        "result\n",
    )
    assert os.listdir(tmp_path / "r" / written) == []


def _put(kind: str, place: Path) -> socket.socket | None:
    """Something of ``kind`` at ``place``: a FIFO, a listening socket (returned, to close),
    or a character device (a symbolic link to /dev/null, which --check follows)."""
    if kind == "pipe":
        os.mkfifo(place)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(place))
        return server
    else:
        place.symlink_to("/dev/null")
    return None


@pytest.mark.parametrize(
    ("kind", "said"),
    [("pipe", "a pipe"), ("socket", "a socket"), ("device", "a character device")],
)
def test_check_says_a_pipe_socket_or_device_is_in_the_way(
    kind: str, said: str, tmp_path: Path
) -> None:
    """They were 'missing:'; only a folder was 'in the way:'. Neither is opened: a FIFO
    read would wait for a writer (the run's time limit), or take what its reader was sent."""
    _project(tmp_path)
    (tmp_path / "r").mkdir()
    server = _put(kind, tmp_path / "r" / "m.svg")
    try:
        out = _run(
            ["render", "m.yaml", "--check", "-o", "r"], tmp_path, capture_output=True, text=True
        )
    finally:
        if server is not None:
            server.close()
    assert (out.returncode, out.stdout, out.stderr) == (
        1,
        "",
        f"in the way: r/m.svg is {said}, not a file (from m.yaml)\n"
        "1 file out of date; run 'argmap render' with the same options and commit the result\n",
    )


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["export", "m.yaml", "--to", "json"], "argmap export writes one file"),
        (["schema"], "argmap schema writes one file"),
        (["import", "m.argdown"], "argmap import writes one file"),
    ],
    ids=["export", "schema", "import"],
)
@pytest.mark.parametrize("there", [False, True], ids=["new", "existing"])
def test_a_trailing_slash_is_refused_where_one_file_is_written(
    args: list[str], what: str, there: bool, tmp_path: Path
) -> None:
    """``-o out/`` is a folder to render, report and handout (each map becomes
    ``<stem>.<format>`` in it); export, schema and import wrote a FILE named out. They write
    one document, whose name the user gives: a usage error, nothing made."""
    _project(tmp_path)
    (tmp_path / "m.argdown").write_text("[A]: Alpha holds.\n")
    if there:
        (tmp_path / "out").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    out = _run([*args, "-o", "out/"], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.endswith(
        f"Error: Invalid value for '-o' / '--output': out/ names a folder, but {what}; give "
        "a file's name\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


_SPECIAL = [("pipe", "a FIFO"), ("socket", "a socket"), ("device", "a character device")]


@pytest.mark.parametrize(("kind", "said"), _SPECIAL, ids=[k for k, _ in _SPECIAL])
@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["render", "m.yaml", "-f", "dot"], "m.dot"),
        (["render", "m.yaml", "-f", "dot", "--stale-only"], "m.dot"),
        (["report", "m.yaml"], "m.html"),
        (["handout", "m.yaml", "--format", "html"], "m-student.html"),
    ],
    ids=["render", "render-stale-only", "report", "handout"],
)
@pytest.mark.parametrize("folder", ["out", "out/"], ids=["folder", "slash"])
def test_a_special_file_in_an_output_folder_is_refused_not_written_into(
    kind: str, said: str, args: list[str], written: str, folder: str, tmp_path: Path
) -> None:
    """A FIFO where a map's file in ``-o out/`` would go was opened and written into: the run
    waited, for ever, for a reader that was never coming. The user named the folder, not the
    FIFO: it is refused, as a file that cannot be written is, and the run goes on."""
    _project(tmp_path)
    (tmp_path / "out").mkdir()
    place = tmp_path / "out" / written
    server = _put(kind, place)
    try:
        out = _run([*args, "-o", folder], tmp_path, capture_output=True, text=True)
    finally:
        if server is not None:
            server.close()
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        "",
        f"argmap: out/{written}: is not a regular file ({said}); remove it or name another "
        "output\n",
    )
    assert not stat.S_ISREG(os.lstat(place).st_mode)  # neither written into nor replaced
    assert os.listdir(tmp_path / "out") == [written]


def test_the_other_maps_of_a_folder_are_written_past_a_fifo(tmp_path: Path) -> None:
    _project(tmp_path, "a", "b")
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / "a.dot")
    out = _run(
        ["render", "a.yaml", "b.yaml", "-f", "dot", "-o", "out"],
        tmp_path,
        capture_output=True,
        text=True,
    )
    assert (out.returncode, out.stderr) == (
        2,
        "argmap: out/a.dot: is not a regular file (a FIFO); remove it or name another output\n"
        "wrote out/b.dot\n",
    )
    assert (tmp_path / "out" / "b.dot").read_bytes() == _dot_of(tmp_path, "b")


@pytest.mark.parametrize(
    ("args", "fifo"),
    [
        (["init", "--force", "m.yaml"], "sources/district-study.txt"),
        (["init", "--force", "new"], "new/map.yaml"),
        (["init", "--force"], "map.yaml"),
    ],
    ids=["source", "map-in-a-folder", "default-map"],
)
def test_init_refuses_a_fifo_it_was_not_named(args: list[str], fifo: str, tmp_path: Path) -> None:
    """init writes the source beside the map, FOLDER/map.yaml for a folder and map.yaml by
    default: files the user did not name, which a FIFO there held for ever under --force."""
    place = tmp_path / fifo
    place.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(place)
    out = _run(args, tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        "",
        f"argmap: {fifo}: is not a regular file (a FIFO); remove it or name another output\n",
    )
    assert stat.S_ISFIFO(os.lstat(place).st_mode)


@pytest.mark.parametrize(
    "args",
    [
        ["render", "m.yaml", "-f", "dot"],
        ["report", "m.yaml"],
        ["handout", "m.yaml", "--format", "html"],
        ["export", "m.yaml", "--to", "json"],
        ["schema"],
    ],
    ids=lambda args: args[0],
)
def test_an_empty_output_name_is_a_usage_error(args: list[str], tmp_path: Path) -> None:
    """``-o "$OUT"`` with OUT unset: render wrote into the working folder, export said
    'cannot write .: it is a folder'. An empty name names nothing; . is the working folder."""
    _project(tmp_path)
    out = _run([*args, "-o", ""], tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.endswith(
        "Error: Invalid value for '-o' / '--output': an empty name names no file or folder; "
        "give . for the working folder\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "m.yaml"]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["validate", ""], "PATHS..."),
        (["check", "m.yaml", ""], "PATHS..."),
        (["stats", ""], "PATHS..."),
        (["render", "", "-f", "dot"], "PATHS..."),
        (["report", ""], "PATHS..."),
        (["handout", "", "--format", "html"], "PATHS..."),
        (["export", "", "--to", "json"], "FILE"),
        (["import", ""], "FILE"),
        (["init", ""], "[PATH]"),
        (["watch", ""], "FILE"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else None,
)
def test_an_empty_path_is_a_usage_error(args: list[str], name: str, tmp_path: Path) -> None:
    """``argmap render "$MAP"`` with MAP unset read the working folder: every map in it was
    rendered. An empty name names nothing; . is the working folder."""
    _project(tmp_path)
    out = _run(args, tmp_path, capture_output=True, text=True)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.endswith(
        f"Error: Invalid value for '{name}': an empty name names no file or folder; give . "
        "for the working folder\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.toml", "m.yaml"]
