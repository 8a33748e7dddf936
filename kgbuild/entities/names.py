"""Name words and name shapes: titles, roles, honorific gender cues, slugs and initials.

These are closed classes of English (forms of address, offices, occupations), not names of
particular people or places, so they generalise to any news text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

# Offices and forms of address written before a name ("President", "Prime Minister", "Dr").
TITLE_WORDS = frozenset("""
president vice prime minister chancellor premier king queen prince princess emperor empress pope
senator sen governor gov mayor representative rep congressman congresswoman secretary ambassador
general gen admiral colonel col lieutenant lt captain capt major maj sergeant sgt commander cmdr
chief judge justice speaker chairman chairwoman chairperson chair director ceo cfo coo cto founder
co-founder mr mrs ms miss mx dr prof professor sir dame lord lady sheikh sheikha crown duke duchess
archbishop bishop cardinal rabbi imam reverend rev father sister brother saint st deputy foreign
defence defense finance interior health attorney-general leader head coach manager president-elect
chief-executive executive commissioner inspector detective officer superintendent marshal
councillor councilor councilwoman councilman alderman assemblyman assemblywoman
""".split())

# Occupations and roles written before a name ("journalist Jane Doe", "parliament member X").
ROLE_WORDS = frozenset("""
journalist reporter correspondent spokesperson spokesman spokeswoman analyst economist scientist
researcher author writer novelist columnist editor publisher lawyer attorney official member
lawmaker legislator activist adviser advisor aide envoy diplomat negotiator commentator historian
physicist biologist chemist astronomer astronaut engineer entrepreneur investor billionaire
businessman businesswoman banker candidate athlete forward midfielder striker goalkeeper defender
winger player star singer actor actress producer filmmaker artist musician rapper champion winner
cyclist runner sprinter swimmer boxer driver pilot doctor surgeon nurse physician teacher student
architect designer photographer critic blogger presenter host anchor broadcaster comedian
philanthropist mogul tycoon founder owner chef footballer cricketer golfer skier climber
agent
""".split())

# Institutions a nationality adjective can qualify ("the Brazilian central bank").
INSTITUTION_WORDS = frozenset("""
parliament government bank ministry army military navy police court embassy legislature senate
congress cabinet administration regulator authorities forces federation presidency
""".split())

# Common nouns that say what kind of organisation a name is ("the law firm X", "the sports daily X",
# "X, a trade bloc"): written next to a name, they type it ORG whatever the model guessed.
ORG_KIND_NOUNS = frozenset("""
firm company club team bloc alliance group organisation organization newspaper daily weekly
tabloid magazine journal broadcaster network channel agency bank lender insurer carmaker automaker airline
carrier retailer manufacturer maker startup start-up conglomerate consultancy brewer miner chipmaker
charity union party institute university outfit franchise federation association league lab
laboratory studio label outlet watchdog regulator operator supplier distributor parliament legislature
""".split())

# Nouns for a kind of place ("the port city X", "the town of X").
PLACE_KIND_NOUNS = frozenset("city town village port capital province region state island islands "
                             "district municipality county enclave territory".split())

# People who belong to a sports club: "X coach Jane Doe", "X's striker" make X a club, unless X is a
# country (its national team is written with the country's name).
CLUB_ROLE_NOUNS = frozenset("""
coach manager striker midfielder goalkeeper keeper defender forward winger captain player players
squad teammate teammates fans supporters boss
""".split())

# People and things only an organisation has: "X chairman Jane Doe", "X's shareholders" make X an
# organisation, unless X is a known place ("Paris mayor" is no such word; "Texas governor" neither).
ORG_ROLE_NOUNS = frozenset("""
chairman chairwoman chairperson ceo executive executives shareholders shareholder investors board
employees staff spokesman spokeswoman spokesperson owner owners founder president
""".split())

# Verbs whose subject acts as a body that speaks; a place name that is no known place doing so is
# an organisation named after a place ("X denied the report").
SPEAKER_VERBS = frozenset("""
say deny confirm announce reject insist accuse criticize criticise complain sign hire appoint sack
fire employ decline refuse
""".split())

# Verbs of a move between clubs or firms: "joins from X", "signed for X", "joined X".
JOIN_VERBS = frozenset({"join", "sign", "transfer", "loan"})

# First words of a surname of several words ('El Amrani', 'van der Berg', 'de Oliveira').
SURNAME_PARTICLES = frozenset("el al de da das do dos del della di du la le van von der den ter bin ibn ben abu"
                              .split())

# Capitalised articles of other languages, part of a name mid-sentence ("the daily A Bola").
FOREIGN_ARTICLES = frozenset("A O As Os El La Le Les Lo Los Las Il Al Die Der Das De Het".split())

MALE_CUES = frozenset("mr sir king lord prince duke emperor congressman spokesman businessman chairman "
                      "father brother actor sheikh".split())
FEMALE_CUES = frozenset("mrs ms miss madam dame queen lady princess duchess empress congresswoman "
                        "spokeswoman businesswoman chairwoman sister actress sheikha".split())

ARTICLES = frozenset({"the", "a", "an"})
PRONOUNS = frozenset("""i me my mine myself you your yours yourself he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves this that these those who whom
whose which what""".split())
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "la", "le", "du", "des", "del"})


def is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLE_WORDS


# Endings of the English adjectives that name a language or a people ('Persian', 'Kurdish',
# 'Burmese'); a place written so takes an article ('in the Caspian').
LANGUAGE_SUFFIXES = ("ian", "ish", "ese")
# Languages whose names have none of those endings.
LANGUAGE_NAMES = frozenset("""arabic farsi dari pashto urdu hindi mandarin cantonese swahili hebrew latin yiddish
tagalog amharic tigrinya somali hausa yoruba igbo zulu xhosa quechua guarani tamil telugu""".split())


def is_language_shaped(name: str) -> bool:
    """'Persian', 'Farsi', 'Kurdish': a language or people by its word, never a place ('a film in
    Persian'), unlike 'Asuncion' or 'Milan'."""
    word = name.casefold()
    return " " not in word and (word in LANGUAGE_NAMES or word.endswith(LANGUAGE_SUFFIXES))


# Portfolios an office is 'of' ('Secretary of State', 'Minister of Defence'): part of the title.
PORTFOLIO_WORDS = frozenset("""state defence defense finance health justice education interior transport
energy labour labor agriculture commerce trade culture environment treasury housing war""".split())


# English pet forms of first names that are no beginning of them ('Tom' for 'Thomas').
PET_FORMS = {
    "thomas": "tom tommy", "william": "bill billy will", "robert": "bob bobby rob", "richard": "dick rick",
    "james": "jim jimmy", "edward": "ted eddie ned", "elizabeth": "liz beth betty", "margaret": "peggy meg maggie",
    "charles": "chuck charlie", "henry": "hank harry", "michael": "mike", "joseph": "joe", "susan": "sue",
    "nicholas": "nick", "andrew": "andy", "anthony": "tony", "lawrence": "larry", "david": "dave",
    "steven": "steve", "stephen": "steve", "katherine": "kate katie", "catherine": "kate katie",
    "patricia": "patty trish", "jennifer": "jen jenny", "rebecca": "becky", "theodore": "ted teddy",
}


def short_first_names(first: str) -> tuple[str, ...]:
    """The short forms of a full first name a text may call its bearer by once named in full: its
    pet forms ('Tom' for 'Thomas') and its beginnings of three letters or more that are first
    names themselves ('Ray' for 'Raymond', 'Alex' for 'Alexandra'). Case-folded."""
    first = first.casefold()
    beginnings = tuple(first[:k] for k in range(3, len(first)) if first_name_gender(first[:k].title()))
    return tuple(PET_FORMS.get(first, "").split()) + beginnings


def is_role(word: str) -> bool:
    return word.casefold() in ROLE_WORDS


def cue_gender(word: str) -> Optional[str]:
    """'male'/'female' for a gendered form of address or role noun, else None."""
    w = word.casefold().rstrip(".")
    if w in MALE_CUES:
        return "male"
    if w in FEMALE_CUES:
        return "female"
    return None


# gender-guesser's codes -> its gender categories ('1M' and '?M' are one category, as in its Detector).
GENDER_CODES = {"M": "male", "1M": "mostly_male", "?M": "mostly_male", "F": "female", "1F": "mostly_female",
                "?F": "mostly_female", "?": "andy"}


@lru_cache(maxsize=1)
def _first_name_table() -> dict[str, dict[str, str]]:
    """gender-guesser's name table as its ``Detector(case_sensitive=False)`` builds it (lower-cased
    name -> {gender category: country frequencies}), read in one pass: the Detector's own reader
    (codecs readline, a call per line) costs about three times as much at every start-up."""
    import os

    import gender_guesser.detector as detector

    path = os.path.join(os.path.dirname(detector.__file__), "data", "nam_dict.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    names: dict[str, dict[str, str]] = {}
    for line in lines:
        if line[:1] in "#=":
            continue
        code, name, _ = line.split(None, 2)
        gender, countries = GENDER_CODES[code], line[30:-1]
        name = name.lower()
        # 'Jean+Pierre' is written 'JeanPierre', 'Jean Pierre' and 'Jean-Pierre'
        for variant in [name.replace("+", r) for r in ("", " ", "-")] if "+" in name else [name]:
            names.setdefault(variant, {})[gender] = countries
    return names


def _most_popular_gender(genders: dict[str, str]) -> str:
    """gender-guesser's answer without a country: the gender listed in the most countries (ties: the
    higher summed frequency; a name listed nowhere is 'andy')."""
    best, max_count, max_tie = next(iter(genders)), 0, 0
    for gender, countries in genders.items():
        values = [ord(c) for c in countries.replace(" ", "")]
        count, tie = len(values), sum(c > 64 and c - 55 or c - 48 for c in values)
        if count > max_count or (count == max_count and tie > max_tie):
            max_count, max_tie, best = count, tie, gender
    return best if max_count > 0 else "andy"


# gender-guesser's columns for Great Britain, Ireland and the U.S.A. (the first three of each line).
ENGLISH_SPEAKING_COLUMNS = slice(0, 3)
# Frequencies run 1 (rare) .. 13 (very common); below this a name is rare in every country listing it.
RARE_NAME_FREQUENCY = 5


@lru_cache(maxsize=1)
def _english_verbs() -> frozenset[str]:
    """The English verbs of the spaCy model's lemmatizer tables ('save', 'take', 'tell'), read from
    the installed model package; empty when no model package is found (nothing is then excluded)."""
    import importlib.util
    from pathlib import Path

    from spacy.lookups import Lookups
    from spacy.strings import get_string_id

    from ..nlp import model_candidates

    for candidate in model_candidates():
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            continue
        for path in sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin")):
            table = Lookups().from_bytes(path.read_bytes()).get_table("lemma_index", {})
            return frozenset(table.get(get_string_id("verb"), ()))
    return frozenset()


def is_english_verb(word: str) -> bool:
    """'save', 'stop', 'protect': a verb of the model's English word tables (any case)."""
    return word.casefold() in _english_verbs()


def _common_word_not_a_name(name: str, genders: dict[str, str]) -> bool:
    """'Save', 'Take', 'Tell': an English verb that gender-guesser lists as a first name only
    outside the English-speaking countries, and rarely there, is the word, not a name (an English
    text writes 'Save X' for a campaign). 'Will', 'Mark', 'Grace' (names in Britain or the U.S.)
    and 'Marcel' (common in France) stay names."""
    if name not in _english_verbs():
        return False
    digits = [c for countries in genders.values() for c in countries if c.strip()]
    english = any(countries[ENGLISH_SPEAKING_COLUMNS].strip() for countries in genders.values())
    return not english and max((int(c, 16) for c in digits), default=0) < RARE_NAME_FREQUENCY


@lru_cache(maxsize=4096)
def first_name_gender(first: str) -> Optional[str]:
    """'male'/'female' when a first name is (mostly) one gender in gender-guesser's data, else None
    (also for a common English verb the data lists as a rare foreign name: 'Save')."""
    if not first or not first[0].isalpha():
        return None
    genders = _first_name_table().get(first.lower())
    if genders and _common_word_not_a_name(first.lower(), genders):
        return None
    guess = _most_popular_gender(genders) if genders else "unknown"
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return None


def slug(text: str) -> str:
    """'Jane Doe' -> 'jane-doe'; accents folded so ids are plain ASCII."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")
    return s or "x"


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Comparison key: case, dots, apostrophe and dash forms, spacing ignored ('U.S.' == 'US')."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("’", "'").replace(".", "")
    s = re.sub(r"[‐–—]", "-", s)
    s = re.sub(r"[\s_]+", " ", s)
    return s.strip()


def initials(name: str) -> str:
    """Acronym of a long form: 'United Arab Emirates' -> 'UAE' (function words skipped)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0] for w in words if w.casefold() not in ACRONYM_STOPWORDS and w[0].isalpha()).upper()


def looks_like_acronym(name: str) -> bool:
    """'NATO', 'U.S.', 'UAE': two to six capitals, dots allowed."""
    compact = name.replace(".", "")
    return 2 <= len(compact) <= 6 and compact.isalpha() and compact.isupper()
