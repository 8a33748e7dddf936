"""Why does the graph connect A and B? Every edge between them, with the sentences that say it.

An edge is only as good as its evidence: this prints, for each relation between two entities,
each sentence with the words that were read as subject, object and trigger (and where they are
in the document), the pattern that read it, how the arguments were reached (direct,
coreference, apposition, coordination), its modality and who asserted it.
"""

from __future__ import annotations

import textwrap

from .errors import KgbuildError

WIDTH = 100
INDENT = "      "


class UnknownEntityError(KgbuildError):
    """A name given to ``explain`` matches no entity of the graph."""


def explain(kg, a: str, b: str) -> str:
    """Readable text: every edge between the entities named ``a`` and ``b`` (names, aliases,
    ids, or a surname that names one entity only)."""
    ids = [find_entity(kg, name) for name in (a, b)]
    na, nb = (kg.nodes[i].get("name", i) for i in ids)
    edges = sorted(kg.edges_between(ids[0], ids[1]), key=lambda e: (e.get("type", ""), e["source"]))
    if not edges:
        return f"No relation between {na} ({ids[0]}) and {nb} ({ids[1]})."
    lines = [f"{len(edges)} relation{_s(len(edges))} between {na} and {nb}:"]
    for e in edges:
        lines.append("")
        lines.extend(_edge_lines(kg, e))
    return "\n".join(lines)


def find_entity(kg, name: str) -> str:
    """Node id for a name: id, name or alias; then without "the"; then a unique last word."""
    node = kg.find(name)
    if node is None and name.strip().lower().startswith("the "):
        node = kg.find(name.strip()[4:])     # "the Ministry": names are stored without articles
    if node is None:
        node = _by_last_word(kg, name)
    if node is None:
        raise UnknownEntityError(f"no entity named '{name}' in the graph{_suggest(kg, name)}")
    return node


def _edge_lines(kg, e: dict) -> list[str]:
    src = kg.nodes[e["source"]].get("name", e["source"])
    dst = kg.nodes[e["target"]].get("name", e["target"])
    arrow = "-" if e.get("symmetric") else "->"     # symmetric relations have no direction
    evidence = e.get("evidence", [])
    count = e.get("count", len(evidence))
    docs = e.get("documents", [])
    head = [f"{src} -[{e.get('type')}]{arrow} {dst}",
            f"  {e.get('modality', 'asserted')}, confidence {e.get('confidence')}, "
            f"{count} piece{_s(count)} of evidence in {len(docs)} document{_s(len(docs))}"
            + (f" ({', '.join(docs)})" if docs else "")]
    for k, ev in enumerate(evidence, 1):
        head.append("")
        head.extend(_evidence_lines(k, ev, src, dst))
    return head


def _evidence_lines(k: int, ev: dict, src: str, dst: str) -> list[str]:
    out = [f"  [{k}] {ev.get('document')}, sentence at chars {ev.get('start')}-{ev.get('end')}"]
    out += textwrap.wrap(f'"{ev.get("sentence", "")}"', width=WIDTH, initial_indent=INDENT,
                         subsequent_indent=INDENT + " ")
    rows = [("subject", ev.get("subject"), src), ("object", ev.get("object"), dst), ("trigger", ev.get("trigger"), None)]
    width = max(len(_quoted(span)) for _, span, _ in rows if span) if any(s for _, s, _ in rows) else 0
    for label, span, entity in rows:
        if not span:
            continue
        where = _where(span, ev)
        means = f"  = {entity}" if entity and str(span.get("text", "")).casefold() != str(entity).casefold() else ""
        out.append(f"{INDENT}{label:<8} {_quoted(span):<{width}}  {where}{means}")
    out.append(f"{INDENT}read by  pattern {ev.get('pattern')}, via {ev.get('via', 'direct')}, "
               f"modality {ev.get('modality', 'asserted')}, confidence {ev.get('confidence')}")
    if ev.get("asserted_by"):
        out.append(f"{INDENT}asserted by: {ev['asserted_by']}")
    if ev.get("reported"):
        out.append(f"{INDENT}reported (\"reportedly\", \"allegedly\"): a claim, not a confirmed fact")
    return out


def _quoted(span: dict) -> str:
    return f"\"{span.get('text', '')}\""


def _where(span: dict, ev: dict) -> str:
    """Document offsets; an argument taken from an earlier sentence says so."""
    start, end = span.get("start"), span.get("end")
    where = f"chars {start}-{end}"
    s0, s1 = ev.get("start"), ev.get("end")
    if isinstance(start, int) and isinstance(s0, int) and isinstance(s1, int) and not (s0 <= start < s1 + 1):
        where += " (earlier sentence)" if start < s0 else " (later sentence)"
    return where


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _by_last_word(kg, name: str):
    """'Doe' -> 'Jane Doe' when exactly one entity's name or alias ends with that word."""
    low = name.strip().casefold()
    if not low or " " in low:
        return None
    hits = set()
    for n, data in kg.nodes(data=True):
        names = [data.get("name", "")] + list(data.get("aliases", []))
        if any(str(x).casefold().split()[-1:] == [low] for x in names if str(x).strip()):
            hits.add(n)
    return hits.pop() if len(hits) == 1 else None


def _suggest(kg, name: str) -> str:
    low = name.casefold()
    close = sorted({d.get("name", n) for n, d in kg.nodes(data=True)
                    if low in str(d.get("name", "")).casefold() or str(d.get("name", "")).casefold() in low})
    return f" (did you mean: {', '.join(close[:5])}?)" if close else ""
