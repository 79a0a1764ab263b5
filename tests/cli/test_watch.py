"""``argmap watch``: a rebuild on save, and the preview server on localhost."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.render import LayoutFailed
from argmap.starter import STARTER_MAP, STARTER_SOURCE
from argmap.watch import Build, Layout, PreviewServer, build_once, watch
from saving import save


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "district-study.txt").write_text(STARTER_SOURCE)
    (tmp_path / "map.yaml").write_text(STARTER_MAP.format(schema="x.json", name="map.yaml"))
    return tmp_path


def test_build_once_writes_svg_and_report(project: Path) -> None:
    build = build_once(project / "map.yaml", project / "out")
    assert [p.name for p in build.written] == ["map.svg", "map.html"]
    assert build.diagnostics == ()
    assert (project / "sources" / "district-study.txt").resolve() in build.inputs
    assert b'href="map.html#claim-attendance"' in (project / "out" / "map.svg").read_bytes()


def test_a_map_whose_name_has_a_space_is_built_and_linked(project: Path) -> None:
    """The SVG's links to the report were ``my map.html#...``, which RenderOptions refuses
    (a space): the watch stopped with 'internal error: ValueError'."""
    (project / "map.yaml").rename(project / "my map.yaml")
    build = build_once(project / "my map.yaml", project / "out")
    assert [p.name for p in build.written] == ["my map.svg", "my map.html"]
    svg = (project / "out" / "my map.svg").read_bytes()
    assert b'href="my%20map.html#claim-attendance"' in svg


def test_an_output_that_cannot_be_written_is_said_and_the_watch_goes_on(project: Path) -> None:
    (project / "out" / "map.svg").mkdir(parents=True)
    build = build_once(project / "map.yaml", project / "out")
    assert [p.name for p in build.written] == ["map.html"]
    assert build.unwritten == (f"cannot write {project / 'out' / 'map.svg'}: it is a folder",)


def test_an_output_named_for_a_windows_device_is_refused_as_render_refuses_it(
    project: Path,
) -> None:
    """``argmap render con.yaml`` refuses to write con.svg (the console on Windows, and a
    path no Windows checkout of the repository can hold); watch wrote it into renders/."""
    (project / "map.yaml").rename(project / "con.yaml")
    build = build_once(project / "con.yaml", project / "out")
    assert build.written == ()
    assert build.unwritten == tuple(
        f"cannot write {project / 'out' / name}: it cannot be a file on Windows: Windows keeps "
        "the name CON for a device; rename the map"
        for name in ("con.svg", "con.html")
    )
    assert not (project / "out").exists()


def test_a_save_triggers_a_rebuild(project: Path) -> None:
    builds: list[Build] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=watch,
        args=(project / "map.yaml", project / "out", builds.append, stop),
        kwargs={"force_polling": True},
    )
    worker.start()
    try:
        deadline = time.monotonic() + 20
        while not builds and time.monotonic() < deadline:
            time.sleep(0.05)
        assert builds and builds[0].number == 1
        time.sleep(1.0)  # the watcher takes its first look after the first build
        path = project / "map.yaml"
        path.write_text(path.read_text().replace("School uniforms", "Uniforms, revised"))
        while len(builds) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(builds) >= 2
        assert "Uniforms, revised" in (project / "out" / "map.html").read_text()
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()


def test_preview_server_serves_only_its_folder(project: Path) -> None:
    build_once(project / "map.yaml", project / "out")
    server = PreviewServer(project / "out", "map.html", port=0)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        wrapper = urllib.request.urlopen(base + "/").read().decode()
        assert '<iframe id="report" src="map.html"' in wrapper
        server.version = 7
        assert urllib.request.urlopen(base + "/__version").read() == b"7"
        page = urllib.request.urlopen(base + "/map.html").read()
        assert page.startswith(b"<!DOCTYPE html>") or page.lower().startswith(b"<!doctype html>")
        for sneaky in ("/../map.yaml", "/%2e%2e/map.yaml", "/missing.html"):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(base + sneaky)
            assert info.value.code == 404
    finally:
        server.stop()


def test_preview_server_answers_404_to_names_the_system_refuses(
    project: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A NUL byte raised ValueError and a 5,000-character name OSError in the handler: no
    answer, and socketserver printed a traceback in the terminal of the watch."""
    build_once(project / "map.yaml", project / "out")
    (project / "out" / "loop.svg").symlink_to("loop.svg")  # RuntimeError, before Python 3.13
    server = PreviewServer(project / "out", "map.html", port=0)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        hostiles = ("/map%00.html", "/" + "a" * 5000, "/%00", "/x/" + "b" * 300 + "/y", "/loop.svg")
        for hostile in hostiles:
            assert server.respond(hostile) == (None, "")
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(base + hostile)
            assert info.value.code == 404
        assert urllib.request.urlopen(base + "/map.svg").status == 200  # still serving
    finally:
        server.stop()
    assert capfd.readouterr().err == ""


