"""``make bench``: argmap side by side with Argdown and the floors, on the same synthetic maps.

For each task and size it runs argmap and a reference command alternately, several times, and
reports the median wall time and the median peak memory of each, their ratio, and whether the
target of issue 8 holds. The references:

* ``@argdown/cli`` 1.7.5 on the equivalent Argdown file (installed from npm into
  ``benchmarks/.cache/argdown`` on first use);
* bare ``dot -Tsvg`` on argmap's own DOT (``argmap render --format dot``): the floor for rendering;
* a bare ``yaml.load`` of the same file with PyYAML's C loader, in a fresh interpreter: the floor
  for loading.

Wall time is ``time.perf_counter`` around the child process; peak memory is its ``ru_maxrss``
as GNU ``time -f %M`` reports it (``wait4``: the largest resident set of the command or of any
descendant it waited for, e.g. ``dot`` under ``argmap render``). The table is printed and
written to ``benchmarks/RESULTS.md`` with the machine it ran on; the raw numbers go to
``benchmarks/out/results.json``.

    python benchmarks/run.py                 # everything (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick         # 100 and 1,000 claims, one run each
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

CACHE = HERE / ".cache"
OUT = HERE / "out"
ARGDOWN_VERSION = "1.7.5"
ARGDOWN_PREFIX = CACHE / "argdown"
ARGDOWN_BIN = ARGDOWN_PREFIX / "node_modules" / ".bin" / "argdown"
SIZES = (100, 1_000, 5_000, 20_000)
RENDER_SIZES = (100, 1_000, 5_000)  # 20,000 claims: load, validate and check only
BATCH_FILES = 1_000
BATCH_CLAIMS = 8
SEED = 1
SLOW = 2.0  # seconds: a warm-up run this slow counts as a measured run
YAML_FLOOR = (
    "import sys, yaml\n"
    "with open(sys.argv[1], 'rb') as f:\n"
    "    yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


# -- measuring -------------------------------------------------------------------------------


@dataclass(slots=True)
class Sample:
    seconds: float
    peak_mb: float
    returncode: int
    timed_out: bool = False


@dataclass(slots=True)
class Measurement:
    """The median of several runs of one command; ``error`` when a run failed."""

    command: list[str]
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return statistics.median(s.peak_mb for s in self.samples)

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.samples)


# Why a wrapper: a child forked from this (large) Python process would count the parent's
# pages in its ru_maxrss until it execs. GNU time is ~1 MB; the fallback wrapper is a bare
# Python (about 8 MB, which then is the floor of what can be seen).
FALLBACK_WRAPPER = """\
import os, sys
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}\\n")
sys.exit(min(max(os.waitstatus_to_exitcode(status), 0), 255))
"""


def _gnu_time() -> str | None:
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if path is None:
        return None
    done = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    return path if "GNU" in done.stdout + done.stderr else None


GNU_TIME = _gnu_time()


def wrapped(command: Sequence[str], rss_file: Path) -> list[str]:
    """``command`` under a small process that writes the child's peak RSS (KB) to a file."""
    if GNU_TIME is not None:
        return [GNU_TIME, "-f", "%M %x", "-o", str(rss_file), *command]
    return [sys.executable, "-S", "-c", FALLBACK_WRAPPER, str(rss_file), *command]


def run_once(command: Sequence[str], cwd: Path, timeout: float) -> tuple[Sample, str]:
    """Run ``command`` once: wall time, peak memory and the tail of its error output."""
    err_path = OUT / "last-stderr.txt"
    rss_path = OUT / "last-rss.txt"
    rss_path.unlink(missing_ok=True)
    with open(os.devnull, "wb") as devnull, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped(command, rss_path),
            cwd=cwd,
            stdout=devnull,
            stderr=err,
            start_new_session=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            code = proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    tail = err_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    peak_kb = 0.0
    with contextlib.suppress(OSError, ValueError, IndexError):
        last = rss_path.read_text(encoding="utf-8").strip().splitlines()[-1].split()
        peak_kb, code = float(last[0]), int(last[1])
    return Sample(seconds, peak_kb / 1024, code, timed_out.is_set()), tail


