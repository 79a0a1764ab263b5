"""Kialo's text export -> argmap.

Kialo exports a discussion as a numbered outline::

    Discussion Title: Should schools require uniforms?

    1. Schools should require uniforms.
    1.1. Pro: Uniforms improve attendance. [1]
    1.1.1. Con: Attendance rose in schools without uniforms too.
    1.2. Con: Uniforms suppress self-expression.
    1.3. Pro: -> See 1.1.1.

    Sources:
    [1] District study on uniforms and attendance. https://example.org/uniforms

* each numbered entry is a claim; ``Pro:`` supports the entry it stands under, ``Con:``
  rebuts it; lines without a number continue the entry above;
* the root ``1.`` is the thesis; in a multi-thesis discussion the root is the question and
  the entries below it without ``Pro:``/``Con:`` are the theses (several roots ``1.``, ``2.``
  are several theses too);
* ``-> See 1.1.1.`` is Kialo's link to a claim that stands elsewhere: that claim supports
  (or attacks) this parent too, and no new claim is made; a link to a link is followed, and a
  link that leads to no claim says why (missing, the question, no text, a circle of links);
  a link's support that closes a circle of support is dropped (the last such link in the
  file), never a support of the tree, which is what the discussion's authors wrote;
* the ``Sources:`` block lists sources, one a line (``[n]``, ``n.`` or ``-`` before it, an
  address in it); a claim that cites ``[n]`` says so in its note, and ``[text](url)`` links
  in claims become sources too (the text stays, the address goes to the source).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.interchange.importing import ImportOutcome
from argmap.interchange.limits import ImportLimits
from argmap.interchange.text import one_line, slugify, strip_hidden
from argmap.lines import split_lines

_TITLE = re.compile(r"\s*Discussion Title:\s*(.*)$", re.IGNORECASE)
_ENTRY = re.compile(r"((?:\d+\.)+)(?:\s+|$)(?:(Pro|Con|Thesis):\s*)?(.*)$", re.IGNORECASE)
_LINK_ENTRY = re.compile(r"->\s*See\s+((?:\d+\.)+)\s*$", re.IGNORECASE)
_SOURCES = re.compile(r"\s*Sources:\s*$", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"\s*(?:\[(\d+)\]|(\d+)[.)]|[-*])?\s*(.+)$")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(((?:\\.|[^)\\])+)\)")
_CITATION = re.compile(r"\s?\[(\d+)\]")  # one space at most: linear on a run of them
_URL = re.compile(r"https?://\S+")
_ESCAPE = re.compile(r"\\(.)")


@dataclass(slots=True)
class _Entry:
    index: str
    stance: str | None
    text: str
    line: int
    claim: str | None = None
    link: str | None = None  # the index it links to ("-> See ...")


@dataclass(slots=True)
class _Kialo:
    title: str | None = None
    entries: dict[str, _Entry] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    sources: list[tuple[str | None, str, int]] = field(default_factory=list)  # (n, text, line)


def _parse(text: str, shown: str, limits: ImportLimits) -> tuple[_Kialo, list[Diagnostic]]:
    doc = _Kialo()
    problems: list[Diagnostic] = []
    in_sources = False
    last: _Entry | None = None
    for number, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        if in_sources:
            m = _SOURCE_LINE.match(line)
            if m:
                doc.sources.append((m.group(1) or m.group(2), m.group(3).strip(), number))
            continue
        if doc.title is None and not doc.entries and (m := _TITLE.match(line)):
            doc.title = one_line(m.group(1)) or None
            continue
        if _SOURCES.match(line):
            in_sources = True
            continue
        m = _ENTRY.match(line.strip())
        if m is None:
            if last is None:
                problems.append(
                    codes.IMPORT_SYNTAX.at(
                        shown,
                        Position(number, 1),
                        "expected a numbered claim such as '1.' or '1.1. Pro: ...'",
                    )
                )
                return doc, problems
            last.text += "\n" + line.strip()
            continue
        index = m.group(1)
        depth = index.count(".")
        if depth > limits.max_depth:
            problems.append(
                codes.IMPORT_TOO_DEEP.at(
                    shown, Position(number, 1), f"claims nest deeper than {limits.max_depth} levels"
                )
            )
            return doc, problems
        if len(doc.entries) >= limits.max_elements:
            problems.append(
                codes.IMPORT_TOO_MANY.at(
                    shown, Position(number, 1), f"more than {limits.max_elements:,} claims"
                )
            )
            return doc, problems
        parent = _parent(index)
        if parent is not None and parent not in doc.entries:
            problems.append(
                codes.IMPORT_SYNTAX.at(
                    shown, Position(number, 1), f"{index} stands under {parent}, which is missing"
                )
            )
            continue
        if index in doc.entries:
            problems.append(
                codes.IMPORT_SYNTAX.at(shown, Position(number, 1), f"{index} is numbered twice")
            )
            continue
        stance = m.group(2).capitalize() if m.group(2) else None
        last = _Entry(index, stance, m.group(3).strip(), number)
        doc.entries[index] = last
        doc.order.append(index)
    return doc, problems


def _links(text: str) -> list[re.Match[str]]:
    """The ``[text](url)`` links of ``text``, as ``_MD_LINK.sub`` would find them.

    The pattern is tried only where it matches: its ``]`` is the first one not escaped after
    the ``[``, its ``)`` the first one not escaped after the ``](``, and no backslash before a
    line break (which ``\\.`` cannot take) lies between. Tried at every ``[`` instead, a link
    never closed was scanned to the end of the text each time: 8,000 of them took 5 s.
    """
    closes: list[int] = []
    parens: list[int] = []
    stops: list[int] = []  # a backslash escaping a line break or nothing
    run = 0  # backslashes just before the character
    for k, ch in enumerate(text):
        if run % 2 == 0:
            if ch == "]":
                closes.append(k)
            elif ch == ")":
                parens.append(k)
        elif text[k - 1] == "\\" and ch == "\n":
            stops.append(k - 1)
        run = run + 1 if ch == "\\" else 0
    if run % 2:
        stops.append(len(text) - 1)
    found: list[re.Match[str]] = []
    i = text.find("[")
    while i >= 0:
        m = None
        close = _first(closes, i + 1)
        if close is not None and close > i + 1 and text.startswith("(", close + 1):
            paren = _first(parens, close + 2)
            stop = _first(stops, i + 1)
            if paren is not None and paren > close + 2 and (stop is None or stop > paren):
                m = _MD_LINK.match(text, i, paren + 1)
        if m is not None:
            found.append(m)
        i = text.find("[", m.end() if m is not None else i + 1)
    return found


def _first(positions: list[int], start: int) -> int | None:
    k = bisect.bisect_left(positions, start)
    return positions[k] if k < len(positions) else None


def _no_side(stance: str | None) -> bool:
    """An entry that takes no side: no ``Pro:``/``Con:``, or ``Thesis:``."""
    return stance is None or stance == "Thesis"


def _parent(index: str) -> str | None:
    parts = index.split(".")[:-1]
    return ".".join(parts[:-1]) + "." if len(parts) > 1 else None


@dataclass(slots=True)
class _Mapper:
    doc: _Kialo
    shown: str
    outcome: ImportOutcome
    source_ids: dict[str, str] = field(default_factory=dict)  # url -> source id
    footnotes: dict[str, str] = field(default_factory=dict)  # n -> source id
    footnote_lines: dict[str, int] = field(default_factory=dict)  # n -> the line it is on
    questions: set[str] = field(default_factory=set)  # indices of roots that are the question
    # supports made through a link (argument id -> what to say of it), in the file's order,
    # and those the tree itself makes: a circle of support drops a link's, not the tree's
    link_supports: dict[str, str] = field(default_factory=dict)
    tree_supports: set[str] = field(default_factory=set)

    def lost(self, line: int, message: str) -> None:
        self.outcome.diagnostics.append(
            codes.NOT_CARRIED_OVER.at(self.shown, Position(line, 1), message)
        )

    def sources(self) -> None:
        draft = self.outcome.draft
        assert draft is not None
        for n, raw, line in self.doc.sources:
            text, _ = strip_hidden(raw)  # reported with the source, once it has an id
            if not text.strip():
                self.lost(line, "a source line without text; skipped")
                continue
            url_match = _URL.search(text)
            url = url_match.group().rstrip(".,;)") if url_match else None
            title = one_line(_URL.sub("", text)).strip(" .,;:-") or url or text
            sid = draft.add_source(slugify(title, "source", max_words=6), title, url=url)
            if text != raw:
                self.lost(line, f"source '{sid}': invisible control characters removed")
            if url:
                self.source_ids.setdefault(url, sid)
            if n is not None:
                if n in self.footnote_lines:
                    self.lost(
                        line,
                        f"source [{n}] is numbered twice (first on line "
                        f"{self.footnote_lines[n]}); claims citing [{n}] name the first",
                    )
                else:
                    self.footnotes[n] = sid
                    self.footnote_lines[n] = line
            if not url:
                self.lost(line, f"source '{title[:40]}' has no address")

    def clean(self, entry: _Entry) -> tuple[str, list[str]]:
        """The claim text (links reduced to their text) and the sources it cites."""
        draft = self.outcome.draft
        assert draft is not None
        cited: list[str] = []

        def link(m: re.Match[str]) -> str:
            label = _ESCAPE.sub(r"\1", m.group(1))
            url = _ESCAPE.sub(r"\1", m.group(2))
            if url.startswith(("http://", "https://")):
                sid = self.source_ids.get(url)
                if sid is None:
                    sid = draft.add_source(slugify(label, "source", max_words=6), label, url=url)
                    self.source_ids[url] = sid
                cited.append(sid)
            return label

        parts: list[str] = []
        done = 0
        for m in _links(entry.text):
            parts += [entry.text[done : m.start()], link(m)]
            done = m.end()
        text = "".join([*parts, entry.text[done:]])

        def citation(m: re.Match[str]) -> str:
            """A ``[n]`` naming a listed source goes to the note, not the claim's text."""
            sid = self.footnotes.get(m.group(1))
            if sid is None:
                return m.group(0)  # "Clause [3]": no source of that number; the text's own
            cited.append(sid)
            return ""

        text = _CITATION.sub(citation, text)
        text, hidden = strip_hidden(one_line(_ESCAPE.sub(r"\1", text)))
        if hidden:
            self.lost(entry.line, f"{entry.index}: invisible control characters removed")
        return text, list(dict.fromkeys(cited))

    def claims(self) -> None:
        draft = self.outcome.draft
        assert draft is not None
        parents = {i: _parent(i) for i in self.doc.order}
        # a root with an entry under it that is neither Pro nor Con is the question
        entries = self.doc.entries
        plain_parents = {parents[i] for i in self.doc.order if _no_side(entries[i].stance)}
        question_roots = {i for i in self.doc.order if parents[i] is None and i in plain_parents}
        self.questions = question_roots
        for index in self.doc.order:
            entry = self.doc.entries[index]
            link = _LINK_ENTRY.match(entry.text)
            if link:
                entry.link = link.group(1)
                continue
            if index in question_roots:
                draft.question = one_line(entry.text)
                continue
            text, cited = self.clean(entry)
            if not text:
                self.lost(entry.line, f"{index} has no text; skipped")
                continue
            parent = parents[index]
            thesis = parent is None or (parent in question_roots and _no_side(entry.stance))
            note = None
            if cited:
                titles = [str(draft.sources[s]["title"]) for s in cited]
                note = "Sources: " + "; ".join(titles) + "."
            entry.claim = draft.add_claim(
                slugify(text, "claim", max_words=6),
                text,
                kind="thesis" if thesis else "claim",
                note=note,
            )

    def relations(self) -> None:
        draft = self.outcome.draft
        assert draft is not None
        for index in self.doc.order:
            entry = self.doc.entries[index]
            parent_index = _parent(index)
            if entry.stance not in ("Pro", "Con"):
                if entry.link is not None:
                    lost = "a link without Pro: or Con: relates nothing; not carried over"
                    self.lost(entry.line, f"{index}: {lost}")
                elif (
                    parent_index is not None
                    and parent_index not in self.questions
                    and entry.claim is not None  # one without text is reported as skipped
                ):
                    self.lost(
                        entry.line,
                        f"{index}: neither Pro: nor Con: under {parent_index}, which is not "
                        "the discussion's question; it relates to nothing (kept as a claim)",
                    )
                continue
            if parent_index is None:
                continue
            parent = self.doc.entries[parent_index]
            if entry.link is not None:
                source, why = self.linked_claim(entry)
                if source is None:
                    self.lost(entry.line, f"{why}; not carried over")
                    continue
            else:
                source = entry.claim
            if parent_index in self.questions:
                what = "support" if entry.stance == "Pro" else "attack"
                self.lost(
                    entry.line,
                    f"{index}: a {entry.stance} under the discussion's question "
                    f"({parent_index}), which is not a claim; its {what} is not carried over",
                )
                continue
            if parent.link is not None:
                target_claim, _ = self.linked_claim(parent)  # reported with the parent
            else:
                target_claim = parent.claim
            if source is None:
                continue  # an entry without text: reported with it
            if target_claim is None:
                if parent.link is None:  # skipped for having no text: say what goes with it
                    what = "support" if entry.stance == "Pro" else "attack"
                    self.lost(
                        entry.line,
                        f"{index}: a {entry.stance} of {parent_index}, which has no text "
                        f"(skipped); its {what} is not carried over",
                    )
                continue
            if entry.stance == "Pro":
                problem = draft.support(source, target_claim, at=entry.line)
                self.note_support(entry, parent, draft.implicit_argument(source, target_claim))
            else:
                problem = draft.attack(source, target_claim, "rebut")
            if problem:
                self.lost(entry.line, f"{index}: {problem}")

    def note_support(self, entry: _Entry, parent: _Entry, label: str) -> None:
        """Whether the support ``label`` of the Pro ``entry`` under ``parent`` is the tree's
        own or made through a link (the entry's, or the parent's that it stands under)."""
        link = entry if entry.link is not None else parent if parent.link is not None else None
        if link is None:
            self.tree_supports.add(label)
        else:
            self.link_supports.setdefault(
                label,
                f"it comes from the link {link.index} (-> See {link.link}), so the "
                "discussion's own Pro and Con are kept",
            )

    def shortcuts(self) -> dict[str, str]:
        """The supports made only through links, in the file's order."""
        return {k: v for k, v in self.link_supports.items() if k not in self.tree_supports}

    def linked_claim(self, entry: _Entry) -> tuple[str | None, str]:
        """The claim that the link ``entry`` leads to, following links to links; or None and
        why no claim is there (what the chain of links is, and where it ends)."""
        said = f"{entry.index} links to"
        seen = {entry.index}
        index = entry.link
        while True:
            assert index is not None
            target = self.doc.entries.get(index)
            if target is None:
                return None, f"{said} {index}, which does not exist"
            if index in seen:
                return None, f"{said} {index}: a circle of links"
            seen.add(index)
            if target.link is None:
                if target.claim is not None:
                    return target.claim, ""
                if index in self.questions:
                    why = "the discussion's question, which is not a claim"
                    return None, f"{said} {index}, {why}"
                return None, f"{said} {index}, which has no text (skipped)"
            said = f"{said} {index}, which links to"
            index = target.link


def import_kialo(text: str, shown: str, limits: ImportLimits, title: str) -> ImportOutcome:
    from argmap.interchange.draft import MapDraft

    doc, problems = _parse(text, shown, limits)
    if problems:
        return ImportOutcome("kialo", None, problems)
    if not doc.entries:
        empty = codes.IMPORT_EMPTY.at(shown, None, "no numbered claims to import")
        return ImportOutcome("kialo", None, [empty])
    outcome = ImportOutcome("kialo", MapDraft(title=doc.title or title), [])
    mapper = _Mapper(doc, shown, outcome)
    mapper.sources()
    mapper.claims()
    mapper.relations()
    assert outcome.draft is not None
    for message, at in outcome.draft.break_support_cycles(mapper.shortcuts()):
        mapper.lost(at if isinstance(at, int) else 1, message)
    if outcome.draft.title == outcome.draft.question:
        outcome.draft.question = None
    return outcome
