"""Rule-based, conservative coreference: pronouns and definite descriptions to a named antecedent.

Every anaphor points at the nearest name mention that agrees with it (person or not, gender,
number, nationality, title), looking back only a few sentences; where no antecedent agrees,
nothing is linked. A wrong link makes a wrong edge, a missing one only a missing edge.
Plural "they"/"the two leaders" referring to two people gives two mentions with the same
offsets, one per person, because ``Mention.antecedent`` is a single index. A wire dateline is
never an antecedent of "it"/"its"; a description that is a verb's object never means that verb's
subject ("Iraq ... annexed the emirate"); "the festival", "the islands" find the name ending in
that word, "the museum" a name with its cognate, "the novel" the work named before.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from ..model import Mention
from .names import first_name_gender
from .places import country_index
from .doc_view import string_id, view_of

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
ambassador lawmaker billionaire businessman businesswoman actor actress singer champion man woman
finalist candidate rival""".split())
ORG_NOUNS = frozenset("""company firm group organisation organization agency alliance party club team bloc
carrier airline automaker startup giant manufacturer retailer bank lender insurer broadcaster newspaper
publication network institute university union federation league ministry regulator watchdog charity
carmaker miner""".split())
# Kinds of business: 'the company' may be any of them, never a charity, union or party the text
# described as such.
COMPANY_KINDS = frozenset("""company firm group carrier airline automaker carmaker startup giant manufacturer
retailer bank lender insurer broadcaster newspaper network miner maker conglomerate consultancy brewer
chipmaker operator supplier distributor developer publisher studio""".split())
# Kinds the text must have given a name before 'the <kind>' may mean it ('the charity').
GIVEN_KINDS = frozenset({"charity"})
DESCRIBING_PREPOSITIONS = frozenset({"of", "with", "between", "among", "against", "for", "in", "from"})
# Institutions whose definite description names its own kind: 'the alliance' is an Alliance.
NAMED_KIND_NOUNS = frozenset({"alliance", "union", "league", "federation", "party", "bank", "university",
                              "institute", "ministry", "agency", "network"})
PLACE_NOUNS = frozenset({"country", "nation", "city", "kingdom", "republic", "region", "island", "emirate",
                         "sultanate", "principality"})
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "emirate", "sultanate", "principality"})
# Titles of works: 'the novel' is the one work named nearby (or, for these, the only one so far).
WORK_NOUNS = frozenset("novel book film movie album study paper documentary memoir".split())
LONE_WORK_NOUNS = frozenset("novel book film movie album study documentary memoir".split())
# Buildings whose description may be a cognate of the name's word ('the museum' / 'Musee ...').
FACILITY_NOUNS = frozenset("""museum stadium airport hospital palace cathedral gallery theatre theater
university library""".split())
TIME_NOUNS = frozenset({"day", "week", "month", "year", "hour"})
ALIAS_VERBS = frozenset({"call", "know", "name", "dub", "rename"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "oprd"})


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
    doc = view_of(doc)      # tokens and sentences read once
    names = [m for m in mentions if m.kind == "name"]
    groups = _group_names(names, doc)
    dateline = _dateline_end(doc)
    things = [m for m in names if m.token_start >= dateline]     # a dateline is no one's 'it'
    heads = {m.name.split()[-1].casefold() for m in names if m.label != "PERSON" and " " in m.name}
    plurals: dict[str, list[Mention]] = {}
    name_starts = {m.token_start for m in names}
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    sent_index = doc.sent_of

    nominal_lemmas = PERSON_NOUNS | ORG_NOUNS | PLACE_NOUNS | WORK_NOUNS | FACILITY_NOUNS
    pos, tag = doc.pos_tag_hashes()
    noun, pron, prp = string_id("NOUN"), string_id("PRON"), (string_id("PRP"), string_id("PRP$"))
    added: list[Mention] = []
    for i in range(len(doc)):
        p = pos[i]
        if not (p == noun or p == pron or tag[i] in prp) or i in covered:
            continue
        tok = doc[i]
        low = tok.lower_
        if tag[i] in prp or p == pron:
            added.extend(_resolve_pronoun(doc, tok, low, things if low in THING_PRONOUNS else names,
                                          groups, sent_index))
        elif p == noun and tok.is_lower and (
                tok.lemma_.lower() in nominal_lemmas or low in heads or tok.lemma_.lower() in heads):
            added.extend(_resolve_nominal(doc, tok, names, groups, sent_index, covered, heads, plurals,
                                          name_starts))

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
def _group_names(names: list[Mention], doc=None) -> dict[int, _Group]:
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
            if doc is not None and g.label == "PERSON":
                root = doc.root(m.token_start, m.token_end)   # "Tuvalu's prime minister, Jane Roe"
                if root.dep_ == "appos" and root.head.is_lower and root.head.lemma_.lower() in PERSON_NOUNS:
                    g.titles.add(root.head.lemma_.lower())
        if g.label == "PERSON" and not g.gender and " " in g.key:
            g.gender = first_name_gender(g.key.split()[0])
    return out


