"""What a rule sees: the map, the configuration, and (for ``argmap check``) the quote checks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from argmap.argument_map import ArgumentMap, Evidence, Origin
from argmap.diagnostics import Severity
from argmap.lint.graph import claim_components


class QuoteResult(Protocol):
    """The part of a quote check that rules read (see ``argmap.verify``)."""

    @property
    def status(self) -> str: ...

    @property
    def similarity(self) -> float: ...

    @property
    def hint(self) -> str | None: ...

    @property
    def locator_hint(self) -> str | None: ...

    @property
    def locator_fix(self) -> str | None: ...

    @property
    def locator_roman(self) -> tuple[str, bool] | None: ...

    @property
    def locator_unreadable(self) -> bool: ...

    @property
    def location_text(self) -> str | None: ...

    @property
    def negation(self) -> bool: ...

    @property
    def number_change(self) -> tuple[str, str] | None: ...

    @property
    def unwrapped(self) -> tuple[str, str] | None: ...

    @property
    def trailing(self) -> str | None: ...

    @property
    def negated_before(self) -> str | None: ...

    @property
    def gave_up(self) -> bool: ...

    @property
    def marks(self) -> int: ...

    @property
    def marks_only(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class LintConfig:
    """``[tool.argmap]`` in pyproject.toml or ``argmap.toml``."""

    select: frozenset[str] = frozenset()  # empty: every rule
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    similarity: float = 85.0  # a fuzzy match at or above this is a paraphrase
    long_text: int = 80  # a claim longer than this wants a label on the map
    duplicate_similarity: float = 90.0  # near-duplicate claim texts

    def enabled(self, code: str, name: str) -> bool:
        if self.select and code not in self.select and name not in self.select:
            return False
        return code not in self.ignore and name not in self.ignore


@dataclass(frozen=True, slots=True)
class LintContext:
    map: ArgumentMap
    config: LintConfig = LintConfig()
    quotes: Mapping[str, QuoteResult] | None = None  # evidence id -> result; None: not checked
    unreadable_sources: Mapping[str, str] = field(default_factory=dict)  # source id -> reason
    texts: Mapping[str, str] = field(default_factory=dict)  # file path -> its text
    _components: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def checked_quotes(self) -> Iterator[tuple[Evidence, QuoteResult]]:
        """Each evidence item with the check of its quote, in the map's order (those whose
        quote was not checked are left out; none before ``argmap check``)."""
        quotes = self.quotes or {}
        for evidence in self.map.evidence.values():
            result = quotes.get(evidence.id)
            if result is not None:
                yield evidence, result

    def claim_components(self) -> dict[str, int]:
        """:func:`argmap.lint.graph.claim_components` of the map, worked out once for all the
        rules that ask (AM003, AM004)."""
        if not self._components and self.map.claims:
            self._components.update(claim_components(self.map))
        return self._components


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports; the runner adds the code, name and configured severity."""

    origin: Origin
    message: str
    hint: str | None = None
