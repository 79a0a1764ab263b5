"""Live preview while writing a map: rebuild the SVG and the report on every save, and
optionally serve them on localhost with a page that reloads when they change.

The report itself stays script-free (its Content-Security-Policy forbids scripts); the
reloading happens in a small wrapper page that only ``argmap watch --serve`` serves, and
that shows the report in a frame.
"""

from __future__ import annotations

import html
import os
import stat
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from argmap.config import CONFIG_NAMES
from argmap.diagnostics import Diagnostic
from argmap.paths import resolved
from argmap.pipeline import ConfigCache, load_map
from argmap.render import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Engine, RenderError
from argmap.render.settings import NOT_CHOSEN, DrawingChoice
from argmap.winnames import windows_name_problem
from argmap.write import cannot_write, write_atomic


@dataclass(frozen=True, slots=True)
class Build:
    """One rebuild: what was written (and why an output could not be), what was found, and
    the files it depends on."""

    number: int
    written: tuple[Path, ...]
    diagnostics: tuple[Diagnostic, ...]
    texts: dict[str, str]
    inputs: frozenset[Path]
    unwritten: tuple[str, ...] = ()  # "cannot write PATH: why", one per output refused
    # the project's configuration files (there or not): looked at on every tick of the watch,
    # not watched, since their folder is the project's root, which may hold a great many
    settings: frozenset[Path] = frozenset()
    # whether the map loaded and was evaluated, so that its report was made: False when the
    # map is missing, does not parse, or has errors; nothing is written then
    loaded: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """How the maps are laid out: the options ``argmap render`` takes for it."""

    engine: Engine = Engine.AUTO
    max_nodes: int = DEFAULT_MAX_NODES
    time_limit: float = DEFAULT_TIMEOUT
    drawing: DrawingChoice = NOT_CHOSEN  # the command line's drawing options, over the file's


def build_once(
    path: Path,
    out_dir: Path,
    number: int = 1,
    *,
    layout: Layout = Layout(),
) -> Build:
    """Check the map; when it resolves, write ``STEM.svg`` and ``STEM.html`` into out_dir. A
    drawing that cannot be made (a view over ``max_nodes``, a layout that fails or takes
    longer than ``time_limit``) is said in ``unwritten``; the report is written all the same
    (it describes a map it cannot draw)."""
    from argmap.commands.check import check_result
    from argmap.render import OutputFormat, RenderOptions, render_map
    from argmap.render.ids import report_link
    from argmap.render.settings import drawing_options
    from argmap.report_html import report
    from argmap.semantics.labels import Semantics
    from argmap.verify.evidence import quote_marks

    result = load_map(path)
    outcome, problems = check_result(result, ConfigCache(), Semantics.GROUNDED, 10.0)
    inputs = {resolved(path), *result.included, *result.awaited}
    root = result.root
    settings = frozenset() if root is None else frozenset(root / name for name in CONFIG_NAMES)
    written: list[Path] = []
    unwritten: list[str] = []
    if outcome.map is not None and outcome.evaluation is not None:
        inputs |= {s.path for s in outcome.map.sources.values() if s.path is not None}
        stem = path.stem
        status = {eid: c.status for eid, c in outcome.checks.items()}
        drawing = out_dir / f"{stem}.svg"
        svg: bytes | None = None
        try:
            svg = render_map(
                outcome.map,
                OutputFormat.SVG,
                engine=layout.engine,
                verdicts=outcome.evaluation.verdicts,
                quote_status=status,
                quote_marks=quote_marks(outcome.checks),
                options=drawing_options(
                    RenderOptions(
                        link_base=report_link(stem), standalone=True, max_nodes=layout.max_nodes
                    ),
                    outcome.map.drawing,
                    layout.drawing,  # all four settings: this is render's STEM.svg
                ),
                timeout=layout.time_limit,
            )
        except RenderError as exc:  # too large, or the layout failed: say so, keep watching
            unwritten.append(f"cannot draw {drawing}: {exc}")
        page = report(
            outcome,
            engine=layout.engine,
            max_nodes=layout.max_nodes,
            time_limit=layout.time_limit,
            drawing=layout.drawing,
        )
        outputs = [(drawing, svg), (out_dir / f"{stem}.html", page)]
        for target, data in ((t, d) for t, d in outputs if d is not None):
            problem = windows_name_problem(target.name)
            if problem is not None:  # refused as render and report refuse it
                unwritten.append(
                    f"cannot write {target}: it cannot be a file on Windows: {problem}; "
                    "rename the map"
                )
                continue
            try:
                write_atomic(target, data, named=False)  # files in the folder given
            except OSError as exc:  # a folder in the way, a full disk: say so, keep watching
                unwritten.append(cannot_write(target, exc))
                continue
            written.append(target)
    return Build(
        number,
        tuple(written),
        (*problems, *outcome.diagnostics),
        result.texts,
        frozenset(inputs),
        tuple(unwritten),
        settings,
        outcome.map is not None and outcome.evaluation is not None,
    )


