"""Typing names from the words around them, over the small model's guess.

A surname of a person named in the same document is a PERSON; a known country is a GPE; "the
annexation of X" makes X a place; "the law firm X", "X coach Jane Doe", "signed for X", "X
denied the report", "Bergen-based", "the Moon's south pole" type X. A mention typed by context
carries ``label_cue`` (the rule's name) so resolution can weigh it above the model's labels.
Every rule is about English words and shapes, never about particular names.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from ..model import Mention
from ..nlp import dateline_at
from .doc_view import view_of
from .name_spans import CLUB_AFFIXES, PERSON_ATTRIBUTES, PLACE_LABELS, is_quoted
from .names import (is_language_shaped, CLUB_ROLE_NOUNS, JOIN_VERBS, ORG_KIND_NOUNS, ORG_ROLE_NOUNS, PLACE_KIND_NOUNS, SPEAKER_VERBS,
                    SURNAME_PARTICLES, first_name_gender, is_english_verb, is_role, is_title)

CREATOR_NOUNS = frozenset("author writer composer screenwriter novelist poet".split())
WORK_NOUNS = frozenset("""novel book film movie album song play paper study report series documentary
poem memoir biography opera painting""".split())
# Labels the small model gives a person's bare surname by mistake.
SURNAME_MISLABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE"})
# "the annexation of X", "the capital of X": X is a territory.
TERRITORY_HEADS = frozenset({"annexation", "invasion", "occupation", "capital", "province", "region",
                             "citizen", "people", "resident", "independence", "liberation", "border",
                             "territory", "sovereignty", "president", "prime", "king", "queen",
                             # "the northern town of X", "the city of X"
                             "town", "city", "village", "municipality", "enclave"})
# "annexed X", "invaded X": what a state annexes or invades is a territory.
TERRITORY_VERBS = frozenset({"annex", "invade", "occupy", "conquer", "reconquer"})
RIVER_PREPOSITIONS = frozenset({"on", "along", "across", "over", "up", "down", "crossing", "cross", "beside"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "into", "across", "throughout", "near"})
ORG_HEADS = frozenset("""inc corp corporation co ltd llc plc group company bank university institute agency
party association council committee commission ministry department foundation federation union league
club fc cf afc post times news journal network airlines airways motors technologies labs laboratories
systems holdings partners fund court robotics pharmaceuticals therapeutics energy media studios
ventures capital entertainment telecom parliament assembly senate army navy police board office bureau
presidency secretariat directorate authority administration cartel gang militia mining resources metals
minerals petroleum oil shipping logistics foods insurance pharma biotech software electronics
chemicals management coalition alliance movement front treasury""".split())
FAC_HEADS = frozenset("""airport bridge stadium arena tower station hospital museum palace square street
avenue hall building centre center port base prison cathedral church mosque temple road lane
boulevard highway""".split())
PLACE_HEADS = frozenset("county province region district prefecture governorate oblast islands island "
                        "valley peninsula".split())
PLACE_FIRST_WORDS = frozenset({"county", "province", "lake", "mount", "cape"})
EVENT_HEADS = frozenset("prize award awards cup trophy festival championship championships tournament "
                        "games olympics marathon expo".split())
PRODUCT_HEADS = frozenset("telescope rover satellite spacecraft probe vaccine app".split())
# The last word of a state's formal name ('the Democratic Republic of X' ends in X and is a
# country the gazetteer knows; '... Arab Democratic Republic', '... Kingdom' are states too).
STATE_HEADS = frozenset("republic kingdom principality sultanate emirate caliphate".split())
# The last word of a law's or treaty's name ('General Data Protection Regulation').
LAW_HEADS = frozenset("act regulation directive treaty accord protocol statute ordinance constitution".split())


# -- types from the words around a name ----------------------------------------------------------
def _context_types(doc, mentions: list[Mention], index) -> None:
    """Type a name by what the text says about it, over the model's guess: 'the law firm X',
    'X coach Jane Doe', 'signed for X', 'X denied the report', a team named after its city
    ('Atletico Madrid' read as a person), the Moon. A name so typed carries ``label_cue``
    (the rule), which resolution counts as stronger evidence than the model's label."""
    _firms_by_their_officers(doc, mentions)
    person_parts = frozenset(p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split())
    for m in mentions:
        if m.attributes.get("derived_from") or m.attributes.get("label_cue"):
            continue
        found = _context_label(doc, m, index, person_parts)
        if found and found[0] != m.label:
            m.label, m.attributes["label_cue"] = found
    _spread_over_coordination(doc, mentions, index)
    _type_by_later_description(doc, mentions, index)
    _type_team_short_forms(mentions, index)
    proved: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.attributes.get("label_cue") and not m.attributes.get("derived_from"):
            proved.setdefault(m.name, (m.label, m.attributes["label_cue"]))
    for m in mentions:
        if m.name in proved and not m.attributes.get("derived_from"):
            m.label = proved[m.name][0]
            m.attributes.setdefault("label_cue", proved[m.name][1])
        if m.label != "PERSON" and m.attributes.get("label_cue"):
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)


def _type_team_short_forms(mentions: list[Mention], index) -> None:
    """'City' where the text names the club 'Leeds City' (a city, then one word): the one word
    alone is the club's short form, though a gazetteer may list it as a place too. Countries,
    capitals and first names are left alone."""
    tails = {m.name.split()[1] for m in mentions if m.label == "ORG" and len(m.name.split()) == 2
             and not m.attributes.get("derived_from") and index.is_city(m.name.split()[0])}
    for m in mentions:
        if m.name in tails and m.label in PLACE_LABELS and not m.attributes.get("derived_from") \
                and not index.country(m.name) and not index.is_capital(m.name) and not first_name_gender(m.name):
            m.label, m.attributes["label_cue"] = "ORG", "short form of a club named after its city"


def _campaign_name(doc, m: Mention) -> bool:
    """'Save Ruritania Park' read as a person: a name of three words or more that begins, inside a
    sentence, with an English verb that is no first name is a campaign ('Will Roe' is a person)."""
    parts = m.name.split()
    return len(parts) >= 3 and is_english_verb(parts[0]) and not first_name_gender(parts[0]) \
        and not doc[m.token_start].is_sent_start and not is_title(parts[0])


