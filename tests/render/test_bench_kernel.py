"""The benchmark's in-process render (``benchmarks/kernels.py``) draws a map as ``argmap
render`` does, through the same function: a change to what render passes on (the quote marks
of the eighth session) broke the kernel's own copy, and only ``make bench`` noticed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, REPO


@pytest.mark.exe
def test_the_in_process_render_kernel_draws_a_map() -> None:
    spec = importlib.util.spec_from_file_location(
        "argmap_bench_kernels", REPO / "benchmarks" / "kernels.py"
    )
    assert spec is not None and spec.loader is not None
    kernels = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = kernels
    spec.loader.exec_module(kernels)
    seconds = kernels.render_seconds(Path(FIXTURES / "grammar.yaml"))
    assert isinstance(seconds, float) and seconds > 0