# How long (ms) the watcher waits for a change before it yields an empty set: its first yield
# says that it is armed, and then the inputs are looked at again (see :func:`watch`).
ARMED_AFTER_MS = 200

# What a file is as far as a rebuild goes: (inode, size, mtime in ns), or None when missing.
Stamp = tuple[int, int, int] | None


def watch(
    path: Path,
    out_dir: Path,
    on_build: Callable[[Build], None],
    stop: threading.Event | None = None,
    *,
    force_polling: bool | None = None,
    layout: Layout = Layout(),
) -> None:
    """Build now, then again whenever the map, a file it includes, a source it quotes or the
    project's configuration changes, until ``stop`` is set (or Ctrl-C).

    The folders watched are those of the last build's inputs: a save that cites a new source
    or includes a new file (or mends a map that did not load, whose sources were unknown)
    moves the watch to them. A folder that does not exist yet is watched from the nearest
    one above it that does, so creating the source is seen too.

    A watcher sees only what is saved once it is armed: a save made after a build read its
    inputs and before the next watcher is armed (at the start, and each time the watch moves)
    would be missed. So each input is stamped before the build reads it (or, for an input
    the build found, just after), and as soon as the watcher is armed the stamps are taken
    again: when one differs, the map is built again. The configuration's stamps are taken
    again on every tick (:data:`ARMED_AFTER_MS`).
    """
    from watchfiles import watch as watch_files

    build, seen = _build(path, out_dir, 1, frozenset(), layout)
    on_build(build)
    while True:
        folders = watched_folders(path, build.inputs)
        armed = False
        for changes in watch_files(
            *folders,
            stop_event=stop,
            force_polling=force_polling,
            debounce=200,
            raise_interrupt=False,
            rust_timeout=ARMED_AFTER_MS,
            yield_on_timeout=True,
        ):
            changed = {resolved(Path(name)) for _, name in changes}
            missed = not armed and stamps(seen) != seen
            armed = True
            configured = stamps(build.settings) != {file: seen[file] for file in build.settings}
            if missed or configured or changed & build.inputs or resolved(path) in changed:
                known = build.inputs | build.settings
                build, seen = _build(path, out_dir, build.number + 1, known, layout)
                on_build(build)
                if watched_folders(path, build.inputs) != folders:
                    break  # watch where the inputs now are
        else:
            return  # stopped


def _build(
    path: Path, out_dir: Path, number: int, known: frozenset[Path], layout: Layout
) -> tuple[Build, dict[Path, Stamp]]:
    """Build, with the stamps of its inputs and settings: those of ``known`` files (the last
    build's) taken before it reads them, those of the files new to it just after."""
    before = stamps(known | {resolved(path)})
    build = build_once(path, out_dir, number, layout=layout)
    files = build.inputs | build.settings
    after = stamps(files - before.keys())
    return build, {file: before.get(file, after.get(file)) for file in files}


def stamps(files: Iterable[Path]) -> dict[Path, Stamp]:
    """The :data:`Stamp` of each file, as it is now."""
    found: dict[Path, Stamp] = {}
    for file in files:
        try:
            info = file.stat()
        except OSError:  # gone, or not readable: a change all the same
            found[file] = None
            continue
        found[file] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def watched_folders(path: Path, inputs: frozenset[Path]) -> list[Path]:
    """The folders to watch for ``inputs`` (and the map itself), each the nearest existing
    folder above the file: watchfiles refuses a path that does not exist."""
    folders: set[Path] = set()
    for file in (*inputs, resolved(path)):
        folder = file.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        folders.add(folder)
    return sorted(folders)


WRAPPER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>argmap watch: {name}</title>
<style>
html,body{{margin:0;height:100%}}
body{{display:flex;flex-direction:column}}
#errors{{flex:none;margin:0;padding:.75em 1em;max-height:50vh;overflow:auto;
 white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;
 background:#fdecea;color:#5f1410;border-bottom:3px solid #b3261e}}
