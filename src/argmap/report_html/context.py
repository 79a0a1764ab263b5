"""From a checked map (and its drawn map) to the context of the report or a handout. Pure.

The outline fixes the order of everything: claims appear as the outline meets them, and
their evidence cards are numbered in that order, so the numbers run down the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.argument_map import ArgumentMap
from argmap.outcome import VERDICT_ORDER
from argmap.render.text import clean
from argmap.report_html.claims import VERDICT_ICON, Checked, ClaimViews, anchor_id, text_or_none
from argmap.report_html.outline import Step, children, outline, sides
from argmap.report_html.views import (
    ActorView,
    ClaimRef,
    ClaimView,
    HandoutContext,
    MapFigure,
    MapText,
    OutlineEntry,
    Page,
    QuestionView,
    ReportContext,
    SideItem,
    SourceView,
    Summary,
    VerdictCount,
)
from argmap.verdict import QuoteStatus, Verdict
from argmap.weblinks import calendar_date, web_link

GENERATED_QUESTIONS = 6


def report_context(checked: Checked, figure: MapFigure) -> ReportContext:
    """Everything the report shows, verdicts included."""
    # The report's map draws every claim, so each claim can point at its node; a map too
    # large to draw (no SVG) has none to point at.
    drawn = frozenset(checked.map.claims) if figure.svg else frozenset[str]()
    views = ClaimViews(checked, show_verdicts=True, on_map=drawn)
    page = _page(checked, views, show_verdicts=True)
    return ReportContext(
        page=page,
        figure=figure,
        actors=_actors(checked.map, views),
        sources=_sources(checked.map, views),
    )


def handout_context(
    checked: Checked,
    figures: Sequence[MapFigure],
    *,
    variant: str,
    paper: str,
    excerpt_note: str | None = None,
) -> HandoutContext:
    """A handout: the teacher's carries verdicts and reasons, the student's none at all."""
    show = variant == "teacher"
    views = ClaimViews(checked, show_verdicts=show)
    page = _page(checked, views, show_verdicts=show)
    pro, con = sides(checked.map, views.index)
    return HandoutContext(
        page=page,
        variant=variant,
        paper=paper,
        figures=tuple(figures),
        pro=tuple(_side_item(views, s) for s in pro),
        con=tuple(_side_item(views, s) for s in con),
        sources=_sources(checked.map, views),
        excerpt_note=excerpt_note,
    )


def _page(checked: Checked, views: ClaimViews, *, show_verdicts: bool) -> Page:
    m = checked.map
    entries = _outline_entries(m, views)
    cards = tuple(views.cards.values())
    date = text_or_none(m.date)
    machine_date = calendar_date(date)
    return Page(
        title=clean(m.title),
        question=text_or_none(m.question),
        description=text_or_none(m.description),
        authors=tuple(clean(a) for a in m.authors),
        date=date,
        machine_date=machine_date,
        created=f"{date}T00:00:00Z" if machine_date and len(machine_date) == 10 else None,
        outline=entries,
        cards=cards,
        questions=_questions(checked, views),
        summary=_summary(checked) if show_verdicts else None,
        map_text=MapText(len(m.claims), len(m.arguments), len(m.attacks), len(m.evidence)),
    )


def _outline_entries(m: ArgumentMap, views: ClaimViews) -> tuple[OutlineEntry, ...]:
    steps = outline(m, views.index)
    entries: list[OutlineEntry] = []
    full: dict[str, ClaimView] = {}
    previous = 0
    for step in steps:
        if step.repeat:
            claim = full[step.claim]
        else:
            claim = full[step.claim] = views.claim(step.claim)
        entries.append(
            OutlineEntry(
                claim=claim,
                ref=views.ref(step.claim),
                depth=step.depth,
                relation=step.relation,
                relation_text=step.relation_text,
                parent=views.ref(step.parent) if step.parent else None,
                repeat=step.repeat,
                opens=step.depth > previous,
                closes=max(previous - step.depth, 0),
            )
        )
        previous = step.depth
    return tuple(entries)


def _side_item(views: ClaimViews, step: Step) -> SideItem:
    claim = views.map.claims[step.claim]
    holder = views.map.actors.get(claim.holder) if claim.holder else None
    return SideItem(
        claim=views.ref(step.claim),
        holder=clean(holder.name) if holder else None,
        relation_text=step.relation_text,
        parent=views.ref(step.parent) if step.parent else None,
        cards=views.card_numbers(step.claim),
    )


def _questions(checked: Checked, views: ClaimViews) -> tuple[QuestionView, ...]:
    """The file's discussion questions; without any, one per contested claim."""
    m = checked.map
    if m.questions:
        return tuple(
            QuestionView(
                number,
                clean(q.text),
                tuple(views.ref(c) for c in q.about if c in m.claims),
                generated=False,
            )
            for number, q in enumerate(m.questions, start=1)
        )
    return tuple(
        QuestionView(number, text, about, generated=True)
        for number, (text, about) in enumerate(_generated(checked, views), start=1)
    )