def _context_label(doc, m: Mention, index, person_parts: frozenset = frozenset()) -> Optional[tuple[str, str]]:
    """(label, rule) the words around one name prove, or None; strongest evidence first."""
    name, label = m.name, m.label
    if index.country(name) or m.attributes.get("title") or m.attributes.get("abbreviates"):
        return None
    if is_dateline(doc, m) or (" " not in name and name in person_parts):
        return None      # 'SAN FRANCISCO, Jan 22 -' parses as a subject; 'Ferrand' is a person's surname
    if label != "PERSON" and _in_byline(doc, m):
        return "PERSON", "byline"                          # 'By Jane Roe and John Doe'
    nxt = doc[m.token_end] if m.token_end < len(doc) else None
    if nxt is not None and nxt.text in ("-", "–") and m.token_end + 1 < len(doc) \
            and doc[m.token_end + 1].lower_ in ("based", "headquartered"):
        return "GPE", "'-based' after it"                  # 'Bergen-based Nordvind'
    kind = _kind_noun_after(doc, m)
    if kind and (kind[0] == "GPE" or not index.is_place(name)):    # 'a Nairobi charity' is in Nairobi
        return kind
    root = doc.root(m.token_start, m.token_end)
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    if index.is_celestial(name) and m.token_end - m.token_start == 1 and _celestial_context(doc, m, prev):
        return "LOC", "celestial body"
    if label == "WORK_OF_ART" and not is_quoted(doc, m.token_start, m.token_end):
        head = head_noun_label(name)
        if head:
            return head, "institution word at the end"     # 'Financial Times' without quotes
    kind = _kind_noun_before(doc, m, prev, root)
    if kind:
        return kind
    if label == "NORP" and not index.demonym(name) and not name.endswith("s") and root.dep_ == "pobj" \
            and not first_name_gender(name.split()[0]) and not _language_after_in(doc, m) \
            and root.head.lower_ in ("in", "at", "near"):
        return "GPE", "a group name after 'in'"    # 'met in Asuncion' read as a nationality
    if label == "PERSON" and _person_unlikely(name, index):
        return "ORG", "team or firm named after a place"   # 'Atletico Madrid', 'Inter Milan'
    if label == "PERSON" and _campaign_name(doc, m):
        return "ORG", "a campaign named with a verb"      # 'Save Ruritania Park'
    if label == "PERSON" and first_name_gender(name.split()[0]) and " " in name:
        return None
    role = _role_after(doc, m) if label != "PERSON" else None     # 'Biden spokesman X' is a person's
    if role and (role in CLUB_ROLE_NOUNS or not index.is_place(name)):
        return "ORG", f"'{role}' of it"
    if label == "PERSON" and " " not in name and not first_name_gender(name) and _club_role_before_person(doc, m):
        return "ORG", "club role noun between it and a person"    # 'Benfica coach Rui Almeida'
    joined = _joined(root)
    if joined and (label in ("GPE", "LOC", "NORP", "FAC") and not index.is_place(name)
                   or label == "PERSON" and joined != "join"):
        return "ORG", "joined or signed for"      # 'joined X' may be a person; 'signed for X' is not
    if label in ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") and not index.is_place(name) and _told(root):
        return "ORG", "was told or interviewed"         # 'told Les Echos', 'in an interview with X'
    if label in ("GPE", "LOC") and not index.is_place(name) and root.dep_ == "nsubj" \
            and root.head.lemma_.lower() in SPEAKER_VERBS:
        return "ORG", "speaks as a body"
    if label in ("ORG", "PERSON") and " " not in name and _facility_at(root) and not first_name_gender(name):
        return "GPE", "a facility at it"
    if label in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART") and not index.is_place(name) and _won(root):
        return "EVENT", "what one wins"                 # 'won the X Lion', 'wins X Medal' (a prize)
    if label in ("LAW", "WORK_OF_ART", "PRODUCT", "EVENT") and _member_of(root):
        return "ORG", "has members"
    return None


def _language_after_in(doc, m: Mention) -> bool:
    """'a film in Persian': a language's name after 'in' without an article is no place
    ('in the Caspian' has one)."""
    return is_language_shaped(m.name) and m.token_start > 0 and doc.lower[m.token_start - 1] != "the"