def test_preview_server_refuses_a_host_other_than_this_machine(project: Path) -> None:
    """DNS rebinding: a page of evil.example whose name comes to point at 127.0.0.1 reaches
    the server as the same origin, with ``Host: evil.example:PORT``; it was served the report.
    """
    build_once(project / "map.yaml", project / "out")
    server = PreviewServer(project / "out", "map.html", port=0)
    server.start()

    def status(host: str | None, path: str = "/map.html") -> int:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_host=True)
            if host is not None:
                connection.putheader("Host", host)
            connection.endheaders()
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    try:
        port = server.port
        for good in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            assert status(good) == 200, good
        for bad in (
            f"evil.example:{port}",
            "evil.example",
            f"127.0.0.1.evil.example:{port}",
            f"localhost:{port + 1}",
            "",
            None,
        ):
            assert status(bad) == 403, bad
            assert status(bad, "/__version") == 403, bad
    finally:
        server.stop()


def test_a_port_in_use_is_a_usage_error_not_an_internal_one(
    project: Path, runner: CliRunner
) -> None:
    """It ended in 'argmap: internal error: OSError: [Errno 98] Address already in use' and
    'please report this', after the watch had started."""
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        map_path = str(project / "map.yaml")
        result = runner.invoke(main, ["watch", map_path, "--serve", "--port", str(port)])
    finally:
        taken.close()
    assert result.exit_code == 2
    assert result.output == (
        f"argmap: cannot serve on 127.0.0.1:{port}: the port is in use; choose another with "
        "--port (0 picks a free one)\n"
    )
    assert not (project / "renders").exists()  # nothing built before the refusal


def test_wrapper_escapes_a_hostile_file_name(tmp_path: Path) -> None:
    server = PreviewServer(tmp_path, 'x"><script>alert(1)</script>.html', port=0)
    body, _ = server.respond("/")
    assert body is not None
    assert b"<script>alert(1)" not in body
    assert b'src="x%22%3E%3Cscript%3Ealert%281%29%3C/script%3E.html"' in body
    server.httpd.server_close()


class _Watching:
    """``watch`` in a thread (polling), and a way to wait for its builds."""

    def __init__(
        self, path: Path, out_dir: Path, then: Callable[[Build], None] | None = None
    ) -> None:
        """``then`` runs after each build is recorded, before the watch goes on: what it
        saves is saved while the watch is between two looks."""
        self.builds: list[Build] = []
        self.stop = threading.Event()

        def record(build: Build) -> None:
            self.builds.append(build)
            if then is not None:
                then(build)

        self.thread = threading.Thread(
            target=watch,
            args=(path, out_dir, record, self.stop),
            kwargs={"force_polling": True},
        )

    def __enter__(self) -> _Watching:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()

    def wait_for(self, count: int, seconds: float = 20) -> Build:
        deadline = time.monotonic() + seconds
        while len(self.builds) < count and time.monotonic() < deadline:
            assert self.thread.is_alive(), "the watch ended"
            time.sleep(0.05)
        assert len(self.builds) >= count, f"{len(self.builds)} builds, not {count}"
        time.sleep(1.0)  # the watcher takes its first look after the build
        return self.builds[count - 1]


