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
laboratory studio label outlet watchdog regulator operator supplier distributor
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


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(first: str) -> Optional[str]:
    """'male'/'female' when a first name is (mostly) one gender in gender-guesser's data, else None."""
    if not first or not first[0].isalpha():
        return None
    guess = _gender_detector().get_gender(first)
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
