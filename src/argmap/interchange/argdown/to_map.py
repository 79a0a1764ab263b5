"""Argdown, step 4: the document as an argmap draft.

* statements (equivalence classes) become claims: the id is the title's slug (the text's first
  words for an untitled statement), the title the claim's ``label``, the tags its tags, and the
  headings it stands under tags too (unless the heading says ``{isGroup: false}``); a title is
  Argdown's as written (``[ A ]`` and ``[A]`` are two statements, and a note says so), the
  label has the spaces around it trimmed;
* a reconstructed argument becomes one argmap argument per inference: the premises above an
  inference (since the previous conclusion, which counts too) support its conclusion, so
  intermediary conclusions chain; ``{uses: [1, 3]}`` on an inference picks its premises by
  number. The argument's description and inference rules go to its ``note``;
* an argument with only a description becomes a claim (its text is the description, its title
  the label): in argmap only claims support and attack;
* support and entailment become supports; attack and contrariety rebut (or undermine a claim
  that is a premise); a contradiction or a contrariety between statements is a rebuttal each
  way; an undercut of a reconstructed argument undercuts its last inference, of a claim the
  inferences that go out from it.

What argmap cannot hold is reported, one warning each: a support or attack aimed at a whole
reconstructed argument (argmap relates claims and inferences), an undercut of an attack,
several texts for one title, link addresses, data and settings without an argmap meaning. The
front matter's ``dot: graphVizSettings: rankdir`` (in any case) is the map's ``drawing:
rankdir``; the other Graphviz settings are named as not carried over.
``{...}`` data that argmap's own Argdown export writes (``id``, ``kind``, ``holder``,
``evidence``...) is read back, so a map survives the round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.interchange.argdown.lexer import SourceText
from argmap.interchange.argdown.model import (
    ArgdownDocument,
    Argument,
    NodeKind,
    NodeRef,
    RelationType,
    Role,
    Section,
    Statement,
)
from argmap.interchange.draft import MapDraft
from argmap.interchange.text import one_line, slugify, strip_hidden
from argmap.model import ClaimKind, Direction, Grouping

CLAIM_DATA = frozenset(
    {
        "id",
        "label",
        "kind",
        "holder",
        "note",
        "priority",
        "evidence",
        "tags",
        "undermines",
        "attacks",
    }
)
ARGUMENT_DATA = frozenset({"id", "label", "holder", "note", "priority"})
_TABLE_FIELDS = {
    "sources": frozenset({"authors", "date", "publisher", "url", "file", "note"}),
    "actors": frozenset({"role", "url", "note"}),
}
_LOST = "not carried over"
_GRAPHVIZ = "graphVizSettings"
_DIRECTIONS = tuple(d.value for d in Direction)
# what argmap's export writes under 'argmap: drawing' (the front matter keeps scalars as text)
_TRUTH: dict[Any, bool] = {"true": True, "false": False, True: True, False: False}
_DRAWING_VALUES: dict[str, dict[Any, Any]] = {
    "group-by": {g.value: g.value for g in Grouping},
    "evidence": _TRUTH,
    "legend": _TRUTH,
}
_KINDS = frozenset(k.value for k in ClaimKind)


@dataclass(slots=True)
class ArgdownImport:
    draft: MapDraft
    diagnostics: list[Diagnostic]
    claims: dict[tuple[NodeKind, str], str] = field(default_factory=dict)  # node -> claim id
    arguments: dict[tuple[str, int], str] = field(default_factory=dict)  # (title, step) -> id


@dataclass(slots=True)
class _Mapper:
    doc: ArgdownDocument
    source: SourceText
    path: str
    result: ArgdownImport

    @property
    def draft(self) -> MapDraft:
        return self.result.draft

    def report(self, offset: int | None, message: str) -> None:
        pos = self.source.position(offset) if offset is not None else Position(1, 1)
        self.result.diagnostics.append(codes.NOT_CARRIED_OVER.at(self.path, pos, message))

    def note(self, offset: int, message: str) -> None:
        pos = self.source.position(offset)
        self.result.diagnostics.append(codes.IMPORT_NOTE.at(self.path, pos, message))

    def text(self, value: str, fallback: str, offset: int, what: str) -> str:
        """``value`` without hidden characters, or ``fallback`` (the title) if nothing is left."""
        cleaned, changed = strip_hidden(value)
        if changed:
            self.report(offset, f"{what}: invisible control characters removed from its text")
        return cleaned.strip() or strip_hidden(fallback)[0]

    # -- front matter ------------------------------------------------------------------------
    def front_matter(self, fallback_title: str) -> None:
        fm = self.doc.front_matter
        meta = self.table(fm, "argmap")
        title = self.setting(fm, "title")
        # as YAML gives it (the reference keeps its line breaks too), unless it is blank
        self.draft.title = title if title and title.strip() else fallback_title
        subtitle = self.setting(fm, "subTitle")
        description = self.setting(meta, "description")
        self.draft.description = description or (one_line(subtitle) if subtitle else None)
        self.draft.question = self.setting(meta, "question")
        table, key = (meta, "authors") if "authors" in meta else (fm, "author")
        authors = table.get(key)
        if isinstance(authors, list):
            if not all(isinstance(a, str) for a in authors):
                self.report(None, f"front matter: '{key}' has an entry that is not text; {_LOST}")
            self.draft.authors = [a for a in authors if isinstance(a, str) and a.strip()]
        elif authors is not None:
            self.draft.authors = [a for a in [self.setting(table, key)] if a and a.strip()]
        table = meta if "date" in meta else fm
        self.draft.date = self.setting(table, "date") or None
        for key in ("sources", "actors"):
            for wanted, entry in self.table(meta, key).items():
                if isinstance(entry, dict):
                    self._restore(key, str(wanted), entry)
                else:
                    what = key.removesuffix("s")
                    self.report(None, f"front matter: {what} '{wanted}' is not a mapping; skipped")
        self.draft.questions = self.questions(meta.get("questions"))
        self.draft.drawing = self.drawing(fm.get("dot"), self.table(meta, "drawing"))
        ignored = [
            k for k in fm if k not in ("title", "subTitle", "author", "date", "argmap", "dot")
        ]
        ignored += graphviz_not_carried(fm.get("dot"))
        if ignored:
            self.report(None, f"front matter settings not carried over: {', '.join(ignored)}")

    def drawing(self, dot: Any, written: dict[str, Any]) -> dict[str, Any]:
        """The map's ``drawing:``: Argdown's ``dot: graphVizSettings: rankdir`` (in any case),
        and the other settings argmap's export writes under ``argmap: drawing``."""
        found: dict[str, Any] = {}
        settings = dot.get(_GRAPHVIZ) if isinstance(dot, dict) else None
        rankdir = settings.get("rankdir") if isinstance(settings, dict) else None
        if rankdir is not None:
            direction = rankdir.lower() if isinstance(rankdir, str) else None
            if direction in _DIRECTIONS:
                found["rankdir"] = direction
            else:
                shown = f"'{rankdir}'" if isinstance(rankdir, str) else "not text"
                choices = ", ".join(d.upper() for d in _DIRECTIONS)
                self.report(
                    None,
                    f"front matter: 'dot.{_GRAPHVIZ}.rankdir' is {shown}, not one of {choices}; "
                    f"{_LOST}",
                )
        for key, value in written.items():
            hashable = isinstance(value, str | bool)
            carried = _DRAWING_VALUES.get(str(key), {}).get(value) if hashable else None
            if carried is None:
                self.report(None, f"front matter: argmap drawing '{key}' {_LOST}")
            else:
                found[str(key)] = carried
        return found

    def questions_about(self) -> None:
        """Questions are about claims of the map: other ids are dropped, and said so."""
        for question in self.draft.questions:
            if isinstance(question, dict):
                unknown = [a for a in question["about"] if a not in self.draft.claims]
                if unknown:
                    question["about"] = [a for a in question["about"] if a in self.draft.claims]
                    self.report(None, f"question about unknown claims: {', '.join(unknown)}")

    def questions(self, found: Any) -> list[str | dict[str, Any]]:
        """The front matter's questions; one without a text is reported and left out."""
        if found is None:
            return []
        if not isinstance(found, list):
            self.report(None, f"front matter: 'questions' is not a list; {_LOST}")
            return []
        questions = []
        for number, value in enumerate(found, 1):
            question = _question(value)
            if question is None:
                self.report(None, f"front matter: question {number} has no text; skipped")
            else:
                questions.append(question)
        return questions

    def table(self, table: dict[str, Any], key: str) -> dict[str, Any]:
        """The mapping at ``key`` of the front matter (empty where there is none); anything
        else there is reported, as a setting that is no text is."""
        value = table.get(key)
        if isinstance(value, dict):
            return value
        if value is not None:
            self.report(None, f"front matter: '{key}' is not a mapping; {_LOST}")
        return {}

    def setting(self, table: dict[str, Any], key: str) -> str | None:
        """The text at ``key`` of the front matter; a list or a mapping there is reported."""
        value = table.get(key)
        if value is None or isinstance(value, str):
            return value
        self.report(None, f"front matter: '{key}' is not text; {_LOST}")
        return None

    def _restore(self, key: str, wanted: str, entry: dict[str, Any]) -> None:
        what, name_key = ("source", "title") if key == "sources" else ("actor", "name")
        name = entry.get(name_key)
        if not isinstance(name, str) or not name:
            self.report(None, f"front matter: {what} '{wanted}' has no {name_key}; skipped")
            return
        fields: dict[str, Any] = {}
        for field_name, value in entry.items():
            if field_name == name_key or value is None:
                continue
            texts = isinstance(value, list) and all(isinstance(v, str) for v in value)
            if field_name not in _TABLE_FIELDS[key]:
                self.report(None, f"front matter: {what} '{wanted}': '{field_name}' {_LOST}")
            elif isinstance(value, str) or (field_name == "authors" and texts):
                fields[field_name] = value
            else:
                self.report(
                    None, f"front matter: {what} '{wanted}': '{field_name}' is not text; {_LOST}"
                )
        if key == "sources":
            self.draft.add_source(wanted, name, **fields)
        else:
            self.draft.add_actor(wanted, name, **fields)

    def spaced_titles(self, elements: list[Statement] | list[Argument]) -> None:
        """Note each title that differs from an earlier one only in the spaces around it (or
        in runs of them): Argdown keeps a title as written, so ``[ A ]`` and ``[A]`` are two
        statements, as they are in the reference implementation; most likely one was meant."""
        first: dict[str, Statement | Argument] = {}
        for element in sorted(elements, key=_first_written):
            if element.untitled:
                continue
            earlier = first.setdefault(one_line(element.title), element)
            if earlier is element:
                continue
            what, shown = (
                ("statement", "[{}]") if isinstance(element, Statement) else ("argument", "<{}>")
            )
            line = self.source.position(_first_written(earlier)).line
            self.note(
                _first_written(element),
                f"{what} {shown.format(element.title)}: its title differs from that of "
                f"{shown.format(earlier.title)} (line {line}) only in the spaces around it; "
                f"as in Argdown, they are two {what}s",
            )

    # -- claims ------------------------------------------------------------------------------
    @staticmethod
    def section_tags(section: Section | None) -> list[str]:
        """The innermost heading that groups the element (``{isGroup: false}`` does not),
        without the heading's own tags."""
        while section is not None:
            if section.is_group and section.clean:
                return [section.clean]
            section = section.parent
        return []

    def claim_from_statement(self, st: Statement) -> None:
        data = st.data
        definitions = st.definitions
        if definitions:
            text = definitions[0].clean or definitions[0].text
            distinct = {one_line(m.clean) for m in definitions}
            if len(distinct) > 1:
                self.report(
                    st.offset,
                    f"statement [{st.title}] has {len(distinct)} different texts; "
                    "the first is kept",
                )
        else:
            text = st.title
            self.note(st.offset, f"statement [{st.title}] is never defined; its title is its text")
        text = self.text(text, st.title, st.offset, f"statement [{st.title}]")
        wanted = _wanted_id(data, st.title, text, st.untitled)
        label = _label(data, st.title, st.untitled)
        if label == text and "id" not in data:  # a title that only repeats the text
            label = None
        cid = self.draft.add_claim(
            wanted,
            text,
            label=label,
            tags=_tags(data) or [*st.tags, *self.section_tags(st.section)],
            **self.claim_fields(data, st.offset, f"statement [{st.title}]"),
        )
        self.result.claims[(NodeKind.STATEMENT, st.title)] = cid
        self.said_of_data_id(st, data, cid, label)
        if st.links:
            urls = ", ".join(dict.fromkeys(url for _, url in st.links))
            self.report(st.offset, f"statement [{st.title}]: link addresses not kept: {urls}")
        self.evidence(cid, data.get("evidence"), st.offset)

    def claim_from_argument(self, arg: Argument) -> None:
        if arg.descriptions:
            text = arg.descriptions[0].clean or arg.descriptions[0].text
        else:
            text = arg.title
            self.note(
                arg.offset, f"argument <{arg.title}> has no description; its title is its text"
            )
        text = self.text(text, arg.title, arg.offset, f"argument <{arg.title}>")
        cid = self.draft.add_claim(
            _wanted_id(arg.data, arg.title, text, arg.untitled),
            text,
            label=None
            if text == one_line(arg.title)
            else _label(arg.data, arg.title, arg.untitled),
            tags=[*arg.tags, *self.section_tags(arg.section)],
            **self.claim_fields(arg.data, arg.offset, f"argument <{arg.title}>"),
        )
        self.result.claims[(NodeKind.ARGUMENT, arg.title)] = cid

    def claim_fields(self, data: dict[str, Any], offset: int, what: str) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        kind = data.get("kind")
        if isinstance(kind, str) and kind in _KINDS:
            fields["kind"] = kind
        fields.update(self.shared_fields(data, offset, what))
        unknown = sorted(k for k in data if k not in CLAIM_DATA)
        if unknown:
            self.report(offset, f"{what}: data not carried over: {', '.join(unknown)}")
        return fields

    def shared_fields(self, data: dict[str, Any], offset: int, what: str) -> dict[str, Any]:
        """The holder, note and priority that claims and arguments have alike."""
        fields: dict[str, Any] = {}
        holder = data.get("holder")
        if isinstance(holder, str):
            if holder in self.draft.actors:
                fields["holder"] = holder
            else:
                self.report(offset, f"{what}: holder '{holder}' is not an actor of the map")
        if isinstance(data.get("note"), str):
            fields["note"] = data["note"]
        priority = str(data.get("priority", "0"))
        if priority.lstrip("-").isdigit() and int(priority):
            fields["priority"] = int(priority)
        return fields

    def evidence(self, cid: str, items: Any, offset: int) -> None:
        if not isinstance(items, list):
            return
        for item in items:
            if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) and item[k] for k in ("quote", "source")
            ):
                self.report(offset, f"claim '{cid}': evidence without quote and source skipped")
                continue
            if item["source"] not in self.draft.sources:
                self.report(offset, f"claim '{cid}': evidence from unknown source skipped")
                continue
            entry: dict[str, Any] = {"quote": item["quote"], "source": item["source"]}
            for key in ("locator", "strength", "note"):
                value = item.get(key)
                if value in (None, ""):
                    continue
                if key == "strength":
                    strength = _unit(value)
                    if strength is None:
                        problem = "is not a number from 0 to 1"
                    else:
                        entry[key] = strength
                        continue
                elif isinstance(value, str):
                    entry[key] = value
                    continue
                else:
                    problem = "is not text"
                self.report(offset, f"claim '{cid}': evidence '{key}' {problem}; {_LOST}")
            stance = "attacks" if str(item.get("stance", "supports")) == "attacks" else "supports"
            name = item.get("id")
            if isinstance(name, str) and name:  # the map named it (argmap's export says so)
                eid = self.draft.ids.take(name, "evidence")
                self.draft.evidence[eid] = {**entry, stance: cid}
            elif stance == "attacks":
                eid = self.draft.ids.take(f"{cid}-against", "evidence")
                self.draft.evidence[eid] = {**entry, "attacks": cid}
            else:
                self.draft.claims[cid].evidence.append(entry)

    # -- reconstructed arguments ---------------------------------------------------------------
    def reconstruction(self, arg: Argument) -> None:
        claim_of = self.result.claims
        main_id = _wanted_id(arg.data, arg.title, arg.title, arg.untitled)
        steps = [k for k, item in enumerate(arg.pcs) if item.role is not Role.PREMISE]
        previous = -1
        description = "; ".join(d.clean for d in arg.descriptions if d.clean) or None
        # holder, note and priority in the data (argmap's export writes them) are the main
        # inference's: argmap's argument is that inference
        shared = self.shared_fields(arg.data, arg.offset, f"argument <{arg.title}>")
        data_note = shared.pop("note", None)
        for n, k in enumerate(steps, start=1):
            item = arg.pcs[k]
            inference = item.inference
            uses = inference.data.get("uses") if inference is not None else None
            if isinstance(uses, list):
                numbers = {str(u) for u in uses}
                chosen = [p for p in arg.pcs[:k] if str(p.number) in numbers]
            else:
                chosen = arg.pcs[max(previous, 0) : k]
            previous = k
            conclusion = claim_of[(NodeKind.STATEMENT, item.title)]
            premises = [claim_of[(NodeKind.STATEMENT, p.title)] for p in chosen]
            premises = [p for p in premises if p != conclusion]
            if not premises:
                self.report(item.offset, f"<{arg.title}>: an inference without premises skipped")
                continue
            last = k == len(arg.pcs) - 1
            wanted = main_id if last else f"{main_id}.{n}"
            rules = ", ".join(inference.rules) if inference is not None else ""
            notes = [data_note] if last and data_note else []
            if last and description:
                notes.append(description.rstrip(".") + ".")
            if rules:
                notes.append(f"Inference: {rules}.")
            if last and arg.tags:
                notes.append("Tags: " + ", ".join(arg.tags) + ".")
            if (
                last
                and len(premises) == 1
                and wanted == MapDraft.implicit_argument(premises[0], conclusion)
            ):
                # a short-form support that argmap's export wrote out (something undercuts it)
                self.draft.support(premises[0], conclusion, at=_argument_defined_at(arg))
                self.result.arguments[(arg.title, k)] = wanted
                continue
            aid = self.draft.add_argument(
                wanted,
                conclusion,
                premises,
                at=_argument_defined_at(arg),
                label=(_label(arg.data, arg.title, arg.untitled) if last else None)
                or (None if last else f"{one_line(arg.title)}, step {n}"),
                note=" ".join(notes) or None,
                **(shared if last else {}),
            )
            self.result.arguments[(arg.title, k)] = aid
            if inference is not None:
                extra = sorted(key for key in inference.data if key != "uses")
                if extra:
                    self.report(
                        inference.offset,
                        f"<{arg.title}>: inference data not carried over: {', '.join(extra)}",
                    )
        unknown = sorted(k for k in arg.data if k not in ARGUMENT_DATA)
        if unknown:
            self.report(arg.offset, f"<{arg.title}>: data not carried over: {', '.join(unknown)}")

    # -- relations ---------------------------------------------------------------------------
    def claim(self, ref: NodeRef) -> str | None:
        return self.result.claims.get((ref.kind, ref.title))

    def relations(self) -> None:
        premises = {
            self.result.claims[(NodeKind.STATEMENT, p.title)]
            for arg in self.doc.arguments.values()
            for p in arg.pcs
            if p.role is Role.PREMISE
        }
        supports = (RelationType.SUPPORT, RelationType.ENTAILS)
        for rel in self.doc.relations:
            if rel.type in supports:
                self.support(rel.source, rel.target, rel.offset)
        for rel in self.doc.relations:
            if rel.type in supports:
                continue
            source = self.claim(rel.source)
            if source is None:
                continue
            if rel.type is RelationType.UNDERCUT:
                self.undercut(source, rel.target, rel.offset)
                continue
            target = self.claim(rel.target)
            if target is None:
                self.report(
                    rel.offset,
                    f"attack on the whole argument <{rel.target.title}>: argmap attacks "
                    "claims (a premise or the conclusion) or inferences; not carried over",
                )
                continue
            problem = self.draft.attack(
                source, target, self.attack_kind(rel.source, target, premises)
            )
            if problem:  # a claim under itself: '[A] - [A]'
                self.report(rel.offset, f"attack on '{target}' by '{source}': {problem}")
                continue
            if rel.type in (RelationType.CONTRADICTORY, RelationType.CONTRARY):
                self.draft.attack(target, source, self.attack_kind(rel.target, source, premises))

    def named_attacks(self, st: Statement) -> None:
        """Attacks that the map named under ``attacks:`` (argmap's export lists them in the
        attacker's data) get their names and notes back."""
        entries = st.data.get("attacks")
        if not isinstance(entries, list):
            return
        attacker = self.result.claims[(NodeKind.STATEMENT, st.title)]
        for entry in entries:
            found = _named_attack(entry)
            if found is None:
                skipped = "a named attack without an id and a target skipped"
                self.report(st.offset, f"claim '{attacker}': {skipped}")
                continue
            name, kind, target, note = found
            if not self.draft.name_attack(attacker, target, kind, name, note):
                self.report(
                    st.offset,
                    f"claim '{attacker}': attack '{name}' has no relation below it; skipped",
                )

    def said_of_data_id(
        self, st: Statement, data: dict[str, Any], cid: str, label: str | None
    ) -> None:
        """What an ``id`` in a statement's data changed: the id itself, where it is no
        identifier or is taken; the title, where it is neither that id nor the data's label
        (argmap's export writes one of them as the title)."""
        given = data.get("id")
        if not isinstance(given, str) or not given:
            return
        what = f"statement [{st.title}]"
        if cid != given:
            why = "is taken" if slugify(given) == given else "is no identifier"
            self.note(st.offset, f"{what}: its id {given!r} {why}; the claim is {cid!r}")
        if not st.untitled and one_line(st.title) not in {given, one_line(label or "")}:
            self.note(
                st.offset,
                f"{what}: its title is not kept: the id in its data, {given!r}, names the "
                'claim (a "label" in the data keeps a title)',
            )

    def attack_kind(self, source: NodeRef, target: str, premises: set[str]) -> str:
        """Undermine a premise, rebut anything else; argmap's export says which in data."""
        node = self.doc.statements.get(source.title) if source.kind is NodeKind.STATEMENT else None
        data = node.data if node is not None else {}
        if "id" in data:
            undermined = data.get("undermines")
            return "undermine" if isinstance(undermined, list) and target in undermined else "rebut"
        return "undermine" if target in premises else "rebut"

    def support(self, source_ref: NodeRef, target_ref: NodeRef, offset: int) -> None:
        source = self.claim(source_ref)
        target = self.claim(target_ref)
        if source is None:
            return
        if target is not None:
            problem = self.draft.support(source, target, at=offset)
            if problem:
                self.report(offset, f"support of '{target}' by '{source}': {problem}")
            return
        arg = self.doc.arguments.get(target_ref.title)
        titles = {p.title for p in arg.pcs if p.role is Role.PREMISE} if arg else set()
        if source_ref.kind is NodeKind.STATEMENT and source_ref.title in titles:
            return  # a premise supports its own argument: already so
        self.report(
            offset,
            f"support of the whole argument <{target_ref.title}>: argmap supports claims "
            "(say which premise), not arguments; not carried over",
        )

    def undercut(self, source: str, target_ref: NodeRef, offset: int) -> None:
        if target_ref.kind is NodeKind.INFERENCE:
            arg = self.doc.arguments[target_ref.title]
            index = target_ref.conclusion if target_ref.conclusion is not None else len(arg.pcs) - 1
            aid = self.result.arguments.get((arg.title, index))
            if aid is None:
                self.report(offset, f"undercut of <{arg.title}>: no inference to undercut")
                return
            self.draft.attack(source, aid, "undercut")
            return
        target = self.claim(target_ref)
        if target is None:
            return
        inferences = self.draft.support_arguments(target)
        if not inferences:
            self.report(
                offset,
                f"undercut of '{target}': it supports nothing in argmap (an undercut of an "
                "attack has no argmap form); not carried over",
            )
            return
        for aid in inferences:
            self.draft.attack(source, aid, "undercut")


