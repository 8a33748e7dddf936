"""Scoring a knowledge graph against gold annotations (the format of shared/gold/seed_gold.json).

Gold names match a node when they equal its name or one of its aliases, ignoring case.
Entities are scored strictly: a required entity counts as found (recall) when a node of an
accepted type names it; precision credits one node per gold entity, of an accepted type, so a
duplicate, a wrongly typed node and a node that is no gold entity all lower it; no node may be named by a
pronoun, an article, a possessive, a date or a number. Relations: an edge matches a gold item
when its type is the item's relation, its source one of the subjects and its target one of the
objects ("*" matches any node; symmetric items and edges match in either direction). A
forbidden item is violated only by an asserted edge: a "possible" or "negated" reading is an
honest one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .errors import KgbuildError, read_json_file
from .entities.names import ARTICLES, PRONOUNS

MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve hundred thousand "
                "million billion first second third").split()


class GoldFileError(KgbuildError, ValueError):
    """A gold file that cannot be read; the message names the file."""


@dataclass
class Counts:
    """Matched / predicted / gold for precision and recall."""

    matched_predicted: int = 0   # predicted items that match gold
    predicted: int = 0
    found_gold: int = 0          # required gold items found
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.found_gold += other.found_gold
        self.gold += other.gold

    def to_dict(self) -> dict:
        return dict(asdict(self), precision=round(self.precision, 4), recall=round(self.recall, 4),
                    f1=round(self.f1, 4))


@dataclass
class EvaluationReport:
    """What matched, what is missing, what is wrong; ``ok`` is the verdict for scripts and CI."""

    name: str = ""
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    per_relation: dict[str, Counts] = field(default_factory=dict)
    missing_entities: list[str] = field(default_factory=list)
    duplicate_entities: dict[str, list[str]] = field(default_factory=dict)   # gold name -> node ids
    wrong_types: dict[str, str] = field(default_factory=dict)                # gold name -> "GOT (want X)"
    bad_names: dict[str, str] = field(default_factory=dict)                  # node id -> why
    merged_distinct: list[list[str]] = field(default_factory=list)           # pairs that share a node
    extra_nodes: list[str] = field(default_factory=list)                     # nodes no gold entity names
    missing_relations: list[str] = field(default_factory=list)
    forbidden_present: list[str] = field(default_factory=list)
    extra_edges: list[str] = field(default_factory=list)
    documents: int = 1

    @property
    def ok(self) -> bool:
        """No required item missing and no forbidden item present."""
        return not (self.missing_entities or self.missing_relations or self.forbidden_present
                    or self.merged_distinct)

    @property
    def entities_ok(self) -> bool:
        """The stricter entity verdict: every required entity one node, right type, no bad name."""
        return not (self.missing_entities or self.duplicate_entities or self.wrong_types
                    or self.bad_names or self.merged_distinct)

    def summary(self) -> str:
        e, r = self.entities, self.relations
        verdict = "OK" if self.ok else "FAIL"
        return (f"{verdict}: entities P={e.precision:.2f} R={e.recall:.2f} ({e.found_gold}/{e.gold} required, "
                f"{len(self.duplicate_entities)} duplicated, {len(self.wrong_types)} wrong type, "
                f"{len(self.bad_names)} bad names); relations P={r.precision:.2f} R={r.recall:.2f} "
                f"({r.found_gold}/{r.gold} required, {len(self.forbidden_present)} forbidden present)")

    def format(self) -> str:
        lines = [f"Evaluation{' of ' + self.name if self.name else ''} ({self.documents} gold file(s))", ""]
        e, r = self.entities, self.relations
        lines.append(f"Entities   precision {e.precision:.3f} ({e.matched_predicted}/{e.predicted} nodes credited)  "
                     f"recall {e.recall:.3f} ({e.found_gold}/{e.gold} required found)")
        lines += _section("missing required entities", self.missing_entities)
        lines += _section("duplicated (several nodes for one entity)",
                          [f"{k}: {', '.join(v)}" for k, v in sorted(self.duplicate_entities.items())])
        lines += _section("wrong type", [f"{k}: {v}" for k, v in sorted(self.wrong_types.items())])
        lines += _section("bad node names", [f"{k}: {v}" for k, v in sorted(self.bad_names.items())])
        lines += _section("merged although distinct", [" / ".join(p) for p in self.merged_distinct])
        lines += _section("nodes not in the gold", self.extra_nodes)
        lines.append("")
        lines.append(f"Relations  precision {r.precision:.3f} ({r.matched_predicted}/{r.predicted} edges are gold)  "
                     f"recall {r.recall:.3f} ({r.found_gold}/{r.gold} required found)")
        if self.per_relation:
            lines.append("  per type:            P      R    edges  required")
            for t, c in sorted(self.per_relation.items()):
                lines.append(f"    {t:<18} {c.precision:5.2f}  {c.recall:5.2f}  {c.predicted:5d}  {c.gold:5d}")
        lines += _section("missing required relations", self.missing_relations)
        lines += _section("FORBIDDEN relations present", self.forbidden_present)
        lines += _section("edges not in the gold", self.extra_edges)
        lines.append("")
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "ok": self.ok, "entities_ok": self.entities_ok, "documents": self.documents,
            "entities": self.entities.to_dict(), "relations": self.relations.to_dict(),
            "per_relation": {k: v.to_dict() for k, v in sorted(self.per_relation.items())},
            "missing_entities": self.missing_entities, "duplicate_entities": self.duplicate_entities,
            "wrong_types": self.wrong_types, "bad_names": self.bad_names,
            "merged_distinct": self.merged_distinct, "extra_nodes": self.extra_nodes,
            "missing_relations": self.missing_relations, "forbidden_present": self.forbidden_present,
            "extra_edges": self.extra_edges,
        }


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"  {title} ({len(items)}):"] + [f"    - {x}" for x in items]


def load_gold(path: str | Path) -> dict:
    """Read a gold file; a clear one-line error naming the file when it is not one."""
    data = read_json_file(path, GoldFileError, "JSON gold")
    problem = validate_gold(data)
    if problem:
        raise GoldFileError(f"{path}: {problem}")
    return data


def validate_gold(data) -> Optional[str]:
    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict):
        return "not a gold file (no 'entities' object)"
    for part in ("required", "optional"):
        for item in data["entities"].get(part, []):
            if not isinstance(item, dict) or "name" not in item:
                return f"entities.{part}: every item needs a 'name'"
    for part in ("required", "optional", "forbidden"):
        for item in (data.get("relations") or {}).get(part, []):
            if not isinstance(item, dict) or not {"subject", "relation", "object"} <= set(item):
                return f"relations.{part}: every item needs 'subject', 'relation' and 'object'"
    return None


# -- scoring ----------------------------------------------------------------------------------
def evaluate(kg, gold: dict, name: str = "") -> EvaluationReport:
    """Score one graph against one gold dict."""
    problem = validate_gold(gold)
    if problem:
        raise GoldFileError(problem)
    report = EvaluationReport(name=name or str(gold.get("document", "")))
    lookup = _NameLookup(kg)
    ents = gold["entities"]
    matched_nodes: set[str] = set()   # nodes that name some gold entity
    credited: set[str] = set()        # of those, one per gold entity and of an accepted type

    for part in ("required", "optional"):
        for item in ents.get(part, []):
            nodes = lookup.nodes_for(_names(item))
            if part == "required":
                report.entities.gold += 1
                if not nodes:
                    report.missing_entities.append(item["name"])
            if not nodes:
                continue
            matched_nodes |= nodes
            _check_entity(kg, item, nodes, report)
            right = sorted((n for n in nodes if _type_ok(kg, item, n)),
                           key=lambda n: (-int(kg.nodes[n].get("mentions", 0) or 0), n))
            if right:
                credited.add(right[0])      # one node per gold entity earns precision
                if part == "required":
                    report.entities.found_gold += 1
    for pair in ents.get("distinct", []):
        a, b = (lookup.nodes_for([pair[0]]), lookup.nodes_for([pair[1]]))
        if a and b and a & b:
            report.merged_distinct.append([pair[0], pair[1]])

    for node, data in sorted(kg.nodes(data=True)):
        why = bad_name_reason(str(data.get("name", "")))
        if why == "leading article" and data.get("type") == "WORK_OF_ART" and str(data.get("name")).startswith("The "):
            why = None      # 'The Salt Orchard': a capital 'The' is part of a title
        if why:
            report.bad_names[node] = why
    report.entities.predicted = kg.number_of_nodes()
    report.entities.matched_predicted = len(credited)
    report.extra_nodes = sorted(n for n in kg.nodes if n not in matched_nodes)

    _score_relations(kg, gold.get("relations") or {}, lookup, report)
    return report


def evaluate_many(pairs: Iterable[tuple]) -> EvaluationReport:
    """Micro-average over a development set: ``pairs`` of (kg, gold) or (kg, gold, name)."""
    total = EvaluationReport(name="development set", documents=0)
    for pair in pairs:
        kg, gold = pair[0], pair[1]
        label = pair[2] if len(pair) > 2 else str(gold.get("document", total.documents))
        r = evaluate(kg, gold, name=label)
        total.documents += 1
        total.entities.add(r.entities)
        total.relations.add(r.relations)
        for t, c in r.per_relation.items():
            total.per_relation.setdefault(t, Counts()).add(c)
        total.missing_entities += [f"{label}: {x}" for x in r.missing_entities]
        total.duplicate_entities.update({f"{label}: {k}": v for k, v in r.duplicate_entities.items()})
        total.wrong_types.update({f"{label}: {k}": v for k, v in r.wrong_types.items()})
        total.bad_names.update({f"{label}: {k}": v for k, v in r.bad_names.items()})
        total.merged_distinct += [[f"{label}: {a}", b] for a, b in r.merged_distinct]
        total.extra_nodes += [f"{label}: {x}" for x in r.extra_nodes]
        total.missing_relations += [f"{label}: {x}" for x in r.missing_relations]
        total.forbidden_present += [f"{label}: {x}" for x in r.forbidden_present]
        total.extra_edges += [f"{label}: {x}" for x in r.extra_edges]
    return total


def bad_name_reason(name: str) -> Optional[str]:
    """Why a node name is no proper name (article, possessive, pronoun, date, number), else None."""
    n = name.strip()
    low = n.casefold()
    if not n:
        return "empty name"
    if low in PRONOUNS:
        return "pronoun"
    first = n.split()[0]
    if first.casefold() in ARTICLES and len(low.split()) > 1 and first != "A":
        return "leading article"   # a capital 'A' left inside a name is another language's ('A Bola')
    if re.search(r"(['’]s|s['’])$", n):
        return "possessive"
    words = re.findall(r"[a-z]+|\d+", low)
    if words and all(w in MONTHS or w in WEEKDAYS or w.isdigit() or w in ("last", "next", "week", "year", "month", "day", "today", "yesterday", "tomorrow") for w in words) \
            and any(w in MONTHS or w in WEEKDAYS or (w.isdigit() and len(w) == 4) or w in ("week", "year", "month", "day", "today", "yesterday", "tomorrow") for w in words):
        return "date"
    if re.fullmatch(r"[\d.,%$€£\s-]+", n) or (words and all(w in NUMBER_WORDS or w.isdigit() for w in words)):
        return "number"
    return None


class _NameLookup:
    """Node ids by casefolded name and alias."""

    def __init__(self, kg):
        self.by_name: dict[str, set[str]] = {}
        for node, data in kg.nodes(data=True):
            for n in [data.get("name", "")] + list(data.get("aliases", []) or []):
                if n:
                    self.by_name.setdefault(str(n).strip().casefold(), set()).add(node)
        self.all = set(kg.nodes)

    def nodes_for(self, names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for n in names:
            if n == "*":
                return set(self.all)
            out |= self.by_name.get(n.strip().casefold(), set())
        return out


def _names(item: dict) -> list[str]:
    return [item["name"]] + list(item.get("aliases", []) or [])


def _types(item: dict) -> list[str]:
    t = item.get("type")
    if t is None:
        return []
    return [t] if isinstance(t, str) else list(t)


def _type_ok(kg, item: dict, node: str) -> bool:
    wanted = _types(item)
    return not wanted or kg.nodes[node].get("type") in wanted


def _check_entity(kg, item: dict, nodes: set[str], report: EvaluationReport) -> None:
    if len(nodes) > 1:
        report.duplicate_entities[item["name"]] = sorted(nodes)
    wanted = _types(item)
    if wanted:
        wrong = sorted(f"{n} is {kg.nodes[n].get('type')}" for n in nodes if kg.nodes[n].get("type") not in wanted)
        if wrong:
            report.wrong_types[item["name"]] = f"{'; '.join(wrong)} (want {' or '.join(wanted)})"


def _subjects(item: dict, key: str) -> list[str]:
    v = item.get(key, [])
    return [v] if isinstance(v, str) else list(v)


def _edge_matches(edge: tuple, item: dict, lookup: _NameLookup) -> bool:
    u, v, data = edge
    if data.get("type") != item["relation"]:
        return False
    subj = lookup.nodes_for(_subjects(item, "subject"))
    obj = lookup.nodes_for(_subjects(item, "object"))
    if u in subj and v in obj:
        return True
    symmetric = item.get("symmetric") or data.get("symmetric")
    return bool(symmetric) and v in subj and u in obj


def _describe(item: dict) -> str:
    s = "|".join(_subjects(item, "subject"))
    o = "|".join(_subjects(item, "object"))
    return f"{s} -{item['relation']}-> {o}"


def _score_relations(kg, rels: dict, lookup: _NameLookup, report: EvaluationReport) -> None:
    edges = [(u, v, data) for u, v, data in kg.edges(data=True)]
    required = rels.get("required", [])
    optional = rels.get("optional", [])
    per = report.per_relation
    for item in required:
        c = per.setdefault(item["relation"], Counts())
        c.gold += 1
        report.relations.gold += 1
        if any(_edge_matches(e, item, lookup) for e in edges):
            c.found_gold += 1
            report.relations.found_gold += 1
        else:
            report.missing_relations.append(_describe(item))
    for e in sorted(edges, key=lambda e: (e[0], e[2].get("type", ""), e[1])):
        t = e[2].get("type", "")
        c = per.setdefault(t, Counts())
        c.predicted += 1
        report.relations.predicted += 1
        if any(_edge_matches(e, item, lookup) for item in required + optional):
            c.matched_predicted += 1
            report.relations.matched_predicted += 1
        else:
            report.extra_edges.append(f"{e[0]} -{t}-> {e[1]}")
        if e[2].get("modality", "asserted") == "asserted":
            for item in rels.get("forbidden", []):
                if _edge_matches(e, item, lookup):
                    report.forbidden_present.append(f"{e[0]} -{t}-> {e[1]} ({item.get('why', 'forbidden')})")
