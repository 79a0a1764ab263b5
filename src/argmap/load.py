"""Stage 1, load: bytes -> a plain tree of dicts, lists and strings, plus a position for every
key and value.

Why not ``yaml.safe_load``: it forgets where things were, silently keeps the last of two
duplicate keys, expands aliases without limit and recurses once per nesting level. Here the
tree is built from libyaml's event stream (PyYAML's C parser when present) by a loop with an
explicit stack, so every limit is checked as the events arrive and nothing recurses.

Scalars stay text. The format has no booleans and YAML 1.1's implicit typing turns ``no``,
``2008-05`` or ``1_000`` into surprises; the model converts text to numbers where a number is
meant. Only null (``~``, ``null``, an empty value) becomes ``None``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any, Protocol

import yaml

from argmap import codes
from argmap.diagnostics import Diagnostic, Position
from argmap.lines import lone_crs_as_line_feeds, position_of
from argmap.paths import read_regular_file
from argmap.utf16 import looks_like_utf16
from argmap.yaml_breaks import (
    ODD_BREAKS,
    break_on_line_before,
    name_of,
    stray_break,
    stray_break_message,
)

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]
Tree = dict[str, Any]

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000

# What YAML 1.1 lets a stream hold (libyaml refuses the rest, without a line and column).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:timestamp",
        "!",
    }
)
_NULL_TAG = "tag:yaml.org,2002:null"
_CONTAINER_TAGS = frozenset({None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"})
_MERGE = "<<"


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost. The defaults fit hand-written maps with room to spare."""

    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    max_alias_nodes: int = MAX_ALIAS_NODES


DEFAULT_LIMITS = Limits()


@dataclass(slots=True)
class PositionMap:
    """Where each value (and each mapping key) of the tree stands in the file.

    Paths are tuples of keys and indices, as pydantic reports them in ``loc``. A path with no
    entry of its own (a value reached through an alias) falls back to its nearest ancestor.
    Positions are stored packed in one int each (see :func:`_pack`): a large map has one for
    every key and every value, and a :class:`Position` is made only when one is asked for.
    """

    values: dict[PathKey, int] = field(default_factory=dict)
    keys: dict[PathKey, int] = field(default_factory=dict)

    def value(self, path: PathKey) -> Position:
        return Position(*self.value_line_col(path))

    def key(self, path: PathKey) -> Position:
        """The position of the key that introduces ``path`` (its value's when none)."""
        return Position(*self.key_line_col(path))

    def value_line_col(self, path: PathKey) -> tuple[int, int]:
        """:meth:`value` as a pair, for callers that ask hundreds of thousands of times."""
        packed = self.values.get(path)
        if packed is None:
            # most often one level up: ``supports: x``, where a list item is asked for
            packed = self.values.get(path[:-1])
            if packed is None:
                packed = self._nearest(self.values, path)
        return (packed >> _SHIFT) + 1, (packed & _COLUMN) + 1

    def key_line_col(self, path: PathKey) -> tuple[int, int]:
        """:meth:`key` as a pair."""
        packed = self.keys.get(path)
        if packed is None:
            return self.value_line_col(path)
        return (packed >> _SHIFT) + 1, (packed & _COLUMN) + 1

    @staticmethod
    def _nearest(table: dict[PathKey, int], path: PathKey) -> int:
        """The entry of the nearest ancestor above the parent (``value`` tried those two)."""
        for end in range(len(path) - 2, -1, -1):
            packed = table.get(path[:end])
            if packed is not None:
                return packed
        return 0  # line 1, column 1


# A position packed into one int: the 0-based line above the 0-based column.
_SHIFT = 32
_COLUMN = (1 << _SHIFT) - 1


