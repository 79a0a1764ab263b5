"""Stage 6, evaluate: which claims stand, and how well each is backed.

``build`` turns the map into an argumentation framework in the manner of ASPIC+; the
semantics (``argmap.semantics``) label it; ``verdicts`` reads the labels back as one verdict
per claim, with its reasons and a gradual score.
"""

from argmap.evaluate.run import Evaluation, evaluate_map

__all__ = ["Evaluation", "evaluate_map"]
