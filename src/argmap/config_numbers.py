"""The numeric settings of the configuration, each with its range and kind.

``similarity`` and ``duplicate-similarity`` are percentages (0 to 100); ``long-text`` is a
number of characters, whole. A value outside its range or of the wrong kind is refused with a
hint, never clamped or rounded: ``similarity = 0.85`` (the 0-1 habit) would count almost every
fuzzy quote match as a paraphrase, and ``long-text = 80.9`` is not what the rule compares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

MAX_LONG_TEXT = 1_000_000  # characters; more is a typo, not a claim's length
_SHOWN_UP_TO = 24  # characters of a value quoted in a message (a 400-digit number is not)


@dataclass(frozen=True, slots=True)
class NumberSetting:
    key: str
    default: float
    whole: bool  # a count: only whole numbers (80, or 80.0)
    top: float  # the largest allowed; the smallest is 0

    @property
    def range_text(self) -> str:
        if self.whole:
            return f"a whole number of characters from 0 to {self.top:,.0f}"
        return f"a percentage from 0 to {self.top:g}"


@dataclass(frozen=True, slots=True)
class BadNumber:
    message: str
    hint: str


def percentage(key: str, default: float) -> NumberSetting:
    return NumberSetting(key, default, whole=False, top=100.0)


def count(key: str, default: int, top: int) -> NumberSetting:
    return NumberSetting(key, float(default), whole=True, top=float(top))


def read_number(setting: NumberSetting, value: Any) -> float | BadNumber:
    """``value`` as the setting takes it, or why it does not."""
    number = _finite(value)
    if number is not None and 0 <= number <= setting.top:
        if setting.whole and not number.is_integer():
            return _bad(setting, value, f"write {math.floor(number)} or {math.ceil(number)}")
        if not setting.whole and 0 < number <= 1:
            percent = f"{round(number * 100, 6):g}"
            return _bad(setting, value, f"write {percent} for {percent}%")
        return number
    default = f"the default is {setting.default:g}"
    if number is not None and number > setting.top and not setting.whole:
        return _bad(setting, value, f"{setting.top:g} takes only an exact match; {default}")
    if isinstance(value, str) and _finite(_as_number(value)) is not None:
        return _bad(setting, value, f"write {value.strip()} without quotes")
    return _bad(setting, value, default)


def _bad(setting: NumberSetting, value: Any, hint: str) -> BadNumber:
    shown = _shown(value)
    written = f", not {shown}" if shown is not None else ""
    return BadNumber(f"'{setting.key}' must be {setting.range_text}{written}", hint)


def _finite(value: Any) -> float | None:
    """A finite int or float as a float; None for text, booleans, inf, nan and 10**400."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _shown(value: Any) -> str | None:
    """The value as TOML writes it, when it is short enough to quote."""
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, int | float | str):
        shown = repr(value)
    else:
        return None
    return shown if len(shown) <= _SHOWN_UP_TO else None
