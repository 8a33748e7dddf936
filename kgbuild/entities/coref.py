"""Rule-based, conservative coreference: pronouns and definite descriptions to a named antecedent.

Every anaphor points at the nearest name mention that agrees with it (person or not, gender,
number, nationality, title), looking back only a few sentences; where no antecedent agrees,
nothing is linked. A wrong link makes a wrong edge, a missing one only a missing edge.
Plural "they"/"the two leaders" referring to two people gives two mentions with the same
offsets, one per person, because ``Mention.antecedent`` is a single index. A wire dateline is
never an antecedent of "it"/"its"; a description that is a verb's object never means that verb's
subject ("Iraq ... annexed the emirate"); "the festival", "the islands" find the name ending in
that word, "the museum" a name with its cognate, "the novel" the work named before (never "a Grammy").
"Both countries" are the two countries of the nearest sentence naming two (a capital counts for its
country); "the junta"/"the regime" the country it rules; "the body" only a governing body; "the
agent" the one thing the text described with that noun ("the tanker's agent, Kielwater Shipping").

Descriptions of organisations ("the agency", "the carmaker's", "the bank") and "it"/"its" weigh
their candidates Lappin-Leass style (recent, a subject, not buried in another phrase, summed over
the entity's mentions, resolved descriptions included) and keep only those whose name or
describing noun fits the kind the noun names ("the carmaker" is no ministry, no news outlet is
"the company"); a runner-up about as salient as the best leaves the anaphor unresolved. "his fast
bowler" and "the player" need a person the text gave that title or playing position.

A place is never "it"/"its" when a plain noun stands between as an argument ("involved in the
research ... its main conclusion", "the bill ... he supported it"): that noun is the likelier
antecedent and no entity, so nothing is linked. "Its general secretary" goes to an organisation
that is a subject nearby rather than a place. "he"/"she" also see people a description was resolved
to ("The senator ... accused her"), and a name of unknown gender taken up unambiguously by "she" is a
woman from then on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional

from ..model import Mention
from ..nlp import dateline_span
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
finalist candidate rival player bowler critic historian lawyer attorney judge analyst activist novelist
writer musician guitarist singer poet economist professor commentator columnist editor""".split())
# 'the player' is whoever the text called by a playing position ('forward Joao Silva').
PLAYER_POSITIONS = frozenset("""forward striker midfielder defender goalkeeper keeper winger fullback bowler
batsman batter spinner all-rounder wicketkeeper pitcher catcher quarterback playmaker""".split())
ORG_NOUNS = frozenset("""company firm group organisation organization agency alliance party club team bloc
carrier airline automaker carmaker startup giant manufacturer retailer bank lender insurer broadcaster newspaper
publication network institute university union federation league ministry regulator watchdog board council
charity court tribunal coalition association conglomerate body publisher""".split())
DESCRIBING_PREPOSITIONS = frozenset({"of", "with", "between", "among", "against", "for", "in", "from"})
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
# Who rules a country stands for the country: 'the junta in Niamey', 'the regime's claim'.
RULER_NOUNS = frozenset({"junta", "regime"})
# What is done to a dead body, never to 'the body' that governs: 'police found the body'.
CORPSE_VERBS = frozenset("find discover recover identify bury exhume dump wash examine retrieve repatriate".split())
# Verbs whose subject 'it' stands for nothing: 'it is likely', 'it seems', 'it was expected'.
RAISING_VERBS = frozenset("be seem appear rain take matter remain happen emerge transpire".split())
REPORT_VERBS = frozenset("""expect say report believe think understand know announce estimate fear hope
rumour rumor suggest feel agree decide confirm allege claim predict learn""".split())
# Verbs whose object 'it' is followed by what it is called: 'calling it "baseless"'.
NAMING_VERBS = frozenset("call declare make consider find deem describe label brand term dub name".split())
THING_LABELS = frozenset({"ORG", "GPE", "LOC", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT"})
ALIAS_VERBS = frozenset({"call", "know", "name", "dub", "rename"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "oprd"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Where a plain noun is an argument another pronoun may take up: 'the research', 'the bill'.
# ('Kosovo is not a member of the UN, though it ...': a predicate noun is the subject itself.)
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Offices 'its' may own: 'its general secretary', 'its spokeswoman', 'its president'.
OFFICE_NOUNS = PERSON_NOUNS | frozenset("secretary director head chair boss treasurer executive officer owner "
                                        "coordinator".split())


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

    ctx = _Context(doc, groups, _entity_keys(names, groups), dateline)
    ctx.described = _described_nouns(doc, things, ctx)
    nominal_lemmas = (PERSON_NOUNS | ORG_NOUNS | PLACE_NOUNS | WORK_NOUNS | FACILITY_NOUNS | RULER_NOUNS
                      | frozenset(ctx.described))
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
            pool = things + _proxies(added) if low in THING_PRONOUNS else \
                names + _described_people(added) + _same_gender_pronouns(doc, added, low)
            added.extend(_resolve_pronoun(doc, tok, low, pool, groups, sent_index, ctx))
        elif p == noun and tok.is_lower and (
                tok.lemma_.lower() in nominal_lemmas or low in heads or tok.lemma_.lower() in heads):
            added.extend(_resolve_nominal(doc, tok, names, groups, sent_index, covered, heads, plurals,
                                          name_starts, ctx, _proxies(added)))

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
                before = doc[m.token_start - 1] if m.token_start else None     # 'Brazilian forward Jane Roe'
                if before is not None and before.is_lower and before.lower_ in PERSON_NOUNS | PLAYER_POSITIONS:
                    g.titles.add(before.lower_)
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
def _resolve_pronoun(doc, tok, low, names, groups, sent_index, ctx=None) -> list[Mention]:
    if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
        gender = "male" if low in MALE_PRONOUNS else "female"
        found = _candidates(names, groups, sent_index, tok, PRONOUN_WINDOW,
                            lambda m, g: m.label == "PERSON" and g.gender in (None, gender))
        if not found:
            return []
        if tok.dep_ in SUBJECT_DEPS:
            subjects = [m for m in found if _is_subject(doc, m) and sent_index[tok.i] - _sentence(sent_index, m) <= 1]
            found = subjects or found
        _learn_gender(groups[found[0].index], found, groups, gender)
        return [_pronoun(tok, found[0], sent_index)]
    if low in THING_PRONOUNS:
        found = _resolve_thing(doc, tok, low, names, groups, sent_index, ctx)
        return [_pronoun(tok, found, sent_index)] if found is not None else []
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


def _resolve_thing(doc, tok, low, names, groups, sent_index, ctx=None) -> Optional[Mention]:
    """What 'it'/'its' stands for, or None; a place is never taken over a thing the text named
    in plain words since ('involved in the research ... its main conclusion')."""
    if low == "it" and _expletive(tok):
        return None
    if low == "it" and tok.dep_ not in SUBJECT_DEPS:
        found = _object_it(doc, tok, names, sent_index, ctx) if ctx is not None else None
        return None if found is None or _skips_common_noun(doc, tok, found) else found
    found = _candidates(names, groups, sent_index, tok, 1,
                        lambda m, g: m.label in NON_PERSON_LABELS and not _derived(m))
    if low == "its" and ctx is not None:
        controller = _controller(doc, tok, found)
        if controller is not None:
            return controller
    if low == "it" and ctx is not None and _speaker_unnamed(doc, tok, found):
        return None
    if low == "it":
        subjects = [m for m in found if _is_subject(doc, m)]
        if not subjects and ctx is not None:     # 'BERLIN - Acme Corp, a chipmaker, said it ...'
            only = _best_entity(doc, tok, found, ctx.key, lambda m: 0 if _buried(doc, m) else 1,
                                sent_index, 0)
            return None if only is None or _skips_common_noun(doc, tok, only) else only
        found = subjects
    if not found:
        return None
    if low == "its" and _owns_office(tok):
        bodies = [m for m in found if m.label == "ORG" and _is_subject(doc, m)]
        if bodies:                # 'The Nurses' Guild, based in Ruritania, ... Its general secretary'
            return bodies[0]
    same = [m for m in found if _sentence(sent_index, m) == sent_index[tok.i] and _is_subject(doc, m)]
    best = (same or found)[0]
    return None if _skips_common_noun(doc, tok, best) else best


def _owns_office(tok) -> bool:
    """'Its general secretary', 'its spokeswoman': 'its' owns a person's office, which an
    organisation has more often than a place does."""
    head = tok.head
    return tok.dep_ == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() in OFFICE_NOUNS


def _skips_common_noun(doc, tok, antecedent: Mention) -> bool:
    """A place as antecedent although a singular common noun stands between it and the pronoun as
    a clause's argument ('was not involved in the research, said he supported its main
    conclusion', 'said the bill would help the state and that he supported it'): the pronoun most
    likely takes up that noun, which is no entity; linking the place would make a false edge.
    Nouns the pronoun itself hangs from ('annexed part of it') do not count."""
    if antecedent.label not in PLACE_LABELS:
        return False
    # a subject antecedent stays the centre unless a new subject comes ('In X, the ministry said it')
    deps = SUBJECT_DEPS if _is_subject(doc, antecedent) else ARGUMENT_DEPS
    governors = {t.i for t in tok.ancestors}
    for t in doc[antecedent.token_end:tok.i]:
        if (t.tag_ in ("NN", "NNP") and t.is_lower and t.i not in governors     # 'the health ministry' (NNP)
                and t.dep_ in deps and t.lemma_.lower() not in TIME_NOUNS):
            return True
    return False


def _described_people(added: list[Mention]) -> list[Mention]:
    """People a description was resolved to ('The senator has clashed with X. Its president
    accused her'): where the description stands counts as a mention of that person."""
    return [m for m in _proxies([a for a in added if a.kind == "nominal"]) if m.label == "PERSON"]


def _same_gender_pronouns(doc, added: list[Mention], low: str) -> list[Mention]:
    """Earlier 'she'/'her' resolved to a person, as stand-ins for that person when another 'she'
    comes ('"...," she said. ... She criticised X'): a chain of one gender carries the person on
    beyond the window of her last name. Only pronouns of the same gender as the new one count."""
    for words in (MALE_PRONOUNS, FEMALE_PRONOUNS):
        if low in words:
            same = [a for a in added if a.kind == "pronoun" and a.text.lower() in words]
            return [m for m in _proxies(same) if m.label == "PERSON"]
    return []


def _learn_gender(group: _Group, found: list[Mention], groups: dict, gender: str) -> None:
    """A name of unknown gender taken up by 'she' (or 'he') with no other person to choose from
    has that gender from then on, so a later 'his' does not go to a woman."""
    if group.gender is None and len({id(groups[m.index]) for m in found}) == 1:
        group.gender = gender


def _dateline_end(doc) -> int:
    """Token index where a wire dateline ends ('SAN FRANCISCO, Jan 22 -', 'PARIS (AFP) -'), else 0:
    the place of filing is where the story was written, never what 'it' or 'its' stands for."""
    span = dateline_span(doc, 0)
    return span[1] - 1 if span else 0


def _derived(m: Mention) -> bool:
    """A country mention read off a nationality adjective: an adjective is no antecedent."""
    return bool(m.attributes.get("derived_from"))


def _expletive(tok) -> bool:
    """'it is likely that ...', 'it was reported', 'it is expected', 'it emerged that': no entity
    behind 'it'. 'it had agreed to merge' has a complement too, but 'agree' needs an agent."""
    head = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    if head.lemma_ in RAISING_VERBS:
        return True
    if tok.dep_ == "nsubjpass":    # 'it was reported/expected (that ...)', unless an agent follows
        return not any(c.dep_ == "agent" for c in head.children) and head.lemma_ in REPORT_VERBS
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in head.children) and head.lemma_ in ("emerge", "transpire")


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
                     name_starts=frozenset(), ctx=None, proxies=()) -> list[Mention]:
    misparsed = tok.dep_ == "compound" and tok.head.lemma_.lower() in TIME_NOUNS   # 'annexed the emirate days later'
    renamed = any(c.dep_ == "appos" and not (tok.lemma_.lower() in ORG_NOUNS and (
        c.ent_type_ == "PERSON" or c.is_lower)) for c in tok.children)
    # ('a spokeswoman for the company, Jane Roe,' and 'the company, a miner,' rename no company)
    if (tok.dep_ == "compound" and not misparsed) or renamed:
        return []        # 'the president Jane Doe', 'the company, Acme': a name follows, no anaphor
    if (tok.head.ent_type_ == "PERSON" and tok.head.i > tok.i) or tok.i + 1 in name_starts:
        return []        # 'the patient group X': the noun describes the name after it
    det = [c for c in (tok.head if misparsed else tok).children if c.dep_ == "det" and c.lower_ == "the"
           and c.i < tok.i]
    owner = [c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$" and c.i < tok.i]
    if owner and not det and tok.lemma_.lower() in PERSON_NOUNS and tok.tag_ == "NN":
        return _owned_person(doc, tok, owner[0], names, groups, sent_index)    # 'his fast bowler'
    both = [c for c in tok.children if c.lower_ == "both" and c.dep_ in ("det", "predet", "amod", "nummod")]
    if (not det and not both) or any(c.dep_ == "prep" and c.lower_ in DESCRIBING_PREPOSITIONS
                                     and not _where_or_when(c) for c in tok.children):
        return []        # 'the leader of the opposition', 'the alliance with X' describe something new
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() not in ALIAS_VERBS
           and not (tok.dep_ in SUBJECT_DEPS and _aside(c)) for c in tok.children):
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
            if lemma != "leader" and not _has_title(g, lemma):
                return False
            return bool(nationality or g.titles)
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW, accept)
        if not found and lemma != "leader":      # 'the player' five sentences after 'forward X'
            found = _nearest_or_only(names, groups, sent_index, tok, accept)
        distinct: list[Mention] = []
        seen = set()
        for m in found:
            if id(groups[m.index]) not in seen:
                seen.add(id(groups[m.index]))
                distinct.append(m)
        return [_nominal(doc, start_tok, tok, distinct[0], sent_index)] if distinct else []
    if plural and lemma in COUNTRY_NOUNS and (both or any(c.lower_ in ("two", "both") for c in mods)) \
            and ctx is not None:     # 'Both countries', 'the two countries'
        return [_nominal(doc, start_tok, tok, m, sent_index, plural=True)
                for m in _two_countries(doc, tok, names, sent_index, ctx)]
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
    if lemma in RULER_NOUNS:
        if ctx is None:
            return []
        found = _ruled_country(doc, tok, nationality, list(names) + list(proxies), not_subject, sent_index, ctx)
        return [_nominal(doc, start_tok, tok, found, sent_index)] if found is not None else []
    if lemma == "body" and _corpse(tok):
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
                and country_index().country(m.name) is None and not _indefinite(doc, m)
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW, is_work)
        if not found and lemma in LONE_WORK_NOUNS:
            found = _nearest_or_only(names, groups, sent_index, tok, is_work)
        return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []
    if lemma in ORG_NOUNS:
        if ctx is None:
            return []
        found = _organisation(doc, tok, lemma, list(names) + list(proxies), not_subject, sent_index, ctx)
        found = [found] if found is not None else []
    elif ctx is not None and lemma in ctx.described and tok.dep_ != "appos":   # not 'X, the genocide archive'
        found = _described_before(tok, ctx.described[lemma], ctx.groups, not_subject)
    elif lemma in PLACE_NOUNS:
        want_country = lemma in COUNTRY_NOUNS
        found = _candidates(names, groups, sent_index, tok, NOMINAL_WINDOW,
                            lambda m, g: m.label == "GPE" and g is not not_subject
                            and (country_index().country(m.name) is not None) == want_country)
    else:
        found = []
    return [_nominal(doc, start_tok, tok, found[0], sent_index)] if found else []


