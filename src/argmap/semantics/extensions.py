"""Preferred and stable semantics by SAT: extensions, acceptance and skeptical labellings.

Definitions (Dung 1995), for a set S of arguments:

* *admissible*: conflict-free, and S attacks every attacker of its members;
* *preferred*: a maximal (by set inclusion) admissible set; there is always at least one;
* *stable*: conflict-free and attacks every argument outside it; there may be none.

Preferred extensions are found the way SAT-based solvers of the ICCMA competitions
(CEGARTIX, μ-toksia) do it: ask the solver for an admissible set that is not contained in
any preferred extension found so far, then grow it — "is there an admissible strict
superset?" — until the answer is no. The set is then maximal, i.e. preferred, and a clause
blocks it and all its subsets. Since preferred extensions are pairwise incomparable, each
round yields a new one and the loop ends when the solver says no.

Skeptical questions ("is a in every preferred extension?") use the same loop as a
counter-example search: look for an admissible set without a, grow it, and if the grown
extension still contains a, block it and look again.

Labellings. Preferred and stable semantics can have many extensions, and argmap needs one
verdict per claim, so it uses the *skeptical labelling*:

* IN if the argument is in every extension (skeptically accepted);
* OUT if the argument is OUT in every labelling, i.e. every extension attacks it;
* UNDEC otherwise.

It extends the grounded labelling (grounded IN is IN, grounded OUT is OUT) and, for a
framework with a single extension, is exactly that extension's labelling. A framework with
no stable extension gets ``has_extension=False`` and every argument UNDEC; skeptical stable
acceptance there is vacuously true (the ICCMA convention), credulous acceptance false.

Every call takes ``time_limit`` in seconds (``None`` for none) and raises
:class:`~argmap.semantics.errors.SemanticsTimeout` when it runs out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.grounded import grounded_codes, grounded_labelling
from argmap.semantics.labels import Label, Labelling, Semantics

if TYPE_CHECKING:  # PySAT is imported only when a SAT semantics runs (start-up cost)
    from argmap.semantics._sat import SatSession

DEFAULT_TIME_LIMIT: Final = 10.0
"""Seconds a preferred or stable call may take unless told otherwise."""

_UNDEC, _IN, _OUT = 0, 1, 2
_LABEL_OF_CODE: Final = (Label.UNDEC, Label.IN, Label.OUT)

Extension = frozenset[int]


# -- enumeration ----------------------------------------------------------------------------


def preferred_extensions(
    framework: ArgumentationFramework,
    *,
    limit: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[Extension]:
    """The preferred extensions (at most ``limit`` of them), sorted by their members.

    A result of exactly ``limit`` extensions may be incomplete.
    """
    _check_limits(limit, time_limit)
    codes = grounded_codes(framework)
    if _UNDEC not in codes:
        return _only_grounded(codes, limit)
    with _session(framework, Semantics.PREFERRED, time_limit, codes) as session:
        found: list[Extension] = []
        while (limit is None or len(found) < limit) and session.solve():
            extension = _grow(session, session.model_set())
            found.append(extension)
            blocking = session.outside(extension)
            if not blocking:
                break
            session.add_clause(blocking)
    return sorted(found, key=sorted)


def stable_extensions(
    framework: ArgumentationFramework,
    *,
    limit: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[Extension]:
    """The stable extensions (at most ``limit``), sorted by their members; maybe none."""
    _check_limits(limit, time_limit)
    codes = grounded_codes(framework)
    if _UNDEC not in codes:
        return _only_grounded(codes, limit)
    with _session(framework, Semantics.STABLE, time_limit, codes) as session:
        found: list[Extension] = []
        while (limit is None or len(found) < limit) and session.solve():
            extension = session.model_set()
            found.append(extension)
            # Stable extensions are pairwise incomparable, so "not a subset" blocks exactly
            # this one and nothing that is still to be found.
            blocking = session.outside(extension)
            if not blocking:
                break
            session.add_clause(blocking)
    return sorted(found, key=sorted)


def enumerate_extensions(
    framework: ArgumentationFramework,
    semantics: Semantics,
    *,
    limit: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[Extension]:
    """The extensions under any supported semantics (grounded has exactly one)."""
    semantics = _check_semantics(semantics)
    if semantics is Semantics.GROUNDED:
        _check_limits(limit, time_limit)
        return _only_grounded(grounded_codes(framework), limit)
    if semantics is Semantics.PREFERRED:
        return preferred_extensions(framework, limit=limit, time_limit=time_limit)
    return stable_extensions(framework, limit=limit, time_limit=time_limit)


# -- acceptance -----------------------------------------------------------------------------


def is_credulously_accepted(
    framework: ArgumentationFramework,
    argument: int,
    semantics: Semantics,
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> bool:
    """Whether ``argument`` is in at least one extension of ``semantics``."""
    semantics = _check_query(framework, argument, semantics, time_limit)
    codes = grounded_codes(framework)
    if semantics is Semantics.GROUNDED:
        return codes[argument] == _IN
    if codes[argument] == _OUT:
        return False
    if codes[argument] == _IN and semantics is Semantics.PREFERRED:
        return True
    # For preferred, credulous acceptance is credulous admissibility: an admissible set
    # containing the argument grows into a preferred extension containing it.
    with _session(framework, semantics, time_limit, codes) as session:
        return session.solve([argument + 1])


def is_skeptically_accepted(
    framework: ArgumentationFramework,
    argument: int,
    semantics: Semantics,
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> bool:
    """Whether ``argument`` is in every extension of ``semantics``.

    For stable semantics on a framework without stable extensions this is (vacuously)
    True; check :func:`stable_extensions` or the labelling's ``has_extension`` first.
    """
    semantics = _check_query(framework, argument, semantics, time_limit)
    codes = grounded_codes(framework)
    if codes[argument] == _IN:
        return True
    if semantics is Semantics.GROUNDED:
        return False
    if semantics is Semantics.PREFERRED and codes[argument] == _OUT:
        return False
    with _session(framework, semantics, time_limit, codes) as session:
        if semantics is Semantics.STABLE:
            return not session.solve([-(argument + 1)])
        return _find_preferred(session, [-(argument + 1)], _lacking(argument), []) is None


# -- labellings -----------------------------------------------------------------------------


def skeptical_labelling(
    framework: ArgumentationFramework,
    semantics: Semantics,
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Labelling:
    """The skeptical labelling under ``semantics`` (see the module docstring).

    For grounded semantics this is the grounded labelling and needs no solver.
    """
    semantics = _check_semantics(semantics)
    _check_limits(None, time_limit)
    if semantics is Semantics.GROUNDED:
        return grounded_labelling(framework)
    codes = grounded_codes(framework)
    labels = [_LABEL_OF_CODE[code] for code in codes]
    if _UNDEC not in codes:
        # The grounded extension then labels everything, so it is the only complete
        # extension: the unique preferred and the unique stable one.
        return Labelling(semantics=semantics, labels=tuple(labels))
    with _session(framework, semantics, time_limit, codes) as session:
        if semantics is Semantics.STABLE:
            if not session.solve():
                return Labelling(
                    semantics=semantics,
                    labels=(Label.UNDEC,) * framework.num_arguments,
                    has_extension=False,
                )
            _label_stable(session, labels, [session.model_set()])
        else:
            _label_preferred(session, labels)
    return Labelling(semantics=semantics, labels=tuple(labels))


def preferred_labelling(
    framework: ArgumentationFramework, *, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> Labelling:
    """The skeptical preferred labelling (see the module docstring)."""
    return skeptical_labelling(framework, Semantics.PREFERRED, time_limit=time_limit)


def stable_labelling(
    framework: ArgumentationFramework, *, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> Labelling:
    """The skeptical stable labelling; ``has_extension`` is False if there is no stable one."""
    return skeptical_labelling(framework, Semantics.STABLE, time_limit=time_limit)


def _label_stable(session: SatSession, labels: list[Label], witnesses: list[Extension]) -> None:
    """Settle each grounded-UNDEC argument, reusing models found as counter-examples.

    In a stable extension an argument is either in or attacked, so "OUT in every
    labelling" means "in no stable extension".
    """
    for argument in session.undecided:
        if all(argument in e for e in witnesses):
            if not session.solve([-(argument + 1)]):
                labels[argument] = Label.IN
                continue
            witnesses.append(session.model_set())
        if all(argument not in e for e in witnesses):
            if not session.solve([argument + 1]):
                labels[argument] = Label.OUT
                continue
            witnesses.append(session.model_set())
        labels[argument] = Label.UNDEC


def _label_preferred(session: SatSession, labels: list[Label]) -> None:
    """Settle each grounded-UNDEC argument by two counter-example searches."""
    framework = session.framework
    n = session.n
    witnesses: list[Extension] = []
    for argument in session.undecided:
        lacks = _find_preferred(session, [-(argument + 1)], _lacking(argument), witnesses)
        if lacks is None:
            labels[argument] = Label.IN
            continue
        spares = _find_preferred(
            session,
            [-(n + argument + 1)],
            _sparing(tuple(framework.attackers_of(argument))),
            witnesses,
        )
        labels[argument] = Label.OUT if spares is None else Label.UNDEC


def _lacking(argument: int) -> Callable[[Extension], bool]:
    """The test "the extension does not contain ``argument``"."""
    return lambda extension: argument not in extension


def _sparing(attackers: tuple[int, ...]) -> Callable[[Extension], bool]:
    """The test "the extension contains none of ``attackers``" (so does not attack)."""
    return lambda extension: extension.isdisjoint(attackers)


# -- the preferred-extension engine ---------------------------------------------------------


def _grow(session: SatSession, extension: Extension) -> Extension:
    """Grow an admissible set into a preferred extension containing it."""
    while True:
        outside = session.outside(extension)
        if not outside:
            return extension
        activation = session.new_var()
        session.add_clause([-activation, *outside])
        larger = session.solve([activation, *(a + 1 for a in extension)])
        session.add_clause([-activation])
        if not larger:
            return extension
        extension = session.model_set()


def _find_preferred(
    session: SatSession,
    assumptions: list[int],
    wanted: Callable[[Extension], bool],
    witnesses: list[Extension],
) -> Extension | None:
    """A preferred extension satisfying ``wanted``, or None if there is none.

    ``assumptions`` must be a necessary condition on admissible subsets of a wanted
    extension that the solver can check (e.g. "a is not in S" for "a is not in E"), so that
    a wanted extension, if any, is always still reachable. Extensions found on the way are
    appended to ``witnesses`` and tried first by later searches; unwanted ones are blocked
    for this search only, under an activation literal.
    """
    for extension in witnesses:
        if wanted(extension):
            return extension
    activation = session.new_var()
    try:
        for extension in witnesses:
            session.add_clause([-activation, *session.outside(extension)])
        while session.solve([*assumptions, activation]):
            extension = _grow(session, session.model_set())
            witnesses.append(extension)
            if wanted(extension):
                return extension
            session.add_clause([-activation, *session.outside(extension)])
        return None
    finally:
        session.add_clause([-activation])


# -- plumbing -------------------------------------------------------------------------------


def _only_grounded(codes: Sequence[int], limit: int | None) -> list[Extension]:
    """``[grounded]``, cut to ``limit``: the answer when grounded leaves nothing UNDEC.

    The grounded extension is then the only complete extension, hence the only preferred
    and the only stable one, and the solver is not needed.
    """
    grounded = frozenset(i for i, code in enumerate(codes) if code == _IN)
    return [grounded][: 1 if limit is None else limit]


def _session(
    framework: ArgumentationFramework,
    semantics: Semantics,
    time_limit: float | None,
    codes: bytearray,
) -> SatSession:
    from argmap.semantics._sat import SatSession

    return SatSession(framework, semantics, codes, time_limit)


def _check_semantics(semantics: Semantics | str) -> Semantics:
    try:
        return Semantics(semantics)
    except ValueError:
        known = ", ".join(s.value for s in Semantics)
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {known}") from None


def _check_limits(limit: int | None, time_limit: float | None) -> None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, got {limit}")
    if time_limit is not None and not time_limit > 0:
        raise ValueError(f"time_limit must be positive seconds or None, got {time_limit}")


def _check_query(
    framework: ArgumentationFramework,
    argument: int,
    semantics: Semantics | str,
    time_limit: float | None,
) -> Semantics:
    checked = _check_semantics(semantics)
    _check_limits(None, time_limit)
    if not 0 <= argument < framework.num_arguments:
        raise IndexError(
            f"argument {argument} is not in a framework of {framework.num_arguments} arguments"
        )
    return checked