QUOTING = """\
argmap: 1
sources:
  s: {title: Sky, file: ../texts/s.txt}
claims:
  t:
    text: Go out.
    kind: thesis
    evidence:
      - {quote: the sky is blue, source: s}
"""


def _broken_map_and_its_source_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose map (maps/map.yaml) does not load yet, and a source (texts/s.txt) in
    a folder of its own that the map will cite once mended: the map and the source."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "maps").mkdir()
    (tmp_path / "texts").mkdir()
    source = tmp_path / "texts" / "s.txt"
    source.write_text("Today the sky is grey.\n")
    path = tmp_path / "maps" / "map.yaml"
    path.write_text("argmap: [\n")
    return path, source


def test_a_source_cited_after_a_broken_first_build_is_watched(tmp_path: Path) -> None:
    """The folders were chosen once, from the first build: when it failed, the source's
    folder was never watched, and editing the source rebuilt nothing."""
    path, source = _broken_map_and_its_source_folder(tmp_path)
    with _Watching(path, tmp_path / "out") as watching:
        assert watching.wait_for(1).written == ()
        path.write_text(QUOTING)
        assert [d.code for d in watching.wait_for(2).diagnostics] == ["AM001"]
        source.write_text("Today the sky is blue.\n")
        assert watching.wait_for(3).diagnostics == ()


def test_a_source_in_a_folder_that_is_not_there_yet_is_watched(tmp_path: Path) -> None:
    """watchfiles raised FileNotFoundError for the missing folder: 'argmap: internal error'
    right after the first build."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "map.yaml"
    path.write_text(QUOTING)
    with _Watching(path, tmp_path / "out") as watching:
        assert [d.code for d in watching.wait_for(1).diagnostics] == ["AM013"]
        (tmp_path / "texts").mkdir()
        (tmp_path / "texts" / "s.txt").write_text("Today the sky is blue.\n")
        assert watching.wait_for(2).diagnostics == ()


def _watching_process(project: Path) -> subprocess.Popen[str]:
    """``argmap watch map.yaml -o out`` in a process of its own, once its first build is
    written and its watch has started."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    child = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", "map.yaml", "-o", "out"],
        cwd=project,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not (project / "out" / "map.html").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)  # the watch starts after the first build is reported
    return child


@pytest.mark.timeout(60)
def test_ctrl_c_stops_the_watch_quietly(project: Path) -> None:
    """Ctrl-C is how the help says to stop: exit 0, and no log line of the file-watching
    library ("KeyboardInterrupt caught, stopping watch") that reads like a crash."""
    child = _watching_process(project)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 0
    assert stderr == "[1] wrote out/map.svg\n[1] wrote out/map.html\n"


@pytest.mark.timeout(60)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals as on Linux")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_end_the_watch_as_every_command(
    project: Path, stop: signal.Signals
) -> None:
    """The file-watching library ends its watch quietly on any signal, so a watch that a
    process manager or a closed terminal stopped exited 0, as if Ctrl-C had; every other
    command dies of the signal (argmap.terminate), and so does watch now."""
    child = _watching_process(project)
    child.send_signal(stop)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == -stop
    assert stderr == "[1] wrote out/map.svg\n[1] wrote out/map.html\n"