#errors[hidden]{{display:none}}
iframe{{flex:1;margin:0;border:0;width:100%}}
</style>
</head><body>
<pre id="errors" role="alert"{hidden}>{errors}</pre>
<iframe id="report" src="{name}" title="argmap report"></iframe>
<script>
let seen = "{version}";
async function poll() {{
  try {{
    const version = await (await fetch("/__version", {{cache: "no-store"}})).text();
    if (version !== seen) {{
      const errors = await (await fetch("/__errors", {{cache: "no-store"}})).text();
      const box = document.getElementById("errors");
      box.textContent = errors;
      box.hidden = errors === "";
      if (errors === "") {{
        document.getElementById("report").contentWindow.location.reload();
      }}
    }}
    seen = version;
  }} catch (e) {{}}
  setTimeout(poll, 500);
}}
poll();
</script>
</body></html>
"""


def failure_text(build: Build, last_good: int | None) -> str:
    """What the preview shows above the report while the map does not build: which build
    failed, which build the report below is from, and the diagnostics as the terminal shows
    them (without colour). Plain text: the page puts it in as text, never as markup."""
    from argmap.report import render_report

    below = (
        "no build has succeeded since the watch started; the report below, if any, is older"
        if last_good is None
        else f"the report below is from build {last_good}, the last good one"
    )
    found = render_report("text", build.diagnostics, sources=build.texts, files_checked=1)
    return f"Build {build.number} failed: {below}.\n\n{found}"


def read_regular_file(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a regular file, not a symbolic link (to anything,
    checked as it is opened, not before); None otherwise, or when it cannot be read."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):  # a link (ELOOP), missing, a NUL byte, a name too long
        return None
    try:
        with os.fdopen(handle, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None
            return file.read()
    except OSError:
        return None


class PreviewServer:
    """Serves, on 127.0.0.1 only, what the preview of one map needs: ``/`` (the reloading
    wrapper), ``/__version`` (the build number it polls), and the map's report and drawing
    in out_dir (``page``, and the SVG of the same name), never a symbolic link; 404 for
    anything else, whatever else out_dir holds. It answers requests for ``127.0.0.1:PORT``
    or ``localhost:PORT`` only (any other ``Host`` is refused: 403)."""

    def __init__(self, out_dir: Path, page: str, port: int = 8000) -> None:
        self.out_dir = resolved(out_dir)
        self.page = page
        self.files = frozenset({page, page.removesuffix(".html") + ".svg"})
        self.version = 0
        self.errors = ""  # the failure of the last build, "" when it built
        self.last_good: int | None = None
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def handle(self) -> None:
                try:
                    super().handle()
                except ConnectionError:  # a tab closed or reloaded mid-answer: nobody to tell
                    self.close_connection = True

            def do_GET(self) -> None:
                self.answer(with_body=True)

            def do_HEAD(self) -> None:  # curl -I, link checkers: GET's headers, no body
                self.answer(with_body=False)

            def answer(self, *, with_body: bool) -> None:
                if not server.allows_host(self.headers.get("Host")):
                    self.send_error(HTTPStatus.FORBIDDEN)
                    return
                body, kind = server.respond(self.path)
                if body is None:
                    self.send_error(HTTPStatus.NOT_FOUND)
                    return
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", kind)
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return  # quiet: the terminal shows builds, not requests

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def allows_host(self, host: str | None) -> bool:
        """Whether a request names this server as its host. Binding to 127.0.0.1 keeps other
        machines out, not other sites: a page whose domain comes to resolve to 127.0.0.1 (DNS
        rebinding) reaches the server as its own origin, and could read the report; it names
        its own domain in ``Host``."""
        if host is None:
            return False
        names = ("127.0.0.1", "localhost")
        allowed = {f"{name}:{self.port}" for name in names}
        if self.port == 80:  # a browser leaves the default port out
            allowed.update(names)
        return host.lower() in allowed

    def show(self, build: Build) -> None:
        """Serve the state ``build`` leaves: its failure (kept in memory: the files of the
        last good build stay as they are), or none; then its number, which the page polls."""
        with self.lock:
            if build.loaded:
                self.last_good = build.number
                self.errors = ""
            else:
                self.errors = failure_text(build, self.last_good)
            self.version = build.number

    def respond(self, request_path: str) -> tuple[bytes | None, str]:
        name = urllib.parse.unquote(request_path.split("?", 1)[0].lstrip("/"))
        with self.lock:
            version, errors = self.version, self.errors
        if name == "":
            # the file name comes from the user's disk, the errors quote the map: escaped,
            # so neither can ever be markup
            page = WRAPPER.format(
                name=html.escape(urllib.parse.quote(self.page), quote=True),
                errors=html.escape(errors, quote=True),
                hidden="" if errors else " hidden",
                version=version,
            )
            return page.encode("utf-8"), "text/html; charset=utf-8"
        if name == "__version":
            return str(version).encode("ascii"), "text/plain"
        if name == "__errors":
            return errors.encode("utf-8"), "text/plain; charset=utf-8"
        if name not in self.files:
            return None, ""  # only the map's report and drawing: not the rest of the folder
        body = read_regular_file(self.out_dir / name)
        if body is None:
            return None, ""
        kinds = {".html": "text/html; charset=utf-8", ".svg": "image/svg+xml"}
        return body, kinds[Path(name).suffix]

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