def measure(
    commands: Sequence[Sequence[str]],
    runs: int,
    cwd: Path = OUT,
    timeout: float = 600.0,
    warmup: bool = True,
    ok_codes: frozenset[int] = frozenset({0}),
) -> list[Measurement]:
    """Run each command ``runs`` times, interleaved (A B A B ...) so that a busy moment on a
    shared machine falls on all of them alike. A first warm-up round fills the caches; when it
    is slow (``SLOW``) it counts as a run, the caches being warm enough after that long."""
    results = [Measurement(list(c)) for c in commands]
    for round_no in range(runs + (1 if warmup else 0)):
        for command, result in zip(commands, results, strict=True):
            if result.error is not None:
                continue
            if round_no > 0 and len(result.samples) >= runs:
                continue
            sample, tail = run_once(command, cwd, timeout)
            if sample.timed_out:
                result.error = f"timed out after {timeout:.0f} s"
                result.samples = [sample]
            elif sample.returncode not in ok_codes:
                last = tail.strip().splitlines()[-1:] if tail.strip() else ["no message"]
                result.error = f"exit {sample.returncode} after {sample.seconds:.1f} s: {last[0]}"
                result.samples = [sample]
            elif round_no > 0 or not warmup or sample.seconds >= SLOW:
                result.samples.append(sample)
    return results


# -- the table -------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    task: str
    n: str
    argmap: Measurement | None
    reference_name: str
    reference: Measurement | None
    target: str = "—"
    limit: float | None = None  # the ratio (or seconds, with ``absolute``) not to exceed
    absolute: bool = False
    note: str = ""
    ratio_override: float | None = None
    passed_override: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.ratio_override is not None:
            return self.ratio_override
        if self.absolute or self.argmap is None or self.reference is None:
            return None
        if not (self.argmap.ok and self.reference.ok):
            return None
        return self.argmap.seconds / self.reference.seconds

    @property
    def passed(self) -> bool | None:
        if self.passed_override is not None:
            return self.passed_override
        if self.limit is None:
            return None
        if self.argmap is not None and not self.argmap.ok:
            return False
        if self.absolute:
            if self.argmap is None or not self.argmap.ok:
                return False
            return self.argmap.seconds <= self.limit
        ratio = self.ratio
        return None if ratio is None else ratio <= self.limit


def _cell(m: Measurement | None) -> tuple[str, str]:
    if m is None:
        return "—", "—"
    if not m.ok:
        return f"failed: {m.error}", "—"
    return f"{m.seconds:.3f}", f"{m.peak_mb:.0f}"


def table(rows: Sequence[Row]) -> str:
    head = (
        "| task | N | argmap s | argmap MB | reference | ref s | ref MB | ratio | target | result |"
    )
    lines = [head, "|---|---:|---:|---:|---|---:|---:|---:|---|---|"]
    for r in rows:
        a_s, a_mb = _cell(r.argmap)
        r_s, r_mb = _cell(r.reference)
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}"
        result = {True: "**pass**", False: "**FAIL**", None: ""}[r.passed]
        if r.note:
            result = f"{result} {r.note}".strip()
        lines.append(
            f"| {r.task} | {r.n} | {a_s} | {a_mb} | {r.reference_name} | {r_s} | {r_mb} "
            f"| {ratio} | {r.target} | {result} |"
        )
    return "\n".join(lines)


# -- the machine -----------------------------------------------------------------------------


