"""Entity resolution: every name mention of every document mapped to one entity with a stable id.

Names are grouped by a comparison key (case, dots, articles ignored; countries by their
canonical name, so "US", "U.S." and "United States" are one key), separately for persons and
for everything else, so a person and a place called "Washington" never meet. Short forms then
join a long form only when exactly one long form fits, first within their own document, then
in the corpus: a surname or first name joins the one full name that has it (shared by several
people of one text, the one named so far and mentioned last), an acronym the one
name whose initials it is, a surname of several words ("El Amrani") the full name ending in it,
"the Falklands" the island group "Falkland Islands" (a short organisation name never joins a
long one that is another body: 'X Union' / 'X Union Commission', 'Y' / 'University of Y'), and a name the text introduces as another
name ("Long Form (LF)", "which it calls Z") the name it stands for. Each join goes straight to a
full name, never through another short form, so chains (A~B, B~C) are not built. The type is a
vote over all mentions, where a label proven by the words around a mention (``label_cue``)
counts three times. Documents are processed in id order and every tie is broken by a sort, so any
input order gives the same ids. Every look-up is a dict or set index (by surname, initials, word,
tail), so resolution stays linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

from .model import DocumentExtraction, Entity, Merge, Mention, Resolution
from .entities.names import SURNAME_PARTICLES, first_name_gender, short_first_names, initials, looks_like_acronym, normalize, slug
from .entities.places import country_index

# Order used to break a tie in the type vote: the more specific reading first.
TYPE_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                 "LANGUAGE", "NORP")
SKIP_ATTRIBUTES = frozenset({"derived_from", "plural", "abbreviates", "alias_of", "label_cue"})
# A label a context rule proved ('the law firm X', 'X coach Y') outweighs the model's guesses.
CUE_VOTE = 3
ISLAND_WORDS = frozenset({"islands", "isles"})
# Legal-form words after a company's name: 'Acme Inc' is 'Acme' when no other 'Acme <form>' exists.
# Head nouns of a body inside or under another: 'African Union Commission' is not the 'African
# Union', 'Boeing Commercial Airplanes' not 'Boeing', 'Amazon Web Services' not 'Amazon'; a
# university's or a firm's press, hospital, museum or library is an organisation of its own.
SUBORGANISATION_HEADS = frozenset("""commission council committee court board secretariat assembly parliament
university college school institute academy foundation division unit arm branch services airplanes aircraft
engines aerospace fund programme program agency
press publishing publishers publications hospital hospitals clinic museum library gallery archives
observatory orchestra laboratory laboratories
""".split())
NAME_PREPOSITIONS = frozenset("of on for".split())
# What a firm makes or a text names after it, never the firm itself: a product, a work, a law
# (an event keeps its short form: "the Booker" is the prize).
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW"})
CORPORATE_SUFFIXES = frozenset("inc incorporated ltd limited corp corporation plc ag sa nv gmbh llc co group "
                               "holdings".split())

Key = tuple[str, str]     # (coarse class PERSON|OTHER, comparison key)


def resolve_entities(extractions: list[DocumentExtraction]) -> Resolution:
    """Entities with stable ids, and (document id, mention index) -> entity id for every mention."""
    extractions = sorted(extractions, key=lambda x: x.document.id)
    # every name mention with its key; short forms get a target key (and the rule that joined them)
    keyed: list[tuple[str, Mention, Key]] = []
    per_doc: dict[str, list[tuple[Mention, Key]]] = defaultdict(list)
    for x in extractions:
        for m in x.mentions:
            if m.kind == "name":
                k = mention_key(m)
                keyed.append((x.document.id, m, k))
                per_doc[x.document.id].append((m, k))
    target: dict[tuple[str, int], tuple[Key, str]] = {}
    undecided: list[tuple[str, Mention, Key]] = []
    defined = _abbreviations(per_doc)
    for doc_id, items in per_doc.items():
        first_seen: dict[Key, int] = {}
        for m, k in sorted(items, key=lambda mk: mk[0].start):
            first_seen.setdefault(k, m.start)
        finder = _LongForms(first_seen)
        labels: dict[Key, set[str]] = defaultdict(set)
        for m, k in items:
            labels[k].add(m.label)
        here = defined.get(doc_id, {})
        countries = sorted({k for m, k in items if canonical_country(m)})
        last_seen: dict[Key, int] = {}
        for m, k in sorted(items, key=lambda mk: mk[0].start):
            if k in here:
                target[(doc_id, m.index)] = here[k]
                last_seen[here[k][0]] = m.start
                continue
            fuller = _fuller_country(m, k, countries)
            if fuller:
                target[(doc_id, m.index)] = (fuller, "short country name, fuller one in the document")
                continue
            hits, rule = finder.hits(m, k)
            if rule == "short form of an organisation":
                hits = {h for h in hits if not labels[h] <= THING_LABELS}   # 'Acme' is not 'Acme Vault' the app
            if len(hits) > 1 and rule in ("surname", "first name"):
                hits, rule = _shared_name_holder(hits, m.start, first_seen, last_seen), f"{rule} shared, the nearest holder"
            if len(hits) == 1:
                target[(doc_id, m.index)] = (next(iter(hits)), f"{rule} (document)")
                last_seen[next(iter(hits))] = m.start
                continue
            if not hits and (rule or _maybe_mistyped_surname(m, k)):
                undecided.append((doc_id, m, k))
            last_seen[k] = m.start
    corpus = _LongForms({k: 0 for _, _, k in keyed})
    corpus_defined: dict[Key, set[Key]] = defaultdict(set)
    for pairs in defined.values():
        for short, (long, _) in pairs.items():
            corpus_defined[short].add(long)
    for doc_id, m, k in undecided:
        if len(corpus_defined.get(k, ())) == 1:
            target[(doc_id, m.index)] = (next(iter(corpus_defined[k])), "name given in the text (corpus)")
            continue
        hits, rule = corpus.hits(m, k)
        if not hits and _maybe_mistyped_surname(m, k):
            hits, rule = corpus.mistyped_surname(k), "surname of a person, mistyped"
        if len(hits) == 1 and rule not in ("short form of an organisation", "short form of a first name"):
            target[(doc_id, m.index)] = (next(iter(hits)), f"{rule} (corpus)")

    members: dict[Key, list[tuple[str, Mention, str]]] = defaultdict(list)
    for doc_id, m, k in keyed:
        final, rule = target.get((doc_id, m.index), (k, ""))
        members[final].append((doc_id, m, rule))

    entities = [_entity(key, items) for key, items in sorted(members.items())]
    _assign_ids(entities)
    by_key = {e._key: e for e in entities}  # type: ignore[attr-defined]
    by_id = {e.id: e for e in entities}

    mention_entity: dict[tuple[str, int], str] = {}
    for key, items in members.items():
        for doc_id, m, _ in items:
            mention_entity[(doc_id, m.index)] = by_key[key].id
    for x in extractions:
        doc_id = x.document.id
        for m in x.mentions:
            if m.kind != "name" and m.antecedent is not None and (doc_id, m.antecedent) in mention_entity:
                eid = mention_entity[(doc_id, m.antecedent)]
                mention_entity[(doc_id, m.index)] = eid
                by_id[eid].mentions += 1
                by_id[eid].spans.append(_span(doc_id, m))
    for e in entities:
        e.spans.sort(key=lambda s: (s["document"], s["start"], s["end"], s["text"]))
        del e._key  # type: ignore[attr-defined]
    return Resolution(entities=sorted(entities, key=lambda e: e.id), mention_entity=mention_entity)


def mention_key(m: Mention) -> Key:
    """(coarse class, comparison key): countries under their canonical name."""
    coarse = "PERSON" if m.label == "PERSON" else "OTHER"
    if coarse == "OTHER":
        country = canonical_country(m)
        if country:
            return coarse, normalize(country)
    return coarse, normalize(m.name)


def canonical_country(m: Mention) -> Optional[str]:
    return _canonical_country(m.name, m.label)


@lru_cache(maxsize=1 << 16)
def _canonical_country(name: str, label: str) -> Optional[str]:
    """Cached: a corpus repeats the same few names in every document."""
    if label == "PERSON":
        return None
    if looks_like_acronym(name) and label not in ("GPE", "LOC"):
        return None      # an all-capitals ORG ('IT', 'AI') is not a country code
    return country_index().country(name)


def _fuller_country(m: Mention, key: Key, countries: list[Key]) -> Optional[Key]:
    """'Congo' in a text about the 'Democratic Republic of Congo' is that country, not its namesake."""
    if " " in m.name or not canonical_country(m):
        return None
    word = normalize(m.name)
    fits = [k for k in countries if k != key and word in k[1].split()]
    return fits[0] if len(fits) == 1 else None


def _abbreviations(per_doc) -> dict[str, dict[Key, tuple[Key, str]]]:
    """Per document: short key -> (long key, rule), from 'Long Form (LF)' and from an alias the
    text introduces ('the islands, which it calls the Malvinas')."""
    out: dict[str, dict[Key, tuple[Key, str]]] = {}
    for doc_id, items in per_doc.items():
        key_of = {}
        for m2, k2 in items:
            key_of.setdefault(m2.name, k2)
        for m, k in items:
            for attr, rule in (("abbreviates", "abbreviation in parentheses (document)"),
                               ("alias_of", "other name given in the text (document)")):
                long = m.attributes.get(attr)
                long_key = key_of.get(long) if long else None
                if long_key and long_key != k:
                    out.setdefault(doc_id, {})[k] = (long_key, rule)
    return out


# -- short forms ------------------------------------------------------------------------------
class _LongForms:
    """The long forms a short form could join: full person names by first and last word,
    multi-word names by their initials, organisation names by the words they contain."""

    def __init__(self, keys):
        self.by_token: dict[str, set[Key]] = defaultdict(set)
        self.by_first: dict[str, set[Key]] = defaultdict(set)
        self.by_first_last: dict[tuple[str, str], set[Key]] = defaultdict(set)
        self.by_initials: dict[str, set[Key]] = defaultdict(set)
        self.org_words: dict[str, set[Key]] = defaultdict(set)
        self.island_plurals: dict[str, set[Key]] = defaultdict(set)
        self.by_tail: dict[str, set[Key]] = defaultdict(set)
        self.by_bare: dict[str, set[Key]] = defaultdict(set)
        self.by_short_first: dict[str, set[Key]] = defaultdict(set)
        for key in keys:
            parts = key[1].split()
            if len(parts) < 2:
                continue
            if key[0] == "OTHER" and parts[-1] in CORPORATE_SUFFIXES:
                self.by_bare[" ".join(parts[:-1]).rstrip(",")].add(key)
            if key[0] == "OTHER" and len(parts) == 2 and parts[1] in ISLAND_WORDS:
                for plural in _plurals(parts[0]):
                    self.island_plurals[plural].add(key)
            if key[0] == "PERSON":
                self.by_token[parts[-1]].add(key)
                self.by_first[parts[0]].add(key)
                for short in short_first_names(parts[0]):
                    self.by_short_first[short].add(key)
                if len(parts) > 2:
                    self.by_first_last[(parts[0], parts[-1])].add(key)
                    for k in range(1, len(parts) - 1):   # 'el amrani', 'montes de oca'
                        self.by_tail[" ".join(parts[k:])].add(key)
            else:
                self.by_initials[initials(key[1]).casefold()].add(key)
                for p in parts:
                    self.org_words[p].add(key)

    def mistyped_surname(self, key: Key) -> set[Key]:
        """Full person names with this surname, unless the word also names an organisation."""
        word = key[1]
        if self.org_words.get(word):
            return set()
        return set(self.by_token.get(word, set()))

    def hits(self, m: Mention, key: Key) -> tuple[set[Key], str]:
        """Long forms fitting mention ``m`` and the rule that says so ('' when no rule applies)."""
        parts = key[1].split()
        if key[0] == "PERSON" and len(parts) == 1:
            if self.by_token.get(parts[0]):
                return set(self.by_token[parts[0]]), "surname"
            if self.by_first.get(parts[0]):
                return set(self.by_first[parts[0]]), "first name"
            return set(self.by_short_first.get(parts[0], set())), "short form of a first name"
        if key[0] == "PERSON" and len(parts) >= 2:
            fits = set() if len(parts) > 2 else self.by_first_last.get((parts[0], parts[-1]), set()) - {key}
            if fits:
                return fits, "first and last name"
            if parts[0] in SURNAME_PARTICLES or not first_name_gender(m.name.split()[0]):
                return {k for k in self.by_tail.get(key[1], set()) if k != key}, "surname of several words"
            return set(), "first and last name"
        if key[0] == "OTHER" and len(parts) == 1 and self.island_plurals.get(parts[0]):
            return set(self.island_plurals[parts[0]]) - {key}, "plural short form of an island group"
        if key[0] != "OTHER" or canonical_country(m):
            return set(), ""
        if self.by_bare.get(key[1]) and not country_index().is_place(m.name):
            return set(self.by_bare[key[1]]) - {key}, "name without its corporate suffix"
        if looks_like_acronym(m.name):
            return self.by_initials.get(key[1].replace(" ", ""), set()) - {key}, "acronym"
        if m.label == "ORG" and len(parts) <= 2:
            # 'Volta' for 'Volta Shipping', 'Treasury' for 'US Treasury Department'
            # intersect from the rarest word, so a common word ('group') costs nothing
            pools = sorted((self.org_words.get(p, set()) for p in parts), key=len)
            fits = set(pools[0]).intersection(*pools[1:]) if pools else set()
            fits = {k for k in fits if k != key and _contiguous(parts, k[1].split())
                    and not _distinct_body(parts, k[1].split())}
            return _outermost(fits), "short form of an organisation"
        return set(), ""


def _shared_name_holder(holders: set[Key], at: int, first_seen: dict[Key, int],
                        last_seen: dict[Key, int]) -> set[Key]:
    """A bare name two people of one text share ('Choi' for 'Choi Dong-ha' and 'Choi Jae-won') is
    the one named so far; of several named so far, the one mentioned last (a reporter writes the
    bare name right after the person it means); before any of them, the first one named after it.
    A name of its own would be a node for nobody."""
    before = [h for h in holders if first_seen[h] < at]
    if before:
        return {max(before, key=lambda h: (last_seen.get(h, first_seen[h]), h))}
    return {min(holders, key=lambda h: (first_seen[h], h))}


def _outermost(fits: set[Key]) -> set[Key]:
    """Nested long forms of one body ('Treasury' in 'U.S. Treasury' and 'U.S. Treasury Department')
    are one candidate: the longest, which the shorter joins itself. Different bodies ('African
    Union' and 'African Union Commission') stay two, and the short form stays ambiguous."""
    if len(fits) < 2:
        return fits
    inner = {a for a in fits for b in fits if a != b and _contiguous(a[1].split(), b[1].split())
             and not _distinct_body(a[1].split(), b[1].split())}
    return fits - inner


def _maybe_mistyped_surname(m: Mention, key: Key) -> bool:
    """A one-word name typed ORG/GPE/... that is no known place: perhaps a person's surname."""
    return (key[0] == "OTHER" and " " not in key[1] and m.label not in ("LOC", "FAC")
            and not m.name.isupper() and not country_index().is_place(m.name)
            and not m.attributes.get("abbreviates") and not m.attributes.get("alias_of"))


def _plurals(word: str) -> set[str]:
    """'falkland' -> falklands; 'canary' -> canaries: how an island group's short form is written."""
    out = {word + "s", word + "es"}
    if word.endswith("y"):
        out.add(word[:-1] + "ies")
    return out


def _distinct_body(short: list[str], long: list[str]) -> bool:
    """The long name is another body than the short one: the short one is only what follows 'of'
    ('Cajamarca' in 'National University of Cajamarca'), or the long one adds its own head noun
    to a complete name ('African Union' + 'Commission', 'Boeing' + 'Commercial Airplanes')."""
    n = len(short)
    at = [i for i in range(len(long) - n + 1) if long[i:i + n] == short]
    if at and all("of" in long[:i] for i in at):
        return True
    if long[:n] != short:
        return False
    rest = long[n:]
    return _head_word(rest) in SUBORGANISATION_HEADS and (n > 1 or len(rest) > 1)


def _head_word(words: list[str]) -> str:
    """The head noun of a name: its last word before a preposition ('committee' in 'Committee on
    Energy and Natural Resources'), else its last word."""
    cut = next((i for i, w in enumerate(words) if w in NAME_PREPOSITIONS), len(words))
    return words[cut - 1] if cut > 0 else words[-1]


def _contiguous(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1)) and n < len(long)


