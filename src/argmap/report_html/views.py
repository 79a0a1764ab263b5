"""The plain, typed data that the report and handout templates show.

Everything here is built by :mod:`argmap.report_html.context` from a checked map; the
templates only read it. Text fields hold the user's text as it is (cleaned of control
characters): Jinja2 escapes it on the way out, so it is data, never markup. A field that a
student worksheet must not show (a verdict, a score, a quote check) is None in its
context, so the template cannot leak it even by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VerdictView:
    """A claim's verdict as a badge: ``verdict`` is the vocabulary word (a CSS class too)."""

    verdict: str
    badge: str  # "✔ supported"
    score: str  # "0.75"
    label: str  # IN, OUT, UNDEC
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A link to a claim shown elsewhere on the page."""

    id: str
    anchor: str  # "claim-ID", without the '#'
    title: str  # the label when there is one, else the text
    verdict: VerdictView | None = None


@dataclass(frozen=True, slots=True)
class EvidenceCard:
    """One quote, numbered in the order the cards appear on the page."""

    number: int
    id: str
    anchor: str
    quote: str
    stance: str  # "supports" | "attacks"
    target: ClaimRef
    source_id: str
    source_title: str
    source_anchor: str
    locator: str | None
    strength: str | None  # shown when it is not 1
    note: str | None
    status: str | None  # a QuoteStatus value; None on a worksheet
    status_text: str | None  # "verified", "paraphrase, 87% similar", "not found"
    passage: str | None  # the closest passage when the quote was not found verbatim
    passage_where: str | None


@dataclass(frozen=True, slots=True)
class ArgumentView:
    """An argument for a claim: its premises (all needed) and whether it stands."""

    id: str
    label: str | None
    premises: tuple[ClaimRef, ...]
    fate: str | None  # "stands", "falls", "is undecided"; None on a worksheet


@dataclass(frozen=True, slots=True)
class ObjectionView:
    """An attack on a claim (or on one of its arguments) and how it fares."""

    id: str
    kind: str  # rebut, undermine, undercut
    attacker: ClaimRef
    against: str | None  # the argument an undercut targets, by label or id
    fate: str | None  # "succeeds", "is defeated", ...; None on a worksheet
    note: str | None


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    anchor: str
    map_anchor: str | None  # the claim's node in the page's map, when the map shows it
    text: str
    label: str | None
    kind: str
    holder: str | None
    holder_anchor: str | None
    tags: tuple[str, ...]
    note: str | None
    verdict: VerdictView | None
    arguments: tuple[ArgumentView, ...]
    objections: tuple[ObjectionView, ...]
    evidence: tuple[EvidenceCard, ...]
    supports: tuple[ClaimRef, ...]  # the conclusions this claim is a premise of
    attacks: tuple[ClaimRef, ...]  # the claims this claim attacks (or whose argument)


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One line of the outline, in document order.

    ``depth`` starts at 1; ``closes`` is how many nested lists end before this entry and
    ``opens`` whether a new one starts, so the template writes nested ``<ol>`` without
    recursion. A claim reached a second time is a ``repeat``: a reference to its first
    place, not a second copy.
    """

    claim: ClaimView
    ref: ClaimRef  # the link to the claim's full entry
    depth: int
    relation: str  # "thesis", "root", "premise", "objection"
    relation_text: str  # "premise of", "rebuts", ...
    parent: ClaimRef | None
    repeat: bool
    opens: bool
    closes: int


@dataclass(frozen=True, slots=True)
class ActorView:
    id: str
    anchor: str
    name: str
    role: str | None
    note: str | None
    url: str | None  # http(s) only
    url_text: str | None  # any other URL, shown as text
    claims: tuple[ClaimRef, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    anchor: str
    title: str
    authors: str | None
    date: str | None
    publisher: str | None
    url: str | None  # http(s) only
    url_text: str | None  # any other URL, shown as text
    file: str | None
    note: str | None
    cards: tuple[int, ...]  # the numbers of the evidence cards quoting it


@dataclass(frozen=True, slots=True)
class VerdictCount:
    verdict: str
    badge: str
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    claims: int
    verdicts: tuple[VerdictCount, ...]
    quotes: int
    verified: int
    paraphrased: int
    not_found: int
    unchecked: int
    not_verified: int = 0  # not found for want of a search (too many omissions, or no words)


@dataclass(frozen=True, slots=True)
class QuestionView:
    number: int
    text: str
    about: tuple[ClaimRef, ...]
    generated: bool


@dataclass(frozen=True, slots=True)
class SideItem:
    """A claim in the pro or con column, with the numbers of its evidence cards."""

    claim: ClaimRef
    holder: str | None
    relation_text: str  # "premise of", "rebuts", ...
    parent: ClaimRef | None
    cards: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MapFigure:
    """An inline SVG map (argmap's own renderer made it: no scripts, no handlers)."""

    svg: bytes  # the <svg> element, UTF-8; empty when the map was not drawn
    width_pt: float
    height_pt: float
    scale: float  # 1 = natural size; on a handout, the scale that fits the page
    lead: str  # argmap's words before the subject: "Around the thesis: ", or ""
    subject: str  # the title of the map or of the claim the view is drawn around
    note: str | None  # says when the map was simplified or split
    digest: str  # of the DOT it was drawn from

    @property
    def caption(self) -> str:
        """``Around the thesis: The SPP is a failure.``"""
        return self.lead + self.subject


@dataclass(frozen=True, slots=True)
class MapText:
    """The map's text alternative: what it shows, in numbers."""

    claims: int
    supports: int
    attacks: int
    quotes: int


@dataclass(frozen=True, slots=True)
class Page:
    """What both documents share: the map's metadata and its claims."""

    title: str
    question: str | None
    description: str | None
    authors: tuple[str, ...]
    date: str | None
    machine_date: str | None  # the date when it is one of the calendar, for <time datetime>
    created: str | None  # an ISO date-time for the PDF's metadata, from the map's date
    outline: tuple[OutlineEntry, ...]
    cards: tuple[EvidenceCard, ...]
    questions: tuple[QuestionView, ...]
    summary: Summary | None  # None on a worksheet
    map_text: MapText


@dataclass(frozen=True, slots=True)
class ReportContext:
    page: Page
    figure: MapFigure
    actors: tuple[ActorView, ...]
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class HandoutContext:
    page: Page
    variant: str  # "teacher" | "student"
    paper: str  # "a4" | "letter"
    figures: tuple[MapFigure, ...]
    pro: tuple[SideItem, ...]
    con: tuple[SideItem, ...]
    sources: tuple[SourceView, ...]
    excerpt_note: str | None = None  # a map too large to print: what the handout holds
