"""Configuration: ``[tool.argmap]`` in ``pyproject.toml``, or ``argmap.toml`` at the project root.

    [tool.argmap]
    select = ["AM001", "AM002"]      # only these rules (default: all)
    ignore = ["missing-label"]       # codes or names
    similarity = 85                  # a fuzzy quote match at or above this is a paraphrase
    long-text = 80                   # claims longer than this want a label
    duplicate-similarity = 90        # near-duplicate claim texts

    [tool.argmap.severity]
    AM002 = "error"                  # error, warning or info

``argmap.toml`` holds the same keys at its top level (no ``[tool.argmap]`` header).

The file comes from the same pull request as the maps, so it is read like them: only inside
the project (a symbolic link that leads out is refused), only a regular file (a FIFO or a
device is refused before a byte is read), at most :data:`MAX_CONFIG_BYTES`, nested at most
:data:`MAX_CONFIG_DEPTH` levels (tomllib recurses), and every problem is located: a TOML error
where tomllib saw it, a bad value at its key.
"""

from __future__ import annotations

import bisect
import difflib
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap import codes
from argmap.codes import Code
from argmap.config_numbers import MAX_LONG_TEXT, BadNumber, count, percentage, read_number
from argmap.diagnostics import Diagnostic, Position, Severity
from argmap.lines import position_of
from argmap.lint.context import LintConfig
from argmap.paths import read_regular_file, resolved

KNOWN_KEYS = frozenset(
    {"select", "ignore", "severity", "similarity", "long-text", "duplicate-similarity"}
)
MAX_CONFIG_BYTES = 1024 * 1024
MAX_CONFIG_DEPTH = 64  # arrays and inline tables inside each other; tomllib recurses on them

KeyPath = tuple[str, ...]
Locate = Callable[[KeyPath], Position | None]
LocateItem = Callable[[KeyPath, int], Position | None]
_ARGMAP_TABLE: dict[str, KeyPath] = {"pyproject.toml": ("tool", "argmap"), "argmap.toml": ()}
_TOML_WHERE = re.compile(
    r"\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)\s*$"
)


# The files a project's configuration is read from, the first there winning.
CONFIG_NAMES = ("argmap.toml", "pyproject.toml")


def find_config(root: Path) -> Path | None:
    """``argmap.toml``, else ``pyproject.toml``: whatever it is, so that a FIFO or a folder of
    that name is refused rather than passed over."""
    for name in CONFIG_NAMES:
        candidate = root / name
        if candidate.exists():
            return candidate
    return None


def load_config(root: Path) -> tuple[LintConfig, list[Diagnostic]]:
    """The configuration at ``root``; defaults (and a diagnostic) when it is broken."""
    path = find_config(root)
    if path is None:
        return LintConfig(), []
    shown = str(path)
    if not resolved(path).is_relative_to(resolved(root)):
        message = (
            "cannot read the configuration: it is a symbolic link that leads outside the "
            "project, and argmap reads nothing outside it"
        )
        return LintConfig(), [codes.INVALID_CONFIG.at(shown, None, message)]
    text = _read(path, shown)
    if isinstance(text, Diagnostic):
        return LintConfig(), [text]
    keys = TomlKeys(text)
    if keys.too_deep is not None:
        message = f"the configuration nests deeper than {MAX_CONFIG_DEPTH} levels"
        return LintConfig(), [codes.INVALID_CONFIG.at(shown, keys.too_deep, message)]
    data = _parse(text, shown)
    if isinstance(data, Diagnostic):
        return LintConfig(), [data]
    base = _ARGMAP_TABLE.get(path.name, ())
    if base:
        tool = data.get(base[0], {})
        if not isinstance(tool, dict):
            return LintConfig(), [
                codes.INVALID_CONFIG.at(shown, keys.find(base[:1]), "[tool] must be a table")
            ]
        table: Any = tool.get(base[1], {})
    else:
        table = data
    return parse_config(
        table,
        shown,
        lambda key: keys.find(base + key),
        lambda key, index: keys.item(base + key, index),
    )


