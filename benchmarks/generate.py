"""Synthetic argument maps for the benchmarks, in argmap YAML and in equivalent Argdown.

A map of N claims has the shape of real ones: a thesis at the root of a tree of support with
some claims supporting two conclusions (a DAG), linked arguments of 2-3 premises, counterclaims
that rebut claims or undermine premises, claims that undercut an inference (``undercuts: A->B``),
a few attack cycles, and about one quote per three claims taken verbatim from a synthetic source
text that is written beside the map (``sources/<map name>.txt``) with correct ``para N``
locators. The same seed gives the same bytes.

The Argdown file has the same structure: one statement per claim (titled with the claim's id),
``+>`` for single-premise support, ``->`` for rebuttals and underminings, ``_>`` for undercuts
(the undercut inference becomes an argument ``<A supports B>`` with its premise-conclusion
structure), an argument with a premise-conclusion structure for each linked argument, and one
statement per quote (tagged ``#evidence``) with its relation to its claim, so that both tools
read, check and draw the same elements.

Usage::

    python benchmarks/generate.py --claims 5000 --format yaml -o out/map-5000.yaml
    python benchmarks/generate.py --claims 5000 --format argdown -o out/map-5000.argdown
    python benchmarks/generate.py --files 1000 --claims 8 --format yaml -o out/batch/
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Format = Literal["yaml", "argdown"]
Stance = Literal["supports", "attacks"]
AttackKind = Literal["rebuts", "undermines", "undercuts"]

SOURCE_ID = "synthetic"
SOURCE_FILE = "sources/synthetic.txt"  # the shared source of --files
LONG_TEXT = 80  # argmap's default ``long-text``: longer claims get a label

# Proportions, per claim created after the thesis.
P_COUNTER = 0.12  # a counterclaim that rebuts or undermines an earlier claim
P_UNDERCUT = 0.04  # a claim that undercuts an earlier single-premise inference
P_LINKED = 0.10  # a support child starts a linked argument of 2-3 premises
P_SECOND_TARGET = 0.08  # a supporting claim also supports a second conclusion (DAG)
P_MUTUAL = 0.08  # the target of a counterclaim attacks it back (an attack cycle)
P_TOP_LEVEL_ATTACK = 0.3  # an attack written under ``attacks:`` rather than inline
P_SHORT_ATTACK = 0.5  # an inline attack written ``attacks:`` (kind inferred) not explicitly
EVIDENCE_PER_CLAIM = 1 / 3
P_EVIDENCE_TOP_LEVEL = 0.15  # evidence written under ``evidence:`` rather than inline
P_EVIDENCE_AGAINST = 0.05  # evidence that attacks a claim
P_ELLIPSIS = 0.05  # a quote with an omission (``...``)
QUOTABLE_PER_PARAGRAPH = 2

_ONSETS = (
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "cr",
    "dr",
    "gr",
    "pl",
    "st",
    "tr",
    "ch",
    "sh",
    "th",
)
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "io", "ou")
_CODAS = ("", "", "", "", "n", "r", "s", "l", "m", "nd", "st")
_COMMON = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "for",
    "that",
    "on",
    "with",
    "as",
    "by",
    "more",
    "than",
    "not",
    "its",
    "their",
    "trade",
    "border",
    "market",
    "treaty",
    "policy",
    "rules",
    "jobs",
    "costs",
    "growth",
    "security",
    "partnership",
    "region",
    "agency",
    "summit",
    "industry",
    "citizens",
    "standards",
    "program",
    "tariffs",
    "energy",
    "framework",
    "reform",
    "agreement",
    "leaders",
    "congress",
    "parliament",
    "public",
    "process",
    "support",
    "critics",
)
_VERBS = (
    "improves",
    "weakens",
    "requires",
    "undermines",
    "strengthens",
    "explains",
    "threatens",
    "protects",
    "changes",
    "delays",
    "supports",
    "harms",
    "lowers",
    "raises",
)


class Words:
    """A deterministic vocabulary of pronounceable pseudo-words, so that texts are unique."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        seen: set[str] = set()
        words: list[str] = []
        while len(words) < size:
            syllables = rng.choice((1, 2, 2, 2, 3))
            word = "".join(
                rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                for _ in range(syllables)
            )
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.rng = rng

    def sentence(self, low: int, high: int) -> list[str]:
        """``low``-``high`` words: pseudo-words among common ones, with a verb."""
        rng = self.rng
        count = rng.randint(low, high)
        words = [
            rng.choice(_COMMON) if rng.random() < 0.45 else rng.choice(self.words)
            for _ in range(count)
        ]
        words[0] = "the"
        words[min(2, count - 1)] = rng.choice(_VERBS)
        return words


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    para: int  # 1-based paragraph of the source
    strength: float | None


