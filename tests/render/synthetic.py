"""A synthetic map of any size, the same every time: for the 5,000-claim test and timings."""

from __future__ import annotations

from argmap.argument_map import (
    Argument,
    ArgumentMap,
    Attack,
    AttackKind,
    Claim,
    Evidence,
    Origin,
    Source,
    Stance,
)
from argmap.model import ClaimKind


def _origin(line: int) -> Origin:
    return Origin("synthetic.yaml", line, 1)


def synthetic_map(size: int) -> ArgumentMap:
    """A map of ``size`` claims, the same every time: a tree of supports three wide under one
    thesis, a linked argument every 10th claim, a rebuttal every 7th, an undermining every
    17th, an undercut every 13th, evidence on every 4th claim."""
    claims: dict[str, Claim] = {}
    arguments: dict[str, Argument] = {}
    attacks: dict[str, Attack] = {}
    evidence: dict[str, Evidence] = {}
    source = Source("src", "A synthetic source", _origin(1), authors=("A. Writer",), date="2024")
    kinds = (ClaimKind.CLAIM, ClaimKind.PREMISE, ClaimKind.CLAIM, ClaimKind.ASSUMPTION)
    for i in range(size):
        cid = f"c{i}"
        kind = ClaimKind.THESIS if i == 0 else kinds[i % len(kinds)]
        if i % 7 == 0 and i % 10 > 1:
            kind = ClaimKind.COUNTERCLAIM
        text = f"Claim number {i} says something that takes a few words to say, {i * 7919 % 997}."
        claims[cid] = Claim(cid, text, _origin(i + 2), kind=kind)
        if i == 0:
            continue
        parent = f"c{(i - 1) // 3}"
        if kind is ClaimKind.COUNTERCLAIM:
            target = f"c{i * 7 // 11}"
            attacks[f"{cid}-/->{target}"] = Attack(
                f"{cid}-/->{target}", cid, target, AttackKind.REBUT, _origin(i + 2), implicit=True
            )
        elif i % 10 == 0 and i + 1 < size:
            arguments[f"a{i}"] = Argument(f"a{i}", parent, (cid, f"c{i + 1}"), _origin(i + 2))
        elif (i - 1) % 10 != 0 or i < 10:
            arguments[f"{cid}->{parent}"] = Argument(
                f"{cid}->{parent}", parent, (cid,), _origin(i + 2), implicit=True
            )
        if i % 17 == 0 and claims[f"c{i // 2}"].kind in (ClaimKind.PREMISE, ClaimKind.ASSUMPTION):
            attacks[f"u{i}"] = Attack(
                f"u{i}", cid, f"c{i // 2}", AttackKind.UNDERMINE, _origin(i + 2)
            )
        if i % 13 == 0 and arguments:
            target_argument = next(reversed(arguments))
            if cid not in arguments[target_argument].premises:
                attacks[f"x{i}"] = Attack(
                    f"x{i}", cid, target_argument, AttackKind.UNDERCUT, _origin(i + 2)
                )
        if i % 4 == 0:
            evidence[f"{cid}.ev1"] = Evidence(
                f"{cid}.ev1",
                f"a quotation from the source about claim {i}, long enough to be shortened "
                "when it is drawn on the map under its claim",
                "src",
                cid,
                Stance.ATTACKS if i % 8 == 0 else Stance.SUPPORTS,
                _origin(i + 2),
                locator=f"para {i}",
            )
    return ArgumentMap(
        path="synthetic.yaml",
        title=f"A synthetic map of {size} claims",
        sources={"src": source},
        claims=claims,
        arguments=arguments,
        attacks=attacks,
        evidence=evidence,
    )


def chain_map(size: int) -> ArgumentMap:
    """``size`` claims in one line, each supporting the one before: as deep as a map gets."""
    claims = {f"c{i}": Claim(f"c{i}", f"Step {i}.", _origin(i + 1)) for i in range(size)}
    arguments = {
        f"c{i}->c{i - 1}": Argument(
            f"c{i}->c{i - 1}", f"c{i - 1}", (f"c{i}",), _origin(i + 1), implicit=True
        )
        for i in range(1, size)
    }
    return ArgumentMap(path="chain.yaml", title="A chain", claims=claims, arguments=arguments)