def _generated(checked: Checked, views: ClaimViews) -> list[tuple[str, tuple[ClaimRef, ...]]]:
    """Questions about the claims in dispute: the contested ones, else any that is attacked.

    The words are the same on both handouts and name no verdict."""
    m = checked.map
    attacked: dict[str, list[str]] = {}
    for cid in m.claims:
        for child, relation, _ in children(m, views.index, cid):
            if relation == "objection":
                attacked.setdefault(cid, []).append(child)
    contested = [
        c
        for c in attacked
        if (v := checked.verdicts.get(c)) is not None and v.verdict is Verdict.CONTESTED
    ]
    chosen = (contested or list(attacked))[:GENERATED_QUESTIONS]
    questions = []
    for cid in chosen:
        first = attacked[cid][0]
        objector = _holder_name(m, first) or "An objection"
        text = (
            f"“{clean(m.claims[cid].text)}” {objector} answers: “{clean(m.claims[first].text)}” "
            "Which side has the better reasons and evidence, and why?"
        )
        about = tuple(views.ref(c) for c in [cid, *dict.fromkeys(attacked[cid])])
        questions.append((text, about))
    return questions


def _holder_name(m: ArgumentMap, claim_id: str) -> str | None:
    holder = m.claims[claim_id].holder
    actor = m.actors.get(holder) if holder else None
    return clean(actor.name) if actor else None


def _summary(checked: Checked) -> Summary:
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for verdict in checked.verdicts.values():
        counts[verdict.verdict] += 1
    status = [c.status for c in checked.checks.values()]
    not_verified = sum(c.unverified_text is not None for c in checked.checks.values())
    return Summary(
        claims=len(checked.map.claims),
        verdicts=tuple(
            VerdictCount(v.value, f"{VERDICT_ICON[v]} {v.value}", n) for v, n in counts.items()
        ),
        quotes=len(checked.map.evidence),
        verified=sum(s in (QuoteStatus.VERIFIED, QuoteStatus.VERIFIED_WITH_EDITS) for s in status),
        paraphrased=status.count(QuoteStatus.PARAPHRASE),
        not_found=status.count(QuoteStatus.NOT_FOUND) - not_verified,
        unchecked=status.count(QuoteStatus.UNCHECKED),
        not_verified=not_verified,
    )


def _actors(m: ArgumentMap, views: ClaimViews) -> tuple[ActorView, ...]:
    held: dict[str, list[str]] = {}
    for claim in m.claims.values():
        if claim.holder:
            held.setdefault(claim.holder, []).append(claim.id)
    actors = []
    for actor in m.actors.values():
        url, url_text = safe_url(actor.url)
        actors.append(
            ActorView(
                id=actor.id,
                anchor=anchor_id("actor", actor.id),
                name=clean(actor.name),
                role=text_or_none(actor.role),
                note=text_or_none(actor.note),
                url=url,
                url_text=url_text,
                claims=tuple(views.ref(c) for c in held.get(actor.id, [])),
            )
        )
    return tuple(actors)


def _sources(m: ArgumentMap, views: ClaimViews) -> tuple[SourceView, ...]:
    cited: dict[str, list[int]] = {}
    for card in views.cards.values():
        cited.setdefault(card.source_id, []).append(card.number)
    result = []
    for source in m.sources.values():
        url, url_text = safe_url(source.url)
        result.append(
            SourceView(
                id=source.id,
                anchor=anchor_id("source", source.id),
                title=clean(source.title),
                authors=", ".join(clean(a) for a in source.authors) or None,
                date=text_or_none(source.date),
                publisher=text_or_none(source.publisher),
                url=url,
                url_text=url_text,
                file=text_or_none(source.file),
                note=text_or_none(source.note),
                cards=tuple(sorted(cited.get(source.id, []))),
            )
        )
    return tuple(result)


def safe_url(url: str | None) -> tuple[str | None, str | None]:
    """(a link, None) for an http(s) URL or a DOI (linked to https://doi.org/, percent-encoded);
    (None, the text) for anything else, such as ``javascript:``, which the page shows but
    never links."""
    if not url:
        return None, None
    text = clean(url)
    link = web_link(text)
    return (link, None) if link is not None else (None, text)