def _facility_at(root) -> bool:
    """'the liquefaction plant at X', 'a refinery near X': where a facility stands is a place."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("at", "near", "in", "outside") \
        and prep.head.is_lower and prep.head.lemma_.lower() in SITED_NOUNS


PRIZE_VERBS = frozenset("win scoop receive collect clinch".split())


def _won(root) -> bool:
    """'won the X', 'received the Y': a name one wins is a prize or a competition, not a body."""
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PRIZE_VERBS


def _member_of(root) -> bool:
    """'a loyal member of X', 'X members': a law, a work or an event has no members; a body has."""
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in ("member", "membership", "founder")
    return False


SPATIAL_PREPOSITIONS = frozenset("on to from around near toward towards beyond past onto".split())
SPATIAL_VERBS = frozenset("orbit reach land explore observe circle visit".split())
BODY_PART_NOUNS = frozenset("surface pole orbit atmosphere crust gravity side core ice rocks soil sky "
                            "landing mission rover lander probe exploration".split())


def is_dateline(doc, m: Mention) -> bool:
    """The place of a wire dateline at a line start ('SAN FRANCISCO, Jan 22 -', 'MADRID -')."""
    span = dateline_at(doc, m.token_start)
    return span is not None and m.token_end < span[1]


def _celestial_context(doc, m: Mention, prev) -> bool:
    """'the Moon's south pole', 'on Mars', 'orbit Venus', 'a Mars rover': the body itself, not a
    namesake ('told the Sun', 'speaking to the Sun', 'the Sun reported' are a newspaper)."""
    root = doc.root(m.token_start, m.token_end)
    j = m.token_end + (1 if m.token_end < len(doc) and doc[m.token_end].tag_ == "POS" else 0)
    while j < len(doc) and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") and doc[j].lower_ not in BODY_PART_NOUNS:
        j += 1          # "the Moon's south pole"
    if j < len(doc) and doc[j].lower_ in BODY_PART_NOUNS:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in SPATIAL_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in SPATIAL_PREPOSITIONS:
        verb = root.head.head
        return verb.lemma_.lower() not in SPEAKER_VERBS | {"speak", "talk", "tell", "write", "according", "send"}
    return False


# Kind nouns written after a name that modifies them, beyond the lists in names.py: media
# ('Milenio television'), facilities ('the X maximum-security prison'), software ('the X malware').
MEDIA_NOUNS = frozenset("television tv radio newspaper paper daily weekly magazine broadcaster channel "
                        "network outlet website".split())
FAC_KIND_NOUNS = FAC_HEADS | frozenset("mine plant refinery dam jail prison camp mill smelter reactor".split())
# Things that stand somewhere ('its academy at X', 'the factory near Y'): X and Y are places.
SITED_NOUNS = (FAC_KIND_NOUNS - {"base", "building"}) | frozenset("academy headquarters campus factory "
                                                                 "office offices warehouse depot".split())
# Nouns that make a news outlet after 'news' ('the news site X', 'the news agency X').
NEWS_OUTLET_NOUNS = frozenset("site website portal agency service outlet".split())
PRODUCT_KIND_NOUNS = frozenset("malware ransomware spyware software virus worm app vaccine".split())
# Nouns for a stretch of ground ('the X sector', 'the Y site'): the name is a place, not a body.
AREA_KIND_NOUNS = frozenset("sector site area zone".split())
# Nouns for a prize ('the X award'): the name is the prize (typed EVENT, as gold types prizes).
PRIZE_KIND_NOUNS = frozenset("award prize trophy medal".split())
# Parts of a competition ('the X group stage', "the club's X squad") after a name ending in a
# competition word: the name is the competition, not the body that runs it.
COMPETITION_HEADS = frozenset("league cup championship championships trophy tournament".split())
COMPETITION_PART_NOUNS = frozenset("stage final semi-final quarter-final draw qualifier qualifiers squad "
                                   "fixture fixtures campaign".split())


def _kind_noun_after(doc, m: Mention) -> Optional[tuple[str, str]]:
    """'the Metropolitano stadium', 'the Nikkei newspaper', 'the X maximum-security prison', 'the
    Y copper mine', 'the Z region', 'the W malware': the lower-case noun the name modifies, past
    lower-case modifiers, says what kind of thing it is."""
    last = doc[m.token_end - 1]
    head = last.head
    if last.dep_ not in ("compound", "amod", "nmod") or not m.token_end <= head.i <= m.token_end + 3:
        return None
    between = doc[m.token_end:head.i]
    modifiers_only = all((t.is_lower or t.text in ("-", "–")) and t.pos_ in ("ADJ", "NOUN", "PUNCT", "VERB")
                         for t in between)
    if not (head.is_lower and head.pos_ == "NOUN") or not modifiers_only:
        return None
    word = head.lower_
    if word in FAC_KIND_NOUNS:
        return "FAC", f"'{word}' after it"             # 'the Metropolitano stadium'
    if word in PRODUCT_KIND_NOUNS:
        return "PRODUCT", f"'{word}' after it"
    if word in AREA_KIND_NOUNS and _area_reading(doc, m, word):
        return "LOC", f"'{word}' after it"             # 'the X sector', 'the Y site' (not 'Jane Roe site')
    if word in PRIZE_KIND_NOUNS and m.label != "PERSON":
        return "EVENT", f"'{word}' after it"           # 'won the X award'
    if word in COMPETITION_PART_NOUNS and m.name.split()[-1].casefold() in COMPETITION_HEADS:
        return "EVENT", f"'{word}' after it"           # 'the X League group stage'
    if word in (ORG_KIND_NOUNS - {"group", "party", "union"}) | MEDIA_NOUNS and not between:
        return "ORG", f"'{word}' after it"             # 'the Nikkei newspaper' (not 'the X investment bank')
    if word in PLACE_KIND_NOUNS - {"state", "port", "capital"} and m.label != "PERSON":
        return "GPE", f"'{word}' after it"             # "Peru's Cajamarca region"
    return None


def _area_reading(doc, m: Mention, word: str) -> bool:
    """'the X sector' names ground, whatever the model read; 'the Y site' does unless Y was read
    as a body ('the Acme site' is the firm's plant) or a person without an article."""
    if m.label == "PERSON":
        return _after_the(doc, m)
    return word != "site" or m.label != "ORG"


def _after_the(doc, m: Mention) -> bool:
    """'the X site': a definite article right before the name (a person's name takes none)."""
    return m.token_start > 0 and doc.lower[m.token_start - 1] == "the"


def _kind_noun_before(doc, m: Mention, prev, root) -> Optional[tuple[str, str]]:
    """'the law firm X', 'the newspaper X', 'the port city X'; 'X, a trade bloc,'; 'X is a club'."""
    if prev is not None and prev.is_lower and (prev.head.i >= m.token_start and prev.head.i < m.token_end
                                               or root.head.i == prev.i):
        word = prev.lower_
        if word in ORG_KIND_NOUNS:
            return "ORG", f"'{word}' before it"
        if word in PLACE_KIND_NOUNS and m.label != "PERSON":
            return "GPE", f"'{word}' before it"
    kind = _kind_noun_named(doc, m, root)
    if kind:
        return kind
    described = [c for c in root.children if c.dep_ == "appos" and c.is_lower]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        described += [c for c in root.head.children if c.dep_ == "attr" and c.is_lower]
    for c in described:
        if c.lower_ in ORG_KIND_NOUNS and not any(ch.dep_ == "prep" for ch in c.children):
            return "ORG", f"described as a {c.lower_}"
    noun = _apposed_kind_noun(doc, m) if m.label != "PERSON" else None
    if noun in ORG_KIND_NOUNS:
        return "ORG", f"described as a {noun}"      # 'the Althing, the country's parliament.' misparsed
    return None


def _apposed_kind_noun(doc, m: Mention) -> Optional[str]:
    """The noun of a short apposition written right after a name and closed by punctuation
    ('X, the country's parliament.', 'X, a watchdog,'), read from the words, where the parser
    attached it elsewhere; None if there is none."""
    j = m.token_end
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("the", "a", "an", "its", "their"):
        return None
    for k in range(j + 2, min(j + 7, len(doc) - 1)):
        tok = doc[k]
        if not (tok.is_lower or tok.tag_ == "POS"):
            return None
        if tok.pos_ == "NOUN" and doc[k + 1].text in (",", ".", ";"):
            return tok.lower_
    return None


# Lower-case nouns for a firm's service that a text writes before the firm's name ('the payments
# app X'): the name is the company's.
APP_KIND_NOUNS = frozenset("app platform website marketplace exchange".split())


def _kind_noun_named(doc, m: Mention, root) -> Optional[tuple[str, str]]:
    """The kind noun a name is given to: 'the workers' union, X,', 'a new app, X,', 'a group
    called X' ('a company called John Lewis' too), and 'the newspaper X' where the parser lost
    the link. Otherwise a name with a first name is left alone ('the group, Jane Roe said')."""
    noun = None
    i = m.token_start
    if root.dep_ == "oprd" and root.head.lemma_.lower() in ("call", "name") and root.head.dep_ == "acl":
        noun = root.head.head                                # 'a group called X'
    elif m.label == "PERSON" and first_name_gender(m.name.split()[0]):
        return None
    elif i >= 2 and doc[i - 1].text == "," and m.token_end < len(doc) and doc[m.token_end].text == ",":
        noun = doc[i - 2]                                    # 'the union, X,'
    elif i >= 2 and doc[i - 2].pos_ == "DET" and doc[i - 1].lower_ in MEDIA_NOUNS:
        noun = doc[i - 1]                                    # 'the newspaper X'
    elif i >= 2 and doc[i - 2].lower_ == "news" and doc[i - 1].lower_ in NEWS_OUTLET_NOUNS:
        return "ORG", f"named a news {doc[i - 1].lower_}"   # 'the news site X'
    elif i >= 2 and doc[i - 1].lower_ in APP_KIND_NOUNS and doc[i - 1].pos_ == "NOUN" and doc[i - 2].pos_ == "NOUN":
        return "ORG", f"named after a {doc[i - 2].lower_} {doc[i - 1].lower_}"   # 'the payments app X', the firm
    if noun is None or not noun.is_lower or noun.pos_ != "NOUN":
        return None
    word = noun.lower_
    if word in PRODUCT_KIND_NOUNS:
        return "PRODUCT", f"named a {word}"
    if word in ORG_KIND_NOUNS | MEDIA_NOUNS:
        return "ORG", f"named a {word}"
    return None


def _person_unlikely(name: str, index) -> bool:
    """A 'person' whose later word is a known place and whose first word is no first name
    ('Atletico Madrid', 'Dynamo Kyiv'): a team or firm named after its home."""
    parts = name.split()
    if len(parts) < 2 or first_name_gender(parts[0]) or is_title(parts[0]):
        return False
    return any(index.is_place(p) and p[:1].isupper() for p in parts[1:])


# Officers a body has ("X's director of football", "X general secretary"), beside names.ORG_ROLE_NOUNS.
OFFICER_NOUNS = frozenset({"director", "directors", "secretary", "treasurer"})


def _role_after(doc, m: Mention) -> Optional[str]:
    """'X coach Jane Doe', "X's chairman": the role noun right after the name, if any."""
    j = m.token_end
    if j < len(doc) and doc[j].tag_ == "POS":
        if m.label == "PERSON":
            return None       # "Jane Doe's coach" is a person's coach
        j += 1
    if j >= len(doc):
        return None
    tok = doc[j]
    if tok.is_lower and (tok.lower_ in CLUB_ROLE_NOUNS or tok.lower_ in ORG_ROLE_NOUNS or tok.lower_ in OFFICER_NOUNS):
        return tok.lower_
    return None


# Officers and owners only a body has ("X's chief executive", "X's shareholders"); a person may
# have a spokesman or staff, so those are left out.
CORPORATE_ROLE_WORDS = frozenset("chairman chairwoman chairperson ceo shareholders shareholder investors board "
                                 "employees founder founders owners".split())
CHIEF_TITLES = frozenset("executive financial operating technology information".split())


def _corporate_role_after(doc, m: Mention) -> bool:
    """"Acme's chief executive", "Acme's shareholders": a possessive name followed by a role only a
    company has is a company, though the model read it as a person."""
    j = m.token_end
    if j + 1 >= len(doc) or doc[j].tag_ != "POS":
        return False
    word = doc[j + 1].lower_
    if word == "chief":
        return j + 2 < len(doc) and doc[j + 2].lower_ in CHIEF_TITLES
    return word in CORPORATE_ROLE_WORDS


def _firms_by_their_officers(doc, mentions: list[Mention]) -> None:
    """A one-word 'person' with no first name and nobody's surname here, followed by "'s chief
    executive" or "'s shareholders", is a company; the label then holds for the name everywhere."""
    named_parts = _first_named_person_parts(mentions)
    for m in mentions:
        if m.label == "PERSON" and " " not in m.name and not first_name_gender(m.name) \
                and m.name not in named_parts and not m.attributes.get("derived_from") \
                and not m.attributes.get("label_cue") and _corporate_role_after(doc, m):
            m.label, m.attributes["label_cue"] = "ORG", "a firm's officer after it"
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)


