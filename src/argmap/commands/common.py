"""What every command shares: output formats, colour, exit codes, and writing a report."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import click

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.argument_map import Meant
    from argmap.pipeline import ConfigCache, Found, MapResult
    from argmap.report.common import RuleHelp

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "json", "github", "sarif")


def choice(values: Iterable[str]) -> click.Choice[str]:
    """The values an option takes, in any case (``--format SVG``, ``--paper A4``): the command
    gets the value as listed, and --help lists them in lower case. Every choice option of
    argmap is one of these (a test walks the commands)."""
    return click.Choice(list(values), case_sensitive=False)


format_option = click.option(
    "--format",
    "-f",
    "output_format",
    type=choice(FORMATS),
    default=None,
    help="Output format [default: text; github under GitHub Actions].",
)
focus_option = click.option(
    "--focus", metavar="CLAIM", help="Draw only the neighbourhood of this claim."
)


def depth_option(default: str) -> Callable[[F], F]:
    """``--depth N`` of render and handout: one range and one meaning in both, and the
    default each takes (``default``, for --help)."""
    return click.option(
        "--depth",
        type=click.IntRange(min=0),
        default=None,
        help="How many steps from the --focus claim to draw; without --focus, from the "
        "thesis (or theses): the top N levels of the map, 0 the theses alone "
        f"[default: {default}].",
    )


strict_option = click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
stale_only_option = click.option(
    "--stale-only",
    is_flag=True,
    help="Write only the outputs that --check would report (missing or stale) and leave the "
    "current ones as they are, even where another Graphviz would draw them a little "
    "differently (what make does).",
)


class OneFile(click.Command):
    """A command that takes one FILE (or PATH) where validate, check, render, report, handout
    and stats take many: given more, it says why it takes one (``why``) instead of click's
    'Got unexpected extra argument'."""

    def __init__(
        self,
        name: str | None,
        *,
        why: str,
        context_settings: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        settings = {**(context_settings or {}), "allow_extra_args": True}
        super().__init__(name, context_settings=settings, **kwargs)
        self.why = why

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            noun = next(
                (p.human_readable_name for p in self.params if isinstance(p, click.Argument)),
                "FILE",
            )
            raise click.UsageError(
                f"{self.name} takes one {noun}, not {1 + len(ctx.args)}: {self.why}", ctx
            )
        return rest


EMPTY_NAME = "an empty name names no file or folder; give . for the working folder"


class InputPath(click.Path):
    """A FILE or PATHS argument: a path, never the empty one, which ``Path`` reads as the
    working folder (``argmap render "$MAP"`` with MAP unset rendered every map there)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(path_type=Path, **kwargs)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":
            self.fail(EMPTY_NAME, param, ctx)
        return super().convert(value, param, ctx)


