"""Numbers as a text writes them, read for their value: ``1.5``, ``1,000``, ``1 000`` (digits
grouped by a space, a no-break or a thin space), ``1.000.000`` (grouped by dots, as German and
French write them), ``1.5 million``, and in English words (``fifteen``, ``twenty-one``, ``one
hundred and five``, ``three thousand``).

An insertion may not change a number of the source text it stands for (see
:func:`argmap.verify.quote.changed_number`): it is compared by value, so ``[fifteen]`` is
``15`` written another way, and ``[two]`` is not ``3``. A spelling that may be read two ways
has both values: ``1.000`` is a thousand where dots group digits and one where a dot is a
decimal point, and either is the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# A number's value, or, for a spelling that is no number (``1.2.3``: a section, a date), the
# spelling itself.
Value = Decimal | str

# Spaces that may group a number's digits (normalised text has made each of them a space).
_GROUP_SPACES = " \u00a0\u202f\u2009"
# Digits grouped by spaces in threes (``12 000``, ``1 000,5``), else digits with points and
# commas (``1.5``, ``1,000``, ``1.2.3``); either followed by a scale word (``1.5 million``).
_DIGITS = re.compile(
    rf"(?P<digits>\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
    rf"(?:[{_GROUP_SPACES}]++(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_PLAIN_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_WORD_VALUES: dict[str, int] = (
    {word: value for value, word in enumerate(_UNITS)}
    | {word: 20 + 10 * k for k, word in enumerate(_TENS)}
    | _SCALES
)
# One number word, a tens word and a unit glued by a hyphen (which normalising drops), or a
# scale; a run of them, joined by spaces, hyphens or ``and`` (a run that makes no one number,
# ``five and six``, is read word by word).
_ONE_TO_NINE = "|".join(_UNITS[1:10])
_NUMBER_WORD = (
    rf"(?:{'|'.join(_TENS)})(?:-?(?:{_ONE_TO_NINE}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))}|{'|'.join(_SCALES)}"
)
_WORDS = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:[\s-]++|\s++and\s++)(?:{_NUMBER_WORD}))*+\b", re.IGNORECASE
)
_WORD = re.compile(rf"\b(?:{_NUMBER_WORD})\b|\band\b", re.IGNORECASE)
_GLUED = re.compile(rf"({'|'.join(_TENS)})-?({_ONE_TO_NINE})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WrittenNumber:
    """A number where ``text[start:end]`` writes it, and every value that spelling may have."""

    start: int
    end: int
    values: frozenset[Value]


@lru_cache(maxsize=64)
def numbers_in(text: str) -> tuple[WrittenNumber, ...]:
    """The numbers ``text`` writes, in order, each read whole: ``1 000`` is a thousand,
    ``1.5 million`` a million and a half, ``twenty-one`` twenty-one. Remembered for the last
    few texts: an insertion is read for each placement of a quote's parts."""
    found = [*_digit_numbers(text), *_word_numbers(text)]
    return tuple(sorted(found, key=lambda number: number.start))


def values_in(text: str) -> set[Value]:
    """Every value ``text`` may write: its numbers read whole, and each of their digits and
    words read alone (``1 000`` is a thousand, or 1 and 0; ``1.5 million`` is 1.5 too), so
    that a text that may be read either way has the values of both."""
    values: set[Value] = set()
    for number in numbers_in(text):
        values |= number.values
    for found in _PLAIN_DIGITS.finditer(text):
        values |= _digit_values(found.group())
    for found in _WORD.finditer(text):
        word = found.group().lower()
        if word != "and":
            values |= _words_values(word)
    return values


def _digit_numbers(text: str) -> Iterator[WrittenNumber]:
    for found in _DIGITS.finditer(text):
        values = _digit_values(found.group("digits"))
        scale = found.group("scale")
        if scale is not None:
            factor = _SCALES[scale.lower()]
            values = {value * factor for value in values if isinstance(value, Decimal)}
            if not values:
                continue
        yield WrittenNumber(found.start(), found.end(), frozenset(values))


def _word_numbers(text: str) -> Iterator[WrittenNumber]:
    for found in _WORDS.finditer(text):
        # a scale word after digits is read with them (``1.5 million``)
        if _after_digits(text, found.start()):
            first = _WORD.match(found.group())
            if first is not None and first.group().lower() in _SCALES:
                continue
        values = _words_values(found.group())
        if values:
            yield WrittenNumber(found.start(), found.end(), frozenset(values))
            continue
        for word in _WORD.finditer(found.group()):  # no one number (``five six``): each word
            if word.group().lower() != "and":
                start = found.start() + word.start()
                values = _words_values(word.group())
                yield WrittenNumber(start, start + len(word.group()), frozenset(values))


def _after_digits(text: str, at: int) -> bool:
    """Whether only spaces stand between a digit and ``text[at]``."""
    at -= 1
    while at >= 0 and text[at] in _GROUP_SPACES:
        at -= 1
    return at >= 0 and text[at].isdecimal()


def _digit_values(digits: str) -> set[Value]:
    """The values of a number written in digits: ``1,000`` a thousand, ``3,5`` three and a
    half, ``1.000.000,5`` a million and a half, ``1.000`` a thousand or one; ``1.2.3`` (a
    section, a date) is no number, and is its spelling."""
    plain = re.sub(f"[{_GROUP_SPACES}]", "", digits)
    separators = [char for char in plain if char in ".,"]
    groups = re.split(r"[.,]", plain)
    if not separators:
        return {Decimal(plain)}
    values: set[Value] = set()
    if len(set(separators)) == 1:
        if _threes(groups):  # grouped in threes: 1,000 and 1.000.000
            values.add(Decimal("".join(groups)))
            if separators == ["."]:  # 1.000 may be one, to three places
                values.add(Decimal(plain))
        elif len(separators) == 1:  # a decimal point or comma: 1.5, 3,5
            values.add(Decimal(plain.replace(",", ".")))
    elif separators[-1] not in separators[:-1] and _threes(groups[:-1]):
        # grouped by one mark, the decimals after the other: 1,000.5 and 1.000,5
        values.add(Decimal("".join(groups[:-1]) + "." + groups[-1]))
    return values or {digits}


def _threes(groups: list[str]) -> bool:
    """Whether ``groups`` are digits grouped in threes: the first one to three, the others
    three."""
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def _words_values(words: str) -> set[Value]:
    """The value of a run of English number words (``one hundred and five``, ``twenty-one``,
    ``three thousand``); none when they make no one number (``five six``)."""
    total = current = 0
    last: str | int | None = None  # the last word's kind: "unit", "tens" or a scale's value
    for found in _WORD.finditer(words):
        word = found.group().lower()
        if word == "and":
            continue
        glued = _GLUED.fullmatch(word)
        parts = [glued.group(1).lower(), glued.group(2).lower()] if glued else [word]
        for part in parts:
            value = _WORD_VALUES[part]
            if part in _SCALES:
                if value == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * value
                    current = 0
                last = value
            elif part in _TENS:
                if last in ("unit", "tens"):
                    return set()
                current += value
                last = "tens"
            else:
                if last == "unit" or (last == "tens" and value >= 10):
                    return set()
                current += value
                last = "unit"
    return {Decimal(total + current)}