def _first_line(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def machine(python: Path) -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": f"{usable} usable of {os.cpu_count()}",
        "ram": ram,
        "os": platform.platform(),
        "python": _first_line([str(python), "--version"]),
        "graphviz": _first_line(["dot", "-V"]),
        "node": _first_line(["node", "--version"]),
        "argdown": _first_line([str(ARGDOWN_BIN), "--version"]),
        "argmap bytecode": _bytecode_state(),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _bytecode_state() -> str:
    """Whether argmap's modules start from bytecode, as an installed package does (an
    editable install where PYTHONDONTWRITEBYTECODE is set compiles them on every run, about
    20 ms of start-up and 70 ms of a render; `make bench` runs compileall first)."""
    sources = sorted((ROOT / "src" / "argmap").rglob("*.py"))
    tag = sys.implementation.cache_tag
    stale = [
        s
        for s in sources
        if not (cached := s.parent / "__pycache__" / f"{s.stem}.{tag}.pyc").exists()
        or cached.stat().st_mtime < s.stat().st_mtime
    ]
    if not stale:
        return f"all {len(sources)} modules compiled"
    return f"{len(stale)} of {len(sources)} modules NOT compiled (start-up pays for compiling)"


# -- setup -----------------------------------------------------------------------------------


def ensure_argdown() -> str | None:
    """Install ``@argdown/cli`` into the cache on first use; None when it is there."""
    if ARGDOWN_BIN.exists():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm not found"
    print(f"installing @argdown/cli@{ARGDOWN_VERSION} into {ARGDOWN_PREFIX} ...", flush=True)
    ARGDOWN_PREFIX.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(ARGDOWN_PREFIX),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"@argdown/cli@{ARGDOWN_VERSION}",
        ],
        check=False,
    )
    if done.returncode != 0 or not ARGDOWN_BIN.exists():
        return f"npm install failed (exit {done.returncode})"
    return None


def render_available(argmap: Path) -> bool:
    done = subprocess.run([str(argmap), "render", "--help"], capture_output=True, check=False)
    return done.returncode == 0


@dataclass(slots=True)
class Maps:
    yaml: dict[int, Path]
    argdown: dict[int, Path]
    counts: dict[int, dict[str, int]]
    batch_yaml: Path
    batch_argdown: Path


def make_maps(sizes: Sequence[int], batch_files: int) -> Maps:
    maps = Maps({}, {}, {}, OUT / "batch-yaml", OUT / "batch-argdown")
    for n in (1, *sizes):
        folder = OUT / "maps" / str(n)  # each map quotes its own sources/map-N.txt
        maps.yaml[n] = folder / f"map-{n}.yaml"
        maps.argdown[n] = folder / f"map-{n}.argdown"
        built = generate.write_map(n, "yaml", SEED, maps.yaml[n])
        generate.write_map(n, "argdown", SEED, maps.argdown[n])
        maps.counts[n] = built.counts()
    batches: tuple[tuple[Path, generate.Format], ...] = (
        (maps.batch_yaml, "yaml"),
        (maps.batch_argdown, "argdown"),
    )
    for folder, fmt in batches:
        shutil.rmtree(folder, ignore_errors=True)
        generate.write_files(batch_files, BATCH_CLAIMS, fmt, SEED, folder)
    return maps


def argdown_counts(argdown: Path, path: Path) -> dict[str, int] | str:
    """What ``argdown json`` finds in ``path``: the check that both tools do the same work."""
    folder = OUT / "argdown-json"
    done = subprocess.run(
        [str(argdown), "json", str(path), str(folder)], capture_output=True, check=False
    )
    result = folder / f"{path.stem}.json"
    if done.returncode != 0 or not result.exists():
        return f"argdown json failed (exit {done.returncode})"
    data = json.loads(result.read_text(encoding="utf-8"))
    return {key: len(data[key]) for key in ("statements", "arguments", "relations")}


# -- the benchmark ---------------------------------------------------------------------------


@dataclass(slots=True)
class Config:
    argmap: Path
    python: Path
    sizes: tuple[int, ...]
    render_sizes: tuple[int, ...]
    runs: int
    startup_runs: int
    batch_files: int
    timeout: float
    use_argdown: bool = True
    quick: bool = False


