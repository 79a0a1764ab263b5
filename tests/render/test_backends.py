"""The engines: choosing one, the errors when none can make a format, and the finishing of
SVG, PNG and PDF (stamps, constant dates, the safety check)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.argument_map import ArgumentMap
from argmap.render import (
    Engine,
    GraphvizNotFound,
    LayoutFailed,
    OutputFormat,
    UnsafeSvg,
    UnsupportedFormat,
    dot_source,
    is_current,
    render_source,
)
from argmap.render.backends import DOT_MEMORY_LIMIT, layout, resolve_engine
from argmap.render.raster import PNG_SIGNATURE, normalize_pdf, read_png_stamp, stamp_png
from argmap.render.svg import _LOWER_ONE_SPACE, check_safe, finish_svg, read_stamp

from .conftest import MONTEBELLO, fake_dot

TINY = 'digraph argmap {\n\t"claim/a" [label="a"]\n}\n'


@pytest.mark.exe
def test_auto_is_the_system_dot_when_it_is_on_path() -> None:
    assert resolve_engine(Engine.AUTO, OutputFormat.SVG) is Engine.SYSTEM
    assert resolve_engine(Engine.AUTO, OutputFormat.PNG) is Engine.SYSTEM


@pytest.mark.usefixtures("no_dot")
def test_auto_is_the_embedded_build_without_dot() -> None:
    assert resolve_engine(Engine.AUTO, OutputFormat.SVG) is Engine.EMBEDDED
    svg = render_source(TINY, OutputFormat.SVG)
    assert svg.startswith(b"<?xml") and b'class="node"' in svg


@pytest.mark.usefixtures("no_dot")
@pytest.mark.parametrize("fmt", [OutputFormat.PNG, OutputFormat.PDF])
def test_png_or_pdf_without_dot_says_how_to_install_it(fmt: OutputFormat) -> None:
    with pytest.raises(GraphvizNotFound, match="apt-get install graphviz") as raised:
        render_source(TINY, fmt)
    assert fmt.value.upper() in str(raised.value)
    assert "--format svg" in str(raised.value)


@pytest.mark.usefixtures("no_dot")
def test_the_system_engine_without_dot() -> None:
    with pytest.raises(GraphvizNotFound, match="--engine embedded"):
        render_source(TINY, OutputFormat.SVG, Engine.SYSTEM)


_INSTALL = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; "
    "macOS: brew install graphviz; Windows: winget install graphviz) so that 'dot' is on PATH"
)


@pytest.mark.usefixtures("no_dot")
@pytest.mark.parametrize(
    ("fmt", "engine", "message"),
    [
        (
            OutputFormat.SVG,
            Engine.SYSTEM,
            f"the Graphviz program 'dot' is not on PATH: {_INSTALL}, or use --engine embedded "
            "(or auto), which renders SVG without it",
        ),
        (
            OutputFormat.PNG,
            Engine.SYSTEM,
            f"the Graphviz program 'dot' is not on PATH: {_INSTALL}, or ask for SVG "
            "(--format svg) with --engine embedded (or auto), which renders it without 'dot'",
        ),
        (
            OutputFormat.PDF,
            Engine.EMBEDDED,
            f"the embedded Graphviz makes SVG only, not PDF; for PDF, {_INSTALL}, or ask for "
            "SVG (--format svg), which argmap renders without it",
        ),
    ],
)
def test_without_dot_the_advice_fits_what_was_asked(
    fmt: OutputFormat, engine: Engine, message: str
) -> None:
    """Each way out that the message offers works: SVG was asked for already, and the
    embedded build makes no PNG."""
    with pytest.raises((GraphvizNotFound, UnsupportedFormat)) as raised:
        resolve_engine(engine, fmt)
    assert str(raised.value) == message


@pytest.mark.exe
@pytest.mark.parametrize("fmt", [OutputFormat.PNG, OutputFormat.PDF])
def test_png_or_pdf_from_the_embedded_build_with_dot_on_path(fmt: OutputFormat) -> None:
    """'dot' is there: the way to PNG is to use it, not to install Graphviz."""
    with pytest.raises(UnsupportedFormat) as raised:
        resolve_engine(Engine.EMBEDDED, fmt)
    name = fmt.value.upper()
    assert str(raised.value) == (
        f"the embedded Graphviz makes SVG only, not {name}; for {name}, use --engine system "
        "(or auto), which runs the Graphviz program 'dot' on PATH"
    )


def _embedded_render_in_a_new_process(cache: Path, out: Path) -> bytes:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = ["render", str(MONTEBELLO), "-o", str(out), "--engine", "embedded"]
    subprocess.run(
        [sys.executable, "-m", "argmap", *command],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (out / "montebello.svg").read_bytes()


def test_the_embedded_engine_keeps_its_compiled_webassembly_in_the_user_cache(
    tmp_path: Path,
) -> None:
    """Compiling Graphviz's WebAssembly takes about half a second in every process; wasmtime's
    cache (under ``$XDG_CACHE_HOME/wasmtime``) keeps the machine code, and a later process
    loads it instead. The drawing does not depend on it."""
    cache = tmp_path / "cache"

    def compiled() -> dict[Path, int]:
        """The cached modules (not wasmtime's .stats and clean-up files), by modification time."""
        modules = (cache / "wasmtime" / "modules").rglob("*")
        return {p: p.stat().st_mtime_ns for p in modules if p.is_file() and not p.suffix}

    first = _embedded_render_in_a_new_process(cache, tmp_path / "first")
    written = compiled()
    assert len(written) == 1, "wasmtime cached no module"
    assert next(iter(written)).stat().st_size > 1_000_000  # Graphviz's machine code
    again = _embedded_render_in_a_new_process(cache, tmp_path / "again")
    assert again == first
    assert compiled() == written  # loaded, not compiled and written again


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    svg = _embedded_render_in_a_new_process(blocked, tmp_path / "out")
    assert svg.startswith(b"<?xml")


@pytest.mark.parametrize("fmt", [OutputFormat.PNG, OutputFormat.PDF])
def test_the_embedded_engine_makes_no_png_or_pdf(fmt: OutputFormat) -> None:
    with pytest.raises(UnsupportedFormat, match="SVG only"):
        render_source(TINY, fmt, Engine.EMBEDDED)


def test_dot_output_needs_no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert layout(TINY, OutputFormat.DOT, Engine.SYSTEM) == TINY.encode()


@pytest.mark.parametrize(
    "engine", [pytest.param(Engine.SYSTEM, marks=pytest.mark.exe), Engine.EMBEDDED]
)
def test_broken_dot_is_a_layout_error(engine: Engine) -> None:
    with pytest.raises(LayoutFailed):
        render_source("digraph { a -> }", OutputFormat.SVG, engine)
    # the embedded engine still works after a failure
    assert b"<svg" in render_source(TINY, OutputFormat.SVG, engine)


def _fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """A ``dot`` on PATH that reads its input, then runs ``script`` (sh)."""
    fake_dot(tmp_path, monkeypatch, f"cat >/dev/null\n{script}")


def _dot_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: bytes) -> None:
    """A ``dot`` on PATH that prints ``output`` and exits 0, whatever it is asked for."""
    printed = tmp_path / "printed"
    printed.write_bytes(output)
    _fake_dot(tmp_path, monkeypatch, f"cat '{printed}'\nexit 0")


