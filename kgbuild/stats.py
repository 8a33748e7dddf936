"""Numbers that describe a graph: counts by type and the most connected entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass


@dataclass
class GraphStats:
    documents: int
    entities: int
    relations: int
    entity_types: dict[str, int]
    relation_types: dict[str, int]
    most_connected: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)

    def format(self) -> str:
        lines = [f"{_count(self.documents, 'document')}, {_count(self.entities, 'entity', 'entities')}, "
                 f"{_count(self.relations, 'relation')}", "",
                 "Entities by type:"]
        lines += [f"  {t:<14} {n}" for t, n in self.entity_types.items()]
        lines += ["", "Relations by type:"]
        lines += [f"  {t:<18} {n}" for t, n in self.relation_types.items()]
        lines += ["", "Most connected:"]
        lines += [f"  {e['degree']:>4}  {e['name']} ({e['type']})" for e in self.most_connected]
        return "\n".join(lines)


def graph_stats(kg, top: int = 10) -> GraphStats:
    by_count = lambda c: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))  # noqa: E731
    degree = sorted(((d, n) for n, d in kg.degree()), key=lambda x: (-x[0], x[1]))[:top]
    return GraphStats(
        documents=len(kg.graph.get("documents", [])),
        entities=kg.number_of_nodes(),
        relations=kg.number_of_edges(),
        entity_types=by_count(Counter(d.get("type", "?") for _, d in kg.nodes(data=True))),
        relation_types=by_count(Counter(d.get("type", k) for _, _, k, d in kg.edges(keys=True, data=True))),
        most_connected=[{"id": n, "name": kg.nodes[n].get("name", n), "type": kg.nodes[n].get("type", "?"),
                         "degree": d} for d, n in degree],
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