def _indefinite(doc, m: Mention) -> bool:
    """'submit the album for a Grammy': a name after 'a'/'an' is a kind of thing, not one work."""
    return m.token_start > 0 and doc[m.token_start - 1].lower_ in ("a", "an")


def _corpse(tok) -> bool:
    """'police found the body', 'the body was recovered': a dead body, not a governing one."""
    verb = tok.head if tok.dep_ in OBJECT_DEPS | SUBJECT_DEPS else None
    return verb is not None and verb.lemma_.lower() in CORPSE_VERBS


def _two_countries(doc, tok, names, sent_index, ctx) -> list[Mention]:
    """'Both countries', 'the two countries': the two countries of the nearest sentence that
    speaks of two or more (by name, by a nationality adjective or by a capital city: 'the
    Egyptian minister ... to Nicosia'); nothing where that sentence has three."""
    index = country_index()
    s = sent_index[tok.i]
    for back in range(s, max(-1, s - NOMINAL_WINDOW - 1), -1):
        found: dict = {}
        for m in names:
            if sent_index[m.token_start] != back or m.token_end > tok.i or m.token_start < ctx.dateline:
                continue
            country = index.country(m.name) if m.label == "GPE" else None
            if country is None and m.label == "GPE" and index.is_capital(m.name):
                country = index.places.get(m.name.strip().casefold())
            if country is not None and country not in found:
                found[country] = _country_mention(names, country, m, tok, index)
        found = {c: m for c, m in found.items() if m is not None}
        if len(found) >= 2:
            return list(found.values()) if len(found) == 2 else []
    return []