class OutputPath(click.Path):
    """``-o`` of a command that writes files: a path, or None for ``-``, standard output, as
    in every Unix tool. Only the bare ``-`` is: ``./-`` names a file (or folder) called -.
    A command that cannot write to standard output gives ``no_stdout``, why: ``-o -`` is
    then a usage error saying so. A value ending in a separator (``out.svg/``) means a
    folder, as in ``cp``; the path drops the separator, so it is noted on the running
    command (:func:`named_folder`). A command that writes one document whose name the user
    gives (export, schema, import) gives ``one_file``, what it writes: a folder is then a
    usage error saying so, rather than a file named as the folder. An empty value is a
    usage error: it names nothing (``-o "$OUT"`` with OUT unset)."""

    def __init__(
        self, *, no_stdout: str | None = None, one_file: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(path_type=Path, **kwargs)
        self.no_stdout = no_stdout
        self.one_file = one_file

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":  # -o "$OUT" with OUT unset: not the working folder, unasked
            self.fail(EMPTY_NAME, param, ctx)
        if value == "-":
            if self.no_stdout is not None:
                self.fail(self.no_stdout, param, ctx)
            return None
        if self.one_file is not None and isinstance(value, str) and _ends_in_separator(value):
            why = f"{value} names a folder, but {self.one_file}; give a file's name"
            self.fail(why, param, ctx)
        path = super().convert(value, param, ctx)
        if isinstance(value, str) and ctx is not None and _ends_in_separator(value):
            ctx.meta.setdefault(_FOLDERS, set()).add(path)
        return path


_FOLDERS = "argmap.folders"  # the OutputPath values given with a trailing separator


def _ends_in_separator(value: str) -> bool:
    return value.rstrip(os.sep + (os.altsep or "")) != value


def named_folder(output: Path | None) -> bool:
    """Whether ``-o output`` was given ending in a separator (``-o out.svg/``) to the running
    command: a folder, to be made if it is not there, whatever its name ends with."""
    ctx = click.get_current_context(silent=True)
    return output is not None and ctx is not None and output in ctx.meta.get(_FOLDERS, ())


def focused(maps: list[MapResult], focus: str | None) -> tuple[list[MapResult], list[str]]:
    """The resolved ``maps`` that have the claim ``focus`` (all of them without one), and what
    to say of each other: before an output is named after a claim its map does not have (a
    focus holding a line break was blamed for the file name it made)."""
    if focus is None:
        return maps, []
    from argmap.argument_map import meant

    kept: list[MapResult] = []
    said: list[str] = []
    for result in maps:
        assert result.map is not None
        if focus in result.map.claims:
            kept.append(result)
        else:
            said.append(unknown_claim(result.path, focus, meant(result.map, focus), "--focus"))
    return kept, said


def unknown_claim(path: str, cid: str, meant: Meant, option: str) -> str:
    """What a command says of the claim id ``cid`` given to ``option`` that is not a claim of
    the map ``path``: what it is instead, and the claim meant when there is one (else where
    the ids are). One line, for ``--focus`` and ``--why`` alike."""
    from argmap.wording import no_claim

    return f"argmap: {path}: {no_claim(cid, meant)}{where_ids(meant, option)}"


def where_ids(meant: Meant, option: str) -> str:
    """What follows a message on an id given to ``option`` that is no claim: where the ids
    are, when it names no claim meant."""
    return "" if meant.claims else f"; {option} takes a claim's id, as 'argmap check' lists them"


def write_output(
    target: Path | None, data: bytes, what: str = "the output", *, named: bool = True
) -> bool:
    """Write ``target`` atomically; when the system refuses (a folder in the way, a full disk,
    no permission) say why on stderr and return False, leaving whatever was there. ``None``
    is standard output (``-o -``): ``data`` goes there as it is, said only under --verbose
    (as ``what``), so that stdout holds the bytes the file would and nothing else. A target
    not ``named`` by the user (a map's file in ``-o`` FOLDER) is refused when a FIFO, a
    socket or a device is there (:func:`argmap.write.write_atomic`)."""
    from argmap.outstream import ReaderGone, is_closed
    from argmap.write import cannot_write, write_atomic

    if target is None:
        if is_closed(sys.stdout):  # closed before argmap started (>&-)
            say("argmap: cannot write to standard output: it is closed")
            return False
        sys.stdout.flush()  # what was written as text, first
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        detail(f"wrote {what} to standard output")
        return True
    try:
        write_atomic(target, data, named=named)
    except BrokenPipeError:  # a pipe named as the output (/dev/stdout, >(head -c 10))
        raise ReaderGone from None
    except OSError as exc:
        say(f"argmap: {cannot_write(target, exc)}")
        return False
    return True


# The longest time limit an option takes: a layout or a solver that has not finished in a day
# will not; beyond it the system's timers overflow (1e300 s), as NaN and infinity break them.
MAX_SECONDS = 86_400


class Seconds(click.ParamType[float]):
    """A time limit in seconds (check's and render's ``--time-limit``): a finite number above
    ``minimum`` (or from it, when ``inclusive``) and at most :data:`MAX_SECONDS`; anything else
    is a usage error naming the option."""

    name = "seconds"

    def __init__(self, minimum: float = 0.0, *, inclusive: bool = False) -> None:
        self.minimum = minimum
        self.inclusive = inclusive

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = math.nan
        above = seconds >= self.minimum if self.inclusive else seconds > self.minimum
        if not (math.isfinite(seconds) and above and seconds <= MAX_SECONDS):
            floor = "at least" if self.inclusive else "more than"
            self.fail(
                f"must be a finite number of seconds, {floor} {self.minimum:g} and at most "
                f"{MAX_SECONDS} (one day), not {value!r}",
                param,
                ctx,
            )
        return seconds


# ``-j/--jobs N`` of every command that takes many PATHS, in these words (a test walks the
# commands): None when not given, which each command reads as what pays off there (validate
# and check start a pool from 64 files; render, report and handout work side by side only
# with the system dot).
JOBS_HELP = (
    "How many maps are worked on at once; 1: one after another [default: the usable cores, "
    "where that pays off]."
)
jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help=JOBS_HELP)


