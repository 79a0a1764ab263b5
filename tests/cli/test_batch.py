"""Many files: the process pool reports exactly what one process does, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import batch

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