@pytest.mark.parametrize(
    ("fmt", "output"),
    [
        (OutputFormat.SVG, b""),
        (OutputFormat.SVG, b"garbage"),
        (OutputFormat.SVG, b'<?xml version="1.0"?>\n<svg width="1pt">\n<g>'),  # cut short
        (OutputFormat.SVG, b"<html></html>\n"),
        (OutputFormat.PNG, b""),
        (OutputFormat.PNG, b"GIF89a"),
        (OutputFormat.PNG, PNG_SIGNATURE),  # the signature alone
        (OutputFormat.PNG, PNG_SIGNATURE + b"\x00\x00\x00\x0dIHDR\x00\x00"),  # cut short
        (OutputFormat.PDF, b""),
        (OutputFormat.PDF, b"%PDF-1.5\n1 0 obj"),  # cut short: no %%EOF
    ],
    ids=[
        "svg-empty",
        "svg-garbage",
        "svg-cut",
        "svg-html",
        "png-empty",
        "png-gif",
        "png-signature",
        "png-cut",
        "pdf-empty",
        "pdf-cut",
    ],
)
def test_a_dot_that_writes_no_drawing_is_a_layout_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: OutputFormat, output: bytes
) -> None:
    _dot_printing(tmp_path, monkeypatch, output)
    with pytest.raises(LayoutFailed) as raised:
        render_source(TINY, fmt, Engine.SYSTEM)
    name = fmt.value.upper()
    assert str(raised.value) == (
        f"Graphviz 'dot' wrote no {name}: its output ({len(output)} bytes) is not a whole "
        f"{name} file; check that the 'dot' on PATH is Graphviz (dot -V)"
    )


