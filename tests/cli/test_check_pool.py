"""``argmap check`` of many files in a process pool: the output of one process, byte for byte,
in every format, with the same exit status."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from argmap import batch, checkbatch
from argmap.cli import main
from argmap.commands.common import FORMATS
from argmap.lint.context import LintConfig
from argmap.pipeline import ConfigCache, find_files, load_map
from argmap.semantics.errors import SemanticsTimeout
from argmap.semantics.labels import Semantics

TESTS = Path(__file__).parents[1]
REPO = TESTS.parent

MISQUOTE = """\
argmap: 1
title: A misquote
sources:
  moment: {title: The moment, file: sources/montebello-moment-came-and-went.txt}
claims:
  t:
    text: A thesis.
    kind: thesis
    evidence:
      - {quote: words that the article never printed anywhere, source: moment, locator: para 1}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Maps of every kind, in one project whose configuration is broken: valid ones (one
    includes another, one quotes a source), every invalid example (excerpts, an include
    cycle, files that do not load), Montebello, a misquote, and YAML that is no map."""
    shutil.copytree(TESTS / "examples", tmp_path / "examples")
    shutil.copytree(REPO / "arguments", tmp_path / "arguments")
    (tmp_path / "arguments" / "misquote.yaml").write_text(MISQUOTE)
    (tmp_path / "arguments" / "compose.yml").write_text("services:\n  web: {image: x}\n")
    (tmp_path / "argmap.toml").write_text('similarity = "x"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _workers(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    """Have a run use ``workers`` processes (1: none)."""
    monkeypatch.setattr(batch, "workers_for", lambda count: workers)


def _both(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, started: list[int], args: list[str]
) -> tuple[Result, Result]:
    _workers(monkeypatch, 1)
    alone = runner.invoke(main, args)
    assert started == []
    _workers(monkeypatch, 2)
    pooled = runner.invoke(main, args)
    assert started == [2]
    return alone, pooled


@pytest.mark.parametrize("output_format", [*FORMATS, "quiet"])
def test_a_pool_prints_what_one_process_prints(
    project: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    pools_started: list[int],
    output_format: str,
) -> None:
    """check took every map in one process: a repository of many maps waited on one core."""
    chosen = ["-q", "check"] if output_format == "quiet" else ["check", "-f", output_format]
    alone, pooled = _both(
        runner, monkeypatch, pools_started, [*chosen, "examples", "arguments", "gone.yaml"]
    )
    assert alone.exception is None or isinstance(alone.exception, SystemExit)
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == (
        alone.exit_code,
        alone.stdout,
        alone.stderr,
    )
    assert alone.exit_code == 2  # gone.yaml
    if output_format in ("text", "quiet"):
        assert alone.stdout.count("argmap.toml:1:1: error[AM903]") == 1
        assert "misquote.yaml:10:" in alone.stdout
        assert "arguments/montebello.yaml: " in alone.stdout or output_format == "quiet"


def test_verdicts_and_findings_are_those_of_one_process_under_verbose(
    project: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    pools_started: list[int],
) -> None:
    """-v says which files were skipped and checked, in the order of the files, the timings
    aside."""
    alone, pooled = _both(
        runner, monkeypatch, pools_started, ["-v", "check", "examples", "arguments"]
    )
    assert pooled.stdout == alone.stdout and pooled.exit_code == alone.exit_code == 1

    def untimed(stderr: str) -> str:
        return re.sub(r"\b[0-9]+\.[0-9]{2} s\b", "N s", stderr)

    assert untimed(pooled.stderr) == untimed(alone.stderr)
    assert "skipped arguments/compose.yml: not an argument map (no argmap: key)" in alone.stderr
    assert "checked arguments/montebello.yaml: 45 quotes, grounded semantics" in alone.stderr


def test_a_map_out_of_time_ends_the_run_at_it_in_a_pool_too(
    project: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    pools_started: list[int],
) -> None:
    """The first map reported whose semantics run out of time ends the run with its message,
    which names it (among many maps, which one?) (exit 2), whatever the maps after it; a file
    reported through its includer (the pool's workers check it on its own too) does not."""
    real = checkbatch.check_loaded
    slow = {"linked-history.yaml": 1, "uniforms.yaml": 3, "misquote.yaml": 5}  # in this order

    def check_loaded(result: Any, config: Any, semantics: Semantics, limit: float) -> Any:
        if Path(result.path).name in slow:
            raise SemanticsTimeout(semantics, limit, slow[Path(result.path).name], 2)
        return real(result, config, semantics, limit)

    monkeypatch.setattr(checkbatch, "check_loaded", check_loaded)
    alone, pooled = _both(
        runner, monkeypatch, pools_started, ["check", "-f", "json", "examples", "arguments"]
    )
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == (2, "", alone.stderr)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        2,
        "",
        "argmap: examples/valid/uniforms.yaml: grounded semantics did not finish within 10 s "
        "on a framework of 3 arguments "
        "and 2 attacks; try --semantics grounded\n",
    )


def test_a_worker_sends_back_what_the_output_takes_and_no_more(project: Path) -> None:
    """Not the map, its evaluation and its quote checks: Montebello's outcome pickles to 74 KB
    (and its text to 30 KB more); what the text output takes of it (its verdict lines, no
    findings) to 4 KB, the JSON's part 22 KB, GitHub's or SARIF's 0.2 KB."""
    montebello = Path("arguments/montebello.yaml")
    configs = ConfigCache()
    sizes = {}
    for wanted in ("lines", "document", None):
        run = checkbatch.CheckRun(Semantics.GROUNDED, 10.0, wanted)  # type: ignore[arg-type]
        checked = checkbatch.check_file(montebello, configs, run, walked=False)
        assert checked.texts == {} and checked.read == ("arguments/montebello.yaml",)
        sizes[wanted] = len(pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL))
    result = load_map(montebello)
    outcome = checkbatch.check_loaded(result, LintConfig(), Semantics.GROUNDED, 10.0)
    whole = len(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    assert sizes[None] < 1_000 and sizes["lines"] < whole / 10 and sizes["document"] < whole / 3


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_every_file_once(
    project: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """The progress bar (on a terminal, from 50 files, as validate's) ends at the number of
    files, those reported through their includers and those skipped counted too."""
    _workers(monkeypatch, workers)
    found = find_files([Path("examples"), Path("arguments")])
    seen: list[int] = []
    run = checkbatch.CheckRun(Semantics.GROUNDED, 10.0)
    checked = checkbatch.check_files(found.files, run, walked=found.walked, progress=seen.append)
    assert sum(seen) == len(found.files) == len(checked) + 1  # linked-history.yaml
    assert (workers == 1 and seen[0] == 1) or seen == [1] * len(found.files)
