"""Saving a file the way editors do, for tests of ``argmap watch``: written beside it, then
renamed over it, so that the watch sees the whole new file or the old one, never half of it.
A module at the top of tests/ (on pytest's path, as procfs is): ``from saving import save``."""

from __future__ import annotations

import os
from pathlib import Path


def save(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` at once: to a file beside it, then renamed over it."""
    temporary = path.with_name(".saving")
    temporary.write_text(text)
    os.replace(temporary, path)