def bench(cfg: Config, log: Callable[[str], None]) -> tuple[list[Row], list[str]]:
    OUT.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    missing = ensure_argdown() if cfg.use_argdown else "--no-argdown"
    argdown = None if missing else ARGDOWN_BIN
    if missing:
        notes.append(f"Argdown not available ({missing}): its rows are n/a.")
    has_render = render_available(cfg.argmap)
    if not has_render:
        notes.append("`argmap render` is not available: the render rows are n/a.")
    has_dot = shutil.which("dot") is not None

    log("generating maps ...")
    maps = make_maps(cfg.sizes, cfg.batch_files)
    if argdown is not None:
        for n in cfg.sizes[:2]:
            seen = argdown_counts(argdown, maps.argdown[n])
            expected = maps.counts[n]
            same = "same as" if seen == expected else "DIFFERENT from"
            notes.append(
                f"Argdown equivalence, {n:,} claims: `argdown json` finds {seen}, "
                f"{same} the generator's {expected}."
            )

    argmap = str(cfg.argmap)
    rows: list[Row] = []

    def na(task: str, n: str, reference: str, target: str, why: str) -> None:
        rows.append(Row(task, n, None, reference, None, target, note=f"n/a ({why})"))

    def ad(*args: str) -> list[str]:
        assert argdown is not None
        return [str(argdown), *args]

    # Start-up.
    log("start-up ...")
    one, one_ad = str(maps.yaml[1]), str(maps.argdown[1])
    startup = (
        ("start-up: `--version`", "—", ["--version"], "argdown --version", ["--version"], 0.40),
        ("start-up: validate one claim", "1", ["validate", one], "argdown (check)", [one_ad], 0.50),
    )
    for task, n_shown, our_args, reference_name, their_args, most in startup:
        commands = [[argmap, *our_args]] + ([ad(*their_args)] if argdown is not None else [])
        found = measure(commands, cfg.startup_runs)
        rows.append(
            Row(
                task,
                n_shown,
                found[0],
                reference_name,
                found[1] if argdown is not None else None,
                f"≤ {most:.2f}×",
                most,
                note="" if argdown is not None else "n/a (no Argdown)",
            )
        )

    # Validate and check, with the loading floor and Argdown's json export.
    validate: dict[int, Measurement] = {}
    floor: dict[int, Measurement] = {}
    json_export: dict[int, Measurement | None] = {}
    check: dict[int, Measurement] = {}
    for n in cfg.sizes:
        log(f"validate and check, {n:,} claims ...")
        path = str(maps.yaml[n])
        commands = [
            [argmap, "validate", path],
            [str(cfg.python), "-c", YAML_FLOOR, path],
            [argmap, "check", path],
        ]
        if argdown is not None:
            commands.append(ad("json", str(maps.argdown[n]), str(OUT / "argdown-json")))
        found = measure(commands, cfg.runs, timeout=cfg.timeout)
        validate[n], floor[n], check[n] = found[0], found[1], found[2]
        json_export[n] = found[3] if argdown is not None else None
    for n in cfg.sizes:
        big = n == 5_000
        if json_export[n] is not None:
            rows.append(
                Row(
                    "validate vs `argdown json`",
                    f"{n:,}",
                    validate[n],
                    "argdown json",
                    json_export[n],
                    "≤ 0.50×" if big else "—",
                    0.50 if big else None,
                )
            )
        else:
            target = "≤ 0.50×" if big else "—"
            na("validate vs `argdown json`", f"{n:,}", "argdown json", target, "no Argdown")
    for n in cfg.sizes:
        big = n == 5_000
        rows.append(
            Row(
                "validate vs C-YAML parse",
                f"{n:,}",
                validate[n],
                "yaml.load (CSafeLoader)",
                floor[n],
                "≤ 3×" if big else "—",
                3.0 if big else None,
            )
        )
    if 5_000 in validate and 20_000 in validate:
        a, b = validate[20_000], validate[5_000]
        ratio = a.seconds / b.seconds if a.ok and b.ok else None
        rows.append(
            Row(
                "validate linear: 20,000 / 5,000",
                "20,000",
                a,
                "validate 5,000",
                b,
                "≤ 4.5×",
                4.5,
                ratio_override=ratio,
            )
        )
    for n in cfg.sizes:
        big = n == 5_000
        rows.append(
            Row(
                "check (quotes + grounded)",
                f"{n:,}",
                check[n],
                "—",
                None,
                "≤ 1.5 s" if big else "—",
                1.5 if big else None,
                absolute=True,
            )
        )

    # Render.
    render: dict[int, Measurement] = {}
    bare_dot: dict[int, Measurement] = {}
    for n in cfg.render_sizes:
        if not has_render:
            na("render SVG vs bare `dot`", f"{n:,}", "dot -Tsvg", "", "render not available")
            continue
        if not has_dot:
            na("render SVG vs bare `dot`", f"{n:,}", "dot -Tsvg", "", "no Graphviz dot")
            continue
        log(f"render, {n:,} claims ...")
        map_path = maps.yaml[n]
        dot_dir, svg_dir = OUT / "render-dot", OUT / "render-svg"
        made = measure(
            [[argmap, "render", str(map_path), "-o", str(dot_dir), "--format", "dot"]],
            1,
            warmup=False,
            timeout=cfg.timeout,
        )[0]
        dot_file = dot_dir / f"{map_path.stem}.dot"
        if not made.ok or not dot_file.exists():
            na(
                "render SVG vs bare `dot`",
                f"{n:,}",
                "dot -Tsvg",
                "",
                f"render --format dot failed: {made.error}",
            )
            continue
        commands = [
            [argmap, "render", str(map_path), "-o", str(svg_dir), "--format", "svg"],
            ["dot", "-Tsvg", str(dot_file), "-o", str(OUT / "render-bare.svg")],
        ]
        found = measure(commands, cfg.runs, timeout=cfg.timeout)
        render[n], bare_dot[n] = found
        limit = {1_000: 1.2, 5_000: 1.3}.get(n)
        rows.append(
            Row(
                "render SVG vs bare `dot`",
                f"{n:,}",
                found[0],
                "dot -Tsvg (argmap's DOT)",
                found[1],
                f"≤ {limit}×" if limit else "—",
                limit,
            )
        )
    if 1_000 in bare_dot:
        rows.append(warm_render_row(cfg, maps.yaml[1_000], bare_dot[1_000], log))
        notes.append(startup_floor_note(cfg, bare_dot[1_000]))
    if render:
        notes.append(own_share_note(render, bare_dot))
    for n in cfg.render_sizes:
        if not (has_render and has_dot) or n not in render:
            continue
        if argdown is None:
            na("render SVG vs `argdown map`", f"{n:,}", "argdown map -f svg", "", "no Argdown")
            continue
        log(f"argdown map, {n:,} claims ...")
        runs = cfg.runs if n <= 1_000 else 1  # 5,000: one run (Argdown crashes on some machines)
        reference = measure(
            [ad("map", "-f", "svg", str(maps.argdown[n]), str(OUT / "ad-map"))],
            runs,
            warmup=n <= 1_000,
            timeout=cfg.timeout,
        )[0]
        if n == 1_000:
            rows.append(
                Row(
                    "render SVG vs `argdown map`",
                    f"{n:,}",
                    render[n],
                    "argdown map -f svg",
                    reference,
                    "≤ 0.33×",
                    0.33,
                )
            )
        elif n == 5_000:
            crashed = not reference.ok
            rows.append(
                Row(
                    "render SVG vs `argdown map`",
                    f"{n:,}",
                    render[n],
                    "argdown map -f svg",
                    reference,
                    "renders",
                    None,
                    passed_override=render[n].ok,
                    note="(Argdown crashed)" if crashed else "(Argdown rendered too)",
                )
            )
        else:
            rows.append(
                Row(
                    "render SVG vs `argdown map`",
                    f"{n:,}",
                    render[n],
                    "argdown map -f svg",
                    reference,
                )
            )

    # Peak memory at 5,000 claims, any command.
    if 5_000 in cfg.sizes:
        ours = [("validate", validate[5_000]), ("check", check[5_000])]
        if 5_000 in render:
            ours.append(("render svg", render[5_000]))
            ours.extend(page_commands(cfg, maps.yaml[5_000], log))
        worst_name, worst = max(ours, key=lambda p: p[1].peak_mb if p[1].ok else 0.0)
        ref = json_export.get(5_000)
        memory_ratio = worst.peak_mb / ref.peak_mb if ref is not None and ref.ok else None
        rows.append(
            Row(
                f"peak memory, 5,000 (worst: {worst_name})",
                "5,000",
                worst,
                "argdown json" if ref else "—",
                ref,
                "≤ 250 MB",
                None,
                note="(ratio of MB)",
                ratio_override=memory_ratio,
                passed_override=worst.ok and worst.peak_mb <= 250.0,
            )
        )

    # Batch: many small files in one invocation.
    log(f"batch, {cfg.batch_files:,} files ...")
    batch_cmds = [[argmap, "validate", str(maps.batch_yaml)]]
    if argdown is not None:
        batch_cmds.append(ad(str(maps.batch_argdown / "*.argdown")))
    found = measure(batch_cmds, cfg.runs, timeout=cfg.timeout)
    limit_batch = 3.0 if cfg.batch_files == 1_000 else None
    rows.append(
        Row(
            f"validate {cfg.batch_files:,} small files",
            f"{cfg.batch_files:,}×{BATCH_CLAIMS}",
            found[0],
            "argdown (check) on the same" if argdown else "—",
            found[1] if argdown else None,
            "≤ 3 s" if limit_batch else "—",
            limit_batch,
            absolute=True,
        )
    )
    rows.extend(kernel_rows(cfg, log))
    if not cfg.quick:
        rows.extend(hostile_rows(cfg, log))
    return rows, notes


