"""Why does the graph connect A and B? Every edge between them, with the sentences that say it.

An edge is only as good as its evidence: this prints, for each relation between two entities,
each sentence with the pattern that read it, how the arguments were reached (direct,
coreference, apposition, coordination), its modality and who asserted it.
"""

from __future__ import annotations

import textwrap

from .errors import KgbuildError


class UnknownEntityError(KgbuildError):
    """A name given to ``explain`` matches no entity of the graph."""


def explain(kg, a: str, b: str) -> str:
    """Readable text: every edge between the entities named ``a`` and ``b`` (names, aliases or ids)."""
    ids = []
    for name in (a, b):
        node = kg.find(name)
        if node is None and name.strip().lower().startswith("the "):
            node = kg.find(name.strip()[4:])     # "the Kremlin": names are stored without articles
        if node is None:
            raise UnknownEntityError(f"no entity named '{name}' in the graph{_suggest(kg, name)}")
        ids.append(node)
    na, nb = (kg.nodes[i].get("name", i) for i in ids)
    edges = sorted(kg.edges_between(ids[0], ids[1]), key=lambda e: (e.get("type", ""), e["source"]))
    if not edges:
        return f"No relation between {na} ({ids[0]}) and {nb} ({ids[1]})."
    lines = [f"{len(edges)} relation{'s' if len(edges) != 1 else ''} between {na} and {nb}:"]
    for e in edges:
        src = kg.nodes[e["source"]].get("name", e["source"])
        dst = kg.nodes[e["target"]].get("name", e["target"])
        arrow = "-" if e.get("symmetric") else "->"     # symmetric relations have no direction
        lines.append("")
        lines.append(f"{src} -[{e.get('type')}]{arrow} {dst}")
        lines.append(f"  confidence {e.get('confidence')}, {e.get('count', len(e.get('evidence', [])))} evidence, "
                     f"modality {e.get('modality', 'asserted')}, documents: {', '.join(e.get('documents', []))}")
        for k, ev in enumerate(e.get("evidence", []), 1):
            lines.extend(_evidence_lines(k, ev))
    return "\n".join(lines)


def _evidence_lines(k: int, ev: dict) -> list[str]:
    trig = ev.get("trigger") or {}
    out = [f"  [{k}] {ev.get('document')} chars {ev.get('start')}-{ev.get('end')}"]
    out += textwrap.wrap(f'"{ev.get("sentence", "")}"', width=100, initial_indent="      ", subsequent_indent="       ")
    details = [f"pattern {ev.get('pattern')}", f"via {ev.get('via', 'direct')}",
               f"modality {ev.get('modality', 'asserted')}", f"confidence {ev.get('confidence')}"]
    if trig:
        details.insert(1, f"trigger '{trig.get('text')}'")
    subj, obj = ev.get("subject") or {}, ev.get("object") or {}
    out.append(f"      subject '{subj.get('text')}', object '{obj.get('text')}'; " + ", ".join(details))
    if ev.get("asserted_by"):
        out.append(f"      asserted by: {ev['asserted_by']}")
    if ev.get("reported"):
        out.append("      reported (\"reportedly\", \"allegedly\"): a claim, not a confirmed fact")
    return out


def _suggest(kg, name: str) -> str:
    low = name.casefold()
    close = sorted({d.get("name", n) for n, d in kg.nodes(data=True)
                    if low in str(d.get("name", "")).casefold() or str(d.get("name", "")).casefold() in low})
    return f" (did you mean: {', '.join(close[:5])}?)" if close else ""
