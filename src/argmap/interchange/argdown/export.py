"""argmap -> Argdown: a map as an Argdown document that the reference implementation reads.

* each claim is a statement ``[Title]: text #(tag)``; the title is its label when that is
  unique, fits in brackets and is not another claim's id, else its id; its relations hang
  below it: ``+> [B]`` for a support, ``-> [B]`` for a rebuttal or an undermining, ``_> <A>``
  for an undercut;
* each written-out argument, and each short-form support that something undercuts, is an
  argument ``<Title>`` with its premise-conclusion structure ``(1) [P] ... ---- (n) [C]``;
* what Argdown has no syntax for (id, kind, holder, note, priority and the evidence with its
  quotes) goes into the statement's ``{...}`` data, and the map's metadata, sources and actors
  into the front matter under ``argmap:``, so ``argmap import`` gets the map back whole; the
  direction of its ``drawing:`` is Argdown's own ``dot: graphVizSettings: rankdir``.

Text is escaped (``\\[``, ``\\#``, ``\\*``...) so that no character of a claim is read as
Argdown syntax; data is JSON (which is YAML) with ``{``, ``}`` and ``=`` written as
``\\u`` escapes, so that it cannot end early or look like a front matter fence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.argument_map import ArgumentMap, AttackKind, Stance
from argmap.interchange.text import one_line
from argmap.repeats import attacks_once, premises_once

_ESCAPED = re.compile(r"([\\\[\]<>#*_@{}/=])")
_SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")  # Argdown's special-character token
# a reference '[-x]' or '<-x>' is no reference to Argdown; a NUL makes the file no text
_TITLE_UNSAFE = re.compile(r"[\[\]<>\\{}\x00]|^-")
# at a line start, '<+', '<-' and '<_' open a relation and '<!--' a comment
_ARGUMENT_TITLE_UNSAFE = re.compile(r"[\[\]<>\\{}\x00]|^[-+_]|^!--")
_ATTACK_KEYS = {
    AttackKind.REBUT: "rebuts",
    AttackKind.UNDERMINE: "undermines",
    AttackKind.UNDERCUT: "undercuts",
}


def escape(text: str) -> str:
    """Text on one line with every Argdown special character escaped, and a NUL character
    as U+FFFD, the replacement character (a file that holds a NUL is no text file: argmap's
    import refuses it)."""
    return _break_shortcodes(_ESCAPED.sub(r"\\\1", one_line(text.replace("\0", "\ufffd"))))


def _break_shortcodes(escaped: str) -> str:
    """Escape the ``.`` or ``:`` that opens a shortcode span in ``escaped``.

    Argdown reads ``.word.`` and ``:word:`` (no space inside) as one token: a known shortcode
    becomes a symbol (``:+1:``, ``.A.``) and any other is shown as written, so escapes inside
    it would show their backslashes. An escaped opener is an escaped character instead.
    """
    out: list[str] = []
    i, n = 0, len(escaped)
    while i < n:
        ch = escaped[i]
        if ch == "\\":
            out.append(escaped[i : i + 2])
            i += 2
            continue
        out.append("\\" + ch if ch in ".:" and _SHORTCODE.match(escaped, i) else ch)
        i += 1
    return "".join(out)


def data_json(data: dict[str, Any]) -> str:
    """``data`` as Argdown ``{...}`` data: JSON, braces and '=' in its strings escaped."""
    raw = json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
    return "{" + _inner(raw) + "}"


# in data strings: braces and '=' (Argdown syntax), the line breaks YAML would fold, and what
# YAML does not allow raw in a file (DEL, C1 controls, U+FFFE, U+FFFF; JSON escapes C0 itself)
_DATA_ESCAPED = frozenset("{}=\x85\u2028\u2029")
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _inner(raw: str) -> str:
    """The JSON object without its outer braces, with braces, '=' and the ':' of '>:' inside
    it escaped."""
    body = raw[1:-1]
    out: list[str] = []
    in_string = False
    escaped = False
    for ch in body:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch in _DATA_ESCAPED or _NOT_YAML.match(ch) or (ch == ":" and out[-1] == ">"):
                # '>:' would end an argument reference '<A> {...}' as a definition '<A ...>:'
                out.append(f"\\u{ord(ch):04x}")
                continue
        elif ch == '"':
            in_string = True
        out.append(ch)
    return "".join(out)


def _plain_tag(tag: str) -> bool:
    """Whether ``#(tag)`` reads back as ``tag``: it cannot hold a ')', and Argdown joins
    lines and trims; a NUL goes into the data, as a JSON escape."""
    return ")" not in tag and "\0" not in tag and one_line(tag) == tag


def _titles(
    names: dict[str, str | None], unsafe: re.Pattern[str] = _TITLE_UNSAFE
) -> dict[str, str]:
    """id -> title: the label when unique, safe and not another element's id, else the id.

    An element without a usable label is titled by its id, so a label that is some other
    element's id would give two elements one title: Argdown would read them as one statement.
    """
    counts: dict[str, int] = {}
    for label in names.values():
        if label:
            key = one_line(label)
            counts[key] = counts.get(key, 0) + 1
    out: dict[str, str] = {}
    for element_id, label in names.items():
        title = one_line(label) if label else ""
        someone_elses = title in names and title != element_id
        if not title or counts[title] > 1 or someone_elses or unsafe.search(title):
            title = element_id
        out[element_id] = title
    return out


def to_argdown(m: ArgumentMap) -> str:
    """The map as Argdown text (deterministic: the map's order throughout)."""
    undercut_targets = {a.target for a in m.attacks.values() if a.kind is AttackKind.UNDERCUT}
    written = [a for a in m.arguments.values() if not a.implicit or a.id in undercut_targets]
    claim_titles = _titles({cid: c.label for cid, c in m.claims.items()})
    argument_titles = _titles(
        {a.id: a.label or a.id.replace("->", " → ") for a in written}, _ARGUMENT_TITLE_UNSAFE
    )
    argument_titles = {
        aid: (title.replace("->", " → ") if ">" in title or "<" in title else title)
        for aid, title in argument_titles.items()
    }
    lines = _front_matter(m)
    out_relations: dict[str, list[str]] = {cid: [] for cid in m.claims}
    undermines: dict[str, list[str]] = {}  # attacker -> what it undermines, in the map's order
    named: dict[str, list[dict[str, str]]] = {}  # attacker -> its attacks under 'attacks:'
    for arg in m.arguments.values():
        if arg.implicit and arg.id not in undercut_targets:
            (premise,) = arg.premises
            out_relations[premise].append(f"  +> [{claim_titles[arg.conclusion]}]")
    for attack in attacks_once(m):  # an attack given twice, once (AM413)
        if not attack.short_form:  # Argdown's relations have no name and no note
            entry = {"id": attack.id, _ATTACK_KEYS[attack.kind]: attack.target}
            named.setdefault(attack.attacker, []).append(
                entry if attack.note is None else {**entry, "note": attack.note}
            )
        if attack.kind is AttackKind.UNDERCUT:
            target = f"<{argument_titles[attack.target]}>"
            out_relations[attack.attacker].append(f"  _> {target}")
        else:
            out_relations[attack.attacker].append(f"  -> [{claim_titles[attack.target]}]")
            if attack.kind is AttackKind.UNDERMINE:
                undermines.setdefault(attack.attacker, []).append(attack.target)
    evidence: dict[str, list[dict[str, Any]]] = {}
    inline: dict[str, int] = {}  # claim -> evidence written under it (ids claim.ev1, ...)
    for e in m.evidence.values():
        item: dict[str, Any] = {"quote": e.quote, "source": e.source}
        n = inline.get(e.target, 0) + 1
        if e.stance is Stance.SUPPORTS and e.id == f"{e.target}.ev{n}":
            inline[e.target] = n
        else:
            item = {"id": e.id, **item}  # named in the map's evidence: keep its name
        if e.locator:
            item["locator"] = e.locator
        if e.strength != 1.0:
            item["strength"] = e.strength
        if e.note:
            item["note"] = e.note
        if e.stance is Stance.ATTACKS:
            item["stance"] = "attacks"
        evidence.setdefault(e.target, []).append(item)
    for cid, claim in m.claims.items():
        data: dict[str, Any] = {"id": cid}
        if claim.label:
            data["label"] = claim.label
        if claim.kind.value != "claim":
            data["kind"] = claim.kind.value
        if claim.holder:
            data["holder"] = claim.holder
        if claim.note:
            data["note"] = claim.note
        if claim.priority:
            data["priority"] = claim.priority
        if cid in evidence:
            data["evidence"] = evidence[cid]
        if cid in undermines:
            data["undermines"] = undermines[cid]  # Argdown's '->' does not tell it from a rebuttal
        if cid in named:
            data["attacks"] = named[cid]
        if not all(map(_plain_tag, claim.tags)):
            data["tags"] = list(claim.tags)
        tags = "".join(f" #({t})" for t in claim.tags if _plain_tag(t))
        head = f"[{claim_titles[cid]}]: {escape(claim.text)}{tags} {data_json(data)}"
        lines.extend(["", head, *out_relations[cid]])
    for arg in written:
        data = {"id": arg.id}
        for key in ("label", "holder", "note"):
            value = getattr(arg, key)
            if value:
                data[key] = value
        if arg.priority:
            data["priority"] = arg.priority
        lines.extend(["", f"<{argument_titles[arg.id]}> {data_json(data)}", ""])
        premises = premises_once(arg.premises)  # a premise given twice, once (AM413)
        for n, premise in enumerate(premises, start=1):
            lines.append(f"({n}) [{claim_titles[premise]}]")
        lines.append("----")
        lines.append(f"({len(premises) + 1}) [{claim_titles[arg.conclusion]}]")
    return "\n".join(lines) + "\n"


def _front_matter(m: ArgumentMap) -> list[str]:
    meta: dict[str, Any] = {}
    if m.question:
        meta["question"] = m.question
    if m.description:
        meta["description"] = m.description
    if m.authors:
        meta["authors"] = list(m.authors)
    if m.date:
        meta["date"] = m.date
    if m.sources:
        meta["sources"] = {
            sid: {
                k: v
                for k, v in (
                    ("title", s.title),
                    ("authors", list(s.authors)),
                    ("date", s.date),
                    ("publisher", s.publisher),
                    ("url", s.url),
                    ("file", s.file),
                    ("note", s.note),
                )
                if v
            }
            for sid, s in m.sources.items()
        }
    if m.actors:
        meta["actors"] = {
            aid: {
                k: v
                for k, v in (("name", a.name), ("role", a.role), ("url", a.url), ("note", a.note))
                if v
            }
            for aid, a in m.actors.items()
        }
    if m.questions:
        meta["questions"] = [
            {"text": q.text, "about": list(q.about)} if q.about else q.text for q in m.questions
        ]
    drawing = _drawing(m)
    if drawing:
        meta["drawing"] = drawing
    lines = ["===", f"title: {_json_scalar(m.title)}"]
    if m.drawing.rankdir is not None:  # Argdown's own setting: its tools draw the map so too
        rankdir = m.drawing.rankdir.value.upper()
        lines.append(f"dot: {data_json({'graphVizSettings': {'rankdir': rankdir}})}")
    if meta:
        lines.append(f"argmap: {data_json(meta)}")
    lines.append("===")
    return lines


def _drawing(m: ArgumentMap) -> dict[str, Any]:
    """The drawing settings Argdown has no place for, as the map file writes them."""
    settings = {
        "group-by": None if m.drawing.group_by is None else m.drawing.group_by.value,
        "evidence": m.drawing.evidence,
        "legend": m.drawing.legend,
    }
    return {key: value for key, value in settings.items() if value is not None}


def _json_scalar(text: str) -> str:
    """``text`` as a JSON string that YAML reads back as itself (see :func:`_inner`)."""
    return _inner("[" + json.dumps(text, ensure_ascii=False) + "]")