def page_commands(
    cfg: Config, map_path: Path, log: Callable[[str], None]
) -> list[tuple[str, Measurement]]:
    """The report and the teacher's handout (PDF) of a map, for the memory row: the target
    is for any command. The handout is left out where WeasyPrint cannot run."""
    argmap = str(cfg.argmap)
    commands = [("report", [argmap, "report", str(map_path), "-o", str(OUT / "pages")])]
    probe = [
        str(cfg.python),
        "-c",
        "from argmap.report_html.pdf import unavailable as u; raise SystemExit(1 if u() else 0)",
    ]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        handout = [
            argmap,
            "handout",
            str(map_path),
            "--variant",
            "teacher",
            "-o",
            str(OUT / "pages"),
        ]
        commands.append(("handout pdf", handout))
    found: list[tuple[str, Measurement]] = []
    for name, command in commands:
        log(f"{name}, 5,000 claims ...")
        found.append((name, measure([command], cfg.runs, timeout=cfg.timeout)[0]))
    return found


def warm_render_row(
    cfg: Config, map_path: Path, bare_dot: Measurement, log: Callable[[str], None]
) -> Row:
    """argmap's own work in a render, without the start of Python and the imports: the
    same map rendered in-process by kernels.py (as ``argmap watch`` re-renders), against
    the same bare ``dot``. Informational: the target is for the command."""
    log("render, 1,000 claims, in-process ...")
    command = [str(cfg.python), str(HERE / "kernels.py"), "render", str(map_path)]
    result = _kernel(command, cfg.runs)
    return Row(
        "render SVG, in-process (as `argmap watch`)",
        "1,000",
        result,
        "dot -Tsvg (argmap's DOT)",
        bare_dot,
    )


