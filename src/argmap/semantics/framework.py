"""A Dung argumentation framework held as compact adjacency arrays.

Arguments are the integers ``0..n-1``; their human names are kept alongside, only for
output. Attacks are stored twice in compressed-sparse-row form (an offsets array and a flat
array of neighbours): "attacks from" eagerly, because the grounded algorithm and every
encoding walk it, and "attackers of" lazily, because only the SAT encodings need it. Flat
``array`` storage costs 4 bytes per attack instead of a Python list slot and an int object,
which is what lets a million attacks build in a fraction of a second and stay small.

The attack relation is a set: duplicate pairs are dropped (first occurrence kept) so that
every consumer, and every export, sees each attack once and in a deterministic order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain

from argmap.gcpause import collector_paused


class ArgumentationFramework:
    """An immutable Dung framework ``(A, R)`` with ``A = {0..n-1}`` and named arguments.

    Build it from names and index pairs, or from names and name pairs with
    :meth:`from_named_attacks`. Neighbour lists are exposed as read-only memoryviews, so an
    algorithm can slice them without copying and cannot corrupt the framework.
    """

    __slots__ = (
        "_in_offsets",
        "_in_sources",
        "_index",
        "_names",
        "_out_offsets",
        "_out_targets",
    )

    def __init__(self, names: Iterable[str], attacks: Iterable[tuple[int, int]]) -> None:
        """Build the framework; raise ``ValueError`` on duplicate names or bad indices."""
        names_tuple = tuple(names)
        n = len(names_tuple)
        _check_names(names_tuple)
        with collector_paused():
            unique = dict.fromkeys(attacks)
            out: list[list[int]] = [[] for _ in range(n)]
            try:
                for attacker, target in unique:
                    out[attacker].append(target)
            except IndexError:
                raise _bad_attack(unique, n) from None
        if unique and min(unique)[0] < 0:
            raise _bad_attack(unique, n)
        flat = list(chain.from_iterable(out))
        if flat and (min(flat) < 0 or max(flat) >= n):
            raise _bad_attack(unique, n)
        self._names = names_tuple
        self._out_offsets = array("q", accumulate(map(len, out), initial=0))
        self._out_targets = array("i", flat)
        self._in_offsets: array[int] | None = None
        self._in_sources: array[int] | None = None
        self._index: dict[str, int] | None = None

    @classmethod
    def from_named_attacks(
        cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]
    ) -> ArgumentationFramework:
        """Build from argument names and attacks given as ``(attacker, target)`` names."""
        names_tuple = tuple(names)
        _check_names(names_tuple)
        index = {name: i for i, name in enumerate(names_tuple)}
        pairs: list[tuple[int, int]] = []
        for attacker, target in attacks:
            try:
                pairs.append((index[attacker], index[target]))
            except KeyError as err:
                raise ValueError(
                    f"attack ({attacker!r}, {target!r}) names an unknown argument {err.args[0]!r}"
                ) from None
        return cls(names_tuple, pairs)

    # -- size and names -------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        """Argument names, position ``i`` naming argument ``i``."""
        return self._names

    @property
    def num_arguments(self) -> int:
        """The number of arguments ``n``."""
        return len(self._names)

    @property
    def num_attacks(self) -> int:
        """The number of distinct attacks."""
        return len(self._out_targets)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return (
            f"ArgumentationFramework(<{self.num_arguments} arguments, {self.num_attacks} attacks>)"
        )

    def index(self, name: str) -> int:
        """The index of the argument called ``name``; ``KeyError`` if there is none."""
        if self._index is None:
            self._index = {label: i for i, label in enumerate(self._names)}
        return self._index[name]

    # -- attacks --------------------------------------------------------------------------

    def attacks(self) -> Iterator[tuple[int, int]]:
        """Every attack ``(attacker, target)``, grouped by attacker in index order."""
        offsets, targets = self._out_offsets, self._out_targets
        for attacker in range(len(self._names)):
            for target in targets[offsets[attacker] : offsets[attacker + 1]]:
                yield attacker, target

    def attacks_from(self, argument: int) -> Sequence[int]:
        """The arguments that ``argument`` attacks."""
        start, stop = self._out_offsets[argument], self._out_offsets[argument + 1]
        return self.attack_targets[start:stop]

    def attackers_of(self, argument: int) -> Sequence[int]:
        """The arguments that attack ``argument``, in increasing index order."""
        offsets, sources = self._attackers()
        return memoryview(sources).toreadonly()[offsets[argument] : offsets[argument + 1]]

    @property
    def attack_offsets(self) -> memoryview:
        """CSR offsets: the targets of ``a`` are ``attack_targets[off[a]:off[a+1]]``."""
        return memoryview(self._out_offsets).toreadonly()

    @property
    def attack_targets(self) -> memoryview:
        """CSR targets, grouped by attacker (see :attr:`attack_offsets`)."""
        return memoryview(self._out_targets).toreadonly()

    @property
    def attacker_offsets(self) -> memoryview:
        """CSR offsets of the reverse relation (see :attr:`attacker_sources`)."""
        return memoryview(self._attackers()[0]).toreadonly()

    @property
    def attacker_sources(self) -> memoryview:
        """The attackers of ``a`` are ``attacker_sources[off[a]:off[a+1]]``."""
        return memoryview(self._attackers()[1]).toreadonly()

    def _attackers(self) -> tuple[array[int], array[int]]:
        """Build (once) the reverse adjacency; attackers come out in increasing order."""
        if self._in_offsets is None or self._in_sources is None:
            n = len(self._names)
            offsets, targets = self._out_offsets, self._out_targets
            with collector_paused():
                incoming: list[list[int]] = [[] for _ in range(n)]
                for attacker in range(n):
                    for target in targets[offsets[attacker] : offsets[attacker + 1]]:
                        incoming[target].append(attacker)
            self._in_offsets = array("q", accumulate(map(len, incoming), initial=0))
            self._in_sources = array("i", list(chain.from_iterable(incoming)))
        return self._in_offsets, self._in_sources


def _check_names(names: tuple[str, ...]) -> None:
    """Reject non-string and duplicate names: every name must identify one argument."""
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"argument names must be strings, got {name!r}")
    if len(set(names)) != len(names):
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise ValueError(f"duplicate argument name {name!r}")
            seen.add(name)


def _bad_attack(attacks: Iterable[tuple[int, int]], n: int) -> ValueError:
    """Name the first attack whose endpoints are not argument indices (slow path)."""
    for attacker, target in attacks:
        if not (0 <= attacker < n and 0 <= target < n):
            return ValueError(
                f"attack ({attacker}, {target}) refers to an argument outside 0..{n - 1}"
            )
    return ValueError("attack refers to an argument outside the framework")  # pragma: no cover
