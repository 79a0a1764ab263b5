"""The words that negate, by language: one table, read into the patterns that every check of
negation uses (an omission or insertion may not drop or add one, AM001; a quote that starts
right after one, AM014; a claim and its denial are no duplicates, AM007).

Every language's words apply to every text: a text does not say its language, and a word of
one that is another's too either negates there as well (Spanish and Italian ``no`` and
``non`` are English ``no`` and ``non-``) or is too rare there to matter (French ``pas``). Two
are not: the pronoun ``ne`` of Italian (``ne ho due``) is not French's negating ``ne``, which
is left out (the ``pas``, ``jamais`` or ``rien`` after it negates), and ``plus`` negates only
after a ``ne`` or ``n'`` of its clause (``ne … plus``, "no more"; alone it is "more").
Italian's ``né`` ("nor") is left out too: it is French for "born". ``mai`` (Italian "never")
is also the month of May in French and German: a quote that starts right after ``en mai`` or
``im Mai`` is warned about (AM014), as one after ``never`` is.
"""

from __future__ import annotations

import re

# Whole words that negate the words next to them, by language (ISO 639-1).
NEGATING_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "not",
        "no",
        "never",
        "nor",
        "neither",
        "none",
        "nobody",
        "nothing",
        "nowhere",
        "cannot",
    ),
    "fr": ("pas", "jamais", "rien", "aucun", "aucune", "non", "ni"),
    "de": (
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "nirgends",
        "weder",
    ),
    "es": ("no", "nunca", "jamás", "ningún", "ninguna", "ninguno", "nada", "nadie", "tampoco"),
    "it": ("non", "mai", "nessuno", "nessuna", "nessun", "niente", "nulla"),
    "pt": ("não", "nunca", "nenhum", "nenhuma", "ninguém", "jamais", "nem"),
    "nl": ("niet", "geen", "nooit", "niets", "niemand", "nergens"),
}
# Words that negate only after another of their clause, a few words before: French ``ne …
# plus`` (``n'en veulent plus``). (first words, the word they make negate)
NEGATING_AFTER: dict[str, tuple[tuple[str, ...], str]] = {
    "fr": (("ne", "n'"), "plus"),
}
# How many characters a paired word may stand after the first word of its pair.
PAIR_REACH = 60


def _trie(words: set[str]) -> str:
    """A pattern that matches each of ``words`` and nothing else, written as a tree of their
    letters (``n(?:o(?:t|ne)?|...)``): tried at each word of a text, a list of seventy
    alternatives took three times as long as the English ten had."""
    tree: dict[str, set[str]] = {}
    for word in words:
        tree.setdefault(word[:1], set()).add(word[1:])
    branches = []
    for first in sorted(tree):
        if not first:
            continue
        rest = tree[first]
        tail = _trie(rest)
        if "" in rest:
            tail = f"(?:{tail})?" if tail else ""
        branches.append(re.escape(first) + tail)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_WORDS = _trie({word for words in NEGATING_WORDS.values() for word in words})
_CLAUSE_BREAK_CHARS = r",;:.!?()\[\]\""


def _first_words(firsts: tuple[str, ...]) -> str:
    """A pattern for the first words of a pair: an elided one (``n'``) before a word."""
    return "|".join(
        rf"{re.escape(word[:-1])}['\u2019](?=\w)" if word.endswith("'") else rf"{word}\b"
        for word in firsts
    )


_PAIRS = "|".join(
    rf"\b(?:{_first_words(firsts)})[^{_CLAUSE_BREAK_CHARS}]{{0,{PAIR_REACH}}}?\b{second}\b"
    for firsts, second in NEGATING_AFTER.values()
)
# The words that negate only after another (``plus``).
PAIRED_SECONDS = frozenset(second for _, second in NEGATING_AFTER.values())
_PAIR_OPENING = re.compile(
    "|".join(
        rf"\b(?:{_first_words(firsts)})[^{_CLAUSE_BREAK_CHARS}]{{0,{PAIR_REACH}}}$"
        for firsts, _ in NEGATING_AFTER.values()
    ),
    re.IGNORECASE,
)

# A negation anywhere in a text: a negating word, an English contraction (``didn't``), or a
# pair (``ne … plus``).
NEGATION = re.compile(rf"\b(?:{_WORDS})\b|n['\u2019]t\b|{_PAIRS}", re.IGNORECASE)
# A whole word that negates by itself (``didn't`` and ``cannot`` included).
NEGATING_WORD = re.compile(rf"(?:{_WORDS})|\w+n['\u2019]t", re.IGNORECASE)


def negates(word: str, before: str) -> bool:
    """Whether ``word``, which ``before`` (the text before it) precedes, negates: a negating
    word, or the second of a pair whose first word stands before it in its clause
    (``plus`` after ``ne``)."""
    if NEGATING_WORD.fullmatch(word) is not None:
        return True
    return (
        word.lower() in PAIRED_SECONDS
        and _PAIR_OPENING.search(before[-PAIR_REACH - 8 :]) is not None
    )
