"""The grounded labelling, in time linear in the size of the framework.

Grounded semantics is argmap's default because it is unique, skeptical and polynomial: it
accepts exactly what is defended "from the ground up" and never guesses. The textbook
definition iterates the characteristic function F(S) = {a | S defends a} from the empty
set, which costs O(n·m) in the worst case. Instead we propagate labels once:

* every argument keeps a count of its attackers that are not yet OUT;
* an argument whose count reaches zero has only OUT attackers, so it is IN;
* everything an IN argument attacks is OUT, and each new OUT argument decrements the
  counts of the arguments it attacks;
* whatever is left when the queue empties is UNDEC.

Each attack is looked at most twice (once when its target turns OUT, once when its
attacker does), so the work is O(n + m). The queue is a plain list walked by a ``for``
loop that grows while it runs: no recursion, so a chain of any length is fine.
"""

from __future__ import annotations

from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.labels import Label, Labelling, Semantics

_UNDEC, _IN, _OUT = 0, 1, 2
_LABEL_OF_CODE = (Label.UNDEC, Label.IN, Label.OUT)


def grounded_codes(framework: ArgumentationFramework) -> bytearray:
    """The grounded labelling as one byte per argument: 0 UNDEC, 1 IN, 2 OUT.

    This is the compact form the other semantics reuse (everything IN here is in every
    complete extension, everything OUT is in none); :func:`grounded_labelling` wraps it.
    """
    n = framework.num_arguments
    offsets = framework.attack_offsets
    targets = framework.attack_targets
    live_attackers = [0] * n
    for target in targets:
        live_attackers[target] += 1
    codes = bytearray(n)
    queue = [argument for argument in range(n) if live_attackers[argument] == 0]
    for argument in queue:
        codes[argument] = _IN
        for defeated in targets[offsets[argument] : offsets[argument + 1]]:
            if codes[defeated] == _OUT:
                continue
            codes[defeated] = _OUT
            for released in targets[offsets[defeated] : offsets[defeated + 1]]:
                live_attackers[released] -= 1
                if live_attackers[released] == 0:
                    queue.append(released)
    return codes


def grounded_labelling(framework: ArgumentationFramework) -> Labelling:
    """The grounded labelling: IN / OUT / UNDEC for every argument, by index."""
    labels = tuple(_LABEL_OF_CODE[code] for code in grounded_codes(framework))
    return Labelling(semantics=Semantics.GROUNDED, labels=labels)


def grounded_extension(framework: ArgumentationFramework) -> frozenset[int]:
    """The grounded extension: the arguments labelled IN."""
    codes = grounded_codes(framework)
    return frozenset(i for i, code in enumerate(codes) if code == _IN)