@dataclass(slots=True)
class Checked:
    """What ``--check`` found so far: the outputs out of date, and how many were current."""

    stale: list[Path] = field(default_factory=list)
    current: int = 0


@dataclass(frozen=True, slots=True)
class Settling:
    """How a run under ``--check`` or ``--stale-only`` deals with each output: one per run
    (render's and report's), called with each map's target."""

    check: bool
    checked: Checked
    say: Callable[[str], None]
    kept: Callable[[Path], None]

    def __call__(self, target: Path | None, current: Callable[[bytes], bool], origin: str) -> bool:
        """Whether ``target`` is dealt with, being missing (or a folder in its place), stale
        (``current`` of its bytes is false) or current: under --check it is listed when out
        of date (counted when current, in ``checked``) and never written; under --stale-only
        a current one is left as it is, and ``kept`` told (which says so, or counts it under
        a progress bar).
        Standard output (None) never is: there is no file to compare."""
        if target is None:
            return False
        out_of_date = _out_of_date(target, current)
        if self.check:
            if out_of_date:
                self.checked.stale.append(target)
                self.say(f"{out_of_date} (from {origin})")
            else:
                self.checked.current += 1
            return True
        if not out_of_date:
            self.kept(target)
            return True
        return False


def _out_of_date(target: Path, current: Callable[[bytes], bool]) -> str | None:
    """What ``--check`` says of ``target`` when it is out of date (``missing: FILE``,
    ``stale: FILE``, or something else in its place: ``in the way: FILE is a folder, not a
    file``, or a pipe, a socket or a device, none of them opened: a FIFO read would wait for
    a writer, or take what its reader was sent); None when it is current."""
    from argmap.write import stream_kind  # as write_output does: not at every command's start

    if target.is_file():
        return None if current(target.read_bytes()) else f"stale: {target}"
    if target.is_dir():
        return f"in the way: {target} is a folder, not a file"
    kind = stream_kind(target)
    if kind is not None:
        return f"in the way: {target} is {kind}, not a file"
    return f"missing: {target}"


def given(parameter: str) -> bool:
    """Whether the command line (not a default) set ``parameter`` of the running command: an
    option that only means something with another one is refused without it, not ignored."""
    source = click.get_current_context().get_parameter_source(parameter)
    return source is click.core.ParameterSource.COMMANDLINE


def old_name(old: str, new: str, param: str, type_: click.ParamType[Any]) -> Callable[[F], F]:
    """``old``, the name option ``new`` had before it was renamed, as a hidden option of its
    own (parameter ``param``, None when not given): scripts written with it keep working, and
    --help shows one name. ``type_`` is ``new``'s, so that a value means the same under both
    names (``-`` is standard output under ``--output-dir`` as under ``-o``). :func:`renamed`
    takes its value."""
    return click.option(
        old, param, type=type_, default=None, hidden=True, help=f"{new}, by its old name."
    )


