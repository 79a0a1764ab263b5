"""JSON with two-space indentation, the bytes of ``json.dumps(value, indent=2,
ensure_ascii=False)``, made cheaply.

With ``indent``, :func:`json.dumps` falls back to the pure-Python encoder, which builds a
list of millions of small strings for a large map (a 5,000-claim map with 50,000 attacks
took 300 MB and most of the export's time). Here the nesting is walked in Python, and every
object or array whose members hold no further non-empty object or array (an attack, a node,
an edge, a list of ids) is written by the C encoder in one call: its item separator carries
the newline and the indentation, which is exactly what the indenting encoder puts between
members.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_INDENT = "  "
_FLAT = json.JSONEncoder(ensure_ascii=False)
_MEMBERS: dict[int, json.JSONEncoder] = {}  # level -> encoder of a flat container at that level
# A lone surrogate: a file name that is not UTF-8 reaches Python so (surrogateescape). It can
# only stand inside a JSON string, where its escape means the same code point.
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_document(value: Any) -> str:
    """A JSON document as argmap prints it: :func:`indented_json` and one newline at the end.

    Every JSON output goes through here (validate, check, stats, the exports, SARIF, the
    schemas), so they cannot differ in indentation, escaping or the last newline.

    A lone surrogate is written as its escape (``\\udce9``), which ``ensure_ascii=False``
    writes as itself: no UTF-8 stream can carry that (a strict one raises, a
    ``surrogateescape`` one writes a byte that is not UTF-8), and the escape reads back to
    the same string.
    """
    document = indented_json(value)
    if _has_surrogate(document):
        document = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
    return document + "\n"


def _has_surrogate(document: str) -> bool:
    """Whether ``document`` holds a lone surrogate: what UTF-8 cannot encode. Encoding a
    slice at a time is three times as fast as searching with ``_SURROGATE`` (a 37-million-
    character document: 0.13 s against 0.37 s), and an ASCII document is known at once."""
    if document.isascii():
        return False
    step = 1 << 20
    try:
        for start in range(0, len(document), step):
            document[start : start + step].encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def indented_json(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, byte for byte."""
    parts: list[str] = []
    _write(value, 0, parts.append)
    return "".join(parts)


def _is_container(value: Any) -> bool:
    return isinstance(value, dict | list | tuple)


def _flat(value: Any) -> str:
    """``value`` on one line, as the indenting encoder writes a scalar or an empty container."""
    return _FLAT.encode(value)


def _members(level: int) -> json.JSONEncoder:
    """The C encoder that writes the members of a container at ``level`` one a line."""
    encoder = _MEMBERS.get(level)
    if encoder is None:
        separators = (",\n" + _INDENT * (level + 1), ": ")
        encoder = _MEMBERS[level] = json.JSONEncoder(ensure_ascii=False, separators=separators)
    return encoder


def _write(value: Any, level: int, emit: Callable[[str], None]) -> None:
    if not _is_container(value) or not value:
        emit(_flat(value))
        return
    inner = _INDENT * (level + 1)
    is_dict = isinstance(value, dict)
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    if _holds_no_container(value):
        body = _members(level).encode(value)
        emit(f"{opening}\n{inner}{body[1:-1]}\n{_INDENT * level}{closing}")
        return
    if not is_dict and all(_is_flat_object(member) for member in value):
        emit(_objects(value, level))
        return
    emit(opening)
    first = True
    if is_dict:
        for key, member in value.items():
            emit(("\n" if first else ",\n") + inner + _key(key) + ": ")
            _write(member, level + 1, emit)
            first = False
    else:
        for member in value:
            emit(("\n" if first else ",\n") + inner)
            _write(member, level + 1, emit)
            first = False
    emit(f"\n{_INDENT * level}{closing}")


def _holds_no_container(value: dict[Any, Any] | list[Any] | tuple[Any, ...]) -> bool:
    """Whether no member of ``value`` is a non-empty object or array."""
    members = value.values() if isinstance(value, dict) else value
    return not any(member and _is_container(member) for member in members)


def _is_flat_object(value: Any) -> bool:
    """A non-empty object whose members hold no non-empty object or array."""
    return isinstance(value, dict) and bool(value) and _holds_no_container(value)


def _objects(objects: list[Any] | tuple[Any, ...], level: int) -> str:
    """An array of flat objects (``_is_flat_object``), at ``level``, in one C call.

    The encoder puts the members' separator, newline and indentation included, between the
    objects too; a raw newline appears nowhere else (JSON strings escape it), and an object's
    members start with a name (``"``), so ``},\n<indent>{`` can only be the place between
    two objects, where the indentation is one level less and the braces go on lines of their
    own.
    """
    outer, inner = _INDENT * (level + 1), _INDENT * (level + 2)
    body = _members(level + 1).encode(objects)
    between = body[2:-2].replace(f"}},\n{inner}{{", f"\n{outer}}},\n{outer}{{\n{inner}")
    return f"[\n{outer}{{\n{inner}{between}\n{outer}}}\n{_INDENT * level}]"


def _key(key: Any) -> str:
    """A member's name as JSON writes it (a number or a constant as a string)."""
    if isinstance(key, str):
        return _flat(key)
    return _FLAT.encode({key: 0})[1:-4]
