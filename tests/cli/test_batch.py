"""Many files: the process pool reports exactly what one process does, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import batch
from argmap.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"


def files() -> list[Path]:
    return sorted((EXAMPLES / "invalid").glob("*.yaml")) + sorted(
        (EXAMPLES / "valid").rglob("*.yaml")
    )


def test_pool_and_single_process_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = batch.validate_files(files())
    monkeypatch.setattr(batch, "POOL_FROM", 2)
    monkeypatch.setattr(batch, "workers_for", lambda count: 2)
    pooled = batch.validate_files(files())
    assert [o.path for o in pooled] == [o.path for o in serial]
    assert [o.diagnostics for o in pooled] == [o.diagnostics for o in serial]
    names = [o.path.name for o in pooled]
    assert "linked-history.yaml" not in names  # included by linked.yaml: reported through it
    assert "include-cycle.yaml" in names and "include-cycle-part.yaml" in names


def test_progress_is_advanced_once_per_file() -> None:
    seen: list[int] = []
    batch.validate_files(files()[:5], seen.append)
    assert seen == [1] * 5


BROKEN_CONFIG = (
    "argmap.toml:1:1: error[AM903] 'similarity' must be a percentage from 0 to 100, not 'x'"
)


def _broken_project(folder: Path) -> None:
    """A project whose configuration is broken, where the first file in order (a-part.yaml) is
    included by another (b.yaml), so that it is reported through b.yaml, and 20 more maps (with
    a warning each), enough that both workers of a pool of two take some."""
    (folder / "argmap.toml").write_text('similarity = "x"\n')
    (folder / "a-part.yaml").write_text(
        "argmap: 1\nclaims:\n  p: {text: P., kind: assumption, supports: t}\n"
    )
    (folder / "b.yaml").write_text(
        "argmap: 1\ninclude: [a-part.yaml]\nclaims:\n  t: {text: T., kind: thesis}\n"
    )
    for n in range(20):
        (folder / f"m{n:02}.yaml").write_text(
            f"argmap: 1\nclaims:\n  c{n}: {{text: C{n}., kind: assumption}}\n"
        )


def _config_problems(outcomes: list[batch.FileOutcome]) -> list[tuple[str, str]]:
    return [(o.path.name, d.code) for o in outcomes for d in o.diagnostics if d.code == "AM903"]


@pytest.mark.parametrize("pooled", [False, True], ids=["one process", "pool"])
def test_a_broken_configuration_is_reported_once_with_the_first_map_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, pooled: bool
) -> None:
    """In one process the configuration's problem went with the first file validated,
    a-part.yaml, which b.yaml includes and so is not reported: 'argmap validate .' said
    '2 files checked, no problems' and exited 0. In a pool each worker reported it, with its
    own first file: '2 errors' for one broken file."""
    _broken_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    if pooled:
        monkeypatch.setattr(batch, "workers_for", lambda count: 2)
        monkeypatch.setattr(batch, "POOL_FROM", 2)
    files = sorted(Path(".").glob("*.yaml"))
    assert _config_problems(batch.validate_files(files)) == [("b.yaml", "AM903")]
    result = runner.invoke(main, ["validate", "."])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{BROKEN_CONFIG} (invalid-config)"
    assert result.output.count("AM903") == 1
    assert result.output.endswith("1 error, 20 warnings in 21 of 22 files\n")
