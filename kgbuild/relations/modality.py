"""Is a relation asserted, denied, refused or only hypothetical, and who says so?

The context of a trigger word is the chain of its governors within the sentence: "refused to
confirm or deny" (deny -> confirm -> refusing), "expressed a desire to meet" (meet -> desire),
"the potential venue", "did not meet", "may meet". The lexicons come from the schema file, so
the policy is data, readable next to the relations it guards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Token

from ..schema import ModalityLexicon
from .paths import lemma, subjects

# Deps through which a clause's context reaches down to the trigger word.
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "nsubj", "nsubjpass",
                        "attr", "acomp", "oprd", "agent", "dative", "csubj", "csubjpass"})
# A noun in one of these roles is a title or a name's modifier: no clause context applies to it.
STATIC_DEPS = frozenset({"compound", "appos", "amod", "nmod", "poss"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "compound", "nmod", "npadvmod"})
ATTRIBUTION_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "conj", "acl", "advcl"})
MAX_HOPS = 8

ASSERTED, INTENDED, POSSIBLE, NEGATED, REFUSED = "asserted", "intended", "possible", "negated", "refused"
RANK = {ASSERTED: 0, INTENDED: 1, POSSIBLE: 2, NEGATED: 3, REFUSED: 4}


@dataclass(frozen=True)
class Context:
    """What the words around a trigger say about the relation it expresses."""

    state: str = ASSERTED            # asserted | intended | possible | negated | refused
    cue: Optional[str] = None        # the word that decided it ("not", "refusing", "potential")
    reported: bool = False
    asserted_by: Optional[str] = None


def _chain(trigger: Token) -> list[tuple[Token, Optional[str], bool]]:
    """(token, dep by which we climbed into it, whether its own neg/aux apply) from the trigger up."""
    out = [(trigger, None, True)]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in STATIC_DEPS:
        return out
    tok = trigger
    own_applies = True
    for _ in range(MAX_HOPS):
        dep, head = tok.dep_, tok.head
        if head is tok or dep not in CLIMB_DEPS:
            break
        if dep in ("acl", "relcl") and not any((c.dep_ == "aux" and c.lower_ == "to") or c.dep_ == "mark"
                                               for c in tok.children):
            break   # "claims made by X", "X, who met Y": a relative clause is not the trigger's context
        if dep == "conj":
            # "would not confirm or deny": the head's negation covers the conjunct only with or/nor
            own_applies = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
        else:
            own_applies = True
        out.append((head, dep, own_applies))
        tok = head
    return out


def _is(tok: Token, words: frozenset) -> bool:
    """Lexicon membership by lemma, by the word itself, or by a plain English stem: the small
    model lemmatises 'hoped' as 'hop'."""
    if lemma(tok) in words or tok.lower_ in words:
        return True
    w = tok.lower_
    stems = set()
    if w.endswith("ed") or w.endswith("es"):
        stems |= {w[:-1], w[:-2]}
    elif w.endswith("s") or w.endswith("d"):
        stems.add(w[:-1])
    elif w.endswith("ing"):
        stems |= {w[:-3], w[:-3] + "e"}
    return bool(stems & words)


def analyse(trigger: Token, lex: ModalityLexicon, name_of: Callable[[Token], str], static: bool = False) -> Context:
    """Decide the modality of the relation expressed at ``trigger`` and its attribution.

    ``static``: a role or title ("NATO, through its spokesperson X, declined to comment"): the
    clause around it does not change it, only its own modifiers do ("former", "potential")."""
    chain = _chain(trigger)[:1] if static else _chain(trigger)
    state, cue = ASSERTED, None

    def set_state(new: str, word: Token):
        nonlocal state, cue
        if RANK[new] > RANK[state]:
            state, cue = new, word.text

    for k, (tok, dep, own) in enumerate(chain):
        governor = k > 0
        if governor and _is(tok, lex.refusal_governors):
            set_state(REFUSED, tok)
        if governor and _is(tok, lex.negating_governors):
            set_state(NEGATED, tok)
        if governor and _is(tok, lex.negation_words):
            set_state(NEGATED, tok)     # "without meeting X"
        if governor and _is(tok, lex.intent_governors):
            set_state(INTENDED, tok)
        if governor and _is(tok, lex.hypothetical_governors):
            set_state(POSSIBLE, tok)
        for c in tok.children:
            if own and (c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and _is(c, lex.negation_words))):
                set_state(NEGATED, c)
            elif own and c.dep_ in ("aux", "auxpass") and _is(c, lex.modal_verbs) and dep != "ccomp":
                set_state(POSSIBLE, c)
            elif own and c.dep_ in ("aux", "auxpass") and _is(c, lex.intent_modals) and dep != "ccomp":
                set_state(INTENDED, c)
            elif c.dep_ == "mark" and _is(c, lex.conditional_marks) and (own or k == 0):
                set_state(POSSIBLE, c)
            elif c.dep_ in MODIFIER_DEPS and _is(c, lex.hypothetical_modifiers):
                set_state(POSSIBLE, c)
            elif c.dep_ in MODIFIER_DEPS and _is(c, lex.intent_modifiers):
                set_state(INTENDED, c)
    static = static or (len(chain) == 1 and trigger.dep_ in STATIC_DEPS)
    reported, asserted_by = (False, None) if static else _attribution(trigger, lex, name_of)
    return Context(state=state, cue=cue, reported=reported, asserted_by=asserted_by)


def _attribution(trigger: Token, lex: ModalityLexicon, name_of) -> tuple[bool, Optional[str]]:
    """'reportedly' anywhere on the way up; 'X said'/'X claimed' above; 'according to X' in the sentence."""
    reported, asserted_by = False, None
    tok, came_by = trigger, None
    for _ in range(MAX_HOPS + 4):
        if any(c.dep_ == "advmod" and _is(c, lex.reported_adverbs) for c in tok.children):
            reported = True
        if asserted_by is None and tok is not trigger and came_by in ("ccomp", "xcomp", "pcomp", "prep") \
                and _is(tok, lex.reporting_verbs):
            who = subjects(tok)
            if who:
                asserted_by = name_of(who[0])
        if asserted_by is None:     # "They met, X said" parsed with 'said' below the main verb
            for c in tok.children:
                if c.dep_ == "parataxis" and _is(c, lex.reporting_verbs):
                    who = subjects(c)
                    if who:
                        asserted_by = name_of(who[0])
        if tok.head is tok or tok.dep_ in ("relcl", "appos") or tok.dep_ not in ATTRIBUTION_DEPS | CLIMB_DEPS:
            break
        came_by, tok = tok.dep_, tok.head
    if asserted_by is None:
        for t in trigger.sent:
            if t.lower_ == "according":
                to = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"]
                objs = [g for c in to for g in c.children if g.dep_ == "pobj"]
                if objs:
                    asserted_by = name_of(objs[0])
                    break
    return reported, asserted_by
