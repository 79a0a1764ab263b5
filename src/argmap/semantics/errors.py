"""The one error the semantics raise on purpose: running out of the time they were given.

Preferred and stable reasoning are NP-/Π2-hard, so a large or dense framework can take
longer than a user will wait. Rather than hang, every call takes a time limit and raises
:class:`SemanticsTimeout` whose message says what happened and what to do instead.
"""

from __future__ import annotations

from argmap.semantics.labels import Semantics
from argmap.wording import counted


class SemanticsTimeout(TimeoutError):
    """A semantics call did not finish within its time limit.

    It is a ``TimeoutError``, so generic handlers catch it too; the attributes let a
    reporter build its own wording or a diagnostic.
    """

    def __init__(
        self, semantics: Semantics, time_limit: float, arguments: int, attacks: int
    ) -> None:
        self.semantics = semantics
        self.time_limit = time_limit
        self.arguments = arguments
        self.attacks = attacks
        super().__init__(
            f"{semantics.value} semantics did not finish within {time_limit:g} s on a "
            f"framework of {counted(arguments, 'argument')} and {counted(attacks, 'attack')}; "
            f"try --semantics {Semantics.GROUNDED.value}"
        )

    def __reduce__(self) -> tuple[type[SemanticsTimeout], tuple[Semantics, float, int, int]]:
        return (type(self), (self.semantics, self.time_limit, self.arguments, self.attacks))
