"""Reading untrusted JSON: depth checked before parsing (Python's parser recurses), and
errors located at ``line:col``."""

from __future__ import annotations

import json
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.interchange import codes
from argmap.lines import position_of


def too_deep(text: str, max_depth: int) -> int | None:
    """The offset of the first ``[``/``{`` (outside strings) nested deeper than the limit."""
    depth = 0
    in_string = escaped = False
    for index, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                return index
        elif ch in "]}":
            depth -= 1
    return None


def load_json(text: str, path: str, max_depth: int) -> Any | Diagnostic:
    where = too_deep(text, max_depth)
    if where is not None:
        return codes.IMPORT_TOO_DEEP.at(
            path, position_of(text, where), f"JSON nests deeper than {max_depth} levels"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # exc.lineno counts line feeds alone; JSON takes a lone CR for white space
        at = position_of(text, exc.pos)
        return codes.IMPORT_SYNTAX.at(path, at, f"invalid JSON: {exc.msg}")
    except (ValueError, RecursionError) as exc:  # e.g. a number with too many digits
        return codes.IMPORT_SYNTAX.at(path, None, f"invalid JSON: {exc}")