def _named_attack(entry: Any) -> tuple[str, str, str, Any] | None:
    """(id, kind, target, note) of a named attack written in data, or None."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return None
    for kind in ("rebut", "undermine", "undercut"):
        target = entry.get(f"{kind}s")
        if isinstance(target, str):
            return entry["id"], kind, target, entry.get("note")
    return None


def _unit(value: Any) -> float | None:
    """``value`` as a number from 0 to 1 (a strength), or None."""
    try:
        number = float(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return number if number is not None and 0.0 <= number <= 1.0 else None


def graphviz_not_carried(dot: Any) -> list[str]:
    """The names of the settings under the front matter's ``dot`` that the map cannot hold:
    all but ``graphVizSettings: rankdir`` (``dot`` itself when it is no mapping)."""
    if dot is None:
        return []
    if not isinstance(dot, dict):
        return ["dot"]
    names = []
    for key, value in dot.items():
        if key == _GRAPHVIZ and isinstance(value, dict):
            names += [f"dot.{_GRAPHVIZ}.{k}" for k in value if k != "rankdir"]
        else:
            names.append(f"dot.{key}")
    return names


def _question(value: Any) -> str | dict[str, Any] | None:
    """A question of the front matter: its text, or its text and the claims it is about."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        about = value.get("about")
        if isinstance(about, list) and about:
            return {"text": value["text"], "about": [str(a) for a in about]}
        return str(value["text"])
    return None


