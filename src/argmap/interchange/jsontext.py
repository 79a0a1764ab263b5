"""Reading untrusted JSON: depth checked before parsing (Python's parser recurses), and
errors located at ``line:col``."""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.lines import LINE_BREAK, position_of


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


# A backslash escape, read left to right so that an escaped backslash is one escape.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def half_surrogate(text: str) -> int | None:
    """The offset of the first ``\\u`` escape that spells half of a UTF-16 surrogate pair
    alone (no character: Python's parser reads it into a string that cannot be written)."""
    high: int | None = None  # a high half just read, waiting for its low half
    for m in _ESCAPE.finditer(text):
        unit = int(m.group(1), 16) if m.group(1) else None
        is_low = unit is not None and 0xDC00 <= unit <= 0xDFFF
        if high is not None:
            if is_low and m.start() == high + 6:
                high = None
                continue
            return high
        if unit is not None and 0xD800 <= unit <= 0xDBFF:
            high = m.start()
        elif is_low:
            return m.start()
    return high


def load_json(text: str, path: str, max_depth: int) -> Any | Diagnostic:
    where = too_deep(text, max_depth)
    if where is not None:
        return codes.IMPORT_TOO_DEEP.at(
            path, position_of(text, where), f"JSON nests deeper than {max_depth} levels"
        )
    half = half_surrogate(text)
    if half is not None:
        return codes.IMPORT_SYNTAX.at(
            path,
            position_of(text, half),
            f"'{text[half : half + 6]}' in a JSON string is half of a UTF-16 surrogate pair, "
            "not a character",
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # exc.lineno counts line feeds alone; JSON takes a lone CR for white space
        at = position_of(text, exc.pos)
        return codes.IMPORT_SYNTAX.at(path, at, f"invalid JSON: {exc.msg}")
    except (ValueError, RecursionError) as exc:  # e.g. a number with too many digits
        return codes.IMPORT_SYNTAX.at(path, None, f"invalid JSON: {exc}")


# A token of valid JSON: a string, a structural character, or a literal (number, true, ...).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
JsonPath = tuple[str | int, ...]


def value_offsets(text: str, max_length: int) -> dict[JsonPath, int]:
    """The offset where each value of ``text`` (valid JSON) starts, by its path (keys and list
    indexes) from the root, for paths of at most ``max_length`` steps.

    One pass over the tokens with an explicit stack: linear in the text, whatever its depth.
    """
    found: dict[JsonPath, int] = {}
    # one frame per open container: its path, and the key or index of its current value
    stack: list[tuple[JsonPath, list[str | int | None]]] = []
    expecting_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("}", "]"):
            stack.pop()
            expecting_key = False  # '{}' closes before any key
            continue
        if token == ":":
            continue
        if token == ",":
            if stack:
                slot = stack[-1][1]
                if isinstance(slot[0], int):
                    slot[0] += 1
                else:
                    expecting_key = True
            continue
        if expecting_key:  # a key of the innermost object
            stack[-1][1][0] = json.loads(token)
            expecting_key = False
            continue
        path: JsonPath = ()
        if stack:
            parent, slot = stack[-1]
            key = slot[0]
            assert key is not None
            path = (*parent, key)
        if len(path) <= max_length:
            found[path] = match.start()  # a key given twice: its last value, as json reads it
        if token == "{":
            stack.append((path, [None]))
            expecting_key = True
        elif token == "[":
            stack.append((path, [0]))
    return found


class JsonPlaces:
    """``line:col`` of the values of a JSON text by path, found on the first question."""

    def __init__(self, text: str, max_length: int) -> None:
        self._text = text
        self._max_length = max_length
        self._offsets: dict[JsonPath, int] | None = None
        self._lines: list[int] = []  # the offset where each line starts

    def at(self, path: JsonPath) -> Position | None:
        """Where the value at ``path`` starts, or None (no such value, or too deep)."""
        if self._offsets is None:
            self._offsets = value_offsets(self._text, self._max_length)
            # where each line starts, by argmap's one rule (argmap.lines): a lone CR too
            self._lines = [0, *(m.end() for m in LINE_BREAK.finditer(self._text))]
        offset = self._offsets.get(path)
        if offset is None:
            return None
        line = bisect.bisect_right(self._lines, offset)
        return Position(line, offset - self._lines[line - 1] + 1)
