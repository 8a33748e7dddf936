"""Rows of query results as text: an aligned table, JSON (one object per row) or CSV.

Kept apart from the Neo4j sink so that any command printing rows shares one look.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

FORMATS = ("table", "json", "csv")
MAX_CELL = 80   # table cells longer than this are cut with an ellipsis; json/csv keep everything


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table") -> str:
    """Text for ``rows`` under ``columns`` in ``fmt`` (table, json or csv), ending without a newline."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v, limit=None) for v in row] for row in rows])
        return out.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    text = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)), "-+-".join("-" * w for w in widths)]
    text += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    text.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(t.rstrip() for t in text)


def _cell(value: Any, limit: int | None = MAX_CELL) -> str:
    if value is None:
        text = "" if limit is None else "null"
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = repr(value)
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    text = " ".join(text.split()) if limit is not None else text
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