_UTF8_BOM = b"\xef\xbb\xbf"


def _read(path: Path, shown: str) -> str | Diagnostic:
    try:
        raw = read_regular_file(path, MAX_CONFIG_BYTES + 1)
    except IsADirectoryError:
        return codes.INVALID_CONFIG.at(
            shown, None, "cannot read the configuration: a folder, not a file"
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return codes.INVALID_CONFIG.at(shown, None, f"cannot read the configuration: {reason}")
    if len(raw) > MAX_CONFIG_BYTES:
        return codes.INVALID_CONFIG.at(
            shown, None, f"the configuration is larger than the limit of {MAX_CONFIG_BYTES:,} bytes"
        )
    raw = raw.removeprefix(_UTF8_BOM)  # Windows editors write one; TOML has no use for it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        return codes.INVALID_CONFIG.at(
            shown,
            position_of(good, len(good)),
            "the configuration is not valid UTF-8: "
            f"byte 0x{raw[exc.start]:02x} cannot start or continue a character",
            hint="save the file as UTF-8",
        )


def _parse(text: str, shown: str) -> dict[str, Any] | Diagnostic:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, pos = _toml_error(str(exc), text)
        return codes.INVALID_CONFIG.at(shown, pos, f"not valid TOML: {message}")
    except ValueError as exc:
        # tomllib reads decimal integers with int(), which refuses more digits than Python's
        # limit (4,300 by default) with a plain ValueError.
        limit = sys.get_int_max_str_digits()
        number = _long_number(text, limit)
        if limit and number is not None:
            message = f"a number with more than {limit:,} digits"
            return codes.INVALID_CONFIG.at(shown, number, f"not valid TOML: {message}")
        return codes.INVALID_CONFIG.at(shown, None, f"not valid TOML: {exc}")
    except RecursionError:  # nesting that the scan did not see (it stops at broken syntax)
        message = f"the configuration nests deeper than {MAX_CONFIG_DEPTH} levels"
        return codes.INVALID_CONFIG.at(shown, None, message)


def _toml_error(message: str, text: str) -> tuple[str, Position | None]:
    """tomllib's message without its "(at line L, column C)", and that position."""
    match = _TOML_WHERE.search(message)
    if match is None:
        return _lower_first(message), None
    what = _lower_first(message[: match.start()])
    if match["line"] is None:
        return f"{what} at the end of the file", position_of(text, len(text))
    return what, Position(int(match["line"]), int(match["col"]))


def _long_number(text: str, limit: int) -> Position | None:
    """Where the first run of more than ``limit`` digits (``_`` may separate them) starts."""
    for match in re.finditer(r"[0-9][0-9_]*", text):
        number = match.group()
        if len(number) - number.count("_") > limit:
            return position_of(text, match.start())
    return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# At most this many problems of one configuration are listed (a 1 MB file of unknown keys
# would print 100,000 lines); the rest are counted in one more.
MAX_CONFIG_PROBLEMS = 50