def _tags(data: dict[str, Any]) -> list[str]:
    """Tags written in the data (by argmap's export, when one has a ')' in it)."""
    tags = data.get("tags")
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _wanted_id(data: dict[str, Any], title: str, text: str, untitled: bool) -> str:
    given = data.get("id")
    if isinstance(given, str) and given:
        return given
    return slugify(text, max_words=6) if untitled else slugify(title)


def _label(data: dict[str, Any], title: str, untitled: bool) -> str | None:
    if "id" in data:  # written by argmap's export: the label is in the data, if any
        label = data.get("label")
        return label if isinstance(label, str) and label else None
    return None if untitled else one_line(title)  # the spaces a title may have are Argdown's


def _defined_at(st: Statement) -> int:
    """Claims come in the order statements are defined (a reference may come first)."""
    return min((m.offset for m in st.members if not m.is_reference), default=st.offset)


def _argument_defined_at(arg: Argument) -> int:
    """Arguments come in the order they are reconstructed or described (an undercut above
    may mention one first)."""
    if arg.pcs:
        return arg.pcs[0].offset
    return min((d.offset for d in arg.descriptions), default=arg.offset)


def _first_written(element: Statement | Argument) -> int:
    """Where an element is first defined (a reference may come before)."""
    if isinstance(element, Statement):
        return _defined_at(element)
    written = [d.offset for d in element.descriptions]
    if element.pcs:
        written.append(element.pcs[0].offset)
    return min(written, default=element.offset)


def argdown_to_draft(
    doc: ArgdownDocument, source: SourceText, path: str, fallback_title: str
) -> ArgdownImport:
    """Map a parsed document onto a draft; what cannot be carried over is reported."""
    result = ArgdownImport(MapDraft(), [])
    mapper = _Mapper(doc, source, path, result)
    mapper.front_matter(fallback_title)
    mapper.spaced_titles(list(doc.statements.values()))
    mapper.spaced_titles(list(doc.arguments.values()))
    for st in sorted(doc.statements.values(), key=_defined_at):
        mapper.claim_from_statement(st)
    arguments = sorted(doc.arguments.values(), key=_argument_defined_at)
    for arg in arguments:
        if not arg.reconstructed:
            mapper.claim_from_argument(arg)
    for arg in arguments:
        if arg.reconstructed:
            mapper.reconstruction(arg)
    mapper.relations()
    mapper.questions_about()
    for message, at in result.draft.break_support_cycles():
        mapper.report(at if isinstance(at, int) else None, message)
    for st in doc.statements.values():
        mapper.named_attacks(st)
    return result
