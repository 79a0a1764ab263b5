"""SAT encodings of admissible and stable sets, and a solver session with a deadline.

Variables, for arguments ``a`` in ``0..n-1``:

* ``x(a) = a + 1``: ``a`` is in the set S;
* ``y(a) = n + a + 1``: ``a`` is attacked by S, i.e. ``y(a) <-> OR(x(c) for c attacking a)``.

With the "attacked" variables every constraint is linear in the size of the framework
(the direct defence clause "a in S implies some attacker of b is in S, for each attacker
b of a" would be quadratic on dense frameworks):

* range definition: ``-y(b) | x(c1) | ... | x(ck)`` and ``-x(c) | y(b)`` per attack (c, b);
* conflict-free: ``-x(c) | -x(b)`` per attack (c, b) (the standard binary clauses, which
  unit propagation uses directly), and the implied ``-x(b) | -y(b)`` (no member of S is
  attacked by S);
* admissible: ``-x(b) | y(c)`` per attack (c, b) (S attacks every attacker of its members);
* stable: conflict-free and ``x(b) | y(b)`` (S attacks everything outside it).

The grounded labelling is added as unit clauses (IN arguments in, OUT arguments out):
every complete extension, hence every preferred and stable one, agrees with it, and on the
mostly-acyclic frameworks argument maps produce it leaves the solver almost nothing to do.

PySAT's Glucose 4 is used because it supports ``interrupt()`` (PySAT's CaDiCaL does not).
Interrupting has a race: an interrupt that lands between two ``solve`` calls is forgotten
when the next call starts. So once the deadline has passed the watchdog keeps interrupting
every few milliseconds until the session closes, and the session also checks the clock
itself before every call.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import Final

from pysat.solvers import Solver

from argmap.semantics.errors import SemanticsTimeout
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.labels import Semantics

SOLVER_NAME: Final = "glucose4"
_REPEAT_INTERRUPT_SECONDS: Final = 0.005
_UNDEC, _IN, _OUT = 0, 1, 2


class SatSession:
    """One SAT solver loaded with the admissible (or stable) encoding of a framework.

    Use it as a context manager: leaving it stops the watchdog before freeing the solver,
    so the watchdog can never touch a deleted solver.
    """

    def __init__(
        self,
        framework: ArgumentationFramework,
        semantics: Semantics,
        grounded: bytearray,
        time_limit: float | None,
    ) -> None:
        self.framework = framework
        self.semantics = semantics
        self.n = framework.num_arguments
        self.grounded = grounded
        self.undecided = [a for a in range(self.n) if grounded[a] == _UNDEC]
        self._time_limit = time_limit
        self._deadline = None if time_limit is None else time.monotonic() + time_limit
        self._next_var = 2 * self.n + 1
        self._solver = Solver(name=SOLVER_NAME)
        self._expired = threading.Event()
        self._closed = threading.Event()
        self._timer: threading.Timer | None = None
        if time_limit is not None:
            self._timer = threading.Timer(time_limit, self._interrupt_until_closed)
            self._timer.daemon = True
            self._timer.start()

    def __enter__(self) -> SatSession:
        try:
            self._load(stable=self.semantics is Semantics.STABLE)
        except BaseException:
            self.close()
            raise
        self.check_time()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the watchdog, wait for it, then free the solver."""
        self._closed.set()
        if self._timer is not None:
            self._timer.cancel()
            self._timer.join()
        self._solver.delete()

    # -- encoding -------------------------------------------------------------------------

    def _load(self, *, stable: bool) -> None:
        n = self.n
        offsets = self.framework.attacker_offsets
        sources = self.framework.attacker_sources
        clauses: list[list[int]] = []
        add = clauses.append
        for b in range(n):
            if b & 0xFFFF == 0:
                self.check_time()
            x_b, y_b = b + 1, n + b + 1
            attackers = sources[offsets[b] : offsets[b + 1]]
            add([-y_b, *(c + 1 for c in attackers)])
            for c in attackers:
                add([-(c + 1), y_b])
                add([-(c + 1), -x_b])
                if not stable:
                    add([-x_b, n + c + 1])
            add([-x_b, -y_b])
            if stable:
                add([x_b, y_b])
            code = self.grounded[b]
            if code == _IN:
                add([x_b])
            elif code == _OUT:
                add([-x_b])
        self._solver.append_formula(clauses)

    # -- solving --------------------------------------------------------------------------

    def check_time(self) -> None:
        """Raise :class:`SemanticsTimeout` if the deadline has passed."""
        if self._expired.is_set() or (
            self._deadline is not None and time.monotonic() >= self._deadline
        ):
            raise self.timeout()

    def timeout(self) -> SemanticsTimeout:
        """The exception describing this session's time-out."""
        return SemanticsTimeout(
            self.semantics,
            float(self._time_limit or 0.0),
            self.n,
            self.framework.num_attacks,
        )

    def solve(self, assumptions: list[int] | None = None) -> bool:
        """Solve under ``assumptions``; raise :class:`SemanticsTimeout` when interrupted."""
        self.check_time()
        result = self._solver.solve_limited(
            assumptions=assumptions or [], expect_interrupt=self._timer is not None
        )
        if result is None:
            raise self.timeout()
        self.check_time()
        return bool(result)

    def model_set(self) -> frozenset[int]:
        """The arguments in the set described by the last model."""
        n = self.n
        model = self._solver.get_model() or []
        return frozenset(lit - 1 for lit in model if 0 < lit <= n)

    def new_var(self) -> int:
        """A fresh variable, used as an activation literal for temporary clauses."""
        var = self._next_var
        self._next_var += 1
        return var

    def add_clause(self, clause: list[int]) -> None:
        """Add a clause permanently."""
        self._solver.add_clause(clause)

    def outside(self, extension: frozenset[int]) -> list[int]:
        """Literals saying "some undecided argument outside ``extension`` is in".

        Grounded-OUT arguments are fixed false and grounded-IN ones are in every candidate,
        so among sets the solver can produce, S is not a subset of ``extension`` exactly when
        S contains an undecided argument that ``extension`` lacks.
        """
        return [a + 1 for a in self.undecided if a not in extension]

    def _interrupt_until_closed(self) -> None:
        self._expired.set()
        while not self._closed.is_set():
            self._solver.interrupt()
            self._closed.wait(_REPEAT_INTERRUPT_SECONDS)