@dataclass(slots=True)
class SourceText:
    """Paragraphs of sentences; some sentences are reserved for quotes."""

    paragraphs: list[list[str]]
    quotable: list[tuple[int, int]]  # (paragraph index, sentence index)

    @classmethod
    def make(cls, words: Words, quotes: int) -> SourceText:
        count = max(1, math.ceil(quotes / QUOTABLE_PER_PARAGRAPH))
        paragraphs: list[list[str]] = []
        quotable: list[tuple[int, int]] = []
        for p in range(count):
            sentences = [
                " ".join(words.sentence(9, 20)).capitalize() + "."
                for _ in range(words.rng.randint(3, 6))
            ]
            paragraphs.append(sentences)
            slots = words.rng.sample(range(len(sentences)), QUOTABLE_PER_PARAGRAPH)
            quotable.extend((p, s) for s in sorted(slots))
        words.rng.shuffle(quotable)
        return cls(paragraphs, quotable)

    def text(self) -> str:
        return "\n\n".join(_wrap(" ".join(p)) for p in self.paragraphs) + "\n"

    def quote(self, slot: tuple[int, int], rng: random.Random) -> Quote:
        """A verbatim passage of the sentence at ``slot``: all of it, a span of words, or a
        span with an omission."""
        p, s = slot
        words = self.paragraphs[p][s].rstrip(".").split()
        roll = rng.random()
        if roll < P_ELLIPSIS and len(words) >= 12:
            cut = rng.randint(4, len(words) - 6)
            text = " ".join(words[:cut]) + " ... " + " ".join(words[cut + 2 :])
            if "not" in words[cut : cut + 2]:  # leaving out a "not" is a misquote: keep it all
                text = " ".join(words)
        elif roll < 0.5:
            text = " ".join(words)
        else:
            start = rng.randint(0, max(0, len(words) - 8))
            end = start + rng.randint(7, 12)
            if start and words[start - 1] == "not":  # a quote right after it drops it (AM014)
                start -= 1
            text = " ".join(words[start:end])
        strength = rng.choice((None, None, 0.9, 0.8, 0.7, 0.5))
        return Quote(text, p + 1, strength)


def _wrap(text: str, width: int = 90) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines)


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    label: str | None = None
    kind: str = "claim"
    holder: str | None = None
    tags: list[str] = field(default_factory=list)
    priority: int = 0
    supports: list[str] = field(default_factory=list)  # single-premise inferences
    attacks: list[tuple[AttackKind, str, bool]] = field(default_factory=list)  # kind, target, short
    evidence: list[Quote] = field(default_factory=list)
    counter: bool = False  # created to attack something


@dataclass(frozen=True, slots=True)
class LinkedArgument:
    id: str
    conclusion: str
    premises: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True)
class TopAttack:
    id: str
    source: str
    kind: AttackKind
    target: str


@dataclass(frozen=True, slots=True)
class TopEvidence:
    id: str
    quote: Quote
    stance: Stance
    target: str