def parse_config(
    table: Any,
    shown: str,
    locate: Locate = lambda key: None,
    locate_item: LocateItem = lambda key, index: None,
) -> tuple[LintConfig, list[Diagnostic]]:
    """The settings of an ``[tool.argmap]`` table; ``locate`` gives the position of a key in it
    (a path inside the table: ``("severity", "AM002")``), ``locate_item`` that of an item of
    the list a key holds (``("select",), 2``); None where it is not known."""
    problems: list[Diagnostic] = []
    not_shown = 0

    def bad(message: str, *key: str, item: int | None = None, hint: str | None = None) -> None:
        nonlocal not_shown
        if len(problems) >= MAX_CONFIG_PROBLEMS:
            not_shown += 1  # counted, not located: a flood costs no scanning
            return
        at = locate_item(key, item) if item is not None else None
        problems.append(codes.INVALID_CONFIG.at(shown, at or locate(key), message, hint))

    if not isinstance(table, dict):
        bad("[tool.argmap] must be a table")
        return LintConfig(), problems
    for key in sorted(set(table) - KNOWN_KEYS):
        tool = table[key] if key == "tool" else None
        header = isinstance(tool, dict) and "argmap" in tool  # pyproject's, copied with its header
        bad(
            f"unknown setting '{key}'; known: {', '.join(sorted(KNOWN_KEYS))}",
            key,
            hint=(
                "argmap.toml takes the settings at its top level: remove the [tool.argmap] line"
                if header
                else None
            ),
        )
    config = LintConfig()
    select = _strings(table.get("select", []), "select", bad)
    ignore = _strings(table.get("ignore", []), "ignore", bad)
    for key, words in (("select", select), ("ignore", ignore)):
        for index, word in enumerate(words):
            found = rule_code(word)
            if isinstance(found, NotARule):
                bad(found.message(key), key, item=index)  # the word, not the list's key
    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if isinstance(raw_severity, dict):
        for code, level in raw_severity.items():
            if code in KNOWN_KEYS:  # TOML reads every key below a table's header into it
                where = (
                    "[tool.argmap.severity]" if shown.endswith("pyproject.toml") else "[severity]"
                )
                bad(
                    f"'{code}' is a setting, not a rule: written below {where}, it is read as "
                    "part of that table",
                    "severity",
                    code,
                    hint=f"move '{code}' above {where}",
                )
                continue
            named = rule_code(str(code))
            if isinstance(named, NotARule):
                bad(named.message("severity"), "severity", code)
                continue
            try:
                severity[named] = Severity(str(level))
            except ValueError:
                bad(
                    f"severity of {code} must be error, warning or info, not {level!r}",
                    "severity",
                    code,
                )
    else:
        bad("'severity' must be a table of code = level", "severity")
    numbers: dict[str, float] = {}
    for setting in (
        percentage("similarity", config.similarity),
        count("long-text", config.long_text, MAX_LONG_TEXT),
        percentage("duplicate-similarity", config.duplicate_similarity),
    ):
        value = read_number(setting, table.get(setting.key, setting.default))
        if isinstance(value, BadNumber):
            bad(value.message, setting.key, hint=value.hint)
            value = setting.default
        numbers[setting.key] = value
    if not_shown:
        problems.append(
            codes.INVALID_CONFIG.at(
                shown,
                None,
                f"{not_shown:,} more problems in the configuration are not shown; "
                "mend the ones above first",
            )
        )
    return (
        LintConfig(
            select=frozenset(select),
            ignore=frozenset(ignore),
            severity=severity,
            similarity=numbers["similarity"],
            long_text=int(numbers["long-text"]),
            duplicate_similarity=numbers["duplicate-similarity"],
        ),
        problems,
    )


@dataclass(frozen=True, slots=True)
class NotARule:
    """A word of ``select``, ``ignore`` or ``[severity]`` that names no rule: a typo (with the
    closest rule, when one is close) or a code of the pipeline stages, which is always on."""

    word: str
    suggestion: str | None = None
    stage: Code | None = None

    def message(self, key: str) -> str:
        if self.stage is not None:
            shown = (
                f"{self.stage.code} ({self.stage.name})"
                if self.word.upper() == self.stage.code
                else f"{self.stage.name} ({self.stage.code})"
            )
            return (
                f"'{key}': {shown} is not a rule: the checks of the pipeline stages cannot be "
                "switched off"
            )
        hint = f"did you mean '{self.suggestion}'?" if self.suggestion else "see 'argmap rules'"
        return f"'{key}' names no rule '{self.word}'; {hint}"