def _sentence(sent_index: list[int], m: Mention) -> int:
    return sent_index[m.token_start]


def _is_subject(doc, m: Mention) -> bool:
    root = doc.root(m.token_start, m.token_end)
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


def _dateline_end(doc) -> int:
    """Token index where a wire dateline ends ('SAN FRANCISCO, Jan 22 -', 'PARIS (AFP) -'), else 0:
    the place of filing is where the story was written, never what 'it' or 'its' stands for."""
    if not len(doc) or not (doc[0].is_alpha and doc[0].text.isupper() and len(doc[0].text) > 1):
        return 0
    for tok in doc[:15]:
        if tok.text in ("-", "–", "—"):
            return tok.i
    return 0


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
    sent_of = view_of(doc).sent_of
    return sent_of[a.token_start] == sent_of[b.token_start]


def _pronoun(tok, antecedent: Mention, sent_index, plural: bool = False) -> Mention:
    return Mention(
        index=-1, text=tok.text, name=tok.text, label=antecedent.label,
        start=tok.idx, end=tok.idx + len(tok.text), token_start=tok.i, token_end=tok.i + 1,
        sentence=sent_index[tok.i], kind="pronoun", antecedent=antecedent.index,
        attributes={"plural": True} if plural else {},
    )


# -- definite descriptions ---------------------------------------------------------------------
def _resolve_nominal(doc, tok, names, groups, sent_index, covered, heads=frozenset(), plurals=None,
                     name_starts=frozenset()) -> list[Mention]:
    misparsed = tok.dep_ == "compound" and tok.head.lemma_.lower() in TIME_NOUNS   # 'annexed the emirate days later'
    if (tok.dep_ == "compound" and not misparsed) or any(c.dep_ == "appos" for c in tok.children):
        return []        # 'the president Jane Doe', 'the company, Acme': a name follows, no anaphor
    if (tok.head.ent_type_ == "PERSON" and tok.head.i > tok.i) or tok.i + 1 in name_starts:
        return []        # 'the patient group X': the noun describes the name after it
    det = [c for c in (tok.head if misparsed else tok).children if c.dep_ == "det" and c.lower_ == "the"
           and c.i < tok.i]
    both = [c for c in tok.children if c.lower_ == "both" and c.dep_ in ("det", "predet", "amod", "nummod")]
    if (not det and not both) or any(c.dep_ == "prep" and c.lower_ in DESCRIBING_PREPOSITIONS for c in tok.children):
        return []        # 'the leader of the opposition', 'the alliance with X' describe something new
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() not in ALIAS_VERBS for c in tok.children):
        return []        # ('the islands, which it calls X' still points back)
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod") and c.i < tok.i]
    if any(c.i in covered and not c.ent_type_ == "NORP" for c in mods):
        return []
    start_tok = min([c.i for c in det + both] + [c.i for c in mods])
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in ("NNS", "NNPS")
    not_subject = _own_subject(doc, tok.head if misparsed else tok, names, groups)
    nationality = None
    for c in mods:
        country = country_index().demonym(c.text)
        if country:
            nationality = country
    if lemma in PERSON_NOUNS:
        if plural:
            return _plural_people(doc, tok, start_tok, mods, both, names, groups, sent_index, not_subject,
                                  plurals if plurals is not None else {})
        if not det:
            return []

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
        return [_nominal(doc, start_tok, tok, distinct[0], sent_index)] if distinct else []
    if not det:
        return []
    words = {tok.lower_, lemma}
    if words & heads:      # 'the islands' after 'the Falkland Islands', 'the festival', 'the forum'
        found = _nearest_or_only(names, groups, sent_index, tok,
                                 lambda m, g: m.label != "PERSON" and " " in m.name
                                 and m.name.split()[-1].casefold() in words and g is not not_subject)
        if found:
            return [_nominal(doc, start_tok, tok, found[0], sent_index)]
    if plural:
        return []
    if lemma in FACILITY_NOUNS:    # 'the museum' after 'the Musee du quai Branly'
        stem = _fold(lemma)[:4]
        found = _nearest_or_only(names, groups, sent_index, tok,
                                 lambda m, g: m.label not in ("PERSON", "GPE") and g is not not_subject
                                 and any(_fold(w)[:4] == stem for w in m.name.split() if len(w) >= 4))
        return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []
    if lemma in WORK_NOUNS:
        def is_work(m, g):
            return m.label == "WORK_OF_ART" and g is not not_subject and not _derived(m) \
                and country_index().country(m.name) is None
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW, is_work)
        if not found and lemma in LONE_WORK_NOUNS:
            found = _nearest_or_only(names, groups, sent_index, tok, is_work)
        return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []
    if lemma in ORG_NOUNS:
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "ORG" and g is not not_subject
                            and (lemma not in NAMED_KIND_NOUNS or lemma in m.name.casefold())
                            and _kind_agrees(lemma, _given_kinds(doc, g)))
    elif lemma in PLACE_NOUNS:
        want_country = lemma in COUNTRY_NOUNS
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "GPE" and g is not not_subject
                            and (country_index().country(m.name) is not None) == want_country)
    else:
        found = []
    return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []


def _given_kinds(doc, group) -> set[str]:
    """What the text says a name is: 'the charity X', 'X, a Nairobi charity', 'X is a union'."""
    kinds = set()
    for m in group.members:
        root = doc.root(m.token_start, m.token_end)
        described = [c for c in root.children if c.dep_ == "appos" and c.is_lower and c.pos_ == "NOUN"]
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
            described += [c for c in root.head.children if c.dep_ == "attr" and c.is_lower]
        if m.token_start > 0:
            prev = doc[m.token_start - 1]
            if prev.is_lower and prev.pos_ == "NOUN" and (m.token_start <= prev.head.i < m.token_end
                                                          or root.head.i == prev.i):
                described.append(prev)      # 'the charity X' parsed either way
        kinds.update(c.lemma_.lower() for c in described if c.lemma_.lower() in ORG_NOUNS | COMPANY_KINDS)
    return kinds


def _kind_agrees(lemma: str, kinds: set[str]) -> bool:
    """'the company' is no name described as a charity or union; 'the charity' only one so described."""
    if lemma in GIVEN_KINDS:
        return lemma in kinds
    return not kinds or lemma in kinds or lemma not in COMPANY_KINDS or bool(kinds & COMPANY_KINDS)


def _nearest_or_only(names, groups, sent_index, tok, accept) -> list[Mention]:
    """Fitting names within the window, nearest first; beyond it, only a name that is the one
    thing of its kind named so far in the document ('the museum' five sentences after the museum)."""
    found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW, accept)
    if found:
        return found
    earlier = _candidates(names, groups, sent_index, tok, sent_index[tok.i], accept)
    return earlier if len({id(groups[m.index]) for m in earlier}) == 1 else []


def _plural_people(doc, tok, start_tok, mods, both, names, groups, sent_index, not_subject, plurals) -> list[Mention]:
    """'the two leaders', 'both finalists': the two nearest people (with a title, for 'leaders'),
    never the subject of the verb they are the object of; the same words later mean the same pair."""
    number = [c for c in mods if c.lower_ in ("two", "both")] + both
    if not number:
        return []
    lemma = tok.lemma_.lower()
    pair = plurals.get(lemma)
    if pair is None:
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "PERSON" and g is not not_subject
                            and (lemma != "leader" or bool(g.titles or g.nationality)))
        pair, seen = [], set()
        for m in found:
            if id(groups[m.index]) not in seen:
                seen.add(id(groups[m.index]))
                pair.append(m)
        pair = pair[:2]
        if len(pair) < 2:
            return []
        plurals[lemma] = pair
    return [_nominal(doc, start_tok, tok, m, sent_index, plural=True) for m in pair]


def _own_subject(doc, tok, names, groups) -> Optional[_Group]:
    """The group of the subject of the verb a description is the object of: 'Iraq ... annexed the
    emirate', 'X spoke with both finalists' do not mean the subject (that would be 'itself')."""
    if tok.dep_ in OBJECT_DEPS - {"pobj"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
    else:
        return None
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head      # 'X invaded Y and annexed the emirate'
    if not subjects:
        return None
    subj = subjects[0]
    told = {subj.i} | {c.i for c in subj.children if c.dep_ == "appos"}   # 'the candidate, Jane Roe,'
    for m in names:
        if any(m.token_start <= i < m.token_end for i in told) or doc.root(m.token_start, m.token_end).i in told:
            return groups[m.index]
    return None


def _fold(word: str) -> str:
    """Lower case without accents: 'Musée' -> 'musee'."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").casefold()


def _nominal(doc, start_tok: int, head, antecedent: Mention, sent_index, plural: bool = False) -> Mention:
    span = doc[start_tok:head.i + 1]
    return Mention(
        index=-1, text=span.text, name=span.text, label=antecedent.label,
        start=span.start_char, end=span.end_char, token_start=span.start, token_end=span.end,
        sentence=sent_index[head.i], kind="nominal", antecedent=antecedent.index,
        attributes={"plural": True} if plural else {},
    )