def _pack(pos: Position) -> int:
    """A :class:`Position` as :class:`PositionMap` stores it."""
    return (pos.line - 1) << _SHIFT | (pos.col - 1)


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded file: its text (for excerpts), its tree and the positions in it.

    ``hashed`` are the ``(start, end)`` character offsets in ``text`` of the scalars (texts,
    keys) that hold a ``#``, in order: a ``#`` there is the text's, one anywhere else begins
    a comment (libyaml reports no comments; see :func:`argmap.lint.registry.suppressions`).
    """

    path: str
    text: str
    data: Tree | None
    positions: PositionMap
    diagnostics: tuple[Diagnostic, ...]
    hashed: tuple[tuple[int, int], ...] = ()

    @property
    def ok(self) -> bool:
        return self.data is not None


class _Stop(Exception):
    """Raised inside the builder to end loading with one diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_document(
    path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read and load one file; the only function of this module that touches the disk."""
    shown = display if display is not None else str(path)
    try:
        raw = read_regular_file(path, limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return _failed(shown, "", codes.FILE_UNREADABLE.at(shown, None, f"cannot read: {reason}"))
    return load_bytes(raw, shown, limits)


def load_bytes(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Decode and load; every problem becomes a located diagnostic, never an exception."""
    if len(raw) > limits.max_bytes:
        message = f"file is larger than the limit of {limits.max_bytes:,} bytes"
        return _failed(path, "", codes.FILE_TOO_LARGE.at(path, None, message))
    text_or_error = decode(raw, path)
    if isinstance(text_or_error, Diagnostic):
        return _failed(path, "", text_or_error)
    return load_text(text_or_error, path, limits)


def decode(raw: bytes, path: str) -> str | Diagnostic:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM as Windows editors write it."""
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xef\xbb\xbf", "utf-8"),
    ):
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                return codes.INVALID_ENCODING.at(
                    path, None, f"not valid {encoding.upper()} after its byte order mark: {exc}"
                )
    if looks_like_utf16(raw):  # NULs between ASCII letters: the file holds a NUL, or é fails
        return codes.INVALID_ENCODING.at(
            path,
            None,
            "UTF-16 text without a byte order mark, which says which byte of a pair comes first",
            hint="save the file as UTF-8 (or as UTF-16 with a byte order mark)",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        pos = position_of(good, len(good))
        return codes.INVALID_ENCODING.at(
            path,
            pos,
            f"invalid UTF-8: byte 0x{raw[exc.start]:02x} cannot start or continue a character",
            hint="save the file as UTF-8",
        )


def load_text(text: str, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    # A lone CR ends a line (argmap.lines), for libyaml too, so making it an LF changes no
    # value, and every reader of the document's text (excerpts, comments, AM012) counts its
    # lines by LF. Offsets stay the same.
    text = lone_crs_as_line_feeds(text)
    nul = text.find("\x00")
    if nul >= 0:
        return _failed(
            path, text, codes.NUL_BYTE.at(path, position_of(text, nul), "the file holds a NUL byte")
        )
    bad = _NOT_YAML.search(text)
    if bad is not None:
        char = bad.group()
        what = "control character" if unicodedata.category(char) == "Cc" else "character"
        return _failed(
            path,
            text,
            codes.YAML_SYNTAX.at(
                path,
                position_of(text, bad.start()),
                f"the {what} U+{ord(char):04X} is not allowed in YAML",
                hint="remove it; inside double quotes, write it as an escape such as \\t",
            ),
        )
    marks = _Marks(text)
    builder = _Builder(path, limits, marks)
    loader = _Loader(text)
    try:
        data = builder.build(iter(loader.get_event, None))  # None once the stream has ended
    except _Stop as stop:
        return _failed(path, text, stop.diagnostic, builder.diagnostics)
    except yaml.MarkedYAMLError as exc:
        diag = _syntax_error(path, text, exc, marks, builder.spans)
        return _failed(path, text, diag, builder.diagnostics)
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports marks for all we know
        return _failed(path, text, codes.YAML_SYNTAX.at(path, None, str(exc)), builder.diagnostics)
    finally:
        loader.dispose()
    stray = None if builder.spans is None else stray_break(text, builder.spans)
    if stray is not None:
        message, hint = stray_break_message(text[stray])
        diag = codes.YAML_SYNTAX.at(path, position_of(text, stray), message, hint)
        return _failed(path, text, diag, builder.diagnostics)
    if data is None:
        return _failed(path, text, codes.EMPTY_FILE.at(path, None, "the file holds no document"))
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        message = f"the top level must be a mapping of keys (argmap: 1, claims: ...), not {kind}"
        diag = codes.NOT_A_MAPPING.at(path, builder.positions.value(()), message)
        return _failed(path, text, diag, builder.diagnostics)
    return Document(
        path, text, data, builder.positions, tuple(builder.diagnostics), tuple(builder.hashed)
    )


def _failed(
    path: str, text: str, diagnostic: Diagnostic, earlier: list[Diagnostic] | None = None
) -> Document:
    return Document(path, text, None, PositionMap(), (*(earlier or []), diagnostic))


def _syntax_error(
    path: str,
    text: str,
    exc: yaml.MarkedYAMLError,
    marks: _Marks,
    spans: list[tuple[int, int]] | None,
) -> Diagnostic:
    problem_mark = exc.problem_mark or exc.context_mark
    pos = marks.at(problem_mark) if problem_mark is not None else None
    problem = exc.problem or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml's own guard, met before ours in flow style
        return codes.DEPTH_LIMIT.at(
            path, pos, "nesting deeper than libyaml's limit of 1,000 levels"
        )
    if (
        exc.problem_mark is not None
        and text[exc.problem_mark.index : exc.problem_mark.index + 1] == "\t"
    ):
        # libyaml says 'found character that cannot start any token', which names no tab
        message = "YAML syntax error: a tab, which YAML does not allow for indentation"
        return codes.YAML_SYNTAX.at(path, pos, message, "indent with spaces")
    message = f"YAML syntax error: {problem}"
    hint = None
    if exc.context and exc.context_mark is not None:
        where = marks.at(exc.context_mark)
        hint = f"{exc.context} at line {where.line}, column {where.col}"
    stray = _stray_break_before(text, exc, spans)
    if stray is not None:  # a line that looks right to the editor: say what YAML saw
        where = position_of(text, stray)
        hint = (
            f"line {where.line}, column {where.col} holds {name_of(text[stray])}, which YAML "
            "reads as a line end where an editor shows none: remove it"
        )
    return codes.YAML_SYNTAX.at(path, pos, message, hint)


def _stray_break_before(
    text: str, exc: yaml.MarkedYAMLError, spans: list[tuple[int, int]] | None
) -> int | None:
    """The first NEL, LS or PS before the error that YAML broke a line at and the editor did
    not: outside every text, or before the error (or what it was scanning) on the editor's line
    (``  a<LS>b`` in a block text: YAML reads ``b`` as a key). Not one in the text whose
    scanning failed (an unclosed quote), which is no cause."""
    if spans is None or exc.problem_mark is None:
        return None
    end = exc.problem_mark.index
    context = exc.context_mark.index if exc.context_mark is not None else end
    if exc.context and "scalar" in exc.context:
        end = min(end, context)
    found = [
        index
        for index in (
            stray_break(text, spans, end),
            break_on_line_before(text, end),
            break_on_line_before(text, min(end, context)),
        )
        if index is not None
    ]
    return min(found, default=None)


def _plain(event: yaml.ScalarEvent) -> bool:
    """An untagged, unquoted scalar (libyaml says '' for the plain style, PyYAML None)."""
    return event.tag is None and not event.style


class _Mark(Protocol):
    """Where an event or an error stands: PyYAML's and libyaml's marks both have these."""

    index: int
    line: int
    column: int


class _Marks:
    """libyaml's marks as positions. YAML 1.1 also ends a line at NEL, LS and PS, which
    editors and the reports' excerpts do not: after one of them, libyaml's line numbers are
    off, so positions are computed from the mark's character index instead. (A lone CR is an
    LF by now: :func:`load_text`.)"""

    def __init__(self, text: str) -> None:
        self.starts: list[int] | None = None
        if any(odd in text for odd in ODD_BREAKS):
            self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def at(self, mark: _Mark | None) -> Position:
        if mark is None:
            return Position(1, 1)
        if self.starts is None:
            return Position(mark.line + 1, mark.column + 1)
        line = bisect.bisect_right(self.starts, mark.index)
        return Position(line, mark.index - self.starts[line - 1] + 1)


@dataclass(slots=True)
class _Frame:
    """A mapping or list under construction."""

    container: dict[str, Any] | list[Any]
    path: PathKey
    anchor: str | None
    size: int = 1
    key: str | None = None  # the pending key of a mapping, once read
    key_path: PathKey = ()  # the path of its value, once the key is read
    key_pos: Position | None = None  # the position of a pending merge key
    expect_key: bool = True
    merges: list[tuple[Any, Position | None]] | None = None
    merge_pending: bool = False


class _Builder:
    """Turns the event stream into a tree, one event at a time, with an explicit stack."""

    def __init__(self, path: str, limits: Limits, marks: _Marks) -> None:
        self.path = path
        self.limits = limits
        self.marks = marks
        self.positions = PositionMap()
        self.diagnostics: list[Diagnostic] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.hashed: list[tuple[int, int]] = []  # see Document.hashed
        # the spans of all texts, kept when the file holds a NEL, LS or PS (argmap.yaml_breaks)
        self.spans: list[tuple[int, int]] | None = None if marks.starts is None else []

    def build(self, events: Iterator[yaml.Event]) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        values, keys = self.positions.values, self.positions.keys
        fast = self.marks.starts is None
        max_depth = self.limits.max_depth
        for event in events:
            # The fast paths, for most events of a large file: a plain or quoted scalar, or the
            # start of a mapping or list, untagged and unanchored, as a key of a mapping or a
            # value in a container; the end of a mapping or list. They do what the general
            # path below does, without its calls.
            if (
                isinstance(event, yaml.ScalarEvent)
                and fast
                and stack
                and event.tag is None
                and event.anchor is None
            ):
                frame = stack[-1]
                mark = event.start_mark
                pos = mark.line << _SHIFT | mark.column if mark is not None else 0
                text = event.value
                if "#" in text:
                    self._hashed(event)
                holder = frame.container
                if frame.expect_key:
                    if (text == _MERGE and not event.style) or text in holder:
                        self._take_key(frame, event)
                        continue
                    frame.key = text = intern(text)  # a few key names, repeated throughout
                    frame.expect_key = False
                    frame.key_path = path = (*frame.path, text)
                    keys[path] = pos
                    continue
                scalar = None if not event.style and text in _NULLS else text
                if isinstance(holder, list):
                    values[(*frame.path, len(holder))] = pos
                    holder.append(scalar)
                    frame.size += 1
                    continue
                if frame.key is not None and not frame.merge_pending:
                    values[frame.key_path] = pos
                    holder[frame.key] = scalar
                    frame.size += 1
                    frame.key = None
                    frame.expect_key = True
                    continue
            elif (
                isinstance(event, yaml.CollectionStartEvent)
                and fast
                and stack
                and event.tag is None
                and event.anchor is None
                and len(stack) < max_depth
            ):
                frame = stack[-1]
                holder = frame.container
                if isinstance(holder, list):
                    path = (*frame.path, len(holder))
                elif frame.key is not None and not frame.merge_pending:
                    path = frame.key_path
                else:
                    path = None  # a key expected (an error), a dropped or a merged value
                if path is not None:
                    mark = event.start_mark
                    values[path] = mark.line << _SHIFT | mark.column if mark is not None else 0
                    if isinstance(event, yaml.MappingStartEvent):
                        stack.append(_Frame({}, path, None))
                    else:
                        stack.append(_Frame([], path, None, expect_key=False))
                    continue
            elif isinstance(event, yaml.CollectionEndEvent):
                frame = stack.pop()
                if (
                    frame.merges is not None
                    or frame.anchor is not None
                    or not stack
                    or stack[-1].merge_pending
                ):
                    value = self._finish(frame)
                    root = self._attach(stack, value, frame.size, frame.anchor, root)
                    continue
                parent = stack[-1]
                parent.size += frame.size
                holder = parent.container
                if isinstance(holder, list):
                    holder.append(frame.container)
                    continue
                if parent.key is not None:
                    holder[parent.key] = frame.container
                parent.key = None
                parent.expect_key = True
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Stop(
                        codes.MULTIPLE_DOCUMENTS.at(
                            self.path,
                            self._pos(event),
                            "a second YAML document; an argument file holds exactly one",
                            hint="split it into two files, or join them with 'include'",
                        )
                    )
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # stream and document boundaries
            if isinstance(event, yaml.ScalarEvent):
                if "#" in event.value:
                    self._hashed(event)
                if self.spans is not None:
                    self._span(event)
            if stack and isinstance(stack[-1].container, dict) and stack[-1].expect_key:
                self._take_key(stack[-1], event)
                continue
            path = self._child_path(stack)
            if isinstance(event, yaml.AliasEvent):
                value, size = self._alias(event)
                values.setdefault(path, _pack(self._pos(event)))
                root = self._attach(stack, value, size, None, root)
            elif isinstance(event, yaml.ScalarEvent):
                values[path] = _pack(self._pos(event))
                root = self._attach(stack, self._scalar(event), 1, event.anchor, root)
            else:
                assert isinstance(event, yaml.CollectionStartEvent)
                self._check_container_tag(event)
                if len(stack) >= max_depth:
                    raise _Stop(
                        codes.DEPTH_LIMIT.at(
                            self.path,
                            self._pos(event),
                            f"nesting deeper than {max_depth} levels",
                        )
                    )
                values[path] = _pack(self._pos(event))
                is_list = not isinstance(event, yaml.MappingStartEvent)
                container: dict[str, Any] | list[Any] = [] if is_list else {}
                stack.append(_Frame(container, path, event.anchor, expect_key=not is_list))
        return root

    def _pos(self, event: yaml.Event) -> Position:
        return self.marks.at(event.start_mark)

    def _hashed(self, event: yaml.ScalarEvent) -> None:
        """Note a scalar that holds a ``#`` (once: a scalar may pass the fast path first)."""
        start, end = event.start_mark, event.end_mark
        if start is None or end is None:  # pragma: no cover - libyaml marks every event
            return
        span = (start.index, end.index)
        if not self.hashed or self.hashed[-1] != span:
            self.hashed.append(span)

    def _span(self, event: yaml.ScalarEvent) -> None:
        """Note where a text stands (see :attr:`spans`)."""
        start, end = event.start_mark, event.end_mark
        if self.spans is not None and start is not None and end is not None:
            self.spans.append((start.index, end.index))

    # -- keys --------------------------------------------------------------------------------
    def _take_key(self, frame: _Frame, event: yaml.NodeEvent) -> None:
        pos = self._pos(event)
        if not isinstance(event, yaml.ScalarEvent):
            raise _Stop(
                codes.COMPLEX_KEY.at(
                    self.path, pos, "a mapping key must be plain text, not a list, mapping or alias"
                )
            )
        key = event.value
        frame.expect_key = False
        frame.key_pos = pos
        if key == _MERGE and _plain(event):
            frame.merge_pending = True
            frame.key = None
            return
        assert isinstance(frame.container, dict)
        path = (*frame.path, key)
        if key in frame.container:
            first = self.positions.key(path)
            self.diagnostics.append(
                codes.DUPLICATE_KEY.at(
                    self.path,
                    pos,
                    f"duplicate key '{key}'",
                    hint=f"first defined at line {first.line}, column {first.col}; "
                    "the second would silently replace the first",
                )
            )
            frame.key = None  # the value is read and dropped: the first one stays
            return
        frame.key = key
        frame.key_path = path
        self.positions.keys[path] = _pack(pos)

    def _child_path(self, stack: list[_Frame]) -> PathKey:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is None:
            return (*frame.path, "\x00dropped")
        return frame.key_path

    # -- values ------------------------------------------------------------------------------
    def _scalar(self, event: yaml.ScalarEvent) -> str | None:
        tag = event.tag
        if tag is not None and tag not in _STR_TAGS and tag != _NULL_TAG:
            self._forbidden_tag(event, tag)
        if tag == _NULL_TAG:
            return None
        if _plain(event) and event.value in _NULLS:
            return None
        return str(event.value)

    def _check_container_tag(self, event: yaml.CollectionStartEvent) -> None:
        if event.tag not in _CONTAINER_TAGS:
            self._forbidden_tag(event, str(event.tag))

    def _forbidden_tag(self, event: yaml.NodeEvent, tag: str) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise _Stop(
            codes.FORBIDDEN_TAG.at(
                self.path,
                self._pos(event),
                f"the YAML tag '{shown}' is not allowed; argmap reads plain YAML only",
                hint="remove the tag: only mappings, lists, text and numbers are read, "
                "and nothing in a file is ever run",
            )
        )

    def _alias(self, event: yaml.AliasEvent) -> tuple[Any, int]:
        anchor = event.anchor
        if anchor not in self.anchors:
            raise _Stop(
                codes.YAML_SYNTAX.at(self.path, self._pos(event), f"unknown alias '*{anchor}'")
            )
        value, size = self.anchors[anchor]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise _Stop(
                codes.ALIAS_LIMIT.at(
                    self.path,
                    self._pos(event),
                    f"aliases expand to more than {self.limits.max_alias_nodes:,} nodes",
                    hint="this is how 'billion laughs' attacks work; write the values out",
                )
            )
        return value, size

    def _attach(
        self, stack: list[_Frame], value: Any, size: int, anchor: str | None, root: Any
    ) -> Any:
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not stack:
            return value
        frame = stack[-1]
        frame.size += size
        if isinstance(frame.container, list):
            frame.container.append(value)
            return root
        if frame.merge_pending:
            if frame.merges is None:
                frame.merges = []
            frame.merges.append((value, frame.key_pos))
            frame.merge_pending = False
        elif frame.key is not None:
            frame.container[frame.key] = value
        frame.key = None
        frame.expect_key = True
        return root

    def _finish(self, frame: _Frame) -> dict[str, Any] | list[Any]:
        """Apply YAML merge keys (``<<: *defaults``): explicit keys win over merged ones. A
        merged key, and what it holds, stands where its ``<<`` does."""
        container = frame.container
        if not frame.merges:
            return container
        assert isinstance(container, dict)
        for merged, where in frame.merges:
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    raise _Stop(
                        codes.YAML_SYNTAX.at(
                            self.path,
                            where,
                            "a merge key '<<' takes a mapping or a list of mappings",
                        )
                    )
                for key, value in source.items():
                    if key in container:
                        continue
                    container[key] = value
                    if where is not None:
                        path = (*frame.path, key)
                        self.positions.keys[path] = self.positions.values[path] = _pack(where)
        return container