def _country_mention(names, country: str, seen: Mention, tok, index) -> Optional[Mention]:
    """A mention that names ``country`` itself, nearest before ``tok`` (the one seen, if it does)."""
    named = [m for m in names if m.token_end <= tok.i and m.label == "GPE" and index.country(m.name) == country]
    plain = [m for m in named if not _derived(m)] or named
    return max(plain, key=lambda m: m.token_start) if plain else None


def _ruled_country(doc, tok, nationality, candidates, not_subject, sent_index, ctx) -> Optional[Mention]:
    """'the junta', 'the regime': the country it rules, as 'the Malian junta' says, or else the
    most salient country of the last few sentences (none if two are about as salient)."""
    index = country_index()
    seat = _seat_country(tok, index)      # 'the junta in Niamey'
    if seat is not None:
        named = [m for m in candidates if m.label == "GPE" and m.token_end <= tok.i and index.country(m.name) == seat]
        return max(named, key=lambda m: m.token_start) if named else None

    def weight(m):
        if m.label != "GPE" or m.token_start < ctx.dateline or ctx.groups[m.index] is not_subject:
            return 0
        country = index.country(m.name)
        return 0 if country is None or (nationality and country != nationality) else 1
    return _best_entity(doc, tok, candidates, ctx.key, weight, sent_index, NOMINAL_WINDOW)


