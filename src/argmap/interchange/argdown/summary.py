"""An Argdown document summarised as the reference implementation's JSON is summarised.

``summarise`` gives statements (title -> texts and tags), arguments (title -> descriptions,
PCS roles and titles, tags) and relations (from, to, their kinds, the relation type), the
shape of ``expected/*.json`` in the Argdown corpus; ``summarise_reference`` makes the same
from the output of ``argdown json``. Tests compare the two.
"""

from __future__ import annotations

from typing import Any

from argmap.interchange.argdown.model import ArgdownDocument, NodeKind


def summarise(doc: ArgdownDocument) -> dict[str, Any]:
    statements = {
        title: {
            "texts": [m.clean if doc.remove_tags else m.text for m in st.definitions],
            "tags": list(st.tags),
        }
        for title, st in doc.statements.items()
    }
    arguments = {
        title: {
            "descriptions": [d.clean if doc.remove_tags else d.text for d in arg.descriptions],
            "pcs": [{"role": p.role.value, "title": p.title} for p in arg.pcs],
            "tags": list(arg.tags),
        }
        for title, arg in doc.arguments.items()
    }
    relations = [
        {
            "from": rel.source.title,
            "fromType": _kind(rel.source.kind),
            "to": rel.target.title,
            "toType": _kind(rel.target.kind),
            "relationType": rel.type.value,
        }
        for rel in doc.relations
    ]
    return {"statements": statements, "arguments": arguments, "relations": relations}


def _kind(kind: NodeKind) -> str:
    return "argument" if kind is NodeKind.INFERENCE else kind.value


def summarise_reference(data: dict[str, Any]) -> dict[str, Any]:
    """The same summary from ``argdown json`` output (as @argdown/cli 1.7.5 writes it)."""
    statements = {
        title: {
            "texts": [m.get("text") or "" for m in ec.get("members", [])],
            "tags": list(ec.get("tags", [])),
        }
        for title, ec in data.get("statements", {}).items()
    }
    arguments = {
        title: {
            "descriptions": [
                m.get("text") or ""
                for m in arg.get("members", [])
                if m.get("role") == "argument-description"
            ],
            "pcs": [{"role": p.get("role"), "title": p.get("title")} for p in arg.get("pcs", [])],
            "tags": list(arg.get("tags", [])),
        }
        for title, arg in data.get("arguments", {}).items()
    }
    relations = [
        {
            "from": r.get("from"),
            "fromType": r.get("fromType"),
            "to": r.get("to"),
            "toType": "argument" if r.get("toType") == "inference" else r.get("toType"),
            "relationType": r.get("relationType"),
        }
        for r in data.get("relations", [])
    ]
    return {"statements": statements, "arguments": arguments, "relations": relations}