@pytest.mark.parametrize(
    ("fmt", "output"),
    [
        (OutputFormat.SVG, b'<?xml version="1.0"?>\n<svg width="1pt">\n</svg>\n'),
        (OutputFormat.PNG, PNG_SIGNATURE + b"\x00\x00\x00\x00IEND\xaeB`\x82"),
        (OutputFormat.PDF, b"%PDF-1.5\n1 0 obj\n%%EOF\n"),
    ],
    ids=["svg", "png", "pdf"],
)
def test_output_with_its_formats_signature_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: OutputFormat, output: bytes
) -> None:
    _dot_printing(tmp_path, monkeypatch, output)
    assert layout(TINY, fmt, Engine.SYSTEM) == output


def test_a_dot_killed_by_a_signal_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_dot(tmp_path, monkeypatch, "kill -9 $$")
    with pytest.raises(LayoutFailed) as raised:
        layout(TINY, OutputFormat.SVG, Engine.SYSTEM)
    assert str(raised.value) == (
        "Graphviz 'dot' was killed by signal 9 (SIGKILL), perhaps out of memory"
    )


def test_a_dot_that_crashes_says_which_signal_and_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_dot(tmp_path, monkeypatch, "echo 'Error: something broke' >&2\nkill -SEGV $$")
    with pytest.raises(LayoutFailed) as raised:
        layout(TINY, OutputFormat.SVG, Engine.SYSTEM)
    assert str(raised.value) == (
        "Graphviz 'dot' was killed by signal 11 (SIGSEGV): Error: something broke"
    )
    assert raised.value.stderr == "Error: something broke\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prlimit is Linux only")
