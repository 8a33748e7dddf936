"""Is a relation asserted, denied, refused or only hypothetical, and who says so?

The context of a trigger word is the chain of its governors within the sentence: "refused to
confirm or deny" (deny -> confirm -> refusing), "expressed a desire to meet" (meet -> desire),
"the potential venue", "did not meet", "may meet". The lexicons come from the schema file, so
the policy is data, readable next to the relations it guards. Tokens are indices into the
document's ``TokenTable``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..schema import ModalityLexicon
from .paths import subjects
from .tokens import TokenTable

# Deps through which a clause's context reaches down to the trigger word.
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "nsubj", "nsubjpass",
                        "attr", "acomp", "oprd", "agent", "dative", "csubj", "csubjpass"})
# A noun in one of these roles is a title or a name's modifier: no clause context applies to it.
STATIC_DEPS = frozenset({"compound", "appos", "amod", "nmod", "poss"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "compound", "nmod", "npadvmod"})
ATTRIBUTION_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "conj", "acl", "advcl"})
MAX_HOPS = 8
# Verbs whose that-clause may be a mandative subjunctive ("suggested that they meet"); the ones
# that always express intent (propose, urge, demand, request) are in the schema's intent list.
MANDATIVE_VERBS = frozenset({"suggest", "recommend", "insist", "advise", "require"})
# Prepositions of adjuncts (time, place, occasion): "In a call with X, Y urged calm" is no wish
# for a call; "denied the charge in an interview" denies no interview.
ADJUNCT_PREPS = frozenset({"in", "during", "after", "at", "following", "before", "since", "amid", "throughout"})
UP_DEPS = ATTRIBUTION_DEPS | CLIMB_DEPS   # deps through which attribution climbs

ASSERTED, INTENDED, POSSIBLE, NEGATED, REFUSED = "asserted", "intended", "possible", "negated", "refused"
RANK = {ASSERTED: 0, INTENDED: 1, POSSIBLE: 2, NEGATED: 3, REFUSED: 4}


@dataclass(frozen=True)
class Context:
    """What the words around a trigger say about the relation it expresses."""

    state: str = ASSERTED            # asserted | intended | possible | negated | refused
    cue: Optional[str] = None        # the word that decided it ("not", "refusing", "potential")
    reported: bool = False
    asserted_by: Optional[str] = None
    # The intent is someone else's: "X invited A and B to meet", "X proposed that A and B meet"
    # say what X wants, not that A and B propose to meet each other.
    intent_of_other: bool = False


def _chain(t: TokenTable, trigger: int) -> list[tuple[int, Optional[str], bool]]:
    """(token, dep by which we climbed into it, whether its own neg/aux apply) from the trigger up."""
    out = [(trigger, None, True)]
    dep, kids, low = t.dep, t.kids, t.lower
    if t.pos[trigger] in ("NOUN", "PROPN") and dep[trigger] in STATIC_DEPS:
        return out
    tok = trigger
    own_applies = True
    for _ in range(MAX_HOPS):
        d, head = dep[tok], t.head[tok]
        if head == tok or (d not in CLIMB_DEPS and not _purpose_clause(t, tok)):
            break
        if d in ("acl", "relcl") and not any((dep[c] == "aux" and low[c] == "to") or dep[c] == "mark"
                                             for c in kids[tok]):
            break   # "claims made by X", "X, who met Y": a relative clause is not the trigger's context
        if d == "ccomp" and _semicolon_between(t, tok, head):
            break   # "A asked for X; B has not agreed": the parser hangs the first clause on the second
        if d == "conj":
            # "would not confirm or deny": the head's negation covers the conjunct only with or/nor
            own_applies = any(dep[c] == "cc" and low[c] in ("or", "nor") for c in kids[head])
        else:
            own_applies = True
        out.append((head, d, own_applies))
        tok = head
    return out


def _purpose_clause(t: TokenTable, tok: int) -> bool:
    """An infinitive of purpose ("will travel to Berlin to meet Y"): the travel's modality is
    the meeting's."""
    return t.dep[tok] == "advcl" and any(t.dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[tok])


def _mandative(t: TokenTable, governor: int, clause: int, d: Optional[str]) -> bool:
    """After "suggest", "insist", "recommend" a that-clause with a bare verb says what someone
    wants done, not what happened: "suggested that A and B hold talks" (but "suggested that
    they had held talks", "insisted that they met" report)."""
    if d != "ccomp" or t.lemma[governor] not in MANDATIVE_VERBS or t.pos[clause] != "VERB":
        return False
    if t.doc[clause].tag_ not in ("VB", "VBP"):
        return False
    return not any(t.dep[c] in ("aux", "auxpass") for c in t.kids[clause])


def _semicolon_between(t: TokenTable, a: int, b: int) -> bool:
    """A ';' between two clauses makes them independent, whatever the parse says."""
    lo, hi = min(a, b), max(a, b)
    return any(t.lower[i] == ";" for i in range(lo + 1, hi))


def _adjunct_of_verb(t: TokenTable, tok: int, d: Optional[str], came_from: int) -> bool:
    """Reached a verb through a prepositional adjunct: "denied the charge in an interview
    with Y" denies the charge, not the interview; "In a call with X, Y urged calm" urges no call
    ("pushed for talks with X" does: 'for' is the verb's complement)."""
    return d == "prep" and t.pos[tok] in ("VERB", "AUX") and t.lower[came_from] in ADJUNCT_PREPS