def renamed(
    old: str, new: str, old_param: str, old_value: T | None, new_value: T, new_param: str
) -> T:
    """The value given under ``old`` (see :func:`old_name`), else ``new_value``; both names
    given is a usage error (which one was meant cannot be known). Whether ``old`` was given
    is asked of the command line, not read from its value: ``-`` is None under both names."""
    if not given(old_param):
        return new_value
    if given(new_param):
        raise click.UsageError(f"{old} is {new} by its old name; give one of them")
    # Given, the value is None only where the new name's type makes None too (OutputPath's -).
    return cast(T, old_value)


def refuse_check_with_stale_only(check: bool, stale_only: bool) -> None:
    """``--check`` writes nothing and ``--stale-only`` writes: asking for both is a mistake."""
    if check and stale_only:
        raise click.UsageError("--check and --stale-only cannot be used together")


# -1 quiet, 0 normal, 1 verbose; set once by the top-level -q/-v options.
_verbosity = 0


def set_verbosity(level: int) -> None:
    global _verbosity
    _verbosity = level
    _configs_named.clear()  # a new run (the tests run several in one process)


def quiet() -> bool:
    return _verbosity < 0


class Above(Protocol):
    """A progress bar being drawn on stderr (:mod:`argmap.commands.progress`)."""

    def above(self, text: str) -> None:
        """Write ``text`` above the bar, which stays below it."""


# The bar on stderr while a command draws one: what is said meanwhile goes above it.
_bar: Above | None = None


def set_bar(bar: Above | None) -> None:
    global _bar
    _bar = bar


def say(message: str) -> None:
    """A message on stderr (above the progress bar, while there is one). File names and ids
    in it are the user's data: their control characters are shown as escapes (``\\x07``),
    as in the diagnostics, never sent raw."""
    from argmap.visible import visible

    text = "\n".join(visible(line) for line in message.split("\n"))
    if _bar is not None:
        _bar.above(text)
    else:
        click.echo(text, err=True)


def note(message: str) -> None:
    """An informational line on stderr ("wrote renders/x.svg"); silenced by --quiet."""
    if _verbosity >= 0:
        say(message)


def verbose() -> bool:
    return _verbosity > 0


def summary(message: str, *, err: bool = False) -> None:
    """A summary of what a command did on stdout (stderr with ``err``): ``argmap init``'s
    ``wrote map.yaml``, ``argmap import -o``'s counts. Not the command's result, so standard
    output closed before argmap started (``>&-``) drops it, as it would a note on stderr
    (:func:`argmap.outstream.closed_standard_output`), instead of failing the run."""
    from argmap.outstream import is_closed

    if err or not is_closed(sys.stdout):
        click.echo(message, err=err)


def detail(message: str) -> None:
    """A line for --verbose only (timings, what was read)."""
    if _verbosity > 0:
        say(message)


def detail_read(path: Path | str, included: Iterable[Path]) -> None:
    """Under --verbose: the map read from ``path``, and the files it includes."""
    if _verbosity <= 0:
        return
    from argmap.pipeline import display_path

    parts = sorted(display_path(p) for p in included)
    detail(f"read {path}" + (f", which includes {', '.join(parts)}" if parts else ""))


_configs_named: set[Path] = set()  # the project roots whose configuration -v has named


def detail_config(root: Path | None) -> None:
    """Under --verbose, once per project: the configuration its maps are read with. The
    nearest folder with a project marker is the root, so a ``pyproject.toml`` in a subfolder
    passes over an ``argmap.toml`` higher up; this says which file won."""
    if _verbosity <= 0 or root is None or root in _configs_named:
        return
    _configs_named.add(root)
    from argmap.config import find_config
    from argmap.pipeline import display_path

    path = find_config(root)
    if path is None:
        detail(f"configuration: none in {display_path(root)}, the defaults")
    else:
        detail(f"configuration: {display_path(path)}")


def detail_skipped(path: Path | str, why: str) -> None:
    """Under --verbose: a file found in a folder and not read, as it is not an argument map."""
    detail(f"skipped {path}: {why}")