def _in_byline(doc, m: Mention) -> bool:
    """A first and last name on a line that begins with 'By' ('By Jane Roe and Raj Mehta'): the
    article's writers, whatever the model read."""
    parts = m.name.split()
    if len(parts) < 2 or not first_name_gender(parts[0]) or head_noun_label(m.name):
        return False
    i = m.token_start - 1
    while i >= 0 and "\n" not in doc[i].text and m.token_start - i <= 12:
        if doc[i].text == "By" and (i == 0 or "\n" in doc[i - 1].text):
            return True
        if doc[i].lower_ == "by" and i > 0 and doc[i - 1].lower_ in CREDIT_WORDS:
            return True     # '(Reporting by Jane Roe in Rabat; Editing by John Doe)'
        i -= 1
    return False


# Credit lines of wire copy: '(Reporting by ...; Editing by ...)'.
CREDIT_WORDS = frozenset("reporting editing writing research".split())


def _club_role_before_person(doc, m: Mention) -> bool:
    """'Benfica coach Rui Almeida': a one-word name, a club role noun, then a person's name (a
    person's own coach is written 'Almeida's coach')."""
    j = m.token_end
    if j + 1 >= len(doc):
        return False
    role, nxt = doc[j], doc[j + 1]
    return role.is_lower and role.lower_ in CLUB_ROLE_NOUNS and nxt.ent_type_ == "PERSON" and nxt.text[:1].isupper()