FLOOR_IMPORTS = "import click, argmap.model"


def startup_floor_note(cfg: Config, bare_dot: Measurement) -> str:
    """What no Python command built on click and argmap's pydantic models can go below:
    the interpreter and those imports, timed like a command, added to bare ``dot``."""
    bare, floor = measure(
        [[str(cfg.python), "-c", "pass"], [str(cfg.python), "-c", FLOOR_IMPORTS]],
        cfg.startup_runs,
    )
    if not (bare.ok and floor.ok and bare_dot.ok):
        return "Start-up floor: not measured (a command failed)."
    best = (floor.seconds + bare_dot.seconds) / bare_dot.seconds
    return (
        f"Start-up floor: `python -c pass` takes {bare.seconds:.3f} s and "
        f"`python -c '{FLOOR_IMPORTS}'` {floor.seconds:.3f} s; with bare `dot` at "
        f"{bare_dot.seconds:.3f} s on the 1,000-claim DOT, a Python command that did nothing "
        f"but those imports before `dot` would already be at {best:.2f}× bare `dot`."
    )


def own_share_note(render: Mapping[int, Measurement], bare_dot: Mapping[int, Measurement]) -> str:
    """What argmap adds to ``dot`` in a render, in seconds: a ratio to ``dot`` falls as
    ``dot`` gets faster, this does not."""
    shares = [
        f"{n:,} claims {render[n].seconds - bare_dot[n].seconds:.3f} s"
        for n in sorted(render)
        if n in bare_dot and render[n].ok and bare_dot[n].ok
    ]
    if not shares:
        return "argmap's own share of a render: not measured (a command failed)."
    return (
        "argmap's own share of a render (`argmap render` less bare `dot` on its DOT, medians): "
        + ", ".join(shares)
        + "."
    )


