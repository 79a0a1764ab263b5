"""Pure parts of the benchmark harness (``benchmarks/run.py``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

RUN = Path(__file__).parents[2] / "benchmarks" / "run.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("argmap_bench_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_own_share_is_render_less_bare_dot_for_each_size() -> None:
    run = _harness()

    def measured(*seconds: float) -> object:
        return run.Measurement(["x"], [run.Sample(s, 10.0, 0) for s in seconds])

    render = {5_000: measured(5.8, 5.9, 6.0), 1_000: measured(0.55, 0.56, 0.54)}
    bare_dot = {1_000: measured(0.24, 0.25, 0.23), 5_000: measured(5.0, 5.1, 4.9)}
    assert run.own_share_note(render, bare_dot) == (
        "argmap's own share of a render (`argmap render` less bare `dot` on its DOT, medians): "
        "1,000 claims 0.310 s, 5,000 claims 0.900 s."
    )
    failed = run.Measurement(["x"], error="exit 1")
    assert run.own_share_note({1_000: failed}, bare_dot) == (
        "argmap's own share of a render: not measured (a command failed)."
    )