def test_ctrl_c_during_a_build_stops_the_watch_quietly_too(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a map was being built (not waiting for a save) ended in click's
    'Aborted!' and exit 1, where Ctrl-C between builds exits 0 without a word."""

    def interrupted(*args: object, **kwargs: object) -> Build:
        raise KeyboardInterrupt

    monkeypatch.setattr("argmap.watch.build_once", interrupted)
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["watch", "map.yaml", "-o", "out"])
    assert result.exit_code == 0
    assert result.output == ""


def test_a_save_while_the_watch_moves_to_new_folders_is_not_missed(tmp_path: Path) -> None:
    """A build that cites a source in a folder not watched yet moves the watch there: the
    old watcher was dropped and a new one started, and a save between the build and the new
    watcher's first look was never seen (here the source is saved right after build 2 read
    it): nothing was rebuilt until the next save. The new watcher now looks again at the
    inputs as soon as it is armed."""
    path, source = _broken_map_and_its_source_folder(tmp_path)

    def save_the_source_after_build_2(build: Build) -> None:
        if build.number == 2:
            source.write_text("Today the sky is blue.\n")

    with _Watching(path, tmp_path / "out", save_the_source_after_build_2) as watching:
        assert watching.wait_for(1).written == ()
        path.write_text(QUOTING)
        assert [d.code for d in watching.wait_for(2).diagnostics] == ["AM001"]
        assert watching.wait_for(3, seconds=8).diagnostics == ()


def test_a_save_before_the_first_look_is_not_missed(tmp_path: Path) -> None:
    """The same gap at the start: the map saved after the first build, before the watcher
    took its first look, was never rebuilt."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "maps").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "s.txt").write_text("Today the sky is blue.\n")
    path = tmp_path / "maps" / "map.yaml"
    path.write_text("argmap: [\n")

    def save_the_map_after_build_1(build: Build) -> None:
        if build.number == 1:
            path.write_text(QUOTING)

    with _Watching(path, tmp_path / "out", save_the_map_after_build_1) as watching:
        assert watching.wait_for(1).written == ()
        assert watching.wait_for(2, seconds=8).diagnostics == ()