@dataclass(slots=True)
class SyntheticMap:
    title: str
    claims: list[Claim]
    actors: dict[str, str]
    arguments: list[LinkedArgument]
    attacks: list[TopAttack]
    evidence: list[TopEvidence]
    source: SourceText
    questions: list[str]

    @property
    def undercut_targets(self) -> set[tuple[str, str]]:
        """The single-premise inferences (premise, conclusion) that something undercuts."""
        targets = {
            _split_inference(t) for c in self.claims for k, t, _ in c.attacks if k == "undercuts"
        }
        targets |= {_split_inference(a.target) for a in self.attacks if a.kind == "undercuts"}
        return targets

    def counts(self) -> dict[str, int]:
        """What ``argdown json`` should find in the Argdown version of this map."""
        undercut = self.undercut_targets
        supports = sum(1 for c in self.claims for t in c.supports if (c.id, t) not in undercut)
        attacks = sum(len(c.attacks) for c in self.claims) + len(self.attacks)
        quotes = sum(len(c.evidence) for c in self.claims) + len(self.evidence)
        return {
            "statements": len(self.claims) + quotes,
            "arguments": len(self.arguments) + len(undercut),
            "relations": supports + attacks + quotes,
        }


def _split_inference(ref: str) -> tuple[str, str]:
    premise, conclusion = ref.split("->")
    return premise, conclusion