def default_format() -> str:
    """GitHub annotations under GitHub Actions, like yamllint does; text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(stream: object) -> bool:
    """Colour on a terminal only; ``NO_COLOR`` wins, ``FORCE_COLOR`` forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _rule_help() -> dict[str, RuleHelp]:
    """The rule reference, for SARIF: imported only for it."""
    from argmap.lint.docs import rule_help

    return rule_help()


def emit_diagnostics(
    diagnostics: Sequence[Diagnostic],
    texts: Mapping[str, str],
    files_checked: int,
    output_format: str | None,
    *,
    err: bool = False,
) -> None:
    """Render the findings with the chosen reporter and write them to stdout (stderr with
    ``err``: where stdout carries a command's output, as ``argmap export`` without ``-o``)."""
    from argmap.lint.registry import rule_descriptions
    from argmap.report import render_report

    chosen = output_format or default_format()
    if quiet() and chosen == "text" and not diagnostics:
        return  # --quiet: a clean run prints nothing
    output = render_report(
        chosen,
        diagnostics,
        sources=texts,
        files_checked=files_checked,
        color=chosen == "text" and use_color(sys.stderr if err else sys.stdout),
        rule_descriptions=rule_descriptions(),
        rule_help=_rule_help() if chosen == "sarif" else None,
        srcroot_uri=Path.cwd().as_uri() + "/",
    )
    click.echo(output, nl=False, err=err)


def missing_path(path: Path) -> Diagnostic | None:
    """AM901 for a FILE argument that is not there (or a symbolic link to nothing), as
    validate reports a missing path (located at file:1:1 in text, at the whole file in
    SARIF); None when it is there, readable or not."""
    from argmap.pipeline import not_found

    return not_found(path)


def load_for_output(
    found: Found, configs: ConfigCache, *, err: bool = False
) -> tuple[list[MapResult], int]:
    """Load the maps ``found`` for a command that writes files (render, report, handout):
    report their problems and those of their projects' configurations (read into ``configs``,
    which the command then uses), and start the exit status from them (2 for a missing path,
    1 for findings). A broken configuration fails the run, as in check; its maps are still
    written, with the defaults. Files in a folder that are not maps are left out. The
    findings go to stdout, or with ``err`` to stderr (where stdout carries the output)."""
    from argmap import codes
    from argmap.diagnostics import has_failures
    from argmap.pipeline import load_maps, without_maps

    files, problems = found.files, found.problems
    results: list[MapResult] = []
    diagnostics = list(problems)
    texts: dict[str, str] = {}
    skipped: list[str] = []
    for result in load_maps(files, walked=found.walked):
        if result.skipped is not None:
            detail_skipped(result.path, result.skipped)
            skipped.append(result.path)
            continue
        results.append(result)
        detail_config(result.root)
        detail_read(result.path, result.included)
        diagnostics.extend(configs.for_root(result.root)[1])  # once per project
        diagnostics.extend(result.diagnostics)
        texts.update(result.texts)
    diagnostics.extend(without_maps(found, skipped))
    if diagnostics:
        emit_diagnostics(diagnostics, texts, len(files) - len(skipped), None, err=err)
    status = EXIT_OK
    if any(p.code == codes.PATH_NOT_FOUND.code for p in problems):
        status = EXIT_ERROR
    if has_failures(diagnostics):
        status = max(status, EXIT_FINDINGS)
    return results, status


def stale_status(checked: Checked, noun: str, command: str, status: int) -> int:
    """The exit status of a ``--check`` run: ``status``, or 1 when outputs are out of date,
    said once on stderr with what to run. When every output checked is current, one line
    says how many (``3 files up to date``), as black's summary does, unless --quiet."""
    from argmap.wording import counted

    if not checked.stale:
        if checked.current:
            note(f"{counted(checked.current, noun)} up to date")
        return status
    click.echo(
        f"{counted(len(checked.stale), noun)} out of date; run '{command}' with the same "
        "options and commit the result",
        err=True,
    )
    return max(status, EXIT_FINDINGS)