def test_dot_may_use_no_more_memory_than_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map dense enough drove dot to 23 GB, the whole machine, before it failed: dot runs
    with an address-space limit (this stand-in prints the limit it was given)."""
    _fake_dot(tmp_path, monkeypatch, 'echo "<svg>$(ulimit -v)</svg>"')
    drawn = layout(TINY, OutputFormat.SVG, Engine.SYSTEM)
    assert drawn == f"<svg>{DOT_MEMORY_LIMIT // 1024}</svg>\n".encode()


@pytest.mark.parametrize("end", ["exit 1", "kill -SEGV $$"])  # Graphviz 2.43 does both
def test_dot_out_of_memory_names_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, end: str
) -> None:
    _fake_dot(tmp_path, monkeypatch, f"echo 'out of memory' >&2\n{end}")
    with pytest.raises(LayoutFailed) as raised:
        layout(TINY, OutputFormat.SVG, Engine.SYSTEM)
    assert str(raised.value) == (
        "Graphviz 'dot' ran out of the 4 GB of memory argmap allows it: the map is too dense "
        "to draw whole; draw a part of it with --focus CLAIM --depth N"
    )


# A graph the embedded Graphviz takes minutes over (many crossings to minimise).
SLOW = (
    "digraph {\n"
    + "".join(
        f"n{i} -> n{(i * 7 + 3) % 1500}; n{i} -> n{(i * 13 + 5) % 1500};\n" for i in range(1500)
    )
    + "}\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stoppable on Linux only")
@pytest.mark.usefixtures("forks")
def test_the_embedded_engine_is_stopped_after_the_timeout() -> None:
    with pytest.raises(LayoutFailed) as raised:
        layout(SLOW, OutputFormat.SVG, Engine.EMBEDDED, timeout=0.3)
    assert str(raised.value) == (
        "the embedded Graphviz did not finish within 0.3 s and was stopped; draw a part of "
        "the map with --focus CLAIM --depth N, or allow more time with --time-limit"
    )
    # the layout ran in a child: this process's embedded Graphviz is untouched
    assert b"<svg" in layout(TINY, OutputFormat.SVG, Engine.EMBEDDED, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stoppable on Linux only")
def test_the_embedded_engine_draws_the_same_in_a_child(
    grammar: ArgumentMap, forks: list[int]
) -> None:
    source = dot_source(grammar)
    in_child = layout(source, OutputFormat.SVG, Engine.EMBEDDED, timeout=60)
    assert len(forks) == 1
    here = layout(source, OutputFormat.SVG, Engine.EMBEDDED, timeout=None)
    assert len(forks) == 1  # no limit: no child
    assert in_child == here
    with pytest.raises(LayoutFailed, match=r"^the embedded Graphviz failed: "):
        layout("digraph { a -> }", OutputFormat.SVG, Engine.EMBEDDED, timeout=60)
    assert len(forks) == 2


def test_svg_stamp_replaces_the_graphviz_version() -> None:
    svg = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        b"<!-- Generated by graphviz version 2.43.0 (0)\n -->\n"
        b'<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Arial">x</text></svg>\n'
    )
    finished = finish_svg(svg, "a" * 64)
    assert b"graphviz version" not in finished
    assert read_stamp(finished) == "a" * 64
    assert b'font-family="Arial,Helvetica,sans-serif"' in finished
    assert read_stamp(b"<svg/>") is None


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><g onclick="alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<a xlink:href=" JavaScript:alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
        b'<svg><a href="&#106;avascript:alert(1)"/></svg>',
        b"<svg><a href='data:text/html,x'/></svg>",
        b'<svg><g id="x"\n\tONLOAD = "alert(1)"/></svg>',
        b"<svg><svg:animateTransform/></svg>",
    ],
)
def test_unsafe_svg_is_refused(svg: bytes) -> None:
    with pytest.raises(UnsafeSvg):
        check_safe(svg)


@pytest.mark.parametrize("at", [0, (1 << 20) - 10, (1 << 20) + 5, 3 * (1 << 20) - 40])
@pytest.mark.parametrize(
    "unsafe",
    [b'<g id="x"\n ONLOAD="alert(1)"/>', b"<a href=' javascript:x'/>", b"<SCRIPT/>"],
)
def test_an_unsafe_tag_anywhere_in_a_large_svg_is_refused(at: int, unsafe: bytes) -> None:
    """The scan goes through a large SVG a part at a time (parts end before a "<"): a tag
    just before, across or after where a part would end is seen whole."""
    safe = b'<text x="1">onload= an onclick="word" in text</text>\n'
    body = safe * (3 * (1 << 20) // len(safe))
    svg = b"<svg>" + body[:at] + unsafe + body[at:] + b"</svg>"
    check_safe(b"<svg>" + body + b"</svg>")
    with pytest.raises(UnsafeSvg):
        check_safe(svg)


def test_the_scan_reads_each_byte_lowered_and_whitespace_as_a_space() -> None:
    # One translation table does what lower() then the whitespace table did, for every byte.
    every = bytes(range(256))
    spaced = every.lower().translate(bytes.maketrans(b"\t\n\r\x0b\x0c", b"     "))
    assert every.translate(_LOWER_ONE_SPACE) == spaced


def test_handlers_in_text_or_values_are_only_text() -> None:
    check_safe(
        b'<svg><a xlink:title="x onload=alert(1) onerror=" href="#claim-x">'
        b"<text>&lt;script&gt; onclick=alert(1) onload=</text></a></svg>"
    )


def test_png_stamp_round_trip() -> None:
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00\xff\xff\xff")

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    png = PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    assert read_png_stamp(png) is None
    stamped = stamp_png(png, "b" * 64)
    assert read_png_stamp(stamped) == "b" * 64
    assert stamped.startswith(png[:33]) and stamped.endswith(png[33:])


def test_pdf_dates_are_made_constant_keeping_their_length() -> None:
    pdf = b"<< /CreationDate (D:20261128011357Z)\n /ModDate (D:20261128011357+01'00') >>"
    fixed = normalize_pdf(pdf)
    assert len(fixed) == len(pdf)
    assert b"(D:19700101000000Z)" in fixed
    assert b"2026" not in fixed


@pytest.mark.exe
def test_png_and_pdf_are_deterministic(grammar: ArgumentMap) -> None:
    source = dot_source(grammar)
    for fmt in (OutputFormat.PNG, OutputFormat.PDF):
        first = render_source(source, fmt)
        assert render_source(source, fmt) == first
        assert is_current(first, source, fmt)
    png = render_source(source, OutputFormat.PNG)
    assert png.startswith(PNG_SIGNATURE)
    assert render_source(source, OutputFormat.PDF).startswith(b"%PDF")


def test_is_current_reads_the_stamp(grammar: ArgumentMap, montebello: ArgumentMap) -> None:
    source = dot_source(grammar)
    svg = render_source(source, OutputFormat.SVG, Engine.EMBEDDED)
    assert is_current(svg, source, OutputFormat.SVG)
    assert not is_current(svg, dot_source(montebello), OutputFormat.SVG)
    assert is_current(source.encode(), source, OutputFormat.DOT)
    assert not is_current(source.encode() + b" ", source, OutputFormat.DOT)


@pytest.mark.exe
def test_a_png_cut_short_after_its_stamp_is_stale(grammar: ArgumentMap) -> None:
    """As an SVG with a stamp and no drawing: the stamp says which DOT, not that the
    drawing is all there (a PNG ends with its IEND chunk)."""
    source = dot_source(grammar)
    png = render_source(source, OutputFormat.PNG, Engine.SYSTEM)
    assert is_current(png, source, OutputFormat.PNG)
    assert not is_current(png[: len(png) // 2], source, OutputFormat.PNG)


def test_the_dot_holds_only_attributes_argmap_chose() -> None:
    import graphviz

    from argmap.render.statements import add_node

    with pytest.raises(ValueError, match="image"):
        add_node(graphviz.Digraph(), "claim/x", {"label": "x", "image": "/etc/passwd"})
    unknown = {"shapefile": "x", "label": "x", "image": "y", "id": "a"}
    with pytest.raises(ValueError) as refused:
        add_node(graphviz.Digraph(), "claim/x", unknown)
    assert str(refused.value) == "attributes argmap does not write: ['image', 'shapefile']"


# ``dot`` on PATH that cannot be run: what each says when run, and the sh script that is it.
BROKEN_DOTS = {
    "missing-interpreter": ("its #! line names a program that is not there", None),
    "not-a-program": ("Exec format error", None),
    "missing-library": (
        "exit status 127: dot: error while loading shared libraries: libgvc.so.6: cannot open "
        "shared object file: No such file or directory",
        "echo 'dot: error while loading shared libraries: libgvc.so.6: cannot open shared "
        "object file: No such file or directory' >&2\nexit 127",
    ),
    "wrapped-not-executable": (
        "exit status 126: /opt/graphviz/bin/dot: Permission denied",
        "echo '/opt/graphviz/bin/dot: Permission denied' >&2\nexit 126",
    ),
}


def _broken_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    script = BROKEN_DOTS[kind][1]
    if script is not None:
        fake_dot(tmp_path, monkeypatch, script)
        return tmp_path / "bin" / "dot"
    folder = tmp_path / "bin"
    folder.mkdir()
    dot = folder / "dot"
    if kind == "missing-interpreter":
        dot.write_text("#!/nonexistent/sh\n", encoding="utf-8")
    else:  # executable, but no program: neither a #! line nor a binary
        dot.write_bytes(b"\x00\x01 garbage\n")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return dot


@pytest.mark.parametrize("kind", list(BROKEN_DOTS))
@pytest.mark.parametrize("engine", [Engine.AUTO, Engine.SYSTEM])
def test_a_dot_that_cannot_be_run_points_svg_to_the_embedded_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, engine: Engine
) -> None:
    """``--engine auto`` picks a dot on PATH even if it cannot run: the hint 'ask for SVG'
    did not help for SVG (auto picks it again). It names ``--engine embedded``, which needs
    no dot, and does not fall back to it quietly: a broken Graphviz is the user's to know."""
    dot = _broken_dot(tmp_path, monkeypatch, kind)
    with pytest.raises(GraphvizNotFound) as raised:
        layout(TINY, OutputFormat.SVG, engine)
    assert str(raised.value) == (
        f"the Graphviz program 'dot' on PATH ({dot}) cannot be run ({BROKEN_DOTS[kind][0]}): "
        "repair or reinstall Graphviz (dot -V shows whether it runs), or use --engine "
        "embedded, which renders SVG without it"
    )