@pytest.mark.timeout(30)  # before the fix the watch started, and went on
def test_a_port_without_serve_is_a_usage_error(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--port means something only with --serve; without it the port was silently ignored
    and the watch started, as if the preview were on its way."""
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["watch", "map.yaml", "--port", "8080"])
    assert result.exit_code == 2
    assert "Error: --port is where --serve serves: give --serve too" in result.stderr
    assert not (project / "renders").exists()  # refused before anything was built


def test_a_map_too_large_to_draw_is_said_and_its_report_written(project: Path) -> None:
    """A map over --max-nodes stopped the watch with a traceback (TooLarge): render says why
    and draws nothing, the report describes the map without drawing it, and the watch goes
    on."""
    build = build_once(project / "map.yaml", project / "out", layout=Layout(max_nodes=2))
    assert [p.name for p in build.written] == ["map.html"]
    assert build.unwritten == (
        f"cannot draw {project / 'out' / 'map.svg'}: the map has 7 nodes to draw (4 claims, "
        "2 quotes, 1 inference junction), more than --max-nodes 2; draw a part of it with "
        "--focus CLAIM --depth N, leave the quotes out with --no-evidence, or raise --max-nodes",
    )
    assert not (project / "out" / "map.svg").exists()


def test_a_layout_that_fails_is_said_and_the_watch_goes_on(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stopped(*args: object, **kwargs: object) -> bytes:
        raise LayoutFailed("the layout took more than --time-limit 0.5 s and was stopped")

    monkeypatch.setattr("argmap.render.render_map", stopped)
    build = build_once(project / "map.yaml", project / "out", layout=Layout(time_limit=0.5))
    assert [p.name for p in build.written] == ["map.html"]
    assert build.unwritten == (
        f"cannot draw {project / 'out' / 'map.svg'}: the layout took more than --time-limit "
        "0.5 s and was stopped",
    )


def test_watch_takes_the_layout_options_of_render() -> None:
    """watch draws as render and report draw: the same engine, node limit and time limit."""

    def described(name: str, option: str) -> tuple[str | None, object]:
        command = main.get_command(click.Context(main), name)
        assert command is not None
        (param,) = [p for p in command.params if option in p.opts]
        return (getattr(param, "help", None), param.default)

    for option in ("--engine", "--max-nodes", "--time-limit"):
        assert described("watch", option) == described("render", option), option


def test_preview_server_answers_head_as_get_without_the_body(project: Path) -> None:
    """``curl -I`` and link checkers ask with HEAD: the server answered 501 Unsupported
    method ('HEAD') for every page it serves with GET."""
    build_once(project / "map.yaml", project / "out")
    server = PreviewServer(project / "out", "map.html", port=0)
    server.start()

    def head(path: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.putrequest("HEAD", path, skip_host=True)
            connection.putheader("Host", host or f"127.0.0.1:{server.port}")
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    try:
        size = len((project / "out" / "map.html").read_bytes())
        status, headers, body = head("/map.html")
        assert (status, body) == (200, b"")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Content-Length"] == str(size)
        assert headers["Cache-Control"] == "no-store"
        assert head("/")[0] == 200
        assert head("/__version")[0] == 200
        assert head("/../map.yaml")[0] == 404
        assert head("/map.html", host="evil.example")[0] == 403
    finally:
        server.stop()


def test_a_browser_that_goes_away_mid_answer_prints_nothing(
    project: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A tab closed, or a reload, while the page was being sent: each reset connection
    printed 'Exception occurred during processing of request' and a ConnectionResetError
    traceback into the terminal of the watch, between the lines of its builds."""
    build_once(project / "map.yaml", project / "out")
    server = PreviewServer(project / "out", "map.html", port=0)
    server.start()
    try:
        request = f"GET /map.html HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n"
        for sent in (request.encode(), b"GET /map"):  # gone after the request, or within it
            for _ in range(10):
                client = socket.create_connection(("127.0.0.1", server.port))
                client.sendall(sent)
                # closed with a reset, as a browser drops a connection it no longer wants
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()
        page = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/map.html")
        assert page.status == 200  # still serving
    finally:
        server.stop()
    assert capfd.readouterr().err == ""


def test_an_included_file_removed_then_restored_is_rebuilt(tmp_path: Path) -> None:
    """A file the map includes, moved away (a checkout of another branch, a rename) and
    back: once it was missing it was no longer an input of the build, so putting it back
    rebuilt nothing, and the watch showed 'included file ... does not exist' until the map
    itself was saved again."""
    (tmp_path / "argmap.toml").write_text("")
    (tmp_path / "parts").mkdir()
    part = tmp_path / "parts" / "extra.yaml"
    part.write_text("argmap: 1\nclaims:\n  extra: {text: An extra claim., kind: thesis}\n")
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\ninclude: [parts/extra.yaml]\n")
    with _Watching(path, tmp_path / "out") as watching:
        assert watching.wait_for(1).diagnostics != ()  # the thesis has no support: warnings
        first = [d.code for d in watching.builds[0].diagnostics]
        part.rename(tmp_path / "extra.yaml")
        missing = watching.wait_for(2).diagnostics
        assert [(d.code, d.line, d.col) for d in missing] == [("AM307", 2, 11)]
        (tmp_path / "extra.yaml").rename(part)
        assert [d.code for d in watching.wait_for(3, seconds=8).diagnostics] == first


def test_an_edit_of_the_configuration_rebuilds(tmp_path: Path) -> None:
    """argmap.toml decides which rules run, their severity and the quote threshold, and
    'each rebuild of watch' reads it (README, Configuration); but it was not among the
    watched inputs: a rule ignored there, or a broken configuration mended, changed nothing
    on screen until the map was saved again."""
    config = tmp_path / "argmap.toml"
    config.write_text("")
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\nclaims:\n  t: {text: Go out., kind: thesis}\n")
    with _Watching(path, tmp_path / "out") as watching:
        assert [d.code for d in watching.wait_for(1).diagnostics] == ["AM002"]
        config.write_text('ignore = ["AM002"]\nsimilarity = "high"\n')
        broken = watching.wait_for(2, seconds=8).diagnostics
        assert [(d.path, d.line, d.col, d.code, d.message) for d in broken] == [
            (
                str(config),
                2,
                1,
                "AM903",
                "'similarity' must be a percentage from 0 to 100, not 'high'",
            )
        ]
        config.write_text('ignore = ["AM002"]\n')
        assert watching.wait_for(3, seconds=8).diagnostics == ()


ARGMAP = (sys.executable, "-m", "argmap")


class _Served:
    """``argmap watch map.yaml --serve --port 0`` in a process of its own, and plain HTTP
    requests to it, as the page and the reader make them."""

    def __init__(self, project: Path, output: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
        self.child = subprocess.Popen(
            [*ARGMAP, "watch", "map.yaml", "-o", output, "--serve", "--port", "0"],
            cwd=project,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.child.stderr is not None
        line = self.child.stderr.readline()  # said before the first build
        assert line.startswith("serving http://127.0.0.1:"), line
        self.port = int(line.split(":")[2].split("/")[0])
        self.version = "0"

    def get(self, path: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def next_build(self, seconds: float = 30) -> int:
        """Wait for a build after the last one seen (the page's poll of /__version)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status, body = self.get("/__version")
            assert status == 200
            if body.decode() != self.version:
                self.version = body.decode()
                time.sleep(1.0)  # the watcher takes its first look after the build
                return int(self.version)
            time.sleep(0.1)
        raise AssertionError(f"no build after {self.version}")

    def stop(self) -> None:
        self.child.send_signal(signal.SIGINT)
        self.child.communicate(timeout=30)


@pytest.mark.timeout(90)
def test_the_server_serves_the_map_s_pages_and_nothing_else_of_its_folder(
    project: Path,
) -> None:
    """With ``-o .`` it served every file of the folder: argmap.toml, the map's YAML, other
    maps' pages, dotfiles, links to anything. It serves what the preview needs: the wrapper,
    its poll, the report and the drawing."""
    (project / ".env").write_text("TOKEN=secret\n")
    (project / "other.html").write_text("<p>another map</p>")
    (project / "other.svg").write_text("<svg/>")
    (project / "notes.txt").write_text("notes")
    (project / "alias.html").symlink_to("map.html")
    served = _Served(project, ".")
    try:
        assert served.next_build() == 1
        statuses = {
            path: served.get(path)[0]
            for path in (
                "/",
                "/__version",
                "/__errors",
                "/map.html",
                "/map.html?reload=1",
                "/map.svg",
                "/argmap.toml",
                "/map.yaml",
                "/other.html",
                "/other.svg",
                "/.env",
                "/notes.txt",
                "/alias.html",
                "/sources/district-study.txt",
                "/sources/",
                "/MAP.html",
                "/map.html/",
                "/./map.yaml",
                "/favicon.ico",
                "/__nothing",
            )
        }
    finally:
        served.stop()
    assert statuses == {
        "/": 200,
        "/__version": 200,
        "/__errors": 200,
        "/map.html": 200,
        "/map.html?reload=1": 200,
        "/map.svg": 200,
        "/argmap.toml": 404,
        "/map.yaml": 404,
        "/other.html": 404,
        "/other.svg": 404,
        "/.env": 404,
        "/notes.txt": 404,
        "/alias.html": 404,
        "/sources/district-study.txt": 404,
        "/sources/": 404,
        "/MAP.html": 404,
        "/map.html/": 404,
        "/./map.yaml": 404,
        "/favicon.ico": 404,
        "/__nothing": 404,
    }


def test_the_map_s_own_names_are_not_served_through_a_symbolic_link(project: Path) -> None:
    """A link named map.svg (or map.html) in the folder is not argmap's output: 404, even
    when it points at a file of the same folder."""
    out = project / "out"
    out.mkdir()
    (out / "secret.txt").write_text("secret")
    (out / "map.svg").symlink_to("secret.txt")
    (out / "map.html").symlink_to(project / "argmap.toml")
    server = PreviewServer(out, "map.html", port=0)
    try:
        assert server.respond("/map.svg") == (None, "")
        assert server.respond("/map.html") == (None, "")
    finally:
        server.httpd.server_close()


HOSTILE_KEY = '"<b>x</b>": 1\n'
KNOWN_KEYS = (
    "actors, argmap, arguments, attacks, authors, claims, date, description, drawing, "
    "evidence, include, question, questions, sources, title"
)


@pytest.mark.timeout(120)
def test_a_broken_map_is_shown_in_the_page_until_it_is_mended(project: Path) -> None:
    """When the map stopped loading, or was deleted, the page kept showing the last good
    report and the errors were only in the terminal. The page's poll now finds them
    (escaped where the wrapper shows them), marked as the current state above the last good
    report, which stays served as it is, its files untouched; mended, they are gone."""
    path = project / "map.yaml"
    good = path.read_text()
    served = _Served(project, "out")
    try:
        assert served.next_build() == 1
        assert served.get("/__errors") == (200, b"")
        assert b"failed" not in served.get("/")[1]
        files = {name: (project / "out" / name).read_bytes() for name in ("map.html", "map.svg")}

        save(
            path, good.replace("title: School uniforms\n", "title: School uniforms\n" + HOSTILE_KEY)
        )
        broken = served.next_build()
        status, errors = served.get("/__errors")
        assert status == 200
        assert errors.decode() == (
            f"Build {broken} failed: the report below is from build 1, the last good one.\n\n"
            "map.yaml:9:1: error[AM201] unknown key '<b>x</b>' in the top level (unknown-key)\n"
            '  9 | "<b>x</b>": 1\n'
            "    | ^\n"
            f"  hint: known keys here: {KNOWN_KEYS}\n"
            "\n"
            "1 error in 1 of 1 file\n"
        )
        wrapper = served.get("/")[1].decode()
        assert (
            f"Build {broken} failed: the report below is from build 1, the last good one."
            in wrapper
        )
        assert "unknown key &#x27;&lt;b&gt;x&lt;/b&gt;&#x27; in the top level" in wrapper
        assert "<b>x</b>" not in wrapper
        assert served.get("/map.html") == (200, files["map.html"])
        assert {n: (project / "out" / n).read_bytes() for n in files} == files

        path.unlink()
        gone = served.next_build()
        assert served.get("/__errors")[1].decode() == (
            f"Build {gone} failed: the report below is from build 1, the last good one.\n\n"
            "map.yaml:1:1: error[AM101] cannot read: No such file or directory "
            "(file-unreadable)\n"
            "\n"
            "1 error in 1 of 1 file\n"
        )
        assert {n: (project / "out" / n).read_bytes() for n in files} == files

        save(path, good.replace("School uniforms", "Uniforms, mended"))
        served.next_build()
        assert served.get("/__errors") == (200, b"")
        assert "failed" not in served.get("/")[1].decode()
        status, page = served.get("/map.html")
        assert status == 200 and b"Uniforms, mended" in page
    finally:
        served.stop()
    # what it wrote once mended is what render (linking to the report) and report write
    runner = CliRunner()
    rendered = ["render", str(path), "-o", str(project / "r"), "--link-to-report"]
    assert runner.invoke(main, rendered).exit_code == 0
    assert runner.invoke(main, ["report", str(path), "-o", str(project / "r")]).exit_code == 0
    for name in ("map.svg", "map.html"):
        assert (project / "out" / name).read_bytes() == (project / "r" / name).read_bytes()


def test_a_map_that_never_built_says_so_in_the_page(tmp_path: Path) -> None:
    """Broken from the start: there is no last good report to show below the errors."""
    (tmp_path / "argmap.toml").write_text("")
    build = build_once(tmp_path / "map.yaml", tmp_path / "out")
    server = PreviewServer(tmp_path / "out", "map.html", port=0)
    try:
        server.show(build)
        body, kind = server.respond("/__errors")
        assert kind == "text/plain; charset=utf-8"
        assert body is not None
        assert body.decode() == (
            "Build 1 failed: no build has succeeded since the watch started; the report "
            f"below, if any, is older.\n\n{tmp_path / 'map.yaml'}:1:1: error[AM101] cannot "
            "read: No such file or directory (file-unreadable)\n\n1 error in 1 of 1 file\n"
        )
    finally:
        server.httpd.server_close()