def build_map(
    claims: int,
    seed: int,
    words: Words | None = None,
    source: SourceText | None = None,
    prefix: str = "",
) -> SyntheticMap:
    """The structure of a synthetic map of ``claims`` claims (at least 1)."""
    rng = random.Random(seed)
    words = words or Words(random.Random(seed))
    n = max(1, claims)

    def new_claim(i: int) -> Claim:
        text_words = words.sentence(7, 15)
        text = " ".join(text_words).capitalize() + "."
        label = None
        if len(text) > LONG_TEXT:
            label = " ".join(text_words[:4]).capitalize()
        slug = max(text_words, key=lambda w: (w not in _COMMON + _VERBS, len(w) <= 10, len(w)))
        return Claim(f"{prefix}{slug}-{i}", text, label)

    out = [new_claim(0)]
    out[0].kind = "thesis"
    supporters: dict[int, int] = {0: 0}  # claim index -> arguments/quotes for it
    singles: list[tuple[int, int]] = []  # (premise, conclusion) single-premise inferences
    linked: list[LinkedArgument] = []
    top_attacks: list[TopAttack] = []
    pending: list[int] = []  # premises still to create for the last linked argument
    pending_argument: tuple[str, int] | None = None
    pending_premises: list[str] = []
    attack_edges: list[tuple[int, int, bool]] = []  # attacker, target, top-level
    parent: dict[int, int] = {}  # claim -> the conclusion it was created to support
    opposed: dict[int, tuple[int, ...]] = {}  # counterclaim -> the claims it was created against

    def parent_of(i: int) -> int:
        if rng.random() < 0.3:
            return rng.randrange(max(0, i - 10), i)
        return rng.randrange(i)

    for i in range(1, n):
        claim = new_claim(i)
        out.append(claim)
        supporters.setdefault(i, 0)
        if pending:
            pending.pop()
            assert pending_argument is not None
            pending_premises.append(claim.id)
            parent[i] = pending_argument[1]
            if not pending:
                arg_id, conclusion = pending_argument
                linked.append(
                    LinkedArgument(
                        arg_id,
                        out[conclusion].id,
                        tuple(pending_premises),
                        f"Inference {len(linked) + 1}",
                    )
                )
                supporters[conclusion] += 1
                pending_argument = None
            continue
        roll = rng.random()
        if roll < P_COUNTER:
            target = rng.randrange(i)
            claim.counter = True
            opposed[i] = (target,)
            attack_edges.append((i, target, rng.random() < P_TOP_LEVEL_ATTACK))
            if rng.random() < P_MUTUAL:
                attack_edges.append((target, i, True))
        elif roll < P_COUNTER + P_UNDERCUT and singles:
            premise, conclusion = rng.choice(singles)
            claim.counter = True
            opposed[i] = (premise, conclusion)
            ref = f"{out[premise].id}->{out[conclusion].id}"
            if rng.random() < P_TOP_LEVEL_ATTACK:
                top_attacks.append(TopAttack(f"{prefix}att-{i}", claim.id, "undercuts", ref))
            else:
                claim.attacks.append(("undercuts", ref, rng.random() < P_SHORT_ATTACK))
        else:
            conclusion = parent[i] = parent_of(i)
            if rng.random() < P_LINKED and i + 2 < n:
                size = rng.choice((2, 2, 3))
                pending = [0] * (size - 1)
                pending_argument = (f"{prefix}arg-{i}", conclusion)
                pending_premises = [claim.id]
                continue
            claim.supports.append(out[conclusion].id)
            singles.append((i, conclusion))
            supporters[conclusion] += 1
            if i > 2 and rng.random() < P_SECOND_TARGET:
                second = rng.randrange(i)
                if second != conclusion:
                    claim.supports.append(out[second].id)
                    singles.append((i, second))
                    supporters[second] += 1

    # Evidence: first for claims that would otherwise stand on nothing, then anywhere.
    ids = {c.id: i for i, c in enumerate(out)}
    bare = [i for i in range(n) if supporters[i] == 0]
    counters = [i for i in bare if out[i].counter or i == 0]
    others = [i for i in bare if not (out[i].counter or i == 0)]
    n_evidence = max(len(counters), round(n * EVIDENCE_PER_CLAIM))
    n_against = round(n_evidence * P_EVIDENCE_AGAINST)
    source = source or SourceText.make(words, n_evidence + n_against)
    needed = min(n_evidence + n_against, len(source.quotable))
    slots = iter(rng.sample(source.quotable, needed))
    rng.shuffle(others)
    chosen = counters + others
    everyone = list(range(n))
    rng.shuffle(everyone)
    chosen += [i for i in everyone if supporters[i] > 0]
    top_evidence: list[TopEvidence] = []
    for i in chosen[:n_evidence]:
        slot = next(slots, None)
        if slot is None:
            break
        quote = source.quote(slot, rng)
        claim = out[i]
        if rng.random() < P_EVIDENCE_TOP_LEVEL:
            ev_id = f"{prefix}ev-{len(top_evidence) + 1}"
            top_evidence.append(TopEvidence(ev_id, quote, "supports", claim.id))
        else:
            claim.evidence.append(quote)
        supporters[i] += 1
    for _ in range(n_against):
        slot = next(slots, None)
        if slot is None:
            break
        against = out[rng.randrange(n)].id
        ev_id = f"{prefix}ev-{len(top_evidence) + 1}"
        top_evidence.append(TopEvidence(ev_id, source.quote(slot, rng), "attacks", against))

    # Kinds, now that support is known.
    argued = {c for _, c in singles} | {ids[a.conclusion] for a in linked}
    for i, claim in enumerate(out):
        if i == 0:
            continue
        if claim.counter:
            claim.kind = "counterclaim"
        elif supporters[i] == 0:
            claim.kind = "assumption"
        elif i not in argued and rng.random() < 0.7:
            claim.kind = "premise"
        if rng.random() < 0.03:
            claim.priority = rng.choice((-1, 1, 2))

    # Attacks: an undermining when the target is a premise or assumption, else a rebuttal.
    for attacker, target, top in attack_edges:
        kind: AttackKind = (
            "undermines" if out[target].kind in ("premise", "assumption") else "rebuts"
        )
        if top:
            top_attacks.append(
                TopAttack(
                    f"{prefix}att-{attacker}-{target}", out[attacker].id, kind, out[target].id
                )
            )
        else:
            out[attacker].attacks.append((kind, out[target].id, rng.random() < P_SHORT_ATTACK))

    # Actors: the author holds the thesis, critics the counterclaims, never against themselves;
    # a claim often shares the holder of the claim it supports.
    names = [f"{prefix}actor-{k}" for k in range(max(3, min(30, n // 100)))]
    holder: list[str | None] = [names[0]]
    for i in range(1, n):
        if i in opposed:
            own = {holder[t] for t in opposed[i]}
            free = [a for a in names[1:] if a not in own]
            holder.append(rng.choice(free) if free else None)  # all critics are opposed
        elif rng.random() < 0.6:
            holder.append(holder[parent[i]] if i in parent else names[0])
        else:
            holder.append(None)
    for i, claim in enumerate(out):
        claim.holder = holder[i]
        if rng.random() < 0.5:
            claim.tags = [f"topic-{rng.randrange(7)}"]
    held = set(holder)
    actors = {
        actor_id: " ".join(rng.choice(words.words).title() for _ in range(2))
        for actor_id in names
        if actor_id in held
    }
    questions = [
        " ".join(words.sentence(6, 10)).capitalize() + "?",
        " ".join(words.sentence(6, 10)).capitalize() + "?",
    ]
    title = f"Synthetic map of {n:,} claims (seed {seed})"
    return SyntheticMap(title, out, actors, linked, top_attacks, top_evidence, source, questions)


# -- writers ---------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _refs(ids: Sequence[str]) -> str:
    return ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"


def _quote_lines(quote: Quote, indent: str, first: str) -> list[str]:
    lines = [
        f"{first}quote: {_q(quote.text)}",
        f"{indent}source: {SOURCE_ID}",
        f"{indent}locator: para {quote.para}",
    ]
    if quote.strength is not None:
        lines.append(f"{indent}strength: {quote.strength}")
    return lines


def to_yaml(m: SyntheticMap, with_source: bool = True, source_file: str = SOURCE_FILE) -> str:
    lines = [
        "argmap: 1",
        f"title: {_q(m.title)}",
        f"question: {_q(m.questions[0])}",
        'date: "2026-01-01"',
        "",
    ]
    if with_source:
        lines += [
            "sources:",
            f"  {SOURCE_ID}:",
            "    title: Synthetic source text",
            "    authors: [argmap benchmarks]",
            '    date: "2026"',
            f"    file: {source_file}",
            "",
        ]
    lines.append("actors:")
    for actor_id, name in m.actors.items():
        lines += [f"  {actor_id}:", f"    name: {_q(name)}"]
    lines += ["", "claims:"]
    for c in m.claims:
        lines += [f"  {c.id}:", f"    text: {_q(c.text)}"]
        if c.label:
            lines.append(f"    label: {_q(c.label)}")
        if c.kind != "claim":
            lines.append(f"    kind: {c.kind}")
        if c.holder:
            lines.append(f"    holder: {c.holder}")
        if c.tags:
            lines.append(f"    tags: [{', '.join(c.tags)}]")
        if c.priority:
            lines.append(f"    priority: {c.priority}")
        if c.supports:
            lines.append(f"    supports: {_refs(c.supports)}")
        grouped: dict[str, list[str]] = {}
        for kind, target, short in c.attacks:
            grouped.setdefault("attacks" if short else kind, []).append(target)
        for key, targets in grouped.items():
            lines.append(f"    {key}: {_refs(targets)}")
        if c.evidence:
            lines.append("    evidence:")
            for quote in c.evidence:
                lines += _quote_lines(quote, "        ", "      - ")
    if m.arguments:
        lines += ["", "arguments:"]
        for a in m.arguments:
            lines += [
                f"  {a.id}:",
                f"    conclusion: {a.conclusion}",
                f"    premises: [{', '.join(a.premises)}]",
                f"    label: {_q(a.label)}",
            ]
    if m.attacks:
        lines += ["", "attacks:"]
        for t in m.attacks:
            lines += [f"  {t.id}:", f"    from: {t.source}", f"    {t.kind}: {t.target}"]
    if m.evidence:
        lines += ["", "evidence:"]
        for e in m.evidence:
            lines.append(f"  {e.id}:")
            lines += _quote_lines(e.quote, "    ", "    ")
            lines.append(f"    {e.stance}: {e.target}")
    lines += ["", "questions:"]
    lines += [f"  - {_q(q)}" for q in m.questions]
    return "\n".join(lines) + "\n"


def _inference(premise: str, conclusion: str) -> str:
    return f"<{premise} supports {conclusion}>"


def to_argdown(m: SyntheticMap) -> str:
    undercut = m.undercut_targets
    outgoing: dict[str, list[str]] = {}
    for t in m.attacks:
        if t.kind == "undercuts":
            outgoing.setdefault(t.source, []).append(
                f"_> {_inference(*_split_inference(t.target))}"
            )
        else:
            outgoing.setdefault(t.source, []).append(f"-> [{t.target}]")
    lines = [f"# {m.title}", "", f"<!-- {m.questions[0]} -->", ""]
    evidence_count = 0
    for c in m.claims:
        tags = "".join(f" #{tag}" for tag in c.tags)
        lines.append(f"[{c.id}]: {c.text}{tags}")
        for target in c.supports:
            if (c.id, target) not in undercut:
                lines.append(f"  +> [{target}]")
        for kind, target, _ in c.attacks:
            if kind == "undercuts":
                lines.append(f"  _> {_inference(*_split_inference(target))}")
            else:
                lines.append(f"  -> [{target}]")
        lines += [f"  {r}" for r in outgoing.get(c.id, [])]
        lines.append("")
        for k, quote in enumerate(c.evidence, start=1):
            evidence_count += 1
            lines += [
                f'[{c.id}.ev{k}]: "{quote.text}" (Synthetic source text, para {quote.para})'
                " #evidence",
                f"  +> [{c.id}]",
                "",
            ]
    for e in m.evidence:
        arrow = "+>" if e.stance == "supports" else "->"
        lines += [
            f'[{e.id}]: "{e.quote.text}" (Synthetic source text, para {e.quote.para}) #evidence',
            f"  {arrow} [{e.target}]",
            "",
        ]
    for a in m.arguments:
        lines += [f"<{a.id}>", ""]
        lines += [f"({k}) [{p}]" for k, p in enumerate(a.premises, start=1)]
        lines += ["----", f"({len(a.premises) + 1}) [{a.conclusion}]", ""]
    for premise, conclusion in sorted(undercut):
        lines += [_inference(premise, conclusion), "", f"(1) [{premise}]", "----"]
        lines += [f"(2) [{conclusion}]", ""]
    return "\n".join(lines)


# -- files -----------------------------------------------------------------------------------


def write_map(claims: int, fmt: Format, seed: int, output: Path) -> SyntheticMap:
    """Write one map (and, for YAML, its source text beside it, ``sources/<name>.txt``, so
    that maps written into one folder do not overwrite each other's)."""
    m = build_map(claims, seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "yaml":
        source_file = f"sources/{output.stem}.txt"
        output.write_text(to_yaml(m, source_file=source_file), encoding="utf-8")
        source = output.parent / source_file
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(m.source.text(), encoding="utf-8")
    else:
        output.write_text(to_argdown(m), encoding="utf-8")
    return m


def write_files(files: int, claims: int, fmt: Format, seed: int, folder: Path) -> None:
    """``files`` small maps in ``folder``, quoting one shared source text."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    words = Words(rng)
    source = SourceText.make(words, 200)
    suffix = "yaml" if fmt == "yaml" else "argdown"
    width = len(str(files - 1))
    for k in range(files):
        m = build_map(claims, seed * 1_000_003 + k, words, source)
        text = to_yaml(m) if fmt == "yaml" else to_argdown(m)
        (folder / f"map-{k:0{width}d}.{suffix}").write_text(text, encoding="utf-8")
    if fmt == "yaml":
        (folder / "sources").mkdir(exist_ok=True)
        (folder / SOURCE_FILE).write_text(source.text(), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100, help="claims per map (default 100)")
    parser.add_argument("--format", choices=("yaml", "argdown"), default="yaml")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--files", type=int, default=0, help="write this many small maps into the folder -o"
    )
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument(
        "--counts", action="store_true", help="print what argdown json should count, as JSON"
    )
    args = parser.parse_args(argv)
    fmt: Format = args.format
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    if args.files:
        write_files(args.files, args.claims, fmt, args.seed, args.output)
        return 0
    m = write_map(args.claims, fmt, args.seed, args.output)
    if args.counts:
        print(json.dumps(m.counts()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