def _joined(root) -> Optional[str]:
    """'joins from X', 'signed for X', 'joined X': a club or firm is what one joins or signs for.
    Returns 'join' for a bare object of 'join' (which may also be a person), 'sign' otherwise."""
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "join":
        return "join"
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "for", "to"):
        verb = root.head.head
        if verb.lemma_.lower() in JOIN_VERBS and not (verb.lemma_.lower() == "sign" and root.head.lower_ == "to"):
            return "sign"
    return None


def _told_in_interview(root) -> bool:
    """'X told Y in an interview', 'X told Y in an interview on Sunday': Y conducted an interview."""
    if root.dep_ not in ("dobj", "dative") or root.head.lemma_.lower() != "tell":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "interview" for g in c.children)
               for c in root.head.children)


def _told(root) -> bool:
    """'X told Y', 'in an interview with Y': Y is someone who listens, a person or a medium."""
    if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() == "interview"


def _spread_over_coordination(doc, mentions: list[Mention], index) -> None:
    """'offers from X and Y' where Y is shown to be a club: X, typed as a place or person that no
    gazetteer knows, is one too. Only a cue-proven organisation spreads its type, except to a
    'facility' with no facility word in its name. A known city (no country) is one too where it
    is listed with two organisations and no place ('deals with Club A, Club B and Leeds')."""
    by_root = {doc.root(m.token_start, m.token_end).i: m for m in mentions if m.kind == "name"}
    person_parts = {p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split()}
    for m in mentions:
        if m.label != "ORG":
            continue
        root = doc.root(m.token_start, m.token_end)
        listed = [by_root.get(t.i) for t in _coordination(root)]
        orgs = sum(1 for o in listed if o is not None and o.label == "ORG")
        places = sum(1 for o in listed if o is not None and o.label in PLACE_LABELS)
        linked = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        for tok in linked:
            other = by_root.get(tok.i)
            if other is None or other.label == "ORG" or other.attributes.get("derived_from") or is_dateline(doc, other) \
                    or (other.label == "PERSON" and (
                        first_name_gender(other.name.split()[0]) or other.name in person_parts)):
                continue
            if index.is_place(other.name):
                if not (orgs >= 2 and places == 1 and other.label in PLACE_LABELS and index.is_city(other.name)
                        and not index.country(other.name)):
                    continue
            elif not (m.attributes.get("label_cue") or _facility_without_facility_word(other)):
                continue
            other.label, other.attributes["label_cue"] = "ORG", "listed with an organisation"


def _coordination(root) -> list:
    """Every member of the coordination a token belongs to ('A, B and C'), itself included."""
    top = root
    while top.dep_ == "conj":
        top = top.head
    members, stack = [], [top]
    while stack:
        tok = stack.pop()
        members.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return members


def _facility_without_facility_word(m: Mention) -> bool:
    """A 'facility' whose name has no facility word ('Acme St Rovers' read as FAC): a weak reading."""
    return m.label == "FAC" and not any(p.casefold() in FAC_HEADS | FACILITY_NAME_HEADS for p in m.name.split())


def _of_something(doc, m: Mention) -> bool:
    """'a summit of X', 'the members of X': X is what the noun before 'of' belongs to."""
    root = doc.root(m.token_start, m.token_end)
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN"


def _after_locative(doc, m: Mention) -> bool:
    root = doc.root(m.token_start, m.token_end)
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS | {"at", "to"}


MEMBERSHIP_NOUNS = frozenset("bloc alliance federation league association union organisation organization".split())


def _type_by_later_description(doc, mentions: list[Mention], index) -> None:
    """'a summit of X in Y, where the trade bloc is based': a definite organisation noun after a
    name typed as a place that no gazetteer knows, in the same sentence, describes that name; a
    body of members ('the bloc', 'the alliance') may look back one sentence more."""
    names = [m for m in mentions if m.kind == "name"]
    doc = view_of(doc)
    sent_starts = doc.sent_starts
    lower, tag = doc.lower, doc.tag
    for i in range(len(doc)):
        if lower[i] not in ORG_KIND_NOUNS or tag[i] not in ("NN", "NNP"):
            continue
        tok = doc[i]
        if not (tok.is_lower and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
            continue
        own_start = sent_start = doc.sent_span(tok.i)[0]
        if tok.lower_ in MEMBERSHIP_NOUNS:
            k = bisect_right(sent_starts, tok.i) - 1
            sent_start = sent_starts[max(0, k - 1)]
        clause_head = tok.head
        while clause_head.dep_ not in ("relcl", "ROOT") and clause_head.head.i != clause_head.i:
            clause_head = clause_head.head
        attached = clause_head.head.i if clause_head.dep_ == "relcl" else -1   # 'Denver, where the firm is based'
        before = [m for m in names if sent_start <= m.token_start and m.token_end <= tok.i
                  and not (m.token_start <= attached < m.token_end)
                  and not _after_locative(doc, m)
                  and (m.token_start >= own_start or _of_something(doc, m))]
        same_kind = any(m.label == "ORG" and m.name.split()[-1].casefold() == tok.lower_
                        for m in names if m.token_end <= tok.i)
        if same_kind or any(m.label == "ORG" for m in before):
            continue     # 'the agency' after 'the European Space Agency' is that agency
        unknown = [m for m in before if m.label in ("GPE", "LOC") and not index.is_place(m.name)
                   and not m.attributes.get("derived_from") and not m.attributes.get("label_cue")
                   and not index.is_celestial(m.name)]
        if len(unknown) == 1:
            unknown[0].label, unknown[0].attributes["label_cue"] = "ORG", f"'the {tok.lower_}' after it"


# -- label corrections over the whole document ---------------------------------------------------
def _persons_by_context(doc, mentions: list[Mention], index) -> None:
    """People the model typed as organisations or places: "the museum's president, Jane Roe",
    "PIF spokeswoman Jane Roe", and the several-word surname of a person named in the document
    ('El Amrani' after 'Youssef El Amrani')."""
    full = [m.name.split() for m in mentions if m.label == "PERSON" and len(m.name.split()) > 2]
    tails = {" ".join(p[k:]) for p in full for k in range(1, len(p) - 1)
             if p[k].casefold() in SURNAME_PARTICLES or not first_name_gender(p[k])}
    for m in mentions:
        if m.label == "PERSON" or m.attributes.get("derived_from") or m.attributes.get("label_cue"):
            continue
        if m.name in tails:
            m.label = "PERSON"
            continue
        parts = m.name.split()
        if not 2 <= len(parts) <= 3 or head_noun_label(m.name) or index.is_place(m.name) \
                or not all(p[:1].isupper() for p in parts) or any(ch.isdigit() for ch in m.name):
            continue
        if _person_context(doc, m):
            m.label, m.attributes["label_cue"] = "PERSON", "a person's title or role next to it"


def _person_context(doc, m: Mention) -> bool:
    """A title or occupation in apposition ('its president, X'; 'X, a lawyer') or right before
    the name ('spokeswoman X')."""
    root = doc.root(m.token_start, m.token_end)
    if root.dep_ == "appos" and root.head.is_lower and _is_person_noun(root.head):
        return True
    if any(c.dep_ == "appos" and c.is_lower and _is_person_noun(c) for c in root.children):
        return True
    if root.dep_ == "attr" and root.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.is_lower and _is_person_noun(c) for c in root.head.children):
        return True     # 'whose chief executive is X'
    if first_name_gender(m.name.split()[0]) and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and (g.ent_type_ == "ORG" or g.lower_ in ORG_KIND_NOUNS) for g in c.children)
            for c in root.children):
        return True     # 'Jane Roe of the firm Roe Partners': a first name, then the body one is of
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    return bool(prev is not None and prev.is_lower and _is_person_noun(prev)
                and m.token_start <= prev.head.i < m.token_end)


