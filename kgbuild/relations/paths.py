"""Walking the schema's argument paths over a spaCy dependency tree.

Kept apart from the extractor so the path language (see ``kgbuild.schema``) has one
implementation, used both for arguments and for a trigger's ``has``/``not_has`` conditions.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import ArgPath, Step

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj"})
MAX_SUBJECT_HOPS = 5


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _matches(tok: Token, step: Step) -> bool:
    if step.deps and tok.dep_ not in step.deps:
        return False
    return step.lemma_ok(lemma(tok), tok.lower_)


def walk(start: Token, path: ArgPath) -> list[Token]:
    """Every token the path reaches from ``start`` (paths may branch: two 'prep' children)."""
    frontier = [start]
    for step in path.steps:
        nxt: list[Token] = []
        for tok in frontier:
            if step.special == "self":
                nxt.append(tok)
            elif step.special == "subj":
                nxt.extend(subjects(tok))
            elif step.up:
                head = tok.head
                if head is tok:
                    continue
                if (not step.deps or tok.dep_ in step.deps) and (
                        step.lemma_ok(lemma(head), head.lower_)):
                    nxt.append(head)
            else:
                nxt.extend(c for c in tok.children if _matches(c, step))
        frontier = list(dict.fromkeys(nxt))
        if not frontier:
            break
    return frontier


def subjects(tok: Token, hops: int = 0) -> list[Token]:
    """The grammatical subject of a verb, inherited where the clause has none of its own:
    'X refused to meet Y' (xcomp), 'X met Y and spoke with Z' (conj), 'X, who met Y' (relative
    clause), 'X's decision to send ...' (acl of a possessed noun), 'X admitted to speaking'."""
    # The subject nearest the verb: a dateline ("NAIROBI (Reuters) - X held ...") is often
    # parsed as a second subject.
    own = sorted((c for c in tok.children if c.dep_ in SUBJECT_DEPS), key=lambda c: abs(tok.i - c.i))
    if own:
        c = own[0]
        if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return [tok.head]
        return [c]
    if hops >= MAX_SUBJECT_HOPS or tok.head is tok:
        return []
    head, dep = tok.head, tok.dep_
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return subjects(head.head, hops + 1)
    if dep == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects and head.pos_ == "VERB":   # object control: "urged Y to meet Z" -> Y
            return objects[:1]
        return subjects(head, hops + 1)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return subjects(head, hops + 1)
    if dep in ("advcl", "acomp"):     # "X, refusing to ...", "X would be willing to host"
        return subjects(head, hops + 1)
    if dep == "pcomp" and head.dep_ == "prep" and head.head is not head:
        return subjects(head.head, hops + 1)
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return poss
        if head.dep_ in ("dobj", "attr", "oprd") and head.head is not head:
            return subjects(head.head, hops + 1)
    return []