# -- entities ---------------------------------------------------------------------------------
def _entity(key: Key, items: list[tuple[str, Mention, str]]) -> Entity:
    mentions = [m for _, m, _ in items]
    docs = sorted({d for d, _, _ in items})
    name = _best_name(key, mentions)
    etype = _vote_type(key, mentions)
    surface = sorted({m.name for m in mentions if not m.attributes.get("derived_from")} - {name}, key=str.casefold)
    merges: list[Merge] = []
    joined: dict[str, set[str]] = defaultdict(set)
    for _, m, rule in items:
        if rule:
            joined[rule].add(m.name)
    for rule in sorted(joined):
        merges.append(Merge(rule=rule, names=sorted(joined[rule]) + [name]))
    variants = sorted({" ".join(m.text.split()) for m in mentions if not m.attributes.get("derived_from")
                       and normalize(m.name) == key[1]} | {m.name for m in mentions if normalize(m.name) == key[1]})
    if len(variants) > 1:
        merges.insert(0, Merge(rule="same name (case, article, possessive variants)", names=variants))
    codes = sorted({m.name for m in mentions if normalize(m.name) != key[1] and canonical_country(m)
                    and not m.attributes.get("derived_from")})
    if codes:
        merges.insert(0, Merge(rule="country name or code (pycountry/countryinfo)", names=codes + [name]))
    demonyms = sorted({m.text for m in mentions if m.attributes.get("derived_from")})
    if demonyms:
        merges.append(Merge(rule="nationality adjective for the country", names=demonyms + [name]))
    attributes: dict[str, list] = {}
    for m in mentions:
        for k, v in m.attributes.items():
            if k in SKIP_ATTRIBUTES or v in (None, ""):
                continue
            vals = attributes.setdefault(k, [])
            if v not in vals:
                vals.append(v)
    e = Entity(
        id="", name=name, type=etype, aliases=surface, mentions=len(mentions), documents=docs,
        spans=[_span(d, m) for d, m, _ in items],
        merges=merges, attributes={k: sorted(v, key=str) for k, v in sorted(attributes.items())},
    )
    e._key = key  # type: ignore[attr-defined]
    return e


