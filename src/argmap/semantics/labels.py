"""The small vocabularies shared by every semantics: labels and semantics names.

They are string enums so that they serialise as the words people read (``"in"``,
``"preferred"``) in JSON, SVG classes and CLI options without a translation table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Label(StrEnum):
    """The status of one argument in a labelling (Caminada's three-valued view)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class Semantics(StrEnum):
    """The extension-based semantics argmap can compute."""

    GROUNDED = "grounded"
    PREFERRED = "preferred"
    STABLE = "stable"


@dataclass(frozen=True, slots=True)
class Labelling:
    """One label per argument (indexed like the framework), and what produced it.

    ``has_extension`` is False only for stable semantics on a framework that has no
    stable extension at all (an odd cycle, say): then nothing can be said, every label is
    UNDEC, and callers should report "no stable extension" rather than "all undecided".
    """

    semantics: Semantics
    labels: tuple[Label, ...]
    has_extension: bool = True

    def arguments_labelled(self, label: Label) -> frozenset[int]:
        """The indices of the arguments that carry ``label``."""
        return frozenset(i for i, current in enumerate(self.labels) if current is label)

    @property
    def accepted(self) -> frozenset[int]:
        """The arguments labelled IN (for grounded semantics: the grounded extension)."""
        return self.arguments_labelled(Label.IN)
