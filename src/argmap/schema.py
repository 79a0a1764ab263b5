"""The JSON Schema of the argument file, generated from the models so it never drifts.

The schema is written for editors (the YAML language server): every field has a title, a
description and, where helpful, examples.
"""

from __future__ import annotations

from typing import Any

from argmap.indented_json import json_document
from argmap.output_models import SCHEMA_DIALECT


def schema_dict() -> dict[str, Any]:
    from argmap.model import ArgumentFile

    schema = ArgumentFile.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_text() -> str:
    """Deterministic text: sorted keys would scramble field order, so keep the model's order."""
    return json_document(schema_dict())