def _seat_country(tok, index) -> Optional[str]:
    """The country whose capital follows 'in' after the noun ('the junta in Niamey'), else None."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for c in prep.children:
                if c.dep_ == "pobj" and index.is_capital(c.text):
                    return index.places.get(c.text.casefold())
    return None


def _described_nouns(doc, things: list[Mention], ctx) -> dict:
    """Nouns the text put next to a name of a thing to say what it is ('the tanker's agent,
    Kielwater Shipping', 'X, a Houston-based explorer'), with no meaning of their own here:
    'the agent' later is that name."""
    taken = PERSON_NOUNS | ORG_NOUNS | PLACE_NOUNS | WORK_NOUNS | FACILITY_NOUNS | RULER_NOUNS
    out: dict = {}
    for m in things:       # people too: a noun said of a person and of a firm is no firm's alone
        if m.token_start < ctx.dateline:
            continue
        for noun in _described_by(doc, m) - taken:
            out.setdefault(noun, []).append((m.token_start, ctx.key(m), m))
    return out


def _described_before(tok, described: list, groups, not_subject) -> list[Mention]:
    """The one entity the noun described before ``tok``; none if it described two."""
    earlier = [(i, key, m) for i, key, m in described if i < tok.i and groups[m.index] is not not_subject]
    if len({key for _, key, _ in earlier}) != 1:
        return []
    nearest = max(earlier, key=lambda x: x[0])[2]
    return [] if nearest.label == "PERSON" else [nearest]     # people are described by their titles


def _aside(clause) -> bool:
    """A relative clause set off by a comma ('The company, which is based in X,') adds a fact
    about a thing already known; it does not pick out a new one as 'the company that ...' does.
    Only trusted on a subject: after 'membership of the bloc, which ...' the clause may be the
    membership's."""
    first = clause.left_edge
    if not (first.i > 0 and first.doc[first.i - 1].text == ","):
        return False
    # 'The book, published in March by X, has sold': a participle clause set off by commas
    return first.lower_ in ("which", "who") or (clause.dep_ == "acl" and clause.tag_ == "VBN" and first.i == clause.i)


def _where_or_when(prep) -> bool:
    """'met the player in Sao Paulo': a place or a date after 'in' says where the verb happened,
    it does not describe the noun the parser hung it on."""
    return prep.lower_ == "in" and any(c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "DATE")
                                       for c in prep.children)


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
    if tok.dep_ == "poss" and tok.head.dep_ in OBJECT_DEPS - {"pobj"}:
        verb = tok.head.head     # 'X backed the carmaker's handling': the carmaker is not X
    elif tok.dep_ in OBJECT_DEPS - {"pobj"}:
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