def _is_person_noun(tok) -> bool:
    word = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (is_title(word) or is_role(word) or is_title(tok.lower_) or is_role(tok.lower_))


def correct_labels(doc, mentions: list[Mention], index) -> None:
    """Fix the small model's usual slips with evidence from the document itself."""
    doc = view_of(doc)
    person_tokens: set[str] = set()
    org_tokens: set[str] = set()
    for m in mentions:
        head_label = head_noun_label(m.name) if m.label == "PERSON" else _body_read_as_thing(m)
        if head_label:
            m.label = head_label   # '... Robotics', '... Space Telescope'; a 'law' named '... Authority'
        elif m.label == "PERSON" and _person_unlikely(m.name, index):
            m.label, m.attributes["label_cue"] = "ORG", "team or firm named after a place"   # 'Atletico Madrid'
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)
        elif m.label == "PERSON" and _named_after_city_before_role(doc, m, index):
            m.label, m.attributes["label_cue"] = "ORG", "city name before a staff role"
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)
    _persons_by_context(doc, mentions, index)
    _type_by_related_org(mentions, index)
    _type_facility_names(mentions, index)
    for m in mentions:
        parts = m.name.split()
        if m.label == "PERSON":
            if len(parts) > 1:
                person_tokens.update({parts[0], parts[-1]})
        elif m.label == "ORG" and len(parts) > 1:
            org_tokens.update(parts)
    single_persons = {m.name for m in mentions if m.label == "PERSON" and " " not in m.name}
    named_parts = _first_named_person_parts(mentions)   # 'Leeds United' read as a person names no one
    before = {id(m): m.label for m in mentions}
    for m in mentions:
        if m.attributes.get("derived_from"):
            continue
        single = " " not in m.name
        if m.label != "PERSON":
            if _looks_like_initials_name(m.name) or _after_title(doc, m) or (not single and m.label in PLACE_LABELS
                                                     and m.name.split()[-1] in single_persons
                                                     and not index.is_place(m.name)):
                m.label = "PERSON"    # 'P.D. Harrington'; 'Jane Roe' typed GPE where 'Roe' is a PERSON
                continue
            if single and m.name in person_tokens and (m.label in SURNAME_MISLABELS or not (
                    index.country(m.name) or index.is_capital(m.name))) \
                    and not (index.is_place(m.name) and m.name not in named_parts):
                m.label = "PERSON"    # a surname of a person named in the document
                continue
            if m.label not in PLACE_LABELS:
                country = index.country(m.name) if not m.name.isupper() else None
                if country or index.is_capital(m.name) or _territory_context(doc, m, index) or _place_shape(m.name) \
                        or (is_dateline(doc, m) and index.is_city(m.name)):     # 'HONOLULU, May 2 -' 
                    m.label = "GPE"
                    continue
            if m.label != "WORK_OF_ART" and _work_context(doc, m):
                m.label = "WORK_OF_ART"
            continue
        # PERSON-labelled names that are no persons
        if m.name.replace(".", "").isupper() and len(m.name) > 1:
            m.label = "ORG"       # persons are not written in capitals: an acronym
        elif not single and index.country(m.name):
            m.label = "GPE"       # a country of several words is nobody's name

        elif single and index.is_place(m.name) and not first_name_gender(m.name) \
                and m.name not in named_parts:
            m.label = "GPE"       # a city the gazetteer knows, no first name, nobody's surname here
        elif single and m.name not in person_tokens:
            if index.country(m.name) or index.is_capital(m.name) or _territory_context(doc, m, index, any_place=True):
                m.label = "GPE"
            elif m.name in org_tokens:
                m.label = "ORG"   # 'Porto' after 'FC Porto'
            elif m.token_start > 1 and doc[m.token_start - 1].lower_ == "the" and "title" not in m.attributes \
                    and doc[m.token_start - 2].lower_ in RIVER_PREPOSITIONS:
                m.label = "LOC"   # 'a border on the Danube', 'along the Nile'
            elif m.token_start > 0 and doc[m.token_start - 1].lower_ == "the" and "title" not in m.attributes:
                m.label = "ORG"
            elif _told_in_interview(doc.root(m.token_start, m.token_end)) and not first_name_gender(m.name):
                m.label = "ORG"   # 'X told Polsat in an interview': a one-word listener named nowhere else is an outlet
    _context_types(doc, mentions, index)
    _propagate(mentions, before)
    _org_over_unknown_place(doc, mentions, index)


def _named_after_city_before_role(doc, m: Mention, index) -> bool:
    """'Ruritania City Herald critic Jane Roe' read as two people: a 'person' whose first word is
    a city and no first name, written right before a staff role and a person's name, is the
    body that person works for (a newspaper, a club)."""
    parts = m.name.split()
    j = m.token_end
    if len(parts) < 2 or first_name_gender(parts[0]) or not index.is_city(parts[0]) or j + 1 >= len(doc):
        return False
    role, nxt = doc[j], doc[j + 1]
    return role.is_lower and (is_role(role.lower_) or is_title(role.lower_)) and nxt.ent_type_ == "PERSON"