def rule_code(word: str) -> str | NotARule:
    """The code of the rule that ``word`` names: a code (in any case) or a rule's name."""
    from argmap.lint.registry import RULES_BY_CODE, RULES_BY_NAME

    if word.upper() in RULES_BY_CODE:
        return word.upper()
    if word in RULES_BY_NAME:
        return RULES_BY_NAME[word].code
    for stage in codes.ALL_CODES:
        if stage.named(word):
            return NotARule(word, stage=stage)
    number = re.fullmatch(r"(?i)am0*(\d{1,3})", word)
    padded = f"AM{int(number[1]):03d}" if number else None  # AM02, am2: AM002
    if padded in RULES_BY_CODE:
        return NotARule(word, padded)
    looks_like_code = word[:2].upper() == "AM"
    candidates = list(RULES_BY_CODE) if looks_like_code else list(RULES_BY_NAME)
    probe = word.upper() if looks_like_code else word.lower()
    close = difflib.get_close_matches(probe, candidates, n=1)
    return NotARule(word, close[0] if close else None)


def _strings(value: Any, key: str, bad: Callable[..., None]) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.upper() if v[:2].lower() == "am" else v for v in value]
    bad(f"'{key}' must be a list of rule codes or names", key)
    return []


# --- where the keys are ---------------------------------------------------------------------
_BLANK = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_SPACES = re.compile(r"[ \t]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?')  # unterminated: up to the line's end
_LITERAL = re.compile(r"'[^'\n]*'?")
_SCALAR = re.compile(r"[^ \t\r\n,\]}#]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_AFTER_SPACE = re.compile(r" \d{2}:[^ \t\r\n,\]}#]*")


class TomlKeys:
    """Where each key of a TOML text is written, found by a scan of the text (iterative, linear).

    tomllib returns values without positions; the scan follows table headers, dotted and quoted
    keys and inline tables, so ``find(("tool", "argmap", "similarity"))`` is the line and column
    of that key, wherever the file writes it. The scan also measures nesting, which tomllib
    would otherwise recurse into: ``too_deep`` is where it first passes :data:`MAX_CONFIG_DEPTH`.
    On text that is not TOML the scan stops early or skips lines; it never raises.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.too_deep: Position | None = None
        self._keys: dict[KeyPath, int] = {}
        self._items: dict[KeyPath, list[int]] = {}  # where the items of a key's list start
        self._line_starts: list[int] | None = None
        self._scan()

    def find(self, path: KeyPath) -> Position | None:
        """The position of ``path``; else of its nearest enclosing table; else None."""
        for end in range(len(path), 0, -1):
            index = self._keys.get(path[:end])
            if index is not None:
                return self._position(index)
        return None

    def item(self, path: KeyPath, index: int) -> Position | None:
        """The position of the ``index``-th item of the list that ``path`` holds; None when
        the scan did not see it (a list inside a list, say)."""
        starts = self._items.get(path, [])
        return self._position(starts[index]) if index < len(starts) else None

    def _position(self, index: int) -> Position:
        if self._line_starts is None:  # a config with thousands of bad keys: no n * lines
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self._line_starts, index)
        return Position(line, index - self._line_starts[line - 1] + 1)

    def _record(self, path: KeyPath, index: int) -> bool:
        """Note where ``path`` (and each table above it) is written; False when it is too deep."""
        if not self._within_limit(path, index):
            return False
        for end in range(1, len(path) + 1):
            self._keys.setdefault(path[:end], index)
        return True

    def _within_limit(self, path: KeyPath, index: int) -> bool:
        """tomllib takes time quadratic in the parts of a dotted key: they count as nesting."""
        if len(path) > MAX_CONFIG_DEPTH:
            self.too_deep = self._position(index)
            return False
        return True

    def _scan(self) -> None:
        text = self.text
        table: KeyPath = ()
        while self.too_deep is None:
            self._skip(_BLANK)
            if self.i >= len(text):
                return
            start = self.i
            if text[start] == "[":
                self.i += 2 if text.startswith("[[", start) else 1
                header = self._key()
                if header:
                    table = header
                    if not self._record(table, start):
                        return
                self._skip_line()  # the closing bracket and a comment
                continue
            key = self._key()
            if not key or not text.startswith("=", self.i):
                self._skip_line()
                continue
            self.i += 1
            if not self._record(table + key, start):
                return
            self._value(table + key)

    def _key(self) -> KeyPath:
        """A bare, quoted or dotted key at ``self.i``; () when there is none."""
        text, parts = self.text, []
        while True:
            self._skip(_SPACES)
            pattern = {'"': _BASIC, "'": _LITERAL}.get(text[self.i : self.i + 1], _BARE_KEY)
            match = pattern.match(text, self.i)
            if match is None:
                break
            self.i = match.end()
            word = match.group()
            parts.append(word if pattern is _BARE_KEY else word[1:-1])
            self._skip(_SPACES)
            if not text.startswith(".", self.i):
                break
            self.i += 1
        return tuple(parts)

    def _value(self, path: KeyPath) -> None:
        """Past one value; the keys of the inline tables in it are recorded under ``path``."""
        text = self.text
        # closing bracket, and the path of the inline table or list (None in a list)
        stack: list[tuple[str, KeyPath | None]] = []
        current: KeyPath | None = path  # the path of the value about to be read
        state = "value"  # or "key" (in an inline table) or "after" (a value was read)
        while True:
            self._skip(_BLANK if stack else _SPACES)
            if self.i >= len(text):
                return
            char = text[self.i]
            closing = stack[-1][0] if stack else None
            if char == closing and (state == "after" or state == "key" or closing == "]"):
                self.i += 1
                stack.pop()
                if not stack:
                    return
                state = "after"
            elif state == "value":
                if stack and stack[-1][0] == "]" and stack[-1][1] is not None:
                    self._items.setdefault(stack[-1][1], []).append(self.i)
                if char in "[{":
                    if len(stack) >= MAX_CONFIG_DEPTH:
                        self.too_deep = self._position(self.i)
                        return
                    stack.append(("]", current) if char == "[" else ("}", current))
                    self.i += 1
                    state = "value" if char == "[" else "key"
                    current = None
                    continue
                if not self._scalar():
                    return
                if not stack:
                    return
                state = "after"
            elif state == "key":
                start = self.i
                key = self._key()
                if not key or not text.startswith("=", self.i):
                    return
                self.i += 1
                table = stack[-1][1]
                if table is None:  # an inline table in an array: its keys have no one path
                    current = None
                    if not self._within_limit(key, start):
                        return
                else:
                    current = table + key
                    if not self._record(current, start):
                        return
                state = "value"
            elif char == ",":
                self.i += 1
                state = "key" if closing == "}" else "value"
                current = None
            else:
                return

    def _scalar(self) -> bool:
        """Past a string, number, boolean or date at ``self.i``; False when there is none."""
        text, start = self.text, self.i
        for quotes in ('"""', "'''"):
            if text.startswith(quotes, start):
                self.i = self._multiline_end(quotes, start + 3)
                return True
        pattern = {'"': _BASIC, "'": _LITERAL}.get(text[start], _SCALAR)
        match = pattern.match(text, start)
        if match is None:
            return False
        self.i = match.end()
        if _DATE.fullmatch(match.group()):  # 1979-05-27 07:32:00: one value with a space
            time = _TIME_AFTER_SPACE.match(text, self.i)
            if time is not None:
                self.i = time.end()
        return True

    def _multiline_end(self, quotes: str, index: int) -> int:
        """Past the closing quotes (with up to two quotes of content before them)."""
        text = self.text
        while True:
            end = text.find(quotes, index)
            if end < 0:
                return len(text)
            escape = text.find("\\", index, end) if quotes == '"""' else -1
            if escape >= 0:
                index = escape + 2
                continue
            end += 3
            extra = 0
            while extra < 2 and text.startswith(quotes[0], end):
                end += 1
                extra += 1
            return end

    def _skip(self, pattern: re.Pattern[str]) -> None:
        match = pattern.match(self.text, self.i)
        if match is not None:
            self.i = match.end()

    def _skip_line(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = len(self.text) if end < 0 else end + 1