# -- organisations: what kind a description names, and how salient each candidate is -----------
@dataclass(frozen=True)
class _Kind:
    """A kind of organisation: the nouns that describe it, the words in a name (or in the noun
    put next to a name) that show it, and the kinds a name may show without ruling it out (a
    name that shows a business may still be 'the carmaker')."""

    nouns: frozenset
    cues: frozenset
    near: frozenset = frozenset()   # kinds that do not speak against it ('the bloc' may be an Association)
    strict: bool = False      # only a name that shows the kind: 'the court' is never a company


def _kind(nouns: str, cues: str, near: str = "", strict: bool = False) -> _Kind:
    return _Kind(frozenset(nouns.split()), frozenset(cues.split()), frozenset(near.split()), strict)


ORG_KINDS = {
    "business": _kind("company firm manufacturer maker retailer startup giant conglomerate insurer publisher "
                      "producer miner developer operator grower exporter contractor corporation multinational",
                      "inc corp corporation co ltd llc llp plc sa ag gmbh holdings motors energy energi "
                      "resources systems technologies industries enterprises partners capital shipping farms "
                      "foods pharmaceuticals electronics mining petroleum steel lifesciences company firm "
                      "manufacturer maker retailer startup grower publisher publishing", near="carmaker airline bank"),
    "carmaker": _kind("carmaker automaker", "motors motor automobile automotive auto cars carmaker automaker",
                      near="business"),
    "airline": _kind("airline carrier", "airways airlines air aviation airline carrier", near="business"),
    "bank": _kind("bank lender", "bank banking bancorp lender", strict=True),
    "regulator": _kind("regulator watchdog", "regulator regulatory watchdog control standards authority "
                       "commission inspectorate supervisory oversight", near="agency"),
    "agency": _kind("agency authority administration department commission",
                    "agency organization organisation administration authority commission office service "
                    "bureau department directorate inspectorate ombudsman ombudsperson secretariat "
                    "regulator watchdog programme program", near="board ministry regulator"),
    "ministry": _kind("ministry", "ministry department", strict=True),
    "court": _kind("court tribunal", "court tribunal", strict=True),
    "union": _kind("union", "union unions workers federation confederation congress guild", strict=True),
    "alliance": _kind("alliance bloc pact coalition",
                      "alliance treaty pact coalition", near="association agency union board regulator"),
    "club": _kind("club team side", "fc cf club united city athletic atletico sporting rovers wanderers ac sc cd "
                  "real", strict=True),
    "party": _kind("party", "party", strict=True),
    "board": _kind("board council committee", "board council committee commission", strict=True),
    "university": _kind("university college", "university college", strict=True),
    "institute": _kind("institute", "institute institution", strict=True),
    "association": _kind("association federation league", "association federation league", strict=True),
    "charity": _kind("charity", "foundation trust charity relief aid rescue"),
    # 'the body' is a governing or representative body, never a company: only a name that shows one
    "body": _kind("body", "federation confederation association union council committee board commission "
                  "authority agency organization organisation league alliance institute community programme "
                  "program assembly parliament secretariat", strict=True),
    "media": _kind("newspaper broadcaster network publication daily channel magazine outlet",
                   "news times post journal daily tv television radio press herald telegraph gazette tribune "
                   "chronicle broadcasting media newspaper broadcaster network magazine", strict=True),
}
# Nouns that fit any organisation that is not a news outlet.
GENERIC_ORG_NOUNS = frozenset({"organisation", "organization", "group", "institution"})
# Nouns of people who work for a news outlet: 'a commentator for Sky Sports', 'Times critic X'.
MEDIA_PEOPLE = frozenset("""interview commentator reporter correspondent columnist editor critic journalist
presenter anchor broadcast report pundit""".split())
FIT_WEIGHT = (0.0, 1.0, 1.2)   # shows another kind / nothing against it / the kind itself
# An object 'it' needs an antecedent at least this salient: an object of its own sentence, or
# a full (not embedded) object of the sentence before.
OBJECT_IT_SALIENCE = 60.0
SALIENCE_MARGIN = 1.1     # the best candidate must beat the next one by this much, else nothing


def _kind_of_noun(lemma: str) -> Optional[str]:
    for name, kind in ORG_KINDS.items():
        if lemma in kind.nouns:
            return name
    return None


def _cue_kinds(words) -> set:
    """Kinds whose cue words occur among ``words`` (lower case)."""
    return {name for name, kind in ORG_KINDS.items() if kind.cues & words}


def _name_words(m: Mention) -> set:
    """The words of a name and of the long form it abbreviates ('WHO' -> World Health Organization)."""
    text = f"{m.name} {m.attributes.get('abbreviates', '')}"
    return {w.strip(".,'’()").casefold() for w in text.replace("-", " ").split()}