def _first_named_person_parts(mentions: list[Mention]) -> frozenset:
    """Words of the person names that begin with a first name ('Jane Leeds'), not of a team or
    firm the model read as a person ('Leeds United')."""
    return frozenset(p for m in mentions if m.label == "PERSON" and " " in m.name
                     and first_name_gender(m.name.split()[0]) for p in m.name.split()[1:])


def _type_by_related_org(mentions: list[Mention], index) -> None:
    """'Kizuna Safety' (read as a person) where the text names the firm 'Kizuna Safety Systems',
    'Acme Commercial Jets' (read as a place) where 'Acme' is a firm: a name that begins the name
    of an organisation in the same document, or begins with one, is an organisation too (a short
    form or a unit), unless it starts with a first name or is a known place. Only a 'person' is
    retyped as a short form: a place may well begin a firm's name ('X Valley' / 'X Valley Bank')."""
    orgs = [m.name.split() for m in mentions if m.label == "ORG" and not m.attributes.get("derived_from")
            and not index.is_place(m.name)]
    for m in mentions:
        parts = m.name.split()
        if m.label not in ("PERSON", "GPE", "LOC") or m.attributes.get("derived_from") or m.attributes.get("title") \
                or first_name_gender(parts[0]) or index.is_place(m.name) or index.country(m.name):
            continue
        shorter = m.label == "PERSON" and len(parts) > 1 and any(len(o) > len(parts) and o[:len(parts)] == parts
                                                                 for o in orgs)
        longer = m.label != "PERSON" and any(len(o) < len(parts) and parts[:len(o)] == o for o in orgs)
        if shorter or longer:
            m.label, m.attributes["label_cue"] = "ORG", "begins or is begun by an organisation's name"
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)


# The last word of a facility's own name ('... Research Station', '... Federal Prison').
FACILITY_NAME_HEADS = frozenset("station airport prison jail stadium arena bridge dam mine refinery base "
                                "observatory".split())


# The last word of a landform's name ('... Hill', '... Heights', '... Fields').
LANDFORM_HEADS = frozenset("hill hills heights fields ridge plain plains desert forest moor marshes".split())
BUSINESS_PLURALS = frozenset("railways railroads lines industries enterprises mills stores brands".split())
COMPASS_ADJECTIVES = frozenset("western eastern northern southern central".split())


def _type_facility_names(mentions: list[Mention], index) -> None:
    """A name's last word says what it is, whatever the model read: a facility ('Rothera Research
    Station', 'Ruritania Central Prison' read as an organisation or a place), a state ('... Arab
    Democratic Republic' read as an organisation), a law ('... Data Protection Regulation' read as
    an organisation), a landform ('... Hill'), a body ('... Network' read as a building); a
    compass word before a plural is a region ('Western Highlands'). Known places and names a context rule typed keep their type."""
    for m in mentions:
        parts = m.name.split()
        if len(parts) < 2 or m.attributes.get("label_cue") or m.attributes.get("derived_from") \
                or index.is_place(m.name):
            continue
        last = parts[-1].casefold()
        if last in FACILITY_NAME_HEADS and m.label in ("ORG", "GPE", "LOC"):
            m.label, m.attributes["label_cue"] = "FAC", f"'{parts[-1]}' at the end"
        elif last in STATE_HEADS and m.label in ("ORG", "PERSON", "FAC", "NORP"):
            m.label, m.attributes["label_cue"] = "GPE", f"'{parts[-1]}' at the end"
        elif last in LAW_HEADS and m.label in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT"):
            m.label, m.attributes["label_cue"] = "LAW", f"'{parts[-1]}' at the end"
        elif last in LANDFORM_HEADS and _landform_misread(m, parts):
            m.label, m.attributes["label_cue"] = "LOC", f"'{parts[-1]}' at the end"     # 'X Hill' read as a body
        elif last in ORG_HEADS and last not in FAC_HEADS and m.label == "FAC":
            m.label, m.attributes["label_cue"] = "ORG", f"'{parts[-1]}' at the end"     # '... Network' read as a building
        elif _region_shape(parts) and m.label in ("ORG", "FAC", "NORP"):
            m.label, m.attributes["label_cue"] = "LOC", "a compass word and a plural"   # 'Western Highlands'


def _landform_misread(m: Mention, parts: list[str]) -> bool:
    """'Brackwell Hill' read as a body, 'Marrow Fields' read as a person: not a campaign ('Save X
    Fields' begins with a verb), and a 'person' only with a plural landform and no first name
    ('Sarah Hill' is a person)."""
    if is_english_verb(parts[0]):
        return False
    return m.label in ("ORG", "FAC") or (m.label == "PERSON" and parts[-1].endswith("s")
                                         and not first_name_gender(parts[0]))


def _region_shape(parts: list[str]) -> bool:
    """'the Western Highlands', 'the Southern Uplands': a compass adjective before a plural noun
    names a region (not 'Western Digital', not 'Southern Railways' with an institution word)."""
    return len(parts) == 2 and parts[0].casefold() in COMPASS_ADJECTIVES and parts[1].endswith("s") \
        and parts[1][:1].isupper() and parts[1].casefold() not in ORG_HEADS | FAC_HEADS | BUSINESS_PLURALS


def _org_over_unknown_place(doc, mentions: list[Mention], index) -> None:
    """'Netflix' read as a place twice and as an organisation once: a name no gazetteer knows,
    read both ways in one document without a context rule for the place reading, is the
    organisation (a place the model cannot confirm is the weaker guess), unless the text puts
    something in it ('talks in Lyon')."""
    readings: dict[str, set[str]] = {}
    for m in mentions:
        if not m.attributes.get("derived_from"):
            readings.setdefault(m.name, set()).add(m.label)
    located = {m.name for m in mentions if m.label in PLACE_LABELS and _after_locative(doc, m)}
    for m in mentions:
        if m.label in PLACE_LABELS and "ORG" in readings.get(m.name, ()) and not m.attributes.get("label_cue") \
                and m.name not in located \
                and not m.attributes.get("derived_from") and not index.is_place(m.name) \
                and not index.country(m.name):
            m.label = "ORG"