def _kernel(command: list[str], runs: int) -> Measurement:
    result = Measurement(command)
    for _ in range(runs):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            result.error = f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
            break
        result.samples.append(Sample(float(done.stdout.strip()), 0.0, 0))
    return result


def kernel_rows(cfg: Config, log: Callable[[str], None]) -> list[Row]:
    """The verification issue's inner targets, timed inside one process by kernels.py."""
    rows: list[Row] = []
    for kernel, task, n, limit in (
        ("quotes", "verify 1,000 quotes, 1 MB source (in-process)", "1,000", 1.0),
        ("grounded", "grounded labelling, 10^6 attacks (in-process)", "10^6", 1.5),
    ):
        log(f"kernel {kernel} ...")
        command = [str(cfg.python), str(HERE / "kernels.py"), kernel]
        result = _kernel(command, cfg.runs)
        rows.append(Row(task, n, result, "—", None, f"≤ {limit:g} s", limit, absolute=True))
    return rows


# The hardening issue's limit for every hostile input; the corpus (tests/hostile) checks the
# outcome of each case and this harness the time and memory of the large ones.
HOSTILE_SECONDS = 5.0
HOSTILE_MB = 1024.0


def hostile_rows(cfg: Config, log: Callable[[str], None]) -> list[Row]:
    """The large cases of the hostile corpus (100,000 claims, a chain 100,000 deep, ...),
    laid out as the corpus does, timed like every other row: each ≤ 5 s and ≤ 1 GB."""
    sys.path.insert(0, str(ROOT))
    from tests.hostile.corpus import load_cases

    rows: list[Row] = []
    for case in load_cases():
        if case.category != "scale" and not case.slow:
            continue
        log(f"hostile case {case.name} ...")
        folder = OUT / "hostile" / case.name
        shutil.rmtree(folder, ignore_errors=True)
        case.lay_out(folder / "project", folder / "outside")
        command = [str(cfg.argmap), case.command, *case.args]
        (found,) = measure(
            [command], cfg.runs, cwd=folder / "project", ok_codes=frozenset({case.exit})
        )
        rows.append(
            Row(
                f"hostile: `{case.command}` {case.name}",
                "—",
                found,
                "—",
                None,
                f"≤ {HOSTILE_SECONDS:g} s, ≤ 1 GB",
                None,
                absolute=True,
                passed_override=found.ok
                and found.seconds <= HOSTILE_SECONDS
                and found.peak_mb <= HOSTILE_MB,
            )
        )
    return rows


