"""Abstract argumentation semantics: pure functions over a compact Dung framework.

Nothing here knows about argument files, claims or evidence: the evaluate stage turns a map
into an :class:`ArgumentationFramework` (or a bipolar graph for gradual scores), asks one
of these functions, and maps labels back to claims.

* :mod:`.framework` — the framework: arguments ``0..n-1`` with names, attacks as arrays;
* :mod:`.grounded` — the grounded labelling in linear time (the default semantics);
* :mod:`.extensions` — preferred and stable semantics by SAT, with a time limit;
* :mod:`.gradual` — DF-QuAD and quadratic-energy scores for bipolar graphs;
* :mod:`.iccma` — ICCMA i23 and apx formats, to cross-check with other solvers.
"""

from argmap.semantics.errors import SemanticsTimeout
from argmap.semantics.extensions import (
    DEFAULT_TIME_LIMIT,
    enumerate_extensions,
    is_credulously_accepted,
    is_skeptically_accepted,
    preferred_extensions,
    preferred_labelling,
    skeptical_labelling,
    stable_extensions,
    stable_labelling,
)
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.gradual import (
    CyclicGraphError,
    GradualMethod,
    GradualResult,
    dfquad_scores,
    gradual_scores,
    quadratic_energy_scores,
    topological_order,
)
from argmap.semantics.grounded import grounded_extension, grounded_labelling
from argmap.semantics.iccma import IccmaFormatError, read_apx, read_i23, write_apx, write_i23
from argmap.semantics.labels import Label, Labelling, Semantics

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "ArgumentationFramework",
    "CyclicGraphError",
    "GradualMethod",
    "GradualResult",
    "IccmaFormatError",
    "Label",
    "Labelling",
    "Semantics",
    "SemanticsTimeout",
    "dfquad_scores",
    "enumerate_extensions",
    "gradual_scores",
    "grounded_extension",
    "grounded_labelling",
    "is_credulously_accepted",
    "is_skeptically_accepted",
    "preferred_extensions",
    "preferred_labelling",
    "quadratic_energy_scores",
    "read_apx",
    "read_i23",
    "skeptical_labelling",
    "stable_extensions",
    "stable_labelling",
    "topological_order",
    "write_apx",
    "write_i23",
]
