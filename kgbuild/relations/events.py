"""Who did the act a definite event noun names: the ``event_agent`` path step.

News supports or criticises an act more often than its agent, and names the agent once, with the
act: "The union called a stoppage. ... The federation backed the stoppage" (the federation backs
the union), "The regulator fined the app. ... Campaigners welcomed the fine". The schema's
``events:`` block lists kinds of acts (nouns that name them, verbs that are them, verbs by which
someone does what a noun names); this module finds, for "the stoppage", the last act of its kind
before it, within a few sentences, and returns the tokens of who did it. An act found without an
agent ("the blockade was lifted") is a re-mention: the search goes on from there. The act named
last decides: when its agent is not a name, there is no edge (never a guess further back).
"""

from __future__ import annotations

from typing import Optional

from ..schema import EventLexicon
from .modality import ASSERTED, analyse
from .paths import subjects, walk
from .tokens import TokenTable

# Inflections the small model's lemmatiser sometimes misses ("fined" -> "fin")
VERB_ENDINGS = ("s", "es", "d", "ed", "ing")
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})


def event_agents(t: TokenTable, i: int, lexicon: EventLexicon) -> list[int]:
    """Tokens of who did the act the noun at ``i`` names: its own agent ("the strike called by
    X", "X's strike"), else, for a definite noun ("the strike"), the agent of the last act of its
    kind named before it; [] when there is none or the noun names no act."""
    if t.pos[i] != "NOUN":
        return []
    kinds = lexicon.kinds_of_noun(t.lemma[i], t.lower[i])
    if not kinds:
        return []
    own = _noun_agent(t, i, kinds, lexicon)
    if own or not _definite(t, i, lexicon):
        return own or []
    return _earlier_agent(t, i, kinds, lexicon)


def _definite(t: TokenTable, i: int, lexicon: EventLexicon) -> bool:
    """"the stoppage", "this ban": a noun that refers back (not "a strike", not "the BTB strike",
    where the name in front may be either party)."""
    kids = t.kids[i]
    if any(t.dep[c] == "compound" and t.pos[c] == "PROPN" for c in kids):
        return False
    return any(t.dep[c] == "det" and t.lower[c] in lexicon.determiners for c in kids)


def _earlier_agent(t: TokenTable, i: int, kinds: tuple, lexicon: EventLexicon) -> list[int]:
    """The agent of the last act of these kinds before ``i``; each act found without an agent
    carries the window back from its own sentence."""
    window = lexicon.window
    horizon = t.sent_of[i] - window
    for j in range(i - 1, -1, -1):
        if t.sent_of[j] < horizon:
            break
        found = _act_at(t, j, kinds, lexicon)
        if found is None:
            continue
        if found:
            return found
        horizon = min(horizon, t.sent_of[j] - window)
    return []


def _act_at(t: TokenTable, j: int, kinds: tuple, lexicon: EventLexicon) -> Optional[list[int]]:
    """None where token ``j`` names no act of these kinds, or one not done ("did not call a
    strike", "has yet to rule"); else the tokens of its agent (possibly none)."""
    pos = t.pos[j]
    if pos == "NOUN" and any(t.lemma[j] in k.nouns or t.lower[j] in k.nouns for k in kinds):
        return _noun_agent(t, j, kinds, lexicon)
    if pos == "VERB":
        acts = [k for k in kinds if _verb_is(t, j, k.verbs) and not _walks_any(t, j, k.verb_not_has)]
        if acts and _done(t, j, lexicon):
            return _verb_agent(t, j)
    return None


def _done(t: TokenTable, v: int, lexicon: EventLexicon) -> bool:
    """The verb of an act says it was done: not negated, hedged or planned (the schema's
    modality lists), nor one of the ``not_done`` paths ("has yet to rule")."""
    if _walks_any(t, v, lexicon.not_done):
        return False
    return lexicon.modality is None or analyse(t, v, lexicon.modality, _no_name).state == ASSERTED


def _no_name(_: int) -> str:
    return ""


def _noun_agent(t: TokenTable, j: int, kinds: tuple, lexicon: EventLexicon) -> Optional[list[int]]:
    """"X's strike", "a strike by X", "the strike called by X", "X called (for) a strike", "a
    strike was called by X"; only with the verbs by which one does this kind of act ("backed
    the strike", "lifted the blockade" do not)."""
    dep, kids = t.dep, t.kids
    poss = [c for c in kids[j] if dep[c] == "poss"]
    if poss:
        return poss
    by = [g for c in kids[j] if dep[c] == "prep" and t.lower[c] == "by" for g in kids[c] if dep[g] == "pobj"]
    if by:
        return by
    made_by = frozenset().union(*(k.made_by for k in kinds))
    for c in kids[j]:
        if dep[c] == "acl" and _verb_is(t, c, made_by):
            return _passive_agent(t, c) if _done(t, c, lexicon) else None
    head = t.head[j]
    if head == j:
        return []
    if dep[j] == "pobj" and t.lower[head] == "for" and t.head[head] != head:
        head, j = t.head[head], head        # "called for a strike"
    if not _verb_is(t, head, made_by):
        return []
    if not _done(t, head, lexicon):
        return None         # "threatened ... but did not call a strike": no act, no re-mention
    if dep[j] == "nsubjpass":
        return _passive_agent(t, head)
    if dep[j] in ("dobj", "prep"):
        return subjects(t, head)
    return []


def _verb_agent(t: TokenTable, j: int) -> list[int]:
    """The subject of a verb that is the act ("X fined Y"), the agent of a passive one ("Y was
    fined by X", "Y, fined by X")."""
    if t.dep[j] == "acl" or PASSIVE_DEPS & t.kid_deps[j]:
        return _passive_agent(t, j)
    return subjects(t, j)


def _passive_agent(t: TokenTable, v: int) -> list[int]:
    return [g for c in t.kids[v] if t.dep[c] == "agent" for g in t.kids[c] if t.dep[g] == "pobj"]


def _verb_is(t: TokenTable, j: int, verbs: frozenset) -> bool:
    if not verbs or t.pos[j] not in ("VERB", "AUX"):
        return False
    if t.lemma[j] in verbs or t.lower[j] in verbs:
        return True
    word = t.lower[j]
    for end in VERB_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 1:
            stem = word[: -len(end)]
            # "fined" -> "fin(e)", "banned" -> "ban", "fining" -> "fin(e)"
            if stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs):
                return True
    return False


def _walks_any(t: TokenTable, j: int, paths: tuple) -> bool:
    """One of these paths reaches a token (a kind's ``verb_not_has``: "ruled the country" is no
    ruling; the ``not_done`` paths)."""
    return any(walk(t, j, p) for p in paths)