@pytest.mark.parametrize("kind", ["missing-interpreter", "missing-library"])
@pytest.mark.parametrize("fmt", [OutputFormat.PNG, OutputFormat.PDF])
def test_a_dot_that_cannot_be_run_for_png_or_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, fmt: OutputFormat
) -> None:
    """'ask for SVG (--format svg)' alone would run the same broken dot under auto."""
    dot = _broken_dot(tmp_path, monkeypatch, kind)
    with pytest.raises(GraphvizNotFound) as raised:
        layout(TINY, fmt, Engine.AUTO)
    name = fmt.value.upper()
    assert str(raised.value) == (
        f"the Graphviz program 'dot' on PATH ({dot}) cannot be run ({BROKEN_DOTS[kind][0]}): "
        f"{name} needs it; repair or reinstall Graphviz (dot -V shows whether it runs), or "
        "ask for SVG with --format svg --engine embedded, which renders it without 'dot'"
    )


def test_a_dot_that_cannot_be_run_is_said_once_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dot = _broken_dot(tmp_path, monkeypatch, "missing-library")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(MONTEBELLO), str(MONTEBELLO), "-o", out],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"argmap: the Graphviz program 'dot' on PATH ({dot}) cannot be run (exit status 127: "
        "dot: error while loading shared libraries: libgvc.so.6: cannot open shared object "
        "file: No such file or directory): repair or reinstall Graphviz (dot -V shows whether "
        "it runs), or use --engine embedded, which renders SVG without it\n"
    )
    assert not out.exists()