def report(rows: Sequence[Row], notes: Sequence[str], info: dict[str, str], cfg: Config) -> str:
    passed = sum(1 for r in rows if r.passed is True)
    failed = [r for r in rows if r.passed is False]
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`benchmarks/run.py`); see `docs/performance.md` for what each "
        f"row measures. Times are medians of {cfg.runs} runs ({cfg.startup_runs} for start-up) "
        "in seconds, wall clock; MB is the median peak resident "
        "memory of the process (and of any child it waits for, e.g. `dot`). Ratios are argmap "
        "over the reference, measured in the same run.",
        "",
        "## Machine",
        "",
    ]
    lines += [f"- {key}: {value}" for key, value in info.items()]
    lines += ["", "## Results", "", table(rows), ""]
    lines.append(f"{passed} targets pass, {len(failed)} fail.")
    if failed:
        lines += ["", "Failing: " + "; ".join(f"{r.task} ({r.n})" for r in failed) + "."]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="argmap benchmarks (issue 8)")
    default_bin = Path(sys.executable).parent
    parser.add_argument("--argmap", type=Path, default=default_bin / "argmap")
    parser.add_argument(
        "--python",
        type=Path,
        default=Path(sys.executable),
        help="the interpreter for the C-YAML floor (argmap's own)",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="100 and 1,000 claims, 100 batch files, one run each (a smoke test)",
    )
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per command")
    parser.add_argument(
        "--no-argdown", action="store_true", help="leave Argdown out (no Node or npm needed)"
    )
    args = parser.parse_args(argv)
    if not args.argmap.exists():
        found = shutil.which("argmap")
        if found is None:
            parser.error(f"{args.argmap} not found; run 'make install' first")
        args.argmap = Path(found)
    cfg = Config(
        argmap=args.argmap,
        python=args.python,
        sizes=(100, 1_000) if args.quick else SIZES,
        render_sizes=(100, 1_000) if args.quick else RENDER_SIZES,
        runs=1 if args.quick else args.runs,
        startup_runs=1 if args.quick else 5,
        batch_files=100 if args.quick else BATCH_FILES,
        timeout=args.timeout,
        use_argdown=not args.no_argdown,
        quick=args.quick,
    )
    started = time.perf_counter()
    info = machine(cfg.python)

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", flush=True)

    rows, notes = bench(cfg, log)
    info["argdown"] = _first_line([str(ARGDOWN_BIN), "--version"])  # installed by the run
    info["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    info["benchmark took"] = f"{time.perf_counter() - started:.0f} s"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busiest = max(
        float(x)
        for key in ("load average at start", "load average at end")
        for x in info[key].split()[:1]
    )
    if cores and busiest > 0.5 * cores:
        notes.append(
            f"The machine was busy (load average up to {busiest:.1f} on {cores} cores): other "
            "work shared it, so absolute times are inflated and noisy; argmap and its "
            "reference run alternately, so the ratios suffer less."
        )
    text = report(rows, notes, info, cfg)
    print()
    print(text)
    if not args.quick or args.results != HERE / "RESULTS.md":
        args.results.write_text(text, encoding="utf-8")
    raw = {
        "machine": info,
        "notes": list(notes),
        "rows": [
            {
                "task": r.task,
                "n": r.n,
                "argmap": asdict(r.argmap) if r.argmap else None,
                "reference_name": r.reference_name,
                "reference": asdict(r.reference) if r.reference else None,
                "ratio": r.ratio,
                "target": r.target,
                "passed": r.passed,
            }
            for r in rows
        ],
    }
    (OUT / "results.json").write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
