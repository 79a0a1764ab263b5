"""Evaluate a map: label the framework, score it, and give each claim its verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.evaluate.build import MapFramework, build_framework, scoring_graph
from argmap.evaluate.verdicts import claim_verdicts
from argmap.gcpause import collector_paused
from argmap.semantics.extensions import skeptical_labelling
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.gradual import GradualMethod, gradual_scores
from argmap.semantics.grounded import grounded_labelling
from argmap.semantics.labels import Label, Semantics
from argmap.verdict import ClaimVerdict, QuoteStatus

DEFAULT_TIME_LIMIT = 10.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Verdicts by claim id, and how they were reached.

    The label and score of every framework node are kept by node index (``node_labels``,
    ``node_scores``, as ``framework.names``); :attr:`labels` and :attr:`scores` give them by
    node name, a dict made when first asked for: ``check`` never asks, and a map of 100,000
    claims has 400,000 nodes.
    """

    verdicts: dict[str, ClaimVerdict]
    semantics: Semantics
    framework: ArgumentationFramework
    node_labels: tuple[Label, ...]
    node_scores: tuple[float, ...]
    gradual_method: GradualMethod
    gradual_converged: bool
    has_extension: bool = True
    _by_name: dict[str, dict[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def labels(self) -> dict[str, Label]:
        """Framework node name -> label."""
        return self._named("labels", self.node_labels)

    @property
    def scores(self) -> dict[str, float]:
        """Framework node name -> gradual score."""
        return self._named("scores", self.node_scores)

    def _named(self, what: str, values: tuple[Any, ...]) -> dict[str, Any]:
        found = self._by_name.get(what)
        if found is None:
            found = self._by_name[what] = dict(zip(self.framework.names, values, strict=True))
        return found


def to_framework(fw: MapFramework) -> ArgumentationFramework:
    return ArgumentationFramework(fw.names, fw.attacks)


def evaluate_map(
    m: ArgumentMap,
    quote_status: Mapping[str, QuoteStatus] | None = None,
    *,
    semantics: Semantics = Semantics.GROUNDED,
    time_limit: float = DEFAULT_TIME_LIMIT,
    quote_marks: Mapping[str, str] | None = None,
) -> Evaluation:
    """Grounded by default (polynomial, unique, skeptical); preferred and stable through a
    SAT solver, which may raise ``SemanticsTimeout`` after ``time_limit`` seconds.
    ``quote_marks`` name the quotes whose search gave up, in the reasons (see
    :func:`argmap.verify.evidence.quote_marks`).

    The cyclic collector is paused meanwhile (:mod:`argmap.gcpause`): the framework, labels,
    scores and verdicts are hundreds of thousands of small objects that never form a cycle,
    and a program that calls this with Python's default thresholds (the CLI raises them)
    spent half its time rescanning them (1.2 → 0.6 s at 20,000 claims)."""
    with collector_paused():
        return _evaluate(m, quote_status, semantics, time_limit, quote_marks)


def _evaluate(
    m: ArgumentMap,
    quote_status: Mapping[str, QuoteStatus] | None,
    semantics: Semantics,
    time_limit: float,
    quote_marks: Mapping[str, str] | None,
) -> Evaluation:
    status = dict(quote_status or {})
    fw = build_framework(m, status)
    af = to_framework(fw)
    if semantics is Semantics.GROUNDED:
        labelling = grounded_labelling(af)
    else:
        labelling = skeptical_labelling(af, semantics, time_limit=time_limit)
    base, attacks, _ = scoring_graph(fw)
    gradual = gradual_scores(len(fw.names), base, attacks, fw.supports)
    verdicts = claim_verdicts(m, fw, labelling.labels, gradual.scores, status, quote_marks)
    return Evaluation(
        verdicts=verdicts,
        semantics=semantics,
        framework=af,
        node_labels=labelling.labels,
        node_scores=gradual.scores,
        gradual_method=gradual.method,
        gradual_converged=gradual.converged,
        has_extension=labelling.has_extension,
    )
