"""Walking the schema's argument paths over a document's dependency tree.

Kept apart from the extractor so the path language (see ``kgbuild.schema``) has one
implementation, used both for arguments and for a trigger's ``has``/``not_has`` conditions.
Tokens are indices into a ``TokenTable`` (plain lists read once per document), not spaCy
``Token`` objects: a walk is then list lookups, with no object built per step.
"""

from __future__ import annotations

from ..schema import ArgPath
from .tokens import TokenTable

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj"})
MAX_SUBJECT_HOPS = 5


def walk(t: TokenTable, start: int, path: ArgPath) -> list[int]:
    """Every token the path reaches from ``start`` (paths may branch: two 'prep' children)."""
    frontier = [start]
    dep, lem, low, kids, heads = t.dep, t.lemma, t.lower, t.kids, t.head
    for step in path.steps:
        special, deps, lemmas = step.special, step.deps, step.lemmas
        if special == "self":
            nxt = frontier
        elif special == "subj":
            nxt = [s for i in frontier for s in subjects(t, i)]
        elif special == "event_agent":
            from .events import event_agents    # it builds on subjects() below
            nxt = [a for i in frontier for a in event_agents(t, i, step.events)]
        elif step.up:
            nxt = []
            for i in frontier:
                h = heads[i]
                if h != i and (not deps or dep[i] in deps) and (not lemmas or step.accepts(lem[h], low[h])):
                    nxt.append(h)
        elif lemmas:
            accepts = step.accepts
            nxt = [c for i in frontier for c in kids[i] if (not deps or dep[c] in deps) and accepts(lem[c], low[c])]
        elif deps:
            nxt = [c for i in frontier for c in kids[i] if dep[c] in deps]
        else:
            nxt = [c for i in frontier for c in kids[i]]
        # One token's children (or head, or subject) are distinct: only a branching frontier
        # can reach a token twice.
        frontier = list(dict.fromkeys(nxt)) if len(frontier) > 1 else nxt
        if not frontier:
            break
    return frontier


def subjects(t: TokenTable, i: int, hops: int = 0) -> list[int]:
    """The grammatical subject of a verb, inherited where the clause has none of its own:
    'X refused to meet Y' (xcomp), 'X met Y and spoke with Z' (conj), 'X, who met Y' (relative
    clause), 'X's decision to send ...' (acl of a possessed noun), 'X admitted to speaking'."""
    dep, pos, kids, heads = t.dep, t.pos, t.kids, t.head
    # The subject nearest the verb: a dateline ("NAIROBI (Reuters) - X held ...") is often
    # parsed as a second subject.
    own = sorted((c for c in kids[i] if dep[c] in SUBJECT_DEPS), key=lambda c: abs(i - c))
    if own:
        c = own[0]
        if t.lower[c] in RELATIVE_PRONOUNS and dep[i] == "relcl":
            # 'which' is resolved with its argument (it never stands for a person the parser
            # may have hung the clause on), 'who' too (it always stands for one); 'that' stands
            # for the clause's head
            return [c] if t.lower[c] in ("which", "who") else [heads[i]]
        return [c]
    head = heads[i]
    if hops >= MAX_SUBJECT_HOPS or head == i:
        return []
    d = dep[i]
    if d == "xcomp" and pos[head] == "ADJ" and dep[head] == "acomp":
        return subjects(t, heads[head], hops + 1)
    if d == "xcomp":
        raised = [c for c in kids[head] if dep[c] == "nsubjpass"]
        if raised:              # "X is expected / due / scheduled to meet Y"
            return raised[:1]
        objects = [c for c in kids[head] if dep[c] == "dobj"]
        if objects and pos[head] == "VERB":   # object control: "urged Y to meet Z" -> Y
            return objects[:1]
        return subjects(t, head, hops + 1)
    if d == "conj" and pos[head] in ("VERB", "AUX"):
        return subjects(t, head, hops + 1)
    if d in ("advcl", "acomp"):     # "X, refusing to ...", "X would be willing to host"
        return subjects(t, head, hops + 1)
    if d == "pcomp" and dep[head] == "prep" and heads[head] != head:
        return subjects(t, heads[head], hops + 1)
    if d == "acl" and pos[head] in ("NOUN", "PROPN"):
        poss = [c for c in kids[head] if dep[c] == "poss"]
        if poss:
            return poss
        if dep[head] in ("dobj", "attr", "oprd") and heads[head] != head:
            return subjects(t, heads[head], hops + 1)
    return []