def _propagate(mentions: list[Mention], before: dict) -> None:
    """A label the context proved for one mention holds for the same name elsewhere in the document."""
    proved: dict[str, str] = {}
    for m in mentions:
        if before.get(id(m)) != m.label and m.label != "PERSON" and not m.attributes.get("derived_from"):
            proved.setdefault(m.name, m.label)
    for m in mentions:
        if m.name in proved and before.get(id(m)) == m.label and m.label != "PERSON":
            m.label = proved[m.name]


def _place_shape(name: str) -> bool:
    """'County Donegal', 'Nord Province', 'Rift Valley Region': a place by its generic word."""
    parts = name.split()
    return len(parts) >= 2 and (parts[0].casefold() in PLACE_FIRST_WORDS or parts[-1].casefold() in PLACE_HEADS)


def harmonize(doc, mentions: list[Mention]) -> None:
    """One bare name, one reading per document: a word that is nobody's full name here and is
    typed PERSON in one place and a place or organisation in another is not a person, unless
    most mentions read it as a person and no context rule typed the others."""
    doc = view_of(doc)
    person_parts = {p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split()}
    labels: dict[str, list[str]] = {}
    cued: set[str] = set()
    for m in mentions:
        if " " not in m.name and not m.attributes.get("derived_from"):
            labels.setdefault(m.name, []).append(m.label)
            if m.attributes.get("label_cue"):
                cued.add(m.name)
    for name, seen in labels.items():
        others = [label for label in seen if label != "PERSON"]
        if name in person_parts or not others or len(others) == len(seen):
            continue
        if len(seen) - len(others) > len(others) and name not in cued:
            for m in mentions:   # 'Smith' twice a person, once an organisation ('Smith's consultancy')
                if m.name == name and not m.attributes.get("derived_from"):
                    m.label = "PERSON"
            continue
        best = max(sorted(set(others)), key=others.count)
        for m in mentions:
            if m.name == name and m.label == "PERSON":
                m.label = best


def type_island_short_forms(mentions: list[Mention]) -> None:
    """'the Falklands' where the text names 'the Falkland Islands': the island group's type."""
    groups: dict[str, Mention] = {}
    for m in mentions:
        parts = m.name.split()
        if len(parts) == 2 and parts[1].casefold() in ("islands", "isles"):
            w = parts[0]
            for plural in {w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w + "s"}:
                groups.setdefault(plural, m)
    for m in mentions:
        long = groups.get(m.name)
        if long is not None and m.label != long.label and not m.attributes.get("derived_from"):
            m.label, m.attributes["label_cue"] = long.label, "short form of an island group"


def _after_title(doc, m: Mention) -> bool:
    """'Chancellor Jane Roe' typed ORG: a capitalised office right before a two- or three-word name."""
    if not 2 <= len(m.name.split()) <= 3 or m.token_start == 0 or head_noun_label(m.name):
        return False
    prev = doc[m.token_start - 1]
    return prev.text[:1].isupper() and is_title(prev.text) and prev.dep_ == "compound"


# Head nouns that only public bodies have: a 'law' or 'event' named '... Authority' is a body.
BODY_HEADS = frozenset("authority commission agency ministry department bureau directorate inspectorate regulator".split())


def _body_read_as_thing(m: Mention) -> Optional[str]:
    """'ORG' for a name the model read as a law, an event or a product that ends in a word only
    bodies end in ('the Danish Energy Authority' tagged LAW); None otherwise."""
    parts = m.name.split()
    if m.label in ("LAW", "EVENT", "PRODUCT") and len(parts) > 1 and parts[-1].casefold() in BODY_HEADS:
        return "ORG"
    return None


def _looks_like_initials_name(name: str) -> bool:
    """'P.D. Harrington', 'J. K. Rowling': initials then a surname (not 'U.S. Treasury', 'U.N.
    Council': initials then an institution word)."""
    parts = name.split()
    return len(parts) >= 2 and parts[-1][:1].isupper() and parts[-1].isalpha() and not head_noun_label(name) and all(
        len(p.replace(".", "")) <= 2 and p.endswith(".") and p[0].isupper() for p in parts[:-1])


def _work_context(doc, m: Mention) -> bool:
    """'X, the third novel by ...', 'the film X': a title, not an organisation."""
    root = doc.root(m.token_start, m.token_end)
    for c in root.children:
        if c.dep_ == "appos" and c.lemma_.lower() in WORK_NOUNS:
            return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in WORK_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CREATOR_NOUNS:
        return True   # 'author of X'
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    return bool(prev is not None and prev.lemma_.lower() in WORK_NOUNS and prev.dep_ in ("compound", "nmod"))


def head_noun_label(name: str) -> Optional[str]:
    """A name ending in an institution or facility noun is no person ('... Space Telescope')."""
    parts = name.split()
    if len(parts) < 2:
        return None
    last = parts[-1].casefold().rstrip(".")
    if last in ORG_HEADS or parts[0] in CLUB_AFFIXES or parts[-1] in CLUB_AFFIXES:
        return "ORG"
    if last in FAC_HEADS:
        return "FAC"
    if last in PRODUCT_HEADS:
        return "PRODUCT"
    if last in EVENT_HEADS:
        return "EVENT"
    if last in STATE_HEADS:
        return "GPE"
    if last in LAW_HEADS:
        return "LAW"
    return None


def _territory_context(doc, m: Mention, index, any_place: bool = False) -> bool:
    """'the annexation of X', 'the capital of X'; a gazetteer place after 'in'/'into'; with
    ``any_place`` (a one-word 'person' that is nobody's name here) any name after 'in'/'into'."""
    root = doc.root(m.token_start, m.token_end)
    if root.dep_ == "dobj" and root.head.lemma_.lower() in TERRITORY_VERBS:
        return True     # 'after annexing X', 'occupied X'
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in TERRITORY_HEADS:
        # 'the president of Acme Commercial Jets': an office heads bodies too; a name of several
        # words the model read as an organisation stays one
        return not (is_title(prep.head.text) and m.label == "ORG" and " " in m.name)
    if prep.lower_ in LOCATIVE_PREPOSITIONS:
        return any_place or (m.label == "ORG" and (index.is_place(m.name) or (
            index.is_city(m.name) and prep.head.lemma_.lower() not in STAKE_WORDS)))
    return False


# What one holds or puts money 'in': 'shares in Toyota' names the firm, not the city.
STAKE_WORDS = frozenset("stake share shares holding holdings investment invest interest position".split())
