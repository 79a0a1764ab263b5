"""Argdown, step 3: blocks, elements, relations and reconstructions.

A document is blocks separated by empty lines: headings, statements, arguments, lists and
premise-conclusion structures. Relations hang below an element, one per line, nested by
indentation exactly as the reference implementation (``@argdown/core``) nests them: a deeper
line relates to the element above it, an equal one to the same parent, a shallower one to the
parent of that indentation. The nesting is kept on an explicit stack, so a file nested
thousands of levels deep is refused with a message (over the depth limit), never with a
recursion error.

The model is then completed as the reference does: relations leaving a reconstructed argument
leave from its main conclusion, relations to it go to its last inference, relations that this
makes of a statement with itself disappear (one written so, ``[A]`` under ``[A]``, stays) and,
in strict mode, statements entail and contradict
rather than support and attack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Position
from argmap.interchange import codes
from argmap.interchange.argdown.inline import (
    ARGUMENT_DEFINITION,
    ARGUMENT_REFERENCE,
    HEAD_LINK,
    STATEMENT_DEFINITION,
    STATEMENT_REFERENCE,
    Content,
    Data,
    InlineText,
    parse_inline,
)
from argmap.interchange.argdown.lexer import Lexed, Line, data_end, lex
from argmap.interchange.argdown.model import (
    ArgdownDocument,
    Argument,
    Description,
    Inference,
    Member,
    NodeKind,
    NodeRef,
    PcsItem,
    Relation,
    RelationType,
    Role,
    Section,
    Statement,
)
from argmap.interchange.limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from argmap.load import Limits, load_text

_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|><|_>|<_|\+|-)")
_INFERENCE = re.compile(r"[ \t]*--")
_DASHES = re.compile(r"-{2,}")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_HEADING = re.compile(r"(#+) ")
# As the reference reads a list item: at any indentation, column 0 too (`* item`, `2026. x`)
_LIST_ITEM = re.compile(r"([ \t]*)(\*|\d+\.)(?=\s)")

# symbol -> (type, child is the source?)
_SYMBOLS: dict[str, tuple[RelationType, bool]] = {
    "+": (RelationType.SUPPORT, True),
    "<+": (RelationType.SUPPORT, True),
    "-": (RelationType.ATTACK, True),
    "<-": (RelationType.ATTACK, True),
    "+>": (RelationType.SUPPORT, False),
    "->": (RelationType.ATTACK, False),
    "><": (RelationType.CONTRADICTORY, False),
    "_>": (RelationType.UNDERCUT, False),
    "<_": (RelationType.UNDERCUT, True),
}


def _kind(line: Line) -> str:
    text = line.text
    if not text.strip():
        return "blank"
    if _INFERENCE.match(text):
        return "inference"
    if _RELATION.match(text):
        return "relation"
    if _NUMBER.match(text):
        return "number"
    return "text"


@dataclass(slots=True)
class _Element:
    """An element just read: what a relation to or from it points at."""

    ref: NodeRef
    is_argument: bool
    is_reference: bool = False


@dataclass(slots=True)
class _Parser:
    path: str
    lexed: Lexed
    limits: ImportLimits
    doc: ArgdownDocument = field(default_factory=ArgdownDocument)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    untitled: int = 0
    section: Section | None = None
    pending_argument: str | None = None
    elements: int = 0
    inference: Inference | None = None  # the latest inference of the current PCS
    inference_owner: NodeRef | None = None  # and the node an undercut of it points at
    in_list: bool = False  # reading a list block: a list item at column 0 is the next item

    # -- diagnostics -------------------------------------------------------------------------
    def error(self, offset: int, message: str, hint: str | None = None) -> None:
        pos = self.lexed.source.position(offset)
        self.diagnostics.append(codes.IMPORT_SYNTAX.at(self.path, pos, message, hint))

    def warn(self, offset: int, message: str) -> None:
        pos = self.lexed.source.position(offset)
        self.diagnostics.append(codes.NOT_CARRIED_OVER.at(self.path, pos, message))

    def nonstandard(self, offset: int, message: str) -> None:
        """What argmap reads but the reference implementation refuses: a warning, so that a
        file meant for other Argdown tools can be fixed."""
        pos = self.lexed.source.position(offset)
        self.diagnostics.append(codes.IMPORT_NONSTANDARD.at(self.path, pos, message))

    def count(self, offset: int) -> bool:
        """Count one more element; False (with one diagnostic) once over the limit."""
        self.elements += 1
        if self.elements == self.limits.max_elements + 1:
            pos = self.lexed.source.position(offset)
            self.diagnostics.append(
                codes.IMPORT_TOO_MANY.at(
                    self.path, pos, f"more than {self.limits.max_elements:,} elements"
                )
            )
        return self.elements <= self.limits.max_elements

    # -- data --------------------------------------------------------------------------------
    def read_data(self, data: Data) -> dict[str, Any]:
        limits = Limits(max_bytes=len(data.raw.encode()) + 1, max_depth=self.limits.max_depth)
        document = load_text(data.raw, self.path, limits)
        if document.data is None:
            problem = document.diagnostics[-1].message if document.diagnostics else "empty"
            self.error(data.offset, f"this {{...}} data is not valid YAML: {problem}")
            return {}
        return document.data

    def read_front_matter(self) -> None:
        if self.lexed.front_matter is None:
            return
        text, first_line = self.lexed.front_matter
        limits = Limits(max_bytes=self.limits.max_bytes, max_depth=self.limits.max_depth)
        document = load_text(text, self.path, limits)
        if document.data is None:
            if text.strip():
                for d in document.diagnostics:  # located in the YAML, which starts on first_line
                    at = Position(first_line + max(d.line, 1) - 1, max(d.col, 1))
                    message = f"front matter: {d.message}"  # (its hint counts the YAML's lines)
                    self.diagnostics.append(codes.IMPORT_SYNTAX.at(self.path, at, message))
            return
        self.doc.front_matter = document.data
        model = document.data.get("model")
        if isinstance(model, dict):
            self.doc.strict = str(model.get("mode", "")).lower() == "strict"
            self.doc.remove_tags = str(model.get("removeTagsFromText", "")).lower() == "true"

    # -- titles ------------------------------------------------------------------------------
    def next_untitled(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def statement(self, title: str, offset: int, *, untitled: bool = False) -> Statement:
        found = self.doc.statements.get(title)
        if found is None:
            found = Statement(title, offset, untitled=untitled)
            self.doc.statements[title] = found
        return found

    def argument(self, title: str, offset: int, *, untitled: bool = False) -> Argument:
        found = self.doc.arguments.get(title)
        if found is None:
            found = Argument(title, offset, untitled=untitled, section=self.section)
            self.doc.arguments[title] = found
        return found

    # -- elements ----------------------------------------------------------------------------
    def element(self, content: Content, *, statement_only: bool = False) -> _Element | None:
        """A statement or an argument, from the head of its text."""
        text = content.text
        offset = content.offset(0)
        self.count(offset)
        if not HEAD_LINK.match(text):
            m = ARGUMENT_DEFINITION.match(text) or ARGUMENT_REFERENCE.match(text)
            if m:
                if statement_only:
                    self.error(offset, "an argument cannot stand here: a statement is expected")
                    return None
                return self.argument_element(content, m, text[m.end() - 1] == ":")
            m = STATEMENT_DEFINITION.match(text) or STATEMENT_REFERENCE.match(text)
            if m:
                return self.statement_element(content, m, text[m.end() - 1] == ":")
        inline = parse_inline(content, 0)
        self.inline_problems(inline)
        title = self.next_untitled()
        st = self.statement(title, offset, untitled=True)
        self.add_member(st, inline, offset, reference=False)
        return _Element(NodeRef(NodeKind.STATEMENT, title), is_argument=False)

    def statement_element(self, content: Content, m: re.Match[str], definition: bool) -> _Element:
        title = m.group(1)  # as written: the reference keeps its spaces
        offset = content.offset(m.start(1) - 1)
        inline = parse_inline(content, m.end())
        self.inline_problems(inline)
        if not definition:
            self.reference_rest(inline, offset)
        st = self.statement(title, offset)
        self.add_member(st, inline, offset, reference=not definition)
        return _Element(NodeRef(NodeKind.STATEMENT, title), False, not definition)

    def argument_element(self, content: Content, m: re.Match[str], definition: bool) -> _Element:
        title = m.group(1)  # as written: the reference keeps its spaces
        offset = content.offset(m.start(1) - 1)
        inline = parse_inline(content, m.end())
        self.inline_problems(inline)
        if not definition:
            self.reference_rest(inline, offset)
        arg = self.argument(title, offset)
        if definition and inline.text:
            arg.descriptions.append(Description(inline.text, inline.clean, offset, self.section))
        for tag in inline.tags:
            if tag not in arg.tags:
                arg.tags.append(tag)
        for data in inline.data:
            arg.data.update(self.read_data(data))
        return _Element(NodeRef(NodeKind.ARGUMENT, title), True, not definition)

    def add_member(self, st: Statement, inline: InlineText, offset: int, reference: bool) -> None:
        st.members.append(Member(inline.text, inline.clean, offset, reference, self.section))
        for tag in inline.tags:
            if tag not in st.tags:
                st.tags.append(tag)
        st.links.extend(inline.links)
        for data in inline.data:
            st.data.update(self.read_data(data))

    def reference_rest(self, inline: InlineText, offset: int) -> None:
        rest = inline.clean
        if rest:
            self.error(
                offset,
                f"text after a reference: '{rest[:40]}'",
                hint="a reference is [Title] or <Title> alone; define with [Title]: text",
            )

    def inline_problems(self, inline: InlineText) -> None:
        for offset, message in inline.problems:
            self.error(offset, message)
        self.data_last(inline)

    def data_last(self, inline: InlineText) -> None:
        """What the reference refuses in a text: an unpaired marker, text after data."""
        if inline.unpaired is not None:
            offset, marker = inline.unpaired
            self.nonstandard(
                offset,
                f"unpaired '{marker}': the reference implementation (@argdown/cli 1.7.5) "
                "refuses it (a bold or italic range never closed); argmap keeps it as text; "
                "write '\\*' or '\\_' for the character itself",
            )
        if inline.after_data is not None:
            self.nonstandard(
                inline.after_data,
                "text after {...} data: the reference implementation (@argdown/cli 1.7.5) refuses "
                "it (data ends an element's text); argmap reads it as text",
            )

    # -- relations ---------------------------------------------------------------------------
    def relate(self, symbol: str, parent: NodeRef, child: _Element, offset: int) -> None:
        rtype, child_is_source = _SYMBOLS[symbol]
        if rtype is RelationType.CONTRADICTORY and child.is_argument:
            self.error(offset, "a contradiction '><' joins two statements, not an argument")
            return
        if symbol == "_>" and not child.is_argument:
            self.error(offset, "an undercut '_>' points at an argument")
            return
        source, target = (child.ref, parent) if child_is_source else (parent, child.ref)
        if (
            symbol == "<_"
            and target.kind is NodeKind.STATEMENT
            and self.inference is not None
            and self.inference_owner is not None
        ):
            target = self.inference_owner
        self.doc.relations.append(Relation(rtype, source, target, offset))

    def relations(self, lines: list[Line], i: int, root: _Element, base: int) -> int:
        """Read the relation lines below ``root``; return the index of the next line."""
        levels: list[tuple[int, NodeRef]] = []
        last = root.ref
        while i < len(lines) and _kind(lines[i]) == "relation":
            line = lines[i]
            m = _RELATION.match(line.text)
            assert m is not None
            indent, symbol = len(m.group(1)), m.group(2)
            offset = line.offset(m.start(2))
            top = levels[-1][0] if levels else base
            if indent > top:
                levels.append((indent, last))
            elif indent < top:
                while levels and indent < levels[-1][0]:
                    levels.pop()
            if not levels:
                self.error(
                    offset,
                    "this relation is not indented below the element it relates to",
                    hint="indent relations (with spaces) under their statement or argument",
                )
                content, i = self.content(lines, i, m.end())
                continue
            if len(levels) > self.limits.max_depth:
                self.diagnostics.append(
                    codes.IMPORT_TOO_DEEP.at(
                        self.path,
                        self.lexed.source.position(offset),
                        f"relations nest deeper than {self.limits.max_depth} levels",
                    )
                )
                while i < len(lines) and _kind(lines[i]) != "blank":
                    i += 1
                return i
            parent = levels[-1][1]
            content, i = self.content(lines, i, m.end())
            child = self.element(content, statement_only=symbol == "><")
            if child is None:
                continue
            self.relate(symbol, parent, child, offset)
            last = child.ref
        return i

    def content(self, lines: list[Line], i: int, start: int) -> tuple[Content, int]:
        """The element text from ``lines[i][start:]`` and the text lines that continue it.

        A list item ends the text. Outside a list, one at column 0 (``* x``, ``2026. x``)
        continues it, as it always did here: the reference refuses the file (a list item
        starts an element, which cannot stand there), so that is a warning.
        """
        segments = [(lines[i], start)]
        i += 1
        while i < len(lines) and _kind(lines[i]) == "text":
            item = _LIST_ITEM.match(lines[i].text)
            if item is not None:
                if self.in_list or item.group(1):
                    break
                marker = "*" if item.group(2) == "*" else "1."
                self.nonstandard(
                    lines[i].offset(0),
                    f"list item '{marker}' at the start of a line inside a text: the reference "
                    "implementation (@argdown/cli 1.7.5) refuses it (a list item starts an "
                    "element); argmap reads the line as text",
                )
            segments.append((lines[i], 0))
            i += 1
        return Content(segments), i

    # -- blocks ------------------------------------------------------------------------------
    def run(self) -> ArgdownDocument:
        self.read_front_matter()
        block: list[Line] = []
        for line in self.lexed.lines:
            if self.elements > self.limits.max_elements:
                break
            if line.blank:
                if block:
                    self.block(block)
                    block = []
            else:
                block.append(line)
        if block:
            self.block(block)
        complete(self.doc)
        return self.doc

    def block(self, lines: list[Line]) -> None:
        first = lines[0]
        kind = _kind(first)
        pending, self.pending_argument = self.pending_argument, None
        heading = _HEADING.match(first.text)
        if heading and kind == "text":
            self.heading(lines, len(heading.group(1)), heading.end())
        elif kind == "number":
            self.pcs(lines, 0, pending)
        elif kind in ("relation", "inference"):
            what = "relation" if kind == "relation" else "inference line '--'"
            self.error(
                first.offset(len(first.text) - len(first.text.lstrip())),
                f"this {what} has no element above it",
                hint="relations hang below a statement or argument, without an empty line",
            )
        elif _LIST_ITEM.match(first.text):
            self.list_block(lines)
        else:
            self.element_block(lines)

    def element_block(self, lines: list[Line]) -> None:
        content, i = self.content(lines, 0, 0)
        element = self.element(content)
        if element is None:
            return
        i = self.relations(lines, i, element, 0)
        if i < len(lines) and _kind(lines[i]) == "number" and element.is_argument:
            self.pcs(lines, i, element.ref.title)
            return
        if i < len(lines):
            self.error(
                lines[i].offset(0),
                "unexpected line: put an empty line before it",
                hint="blocks (statements, arguments, reconstructions) are separated by empty lines",
            )
        if element.is_argument:
            self.pending_argument = element.ref.title

    def list_block(self, lines: list[Line]) -> None:
        self.in_list = True
        try:
            self.list_items(lines)
        finally:
            self.in_list = False

    def list_items(self, lines: list[Line]) -> None:
        i = 0
        first: tuple[str, str] | None = None  # the indentation and marker of the first item
        while i < len(lines):
            m = _LIST_ITEM.match(lines[i].text)
            if m is None:
                self.error(lines[i].offset(0), "unexpected line in a list")
                return
            item = (m.group(1), "*" if m.group(2) == "*" else "1.")
            if first is None:
                first = item
            elif item != first:
                self.nonstandard(
                    lines[i].offset(m.start(2)),
                    f"list item '{item[1]}' at indentation {len(item[0])} in a list of "
                    f"'{first[1]}' items at indentation {len(first[0])}: the reference "
                    "implementation (@argdown/cli 1.7.5) refuses it (lists do not nest or "
                    "mix); argmap reads it as an item of the same list",
                )
            content, i = self.content(lines, i, m.end())
            element = self.element(content)
            if element is not None:
                i = self.relations(lines, i, element, len(m.group(1)))

    def heading(self, lines: list[Line], level: int, start: int) -> None:
        segments = [(lines[0], start), *((line, 0) for line in lines[1:])]
        content = Content(segments)
        inline = parse_inline(content, 0)
        self.data_last(inline)
        data: dict[str, Any] = {}
        for d in inline.data:
            data.update(self.read_data(d))
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        section = Section(
            inline.text.strip(), level, content.offset(0), data, parent, inline.clean.strip()
        )
        self.doc.sections.append(section)
        self.section = section

    def pcs(self, lines: list[Line], i: int, title: str | None) -> None:
        offset = lines[i].offset(0)
        if title is None:
            title = self.next_untitled()
            arg = self.argument(title, offset, untitled=True)
        else:
            arg = self.doc.arguments[title]
        if arg.pcs:
            self.warn(offset, f"a second reconstruction of <{title}> replaces the first")
        items: list[PcsItem] = []
        self.inference = None
        self.inference_owner = None
        after_inference = False
        owner = NodeRef(NodeKind.INFERENCE, title)
        while i < len(lines):
            line = lines[i]
            kind = _kind(line)
            if kind == "number":
                m = _NUMBER.match(line.text)
                assert m is not None
                content, i = self.content(lines, i, m.end())
                element = self.element(content, statement_only=True)
                if element is None:
                    continue
                role = Role.INTERMEDIARY if after_inference else Role.PREMISE
                item = PcsItem(element.ref.title, role, int(m.group(1)), line.offset(0))
                if after_inference:
                    item.inference = self.inference
                    self.inference_owner = NodeRef(NodeKind.INFERENCE, title, len(items))
                items.append(item)
                after_inference = False
                i = self.relations(lines, i, element, 0)
            elif kind == "inference":
                i = self.inference_lines(lines, i)
                after_inference = True
                owner = NodeRef(NodeKind.INFERENCE, title, len(items))
                i = self.inference_relations(lines, i, owner)
            else:
                self.error(line.offset(0), "unexpected line in an argument reconstruction")
                return
        if not items or items[-1].role is not Role.INTERMEDIARY:
            self.error(
                offset,
                f"the reconstruction of <{title}> does not end with a conclusion",
                hint="end it with an inference line '--' (or '----') and a numbered conclusion",
            )
            return
        items[-1].role = Role.MAIN
        arg.pcs = items
        self.inference = None
        self.inference_owner = None

    def inference_lines(self, lines: list[Line], i: int) -> int:
        line = lines[i]
        m = _INFERENCE.match(line.text)
        assert m is not None
        offset = line.offset(m.start())
        parts: list[str] = []
        rest = line.text[m.end() :]
        while True:
            close = _DASHES.search(rest)
            if close is not None:
                parts.append(rest[: close.start()])
                i += 1
                break
            parts.append(rest)
            i += 1
            if i >= len(lines):
                self.error(offset, "this inference line '--' is never closed by another '--'")
                break
            rest = lines[i].text
        text = " ".join(parts)
        data: dict[str, Any] = {}
        k = text.find("{")
        while k >= 0:
            end = data_end(text, k, len(text))
            if end is None:
                break
            data.update(self.read_data(Data(text[k:end], offset)))
            text = text[:k] + text[end:]
            k = text.find("{")
        rules = [r.strip() for r in text.split(",") if r.strip()]
        self.inference = Inference(rules, offset, data)
        return i

    def inference_relations(self, lines: list[Line], i: int, owner: NodeRef) -> int:
        while i < len(lines) and _kind(lines[i]) == "relation":
            line = lines[i]
            m = _RELATION.match(line.text)
            assert m is not None
            offset = line.offset(m.start(2))
            content, i = self.content(lines, i, m.end())
            if m.group(2) != "<_":
                self.error(offset, "an inference can only be undercut ('<_')")
                continue
            child = self.element(content)
            if child is not None:
                self.doc.relations.append(Relation(RelationType.UNDERCUT, child.ref, owner, offset))
        return i


def complete(doc: ArgdownDocument) -> None:
    """Finish the model as the reference implementation does (see the module docstring)."""
    out: list[Relation] = []
    seen: set[tuple[NodeRef, NodeRef, RelationType]] = set()
    for rel in doc.relations:
        source, target = rel.source, rel.target
        if source.kind is NodeKind.ARGUMENT and _reconstructed(doc, source.title):
            source = NodeRef(NodeKind.STATEMENT, doc.arguments[source.title].conclusion)
        if target.kind is NodeKind.ARGUMENT and _reconstructed(doc, target.title):
            arg = doc.arguments[target.title]
            target = NodeRef(NodeKind.INFERENCE, arg.title, len(arg.pcs) - 1)
        if target.kind is NodeKind.INFERENCE and target.conclusion is None:
            arg = doc.arguments[target.title]
            target = NodeRef(NodeKind.INFERENCE, arg.title, max(len(arg.pcs) - 1, 0))
        if source == target and rel.source != rel.target:
            continue  # made so by completing (an argument and its own conclusion); as written,
            # '[A] + [A]' is a relation to the reference too (the import says it is lost)
        rtype = rel.type
        both = source.kind is NodeKind.STATEMENT and target.kind is NodeKind.STATEMENT
        if doc.strict and both and rtype is RelationType.SUPPORT:
            rtype = RelationType.ENTAILS
        elif doc.strict and both and rtype is RelationType.ATTACK:
            rtype = RelationType.CONTRARY
        symmetric = rtype in (RelationType.CONTRADICTORY, RelationType.CONTRARY)
        if (source, target, rtype) in seen or (symmetric and (target, source, rtype) in seen):
            continue
        seen.add((source, target, rtype))
        out.append(Relation(rtype, source, target, rel.offset))
    doc.relations = out


def _reconstructed(doc: ArgdownDocument, title: str) -> bool:
    arg = doc.arguments.get(title)
    return arg is not None and arg.reconstructed


def parse_argdown(
    text: str, path: str, limits: ImportLimits = DEFAULT_IMPORT_LIMITS
) -> tuple[ArgdownDocument, list[Diagnostic]]:
    """The document and every problem met, located; never raises on bad input."""
    lexed = lex(text, path)
    parser = _Parser(path, lexed, limits)
    parser.diagnostics.extend(lexed.diagnostics)
    doc = parser.run()
    return doc, parser.diagnostics