def _best_name(key: Key, mentions: list[Mention]) -> str:
    """The fullest proper name: a country's canonical name, else most words, most used, longest."""
    for m in mentions:
        if m.attributes.get("derived_from"):
            return m.name
        country = canonical_country(m) if key[0] == "OTHER" else None
        if country and normalize(country) == key[1]:
            return country
    counts = Counter(m.name for m in mentions if normalize(m.name) == key[1]) or Counter(m.name for m in mentions)
    return sorted(counts, key=lambda n: (-len(n.split()), n.isupper() and " " in n, -counts[n], -len(n), n))[0]


def _vote_type(key: Key, mentions: list[Mention]) -> str:
    if key[0] == "PERSON":
        return "PERSON"
    if any(canonical_country(m) for m in mentions) or any(m.attributes.get("derived_from") for m in mentions):
        return "GPE"
    votes: Counter = Counter()
    for m in mentions:
        if m.label != "PERSON":
            votes[m.label] += CUE_VOTE if m.attributes.get("label_cue") else 1
    votes = votes or Counter(["ORG"])
    rank = {t: i for i, t in enumerate(TYPE_PRIORITY)}
    return sorted(votes, key=lambda t: (-votes[t], rank.get(t, len(rank)), t))[0]


def _assign_ids(entities: list[Entity]) -> None:
    """`<type>:<slug>`; a collision takes -2, -3 in the order of the entities' keys."""
    taken: Counter = Counter()
    for e in sorted(entities, key=lambda e: (e.type, slug(e.name), e._key)):  # type: ignore[attr-defined]
        base = f"{e.type.lower()}:{slug(e.name)}"
        taken[base] += 1
        e.id = base if taken[base] == 1 else f"{base}-{taken[base]}"


def _span(doc_id: str, m: Mention) -> dict:
    return {"document": doc_id, "start": m.start, "end": m.end, "text": m.span.text}
