"""npm packages the tests run (the reference Argdown implementation, axe-core), pinned and
installed once into a cache folder (``$ARGMAP_TEST_CACHE`` or ``~/.cache/argmap-tests``).

Shared by the conftest files of several folders: ``from npm_cache import npm_file``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def npm_file(package: str, version: str, inside: str) -> Path | str:
    """The file ``node_modules/<inside>`` of ``package@version``, installed on first use;
    or, when it cannot be had, why (for the caller to skip or fail with)."""
    base = Path(os.environ.get("ARGMAP_TEST_CACHE", Path.home() / ".cache" / "argmap-tests"))
    folder = base / f"{package.lstrip('@').replace('/', '-')}-{version}"
    wanted = folder / "node_modules" / inside
    if wanted.exists():
        return wanted
    npm = shutil.which("npm")
    if npm is None:
        return f"npm is needed to install {package}"
    folder.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund"]
    done = subprocess.run(
        [*command, f"{package}@{version}"], capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0 or not wanted.exists():
        return f"npm install {package} failed:\n{done.stderr[-2000:]}"
    return wanted
