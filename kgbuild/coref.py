"""Rule-based, conservative coreference: pronouns and definite descriptions to a named antecedent.

Every anaphor points at the nearest name mention that agrees with it (person or not, gender,
number, nationality, title), looking back only a few sentences; where no antecedent agrees,
nothing is linked. A wrong link makes a wrong edge, a missing one only a missing edge.
Plural "they"/"the two leaders" referring to two people gives two mentions with the same
offsets, one per person, because ``Mention.antecedent`` is a single index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .model import Mention
from .names import first_name_gender
from .places import country_index

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"its", "it", "itself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP"})
PRONOUN_WINDOW = 2      # sentences back, besides the pronoun's own
NOMINAL_WINDOW = 3

# Definite descriptions and the kind of antecedent they take.
PERSON_NOUNS = frozenset("""leader president minister chancellor premier senator governor mayor spokesman
spokeswoman spokesperson official chief executive ceo chairman chairwoman founder journalist reporter
author scientist researcher coach manager player striker king queen prince princess envoy diplomat
ambassador lawmaker billionaire businessman businesswoman actor actress singer champion""".split())
ORG_NOUNS = frozenset("""company firm group organisation organization agency alliance party club team bloc
carrier airline automaker startup giant manufacturer retailer bank lender insurer broadcaster newspaper
publication network institute university union federation league ministry""".split())
DESCRIBING_PREPOSITIONS = frozenset({"of", "with", "between", "among", "against", "for", "in", "from"})
# Institutions whose definite description names its own kind: 'the alliance' is an Alliance.
NAMED_KIND_NOUNS = frozenset({"alliance", "union", "league", "federation", "party", "bank", "university",
                              "institute", "ministry", "agency", "network"})
PLACE_NOUNS = frozenset({"country", "nation", "city", "kingdom", "republic", "region", "island"})


@dataclass
class _Group:
    """Name mentions of one person (or thing) inside a document, with what is known about it."""

    key: str
    label: str
    members: list[Mention] = field(default_factory=list)
    gender: Optional[str] = None
    nationality: set = field(default_factory=set)
    titles: set = field(default_factory=set)


def add_coreferences(doc, mentions: list[Mention]) -> list[Mention]:
    """Name mentions plus pronoun/nominal mentions, sorted by offset, ``index`` == position."""
    names = [m for m in mentions if m.kind == "name"]
    groups = _group_names(names)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    sent_index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_index[i] = n

    added: list[Mention] = []
    for tok in doc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if tok.tag_ in ("PRP", "PRP$") or tok.pos_ == "PRON":
            added.extend(_resolve_pronoun(doc, tok, low, names, groups, sent_index))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS | ORG_NOUNS | PLACE_NOUNS:
            added.extend(_resolve_nominal(doc, tok, names, groups, sent_index, covered))

    # every antecedent is an index into ``mentions``: sort, then translate old indexes to new ones
    everything = sorted(list(mentions) + added,
                        key=lambda m: (m.start, m.end, 0 if m.kind == "name" else 1, m.antecedent or 0))
    old_index = {id(m): m.index for m in mentions}
    position = {old_index[id(m)]: i for i, m in enumerate(everything) if id(m) in old_index}
    for i, m in enumerate(everything):
        m.index = i
        if m.antecedent is not None:
            m.antecedent = position[m.antecedent]
    return everything


# -- who is who inside the document ------------------------------------------------------------
def _group_names(names: list[Mention]) -> dict[int, _Group]:
    """Mention index -> group: a bare surname or first name joins the one full name it fits."""
    full: dict[str, list[str]] = {}
    for m in names:
        parts = m.name.split()
        if m.label == "PERSON" and len(parts) > 1:
            for p in {parts[0], parts[-1]}:
                full.setdefault(p, [])
                if m.name not in full[p]:
                    full[p].append(m.name)
    groups: dict[str, _Group] = {}
    out: dict[int, _Group] = {}
    for m in names:
        key = m.name
        if m.label == "PERSON" and " " not in m.name and len(full.get(m.name, [])) == 1:
            key = full[m.name][0]
        coarse = "PERSON" if m.label == "PERSON" else "OTHER"
        g = groups.setdefault(f"{coarse}:{key}", _Group(key=key, label=m.label))
        g.members.append(m)
        out[m.index] = g
    for g in groups.values():
        for m in g.members:
            a = m.attributes
            g.gender = g.gender or a.get("gender")
            if a.get("nationality"):
                g.nationality.add(country_index().demonym(a["nationality"]) or a["nationality"])
            for t in (a.get("title"), a.get("role")):
                if t:
                    g.titles.update(w.casefold() for w in t.split())
        if g.label == "PERSON" and not g.gender and " " in g.key:
            g.gender = first_name_gender(g.key.split()[0])
    return out


def _sentence(sent_index: list[int], m: Mention) -> int:
    return sent_index[m.token_start]


def _is_subject(doc, m: Mention) -> bool:
    root = doc[m.token_start:m.token_end].root
    if root.dep_ in SUBJECT_DEPS:
        return True
    # "Russia's actions": the possessor of a subject
    return root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS


def _candidates(names, groups, sent_index, tok, window, accept):
    s = sent_index[tok.i]
    out = [m for m in names if m.token_end <= tok.i and s - window <= _sentence(sent_index, m) <= s
           and accept(m, groups[m.index])]
    return sorted(out, key=lambda m: -m.token_start)   # nearest first


# -- pronouns ----------------------------------------------------------------------------------
def _resolve_pronoun(doc, tok, low, names, groups, sent_index) -> list[Mention]:
    if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
        gender = "male" if low in MALE_PRONOUNS else "female"
        found = _candidates(names, groups, sent_index, tok, PRONOUN_WINDOW,
                            lambda m, g: m.label == "PERSON" and g.gender in (None, gender))
        if not found:
            return []
        if tok.dep_ in SUBJECT_DEPS:
            subjects = [m for m in found if _is_subject(doc, m) and sent_index[tok.i] - _sentence(sent_index, m) <= 1]
            found = subjects or found
        return [_pronoun(tok, found[0], sent_index)]
    if low in THING_PRONOUNS:
        if low == "it" and (tok.dep_ not in SUBJECT_DEPS or _expletive(tok)):
            return []      # object 'it' mostly stands for an event or a clause, not a name
        found = _candidates(names, groups, sent_index, tok, 1,
                            lambda m, g: m.label in NON_PERSON_LABELS and not _derived(m))
        if low == "it":
            found = [m for m in found if _is_subject(doc, m)]
        if not found:
            return []
        same = [m for m in found if _sentence(sent_index, m) == sent_index[tok.i] and _is_subject(doc, m)]
        return [_pronoun(tok, (same or found)[0], sent_index)]
    if low in PLURAL_PRONOUNS:
        found = _candidates(names, groups, sent_index, tok, 1, lambda m, g: m.label == "PERSON")
        people: list[Mention] = []
        seen = set()
        for m in found:
            g = id(groups[m.index])
            if g not in seen:
                seen.add(g)
                people.append(m)
        if len(people) == 2 and _together(doc, people):
            return [_pronoun(tok, m, sent_index, plural=True) for m in people]
    return []


def _derived(m: Mention) -> bool:
    """A country mention read off a nationality adjective: an adjective is no antecedent."""
    return bool(m.attributes.get("derived_from"))


def _expletive(tok) -> bool:
    """'it is likely that ...', 'it was reported': no entity behind 'it'."""
    head = tok.head
    if head.lemma_ in ("be", "seem", "appear", "rain", "take", "matter"):
        return True
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in head.children) and head.pos_ in ("VERB", "AUX")


def _together(doc, people: list[Mention]) -> bool:
    """Two people said together: in one sentence, the pair is what 'they' most likely means."""
    a, b = sorted(people, key=lambda m: m.token_start)
    return doc[a.token_start].sent.start == doc[b.token_start].sent.start


def _pronoun(tok, antecedent: Mention, sent_index, plural: bool = False) -> Mention:
    return Mention(
        index=-1, text=tok.text, name=tok.text, label=antecedent.label,
        start=tok.idx, end=tok.idx + len(tok.text), token_start=tok.i, token_end=tok.i + 1,
        sentence=sent_index[tok.i], kind="pronoun", antecedent=antecedent.index,
        attributes={"plural": True} if plural else {},
    )


# -- definite descriptions ---------------------------------------------------------------------
def _resolve_nominal(doc, tok, names, groups, sent_index, covered) -> list[Mention]:
    if tok.dep_ == "compound" or any(c.dep_ == "appos" for c in tok.children):
        return []        # 'the president Jane Doe', 'the company, Acme': a name follows, no anaphor
    if tok.head.ent_type_ == "PERSON" and tok.head.i > tok.i:
        return []
    det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
    if not det or any(c.dep_ == "prep" and c.lower_ in DESCRIBING_PREPOSITIONS for c in tok.children):
        return []        # 'the leader of the opposition', 'the alliance with X' describe something new
    if any(c.dep_ in ("relcl", "acl") for c in tok.children):
        return []
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod") and c.i < tok.i]
    if any(c.i in covered and not c.ent_type_ == "NORP" for c in mods):
        return []
    start_tok = min([det[0].i] + [c.i for c in mods])
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in ("NNS", "NNPS")
    nationality = None
    for c in mods:
        country = country_index().demonym(c.text)
        if country:
            nationality = country
    if lemma in PERSON_NOUNS:
        def accept(m, g):
            if m.label != "PERSON":
                return False
            if nationality and nationality not in g.nationality:
                return False
            if lemma != "leader" and lemma not in g.titles:
                return False
            return bool(nationality or g.titles)
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW, accept)
        distinct: list[Mention] = []
        seen = set()
        for m in found:
            if id(groups[m.index]) not in seen:
                seen.add(id(groups[m.index]))
                distinct.append(m)
        if plural:
            number = [c for c in mods if c.lower_ in ("two", "both")] or [c for c in tok.children if c.lower_ == "both"]
            if not number:
                return []
            found2 = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                                 lambda m, g: m.label == "PERSON" and bool(g.titles or g.nationality))
            pair: list[Mention] = []
            seen = set()
            for m in found2:
                if id(groups[m.index]) not in seen:
                    seen.add(id(groups[m.index]))
                    pair.append(m)
            return [_nominal(doc, start_tok, tok, m, sent_index, plural=True) for m in pair[:2]] if len(pair) >= 2 else []
        return [_nominal(doc, start_tok, tok, distinct[0], sent_index)] if distinct else []
    if plural:
        return []
    if lemma in ORG_NOUNS:
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "ORG" and (lemma not in NAMED_KIND_NOUNS
                                                               or lemma in m.name.casefold()))
    else:
        want_country = lemma in ("country", "nation", "kingdom", "republic")
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "GPE" and (country_index().country(m.name) is not None) == want_country)
    return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []


def _nominal(doc, start_tok: int, head, antecedent: Mention, sent_index, plural: bool = False) -> Mention:
    span = doc[start_tok:head.i + 1]
    return Mention(
        index=-1, text=span.text, name=span.text, label=antecedent.label,
        start=span.start_char, end=span.end_char, token_start=span.start, token_end=span.end,
        sentence=sent_index[head.i], kind="nominal", antecedent=antecedent.index,
        attributes={"plural": True} if plural else {},
    )
