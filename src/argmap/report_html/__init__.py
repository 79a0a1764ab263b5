"""The HTML report and the debate-class handouts (HTML, and PDF through WeasyPrint).

* :func:`report` is the self-contained report page of a checked map: inline SVG and CSS,
  no script, nothing loaded from the network;
* :func:`handout` is the print-first page of a handout, teacher or student, A4 or Letter;
  :func:`argmap.report_html.pdf.html_to_pdf` turns it into a PDF;
* :func:`read_stamp` reads the stamp that ``--check`` compares, :func:`read_file_stamp` that
  of a file, when it is a whole page.

Pure builders (:mod:`.outline`, :mod:`.claims`, :mod:`.context`) make plain typed views;
:mod:`.figures` draws the maps; :mod:`.html` fills the Jinja2 templates. Nothing here
writes a file: the commands do, atomically.
"""

from __future__ import annotations

from enum import StrEnum

from argmap.evaluate.priorities import weaker_attacks
from argmap.outcome import CheckOutcome
from argmap.render import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Engine, RenderError
from argmap.render.settings import NOT_CHOSEN, DrawingChoice
from argmap.report_html.claims import Checked
from argmap.report_html.context import handout_context, report_context
from argmap.report_html.excerpt import HANDOUT_MAX_CLAIMS, excerpt
from argmap.report_html.figures import handout_figures, report_figure
from argmap.report_html.html import handout_html, read_file_stamp, read_stamp, report_html


class Variant(StrEnum):
    TEACHER = "teacher"
    STUDENT = "student"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


def checked(outcome: CheckOutcome) -> Checked:
    """The parts of ``argmap check``'s outcome that a report shows; the map must have
    resolved (``outcome.map`` and ``outcome.evaluation`` set)."""
    if outcome.map is None or outcome.evaluation is None:
        raise ValueError(f"{outcome.path}: the map did not resolve, so it has no report")
    return Checked(
        outcome.map,
        outcome.evaluation.verdicts,
        outcome.checks,
        outcome.evaluation.labels,
        weaker_attacks(outcome.map),
    )


def report(
    outcome: CheckOutcome,
    *,
    engine: Engine = Engine.AUTO,
    max_nodes: int = DEFAULT_MAX_NODES,
    time_limit: float = DEFAULT_TIMEOUT,
    drawing: DrawingChoice = NOT_CHOSEN,
) -> bytes:
    """The report page of a checked map, as UTF-8 bytes; a map of more than ``max_nodes``
    nodes is described but not drawn, and one whose layout takes more than ``time_limit``
    seconds is stopped (:class:`argmap.render.LayoutFailed`). ``drawing``: the direction and
    groups given on the command line, over the map file's."""
    data = checked(outcome)
    figure = report_figure(data, engine, max_nodes=max_nodes, timeout=time_limit, chosen=drawing)
    return report_html(report_context(data, figure))


def handout(
    outcome: CheckOutcome,
    *,
    variant: Variant,
    paper: Paper = Paper.A4,
    depth: int | None = None,
    engine: Engine = Engine.AUTO,
    max_nodes: int = DEFAULT_MAX_NODES,
    time_limit: float = DEFAULT_TIMEOUT,
    max_claims: int = HANDOUT_MAX_CLAIMS,
    focus: str | None = None,
    drawing: DrawingChoice = NOT_CHOSEN,
) -> bytes:
    """The handout page (print-first HTML) of a checked map; views of more than
    ``max_nodes`` nodes are not drawn (smaller views around each thesis are); of a map of
    more than ``max_claims`` claims, the part nearest its theses. With ``focus``, the map is
    drawn around that claim (see :func:`handout_figures`). ``drawing``: the direction and
    groups given on the command line, over the map file's."""
    whole = checked(outcome)
    data, note = excerpt(whole, max_claims)
    if focus in whole.map.claims and focus not in data.map.claims:
        raise RenderError(
            f"claim '{focus}' is not among the {max_claims:,} claims nearest the thesis that "
            "the handout holds; raise --max-claims"
        )
    show = variant is Variant.TEACHER
    figures = handout_figures(
        data,
        paper=paper.value,
        show_verdicts=show,
        depth=depth,
        engine=engine,
        max_nodes=max_nodes,
        timeout=time_limit,
        focus=focus,
        chosen=drawing,
    )
    context = handout_context(
        data, figures, variant=variant.value, paper=paper.value, excerpt_note=note
    )
    return handout_html(context)


__all__ = [
    "Paper",
    "Variant",
    "checked",
    "handout",
    "read_file_stamp",
    "read_stamp",
    "report",
]
