"""Sources parsed once per run.

A repository often has many maps quoting the same few sources; ``argmap check arguments/``
read, parsed, normalised and indexed the shared source again for every map (1,000 small maps
quoting one source: 10.6 s, nine tenths of it that). A :class:`SourceCache` still reads the
file every time (cheap, and the only way to be sure it is unchanged: a modification time can
stay the same across two quick saves), but parses it again only when its bytes differ, and
hands back the same :class:`SourceText` object, so that the preparation cache of
:mod:`.index`, keyed by that object, is hit too. Errors are never kept. The cache keeps to a
budget of bytes, oldest out first.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from argmap.verify.sources import SourceError, parse_source, read_source_bytes, source_kind
from argmap.verify.text import SourceText

MAX_BYTES = 16 * 1024 * 1024  # of source files kept, over all sources (their texts weigh more)


class SourceCache:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._max_bytes = max_bytes
        self._kept: OrderedDict[str, tuple[bytes, SourceText]] = OrderedDict()
        self._bytes = 0

    def read(self, path: Path) -> SourceText | SourceError:
        """What :func:`argmap.verify.sources.read_source` makes of ``path``, parsed once while
        its bytes stay the same."""
        data = read_source_bytes(path)
        if isinstance(data, SourceError):
            return data
        name = str(path)
        kept = self._kept.get(name)
        if kept is not None and kept[0] == data:
            self._kept.move_to_end(name)
            return kept[1]
        found = parse_source(data, name, source_kind(path))
        if kept is not None:
            del self._kept[name]
            self._bytes -= len(kept[0])
        if isinstance(found, SourceText) and len(data) <= self._max_bytes:
            self._kept[name] = (data, found)
            self._bytes += len(data)
            while self._bytes > self._max_bytes:
                _, (oldest, _) = self._kept.popitem(last=False)
                self._bytes -= len(oldest)
        return found


_RUN = SourceCache()


def read_source_once(path: Path) -> SourceText | SourceError:
    """:func:`argmap.verify.sources.read_source` through the cache of this process's run."""
    return _RUN.read(path)