def _intent_of_other(t: TokenTable, governor: int, came_from: int, d: Optional[str]) -> bool:
    """Whether an intent governor wants the clause below it for someone other than that clause's
    subject: object control ("invited A and B to meet") or a clause with its own named subject
    ("proposed that the two leaders meet"; a pronoun there may be the proposers themselves)."""
    kids, dep = t.kids, t.dep
    if d == "xcomp":
        return t.pos[governor] == "VERB" and any(dep[c] == "dobj" for c in kids[governor])
    if d == "ccomp":
        own = [c for c in kids[came_from] if dep[c] in ("nsubj", "nsubjpass")]
        return bool(own) and t.pos[own[0]] != "PRON"
    return False


def _is(t: TokenTable, i: int, words: frozenset) -> bool:
    """Lexicon membership by lemma, by the word itself, or by a plain English stem: the small
    model lemmatises 'hoped' as 'hop'."""
    w = t.lower[i]
    if t.lemma[i] in words or w in words:
        return True
    stems = set()
    if w.endswith("ed") or w.endswith("es"):
        stems |= {w[:-1], w[:-2]}
    elif w.endswith("s") or w.endswith("d"):
        stems.add(w[:-1])
    elif w.endswith("ing"):
        stems |= {w[:-3], w[:-3] + "e"}
    return bool(stems & words)


def analyse(t: TokenTable, trigger: int, lex: ModalityLexicon, name_of: Callable[[int], str],
            static: bool = False) -> Context:
    """Decide the modality of the relation expressed at ``trigger`` and its attribution.

    ``static``: a role or title ("NATO, through its spokesperson X, declined to comment"): the
    clause around it does not change it, only its own modifiers do ("former", "potential")."""
    chain = _chain(t, trigger)[:1] if static else _chain(t, trigger)
    state, cue = ASSERTED, None
    dep = t.dep
    intent_of_other = False

    def set_state(new: str, word: int):
        nonlocal state, cue
        if RANK[new] > RANK[state]:
            state, cue = new, t.doc[word].text

    for k, (tok, d, own) in enumerate(chain):
        governor = k > 0
        complement = governor and not _adjunct_of_verb(t, tok, d, chain[k - 1][0])
        if complement and _is(t, tok, lex.refusal_governors):
            set_state(REFUSED, tok)
        if complement and _is(t, tok, lex.negating_governors):
            set_state(NEGATED, tok)
        if governor and _is(t, tok, lex.negation_words):
            set_state(NEGATED, tok)     # "without meeting X"
        if complement and (_is(t, tok, lex.intent_governors) or _mandative(t, tok, chain[k - 1][0], d)):
            if state == ASSERTED:
                intent_of_other = _intent_of_other(t, tok, chain[k - 1][0], d)
            set_state(INTENDED, tok)
        if governor and _is(t, tok, lex.hypothetical_governors):
            set_state(POSSIBLE, tok)
        for c in t.kids[tok]:
            cd = dep[c]
            if own and (cd == "neg" or (cd in ("det", "advmod", "preconj") and _is(t, c, lex.negation_words))):
                set_state(NEGATED, c)
            elif own and cd in ("aux", "auxpass") and _is(t, c, lex.modal_verbs) and d != "ccomp":
                set_state(POSSIBLE, c)
            elif own and cd in ("aux", "auxpass") and _is(t, c, lex.intent_modals) and d != "ccomp":
                set_state(INTENDED, c)
            elif cd == "mark" and _is(t, c, lex.conditional_marks) and (own or k == 0):
                set_state(POSSIBLE, c)
            elif cd in MODIFIER_DEPS and _is(t, c, lex.hypothetical_modifiers):
                set_state(POSSIBLE, c)
            elif cd in MODIFIER_DEPS and _is(t, c, lex.intent_modifiers):
                set_state(INTENDED, c)
    static = static or (len(chain) == 1 and dep[trigger] in STATIC_DEPS)
    reported, asserted_by = (False, None) if static else _attribution(t, trigger, lex, name_of)
    return Context(state=state, cue=cue, reported=reported, asserted_by=asserted_by,
                   intent_of_other=intent_of_other and state == INTENDED)


def _attribution(t: TokenTable, trigger: int, lex: ModalityLexicon, name_of) -> tuple[bool, Optional[str]]:
    """'reportedly' anywhere on the way up; 'X said'/'X claimed' above; 'according to X' in the sentence."""
    reported, asserted_by = False, None
    dep, kids, low = t.dep, t.kids, t.lower
    tok, came_by = trigger, None
    for _ in range(MAX_HOPS + 4):
        if any(dep[c] == "advmod" and _is(t, c, lex.reported_adverbs) for c in kids[tok]):
            reported = True
        if asserted_by is None and tok != trigger and came_by in ("ccomp", "xcomp", "pcomp", "prep") \
                and _is(t, tok, lex.reporting_verbs):
            who = subjects(t, tok)
            if who:
                asserted_by = name_of(who[0])
        if asserted_by is None:     # "They met, X said" parsed with 'said' below the main verb
            for c in kids[tok]:
                if dep[c] == "parataxis" and _is(t, c, lex.reporting_verbs):
                    who = subjects(t, c)
                    if who:
                        asserted_by = name_of(who[0])
        d = dep[tok]
        if t.head[tok] == tok or d in ("relcl", "appos") or d not in UP_DEPS:
            break
        came_by, tok = d, t.head[tok]
    if asserted_by is None:
        a, b = t.sent(trigger)
        for i in range(a, b):
            if low[i] == "according":
                to = [c for c in kids[i] if dep[c] == "prep" and low[c] == "to"]
                objs = [g for c in to for g in kids[c] if dep[g] == "pobj"]
                if objs:
                    asserted_by = name_of(objs[0])
                    break
    return reported, asserted_by