def _described_by(doc, m: Mention) -> set:
    """Common nouns the text puts next to a name to say what it is: 'Lumenary Inc, the cloud
    software company', 'energy group Equinor', 'MiningWatch, an Ottawa-based watchdog'."""
    root = doc.root(m.token_start, m.token_end)
    out = {c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.is_lower:
        out.add(root.head.lemma_.lower())
    for i in range(max(0, m.token_start - 3), m.token_start):
        t = doc[i]
        if t.pos_ == "NOUN" and t.is_lower and t.dep_ != "poss" and (t.head.i == root.i or root.head.i == t.i):
            out.add(t.lemma_.lower())
    return out


def _in_media_role(doc, m: Mention) -> bool:
    """A name in the place of a news outlet: 'in an interview with the BBC', 'told CNBC in an
    interview', 'a commentator for Sky Sports', 'Times critic X'."""
    root = doc.root(m.token_start, m.token_end)
    if root.dep_ == "pobj" and root.head.head.lemma_.lower() in MEDIA_PEOPLE:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in MEDIA_PEOPLE:
        return True
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        return any(t.lower_ == "interview" for t in doc[m.token_end:min(len(doc), m.token_end + 6)])
    return False


def _publishes(doc, m: Mention) -> bool:
    """'published by Brno-based Morava Press': a publishing house is a firm, whatever its name
    says ('Press' alone would make it a news outlet)."""
    root = doc.root(m.token_start, m.token_end)
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() == "publish"


def _entity_kinds(doc, members: list[Mention]) -> set:
    """Every kind an entity shows in its names, in the nouns that describe it, or by where it
    stands ('media' for the outlet of an interview)."""
    kinds: set = set()
    for m in members:
        kinds |= _cue_kinds(_name_words(m)) | _cue_kinds(_described_by(doc, m))
        if _in_media_role(doc, m):
            kinds.add("media")
        if _publishes(doc, m):
            kinds.add("business")
    return kinds


def _fit(kind: Optional[str], shown: set) -> int:
    """2 when the entity shows the kind the description names, 1 when it shows nothing against
    it, 0 when it shows another kind ('the carmaker' is no court, 'the company' no newspaper)."""
    if kind is None:                       # 'the organisation', 'the group': anything but an outlet
        return 0 if shown == {"media"} else 1
    if kind in shown:
        return 2
    if ORG_KINDS[kind].strict:
        return 0
    return 0 if shown - ORG_KINDS[kind].near - {"body"} else 1     # any body may be 'the agency' too


def _salience(doc, m: Mention, distance: int) -> float:
    """Lappin-Leass style weight of one mention: recent, a subject, not buried in another noun
    phrase; halved for every sentence back."""
    root = doc.root(m.token_start, m.token_end)
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head                   # 'Acme and Beta signed': both are subjects
    dep = root.dep_
    if dep in SUBJECT_DEPS:
        role = 80
    elif dep == "poss" and root.head.dep_ in SUBJECT_DEPS:
        role = 60
    elif dep in ("dobj", "attr", "oprd"):
        role = 50
    elif dep in ("pobj", "dative", "agent"):
        role = 40
    else:
        role = 20
    adverbial = dep == "pobj" and root.head.head.pos_ in ("VERB", "AUX")     # 'met in Paris'
    return (100 + role + (0 if _buried(doc, m) else 80) + (0 if adverbial else 50)) * 0.5 ** distance


def _buried(doc, m: Mention) -> bool:
    """Inside another noun phrase ('Boeing 787s', 'a member of NATO', 'Fresno-based'), where a
    name is less likely to be taken up again."""
    root = doc.root(m.token_start, m.token_end)
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("compound", "poss", "nmod", "npadvmod", "amod") or (
        root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN"))


def _best_entity(doc, tok, candidates, key_of, weight, sent_index, window, minimum=0.0) -> Optional[Mention]:
    """The candidate entity with the most salience (summed over its mentions in the window, times
    ``weight``), or None when the runner-up is about as plausible: two companies just named side
    by side leave 'the company' unresolved. Returns that entity's nearest mention."""
    s = sent_index[tok.i]
    score: dict = {}
    nearest: dict = {}
    last_end: dict = {}
    for m in sorted(candidates, key=lambda m: m.token_start):
        if m.token_end > tok.i:
            continue
        k = key_of(m)
        if _restated(last_end.get(k), m):
            continue          # 'the Economic Community of West African States (ECOWAS)' is one mention
        last_end[k] = m.token_end
        # the entity's fullest name, nearest first: 'Granite Peak Resources' rather than 'Peak'
        if k not in nearest or (len(m.name), m.token_start) > (len(nearest[k].name), nearest[k].token_start):
            nearest[k] = m
        distance = s - sent_index[m.token_start]
        w = weight(m) if distance <= window else 0
        if w > 0:
            score[k] = score.get(k, 0.0) + w * _salience(doc, m, distance)
    if not score:
        return None
    ranked = sorted(score, key=lambda k: -score[k])
    if len(ranked) > 1 and score[ranked[0]] < SALIENCE_MARGIN * score[ranked[1]]:
        return None
    return nearest[ranked[0]] if score[ranked[0]] >= minimum else None


def _restated(previous_end: Optional[int], m: Mention) -> bool:
    """A name right after another name of the same entity, as an abbreviation in brackets."""
    return previous_end is not None and 0 <= m.token_start - previous_end <= 2


@dataclass
class _Context:
    """What every anaphor of one document is resolved against, worked out once."""

    doc: object
    groups: dict
    keys: dict                 # group id -> entity key (a short form joins its long form)
    dateline: int
    _kinds: dict = field(default_factory=dict)
    described: dict = field(default_factory=dict)    # noun -> [(token, key, mention)] it described

    def key(self, m: Mention) -> int:
        g = id(self.groups[m.index])
        return self.keys.get(g, g)

    def kinds(self, m: Mention) -> set:
        """Kinds the entity of ``m`` shows anywhere in the document (see ``_entity_kinds``)."""
        k = self.key(m)
        if k not in self._kinds:
            members = [x for g in self.groups.values() if self.keys.get(id(g), id(g)) == k for x in g.members]
            unique = {x.index: x for x in members}
            self._kinds[k] = _entity_kinds(self.doc, list(unique.values()))
        return self._kinds[k]


def _entity_keys(names: list[Mention], groups: dict) -> dict:
    """Group id -> one key per entity: an abbreviation joins its long form ('WHO'), a shorter
    name inside a longer one of the same type joins it ('Volta' / 'Volta Shipping')."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def join(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    by_name = {m.name: id(groups[m.index]) for m in names}
    things = [m for m in names if m.label != "PERSON"]
    for m in things:
        long = m.attributes.get("abbreviates")
        if long in by_name:
            join(id(groups[m.index]), by_name[long])
    by_initials: dict[str, list[Mention]] = {}
    for long in things:
        by_initials.setdefault(_initials(long.name), []).append(long)
    for short in things:
        for long in by_initials.get(short.name, ()):
            if short.name != long.name:
                join(id(groups[short.index]), id(groups[long.index]))    # 'WHO' / 'World Health Organization'
    words = {m.name: m.name.split() for m in things}
    labels = {m.name: m.label for m in things}
    for short, sw in sorted(words.items(), key=lambda kv: -len(kv[1])):     # longest first
        if labels[short] != "ORG":
            continue
        longer = [long for long, lw in words.items()
                  if len(sw) < len(lw) and labels[long] == "ORG"
                  and any(lw[i:i + len(sw)] == sw for i in range(len(lw) - len(sw) + 1))]
        if longer and len({find(by_name[long]) for long in longer}) == 1:
            join(by_name[short], by_name[longer[0]])    # 'Thornbury' inside two different names joins neither
    return {g: find(g) for g in set(by_name.values())}


def _initials(name: str) -> str:
    """'World Health Organization' -> 'WHO' (small words left out); '' for a one-word name."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _proxies(added: list[Mention]) -> list[Mention]:
    """Resolved descriptions and pronouns as stand-ins for their names: where they stand counts
    for salience ('the bank ... The bank, which ...'), what they point at is their antecedent."""
    return [replace(m, index=m.antecedent, kind="name") for m in added
            if m.antecedent is not None and not m.attributes.get("plural")]


def _clause_verb(tok):
    """The verb of the clause a word sits in: 'imposed sanctions on it' -> imposed."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _subject_tokens(verb) -> set:
    """Tokens of the subject of ``verb`` (with what is compounded or set beside it: 'WHO spokesman
    Jane Roe'), following 'and'/'to' clauses up to the verb that has one."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return {i for s in subjects for i in _core(s)}
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return set()


def _speaker_tokens(tok) -> set:
    """Subjects of the verbs whose said or reported clause a description is an argument of: in
    'Bellona criticized Equinor, saying the company ...' the company is not Bellona, which would
    have said 'it' or 'we'. A possessor ('the carmaker's plant') is left alone."""
    if tok.dep_ not in SUBJECT_DEPS and tok.dep_ not in OBJECT_DEPS:
        return set()
    verb = _clause_verb(tok)
    through_adjunct = False
    for _ in range(4):
        if verb is None or verb.dep_ not in ("ccomp", "advcl", "xcomp") or verb.head.i == verb.i:
            return set()
        through_adjunct = through_adjunct or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        verb = verb.head
        subjects = [c.i for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:      # only a speaker of a participle adjunct: 'X confirmed that Y joined the club' may be X
            return {i for j in subjects for i in _core(verb.doc[j])} if through_adjunct else set()
    return set()


def _core(tok) -> set:
    """A noun phrase without its clauses and prepositional phrases: 'the AU, headquartered in
    Addis Ababa,' is the AU; 'WHO spokesman Jane Roe' keeps WHO."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ in ("compound", "appos", "amod", "nmod", "conj", "cc", "det", "punct"):
            out |= _core(c)
    return out


def _mentions_at(candidates: list[Mention], tokens: set, doc) -> list[Mention]:
    return [m for m in candidates if doc.root(m.token_start, m.token_end).i in tokens]


def _object_it(doc, tok, candidates, sent_index, ctx) -> Optional[Mention]:
    """Object 'it' ('X criticized the novel, but Y endorsed it', 'imposed sanctions on it'): the
    most salient thing of this or the last sentence, never the subject of its own clause (that
    would be 'itself'), and nothing when it names what follows ('calling it "baseless"')."""
    head = tok.head
    if head.lemma_.lower() in NAMING_VERBS or any(
            (c.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"))
            and c.i > tok.i for c in head.children):
        return None     # 'calling it "baseless"', 'justifying it as a defence'
    if head.dep_ == "advcl" and head.tag_ == "VBG" and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" for c in head.head.children):
        return None     # 'launched an invasion of X, defending it': 'it' is the invasion, not X
    verb = _clause_verb(tok)
    own = {ctx.key(m) for m in _mentions_at(candidates, _subject_tokens(verb), doc)} if verb is not None else set()

    def weight(m):
        if m.label not in THING_LABELS or _derived(m) or m.token_start < ctx.dateline or ctx.key(m) in own:
            return 0
        if "media" in ctx.kinds(m):
            return 0
        root = doc.root(m.token_start, m.token_end)
        if root.dep_ not in ("dobj", "pobj", "conj", "appos", "dative"):
            return 0     # an object 'it' takes up an object: 'criticized the novel ... endorsed it'
        return 0.5 if _buried(doc, m) else 1.0
    return _best_entity(doc, tok, candidates, ctx.key, weight, sent_index, 1, minimum=OBJECT_IT_SALIENCE)


def _controller(doc, tok, found: list[Mention]) -> Optional[Mention]:
    """Who 'its' belongs to when its clause says so: the subject of its own verb ('Kuwait marked
    the anniversary of its liberation'), or the agent of the noun an infinitive hangs from ('an
    attempt by Volta to lift an order on its tankers')."""
    verb = _clause_verb(tok)
    if verb is None:
        return None
    tokens = _subject_tokens(verb)
    if tok.head.i in tokens or tok.i in tokens:
        return _body_speaking(doc, verb, found)   # 'its leader said': the subject is what it owns
    if not tokens and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        tokens = {t.i for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "by"
                  for c in p.children if c.dep_ == "pobj" for t in c.subtree}
    own = sorted(_mentions_at(found, tokens, doc), key=lambda m: -m.token_start)
    return own[0] if own else None


# Verbs by which a body reports what it does ('said its teams were ...').
BODY_REPORT_VERBS = frozenset("say announce confirm report state add warn explain".split())


def _body_speaking(doc, verb, found: list[Mention]) -> Optional[Mention]:
    """'Acme, which runs clinics near Sukkur, said its teams were ...': 'its' in the subject of a
    clause an organisation says is most likely the organisation's own."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in BODY_REPORT_VERBS:
        return None
    own = [m for m in _mentions_at(found, _subject_tokens(verb.head), doc) if m.label == "ORG"]
    return own[0] if len(own) == 1 else None


def _speaker_unnamed(doc, tok, found: list[Mention]) -> bool:
    """'the office had received a complaint but would not say when it would decide': the one who
    says is a singular description nothing was resolved to ('regulators' would be 'they'), and
    'it' is most likely that; link nothing."""
    verb = _clause_verb(tok)
    if verb is None or verb.dep_ != "ccomp":
        return False
    said = _subject_tokens(verb.head)
    heads = [doc[i] for i in said if doc[i].dep_ in SUBJECT_DEPS]
    return bool(heads) and all(h.tag_ == "NN" and h.is_lower and h.lemma_.lower() not in PERSON_NOUNS
                               and not _mentions_at(found, {h.i}, doc) for h in heads)


def _has_title(g: _Group, lemma: str) -> bool:
    """A person's title fits the noun: 'the coach' a coach, 'the player' any playing position."""
    return lemma in g.titles or (lemma == "player" and bool(g.titles & PLAYER_POSITIONS))


def _owned_person(doc, tok, owner, names, groups, sent_index) -> list[Mention]:
    """'Haider backed his fast bowler': the one person the text gave that title, not the owner
    (the subject whose 'his' it is)."""
    verb = _clause_verb(tok)
    own = {id(groups[m.index]) for m in _mentions_at(names, _subject_tokens(verb), doc)} if verb is not None else set()
    lemma = tok.lemma_.lower()
    found = _nearest_or_only(names, groups, sent_index, tok,
                             lambda m, g: m.label == "PERSON" and id(g) not in own and _has_title(g, lemma))
    if len({id(groups[m.index]) for m in found}) != 1:
        return []
    start = min([owner.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i])
    return [_nominal(doc, start, tok, found[0], sent_index)]


def _organisation(doc, tok, lemma, candidates, not_subject, sent_index, ctx) -> Optional[Mention]:
    """'the agency', 'the carmaker's', 'the alliance': the most salient organisation of the last few
    sentences that fits the kind; an organisation whose name shows the kind, if it is the only
    one named so far, wins over nearer ones that show nothing ('the carrier' is the Airways)."""
    kind = _kind_of_noun(lemma)
    speakers = {ctx.key(m) for m in _mentions_at(candidates, _speaker_tokens(tok), doc)}

    barred = {ctx.key(m) for m in candidates if ctx.groups[m.index] is not_subject}

    def weight(m):
        if m.label != "ORG" or m.token_start < ctx.dateline or ctx.key(m) in barred:
            return 0
        if ctx.key(m) in speakers:
            return 0
        return FIT_WEIGHT[_fit(kind, ctx.kinds(m))]
    best = _best_entity(doc, tok, candidates, ctx.key, weight, sent_index, NOMINAL_WINDOW)
    if best is not None and weight(best) == FIT_WEIGHT[2]:
        return best
    earlier = [m for m in candidates if m.token_end <= tok.i and weight(m) > 0]
    fitting = [m for m in earlier if weight(m) == FIT_WEIGHT[2]]
    if len({ctx.key(m) for m in fitting}) != 1:
        return best
    if best is not None:     # a nearer one that shows nothing, unless the fitting one is the topic
        if any(sent_index[tok.i] - sent_index[m.token_start] <= NOMINAL_WINDOW for m in fitting):
            return best
        count = [sum(ctx.key(m) == ctx.key(x) for m in earlier) for x in (fitting[0], best)]
        if count[0] < 2 * count[1]:
            return best
    return max(fitting, key=lambda m: m.token_start)
