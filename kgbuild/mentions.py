"""Entity mentions from spaCy's named entities, cleaned and typed.

A mention's name is what a reader would call the entity: no leading article, no possessive,
no surrounding punctuation, no title ("Russian President Jane Doe" -> "Jane Doe" with
attributes title/nationality). Offsets are those of the cleaned name. Labels are corrected
where the text says better than the small model (a surname of a person named in the same
document is a PERSON; a known country is a GPE; "the annexation of X" makes X a place).
Nationality adjectives are no mentions of their own, except where they stand for the country
in a title or institution ("Kenyan President X", "the Brazilian central bank"): then a GPE
mention of the country is emitted, so relations such as leader_of can reach it.

The words around a name type it over the model's guess (``_context_types``): "the law firm X",
"X coach Jane Doe", "signed for X", "X denied the report", "Bergen-based", "the Moon's south
pole". Such a mention carries ``label_cue`` (the rule's name) so resolution can weigh it above
the model's labels. Names the model missed are taken where the words say what they are ("the
Nikkei newspaper", "Energy Minister Jane Roe"), and an alias the text introduces ("the islands,
which it calls the Malvinas") carries ``alias_of``. Every rule is about English words and
shapes (kind nouns, roles, verbs, club abbreviations), never about particular names.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from .model import Mention
from .names import (ARTICLES, CLUB_ROLE_NOUNS, FOREIGN_ARTICLES, INSTITUTION_WORDS, JOIN_VERBS, ORG_KIND_NOUNS,
                    ORG_ROLE_NOUNS, PLACE_KIND_NOUNS, PRONOUNS, SPEAKER_VERBS, SURNAME_PARTICLES, cue_gender,
                    first_name_gender, is_role, is_title)
from .places import country_index

NON_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"})
CREATOR_NOUNS = frozenset("author writer composer screenwriter novelist poet".split())
WORK_NOUNS = frozenset("""novel book film movie album song play paper study report series documentary
poem memoir biography opera painting""".split())
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels the small model gives a person's bare surname by mistake.
SURNAME_MISLABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE"})
# "the annexation of X", "the capital of X": X is a territory.
TERRITORY_HEADS = frozenset({"annexation", "invasion", "occupation", "capital", "province", "region",
                             "citizen", "people", "resident", "independence", "liberation", "border",
                             "territory", "sovereignty", "president", "prime", "king", "queen"})
RIVER_PREPOSITIONS = frozenset({"on", "along", "across", "over", "up", "down", "crossing", "cross", "beside"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "into", "across", "throughout", "near"})
ORG_HEADS = frozenset("""inc corp corporation co ltd llc plc group company bank university institute agency
party association council committee commission ministry department foundation federation union league
club fc cf afc post times news journal network airlines airways motors technologies labs laboratories
systems holdings partners fund court robotics pharmaceuticals therapeutics energy media studios
ventures capital entertainment telecom parliament assembly senate army navy police""".split())
# Abbreviations of club kinds written before or after a club's name ('FC Porto', 'Valencia CF'),
# matched in capitals only ('AS Roma', never the preposition 'as').
CLUB_AFFIXES = frozenset("FC CF AC AS SC AFC FK BK FF CD RC SL SSC SV VfB VfL TSV".split())
FAC_HEADS = frozenset("""airport bridge stadium arena tower station hospital museum palace square street
avenue hall building centre center port base prison cathedral church mosque temple""".split())
PLACE_HEADS = frozenset("county province region district prefecture governorate oblast islands island "
                        "valley peninsula".split())
PLACE_FIRST_WORDS = frozenset({"county", "province", "lake", "mount", "cape"})
EVENT_HEADS = frozenset("prize award awards cup trophy festival championship championships tournament "
                        "games olympics marathon expo".split())
PRODUCT_HEADS = frozenset("telescope rover satellite spacecraft probe vaccine app".split())
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
PUNCT_EDGE = set("\"'“”‘’«»()[]{},;:!?-–—.*")
PERSON_ATTRIBUTES = ("title", "role", "gender", "qualifier")
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})


def extract_mentions(doc) -> list[Mention]:
    """Cleaned name mentions (kind 'name') in document order, ``index`` == position."""
    sent_starts = [s.start for s in doc.sents]
    index = country_index()
    raw: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            if _misread_place(ent, index):
                m = _name_mention(doc, ent, ent.start, ent.end, sent_starts, index, label="GPE")
                if m is not None:
                    raw.append(m)
            continue
        if ent.label_ == "NORP" or (index.demonym(ent.text) and not index.country(ent.text)):
            if index.demonym(ent.text) or ent.label_ != "NORP":
                raw.extend(_demonym_mentions(doc, ent, sent_starts, index))
                continue
            # a NORP that is no nationality ('the Spanish daily Marca') is kept only where the
            # words around it type it (_context_types); still NORP after that, it is dropped
        for start, end in _pieces(doc, ent):
            m = _name_mention(doc, ent, start, end, sent_starts, index)
            if m is not None:
                raw.append(m)
    raw = _split_person_pairs(doc, raw, sent_starts)
    raw.extend(_missed_surnames(doc, raw, sent_starts))
    raw.extend(_missed_names(doc, raw, sent_starts, index))
    _correct_labels(doc, raw, index)
    _harmonize(doc, raw)
    _type_island_short_forms(raw)
    raw = [m for m in raw if m.label != "NORP"]     # groups of people are no nodes
    raw.sort(key=lambda m: (m.start, m.end, m.name))
    _mark_abbreviations(doc, raw)
    _mark_aliases(doc, raw)
    for i, m in enumerate(raw):
        m.index = i
    return raw


# -- one named entity -> one cleaned mention ---------------------------------------------------
def _pieces(doc, ent) -> list[tuple[int, int]]:
    """Token ranges of the names inside one entity: 'Agency (ACME)' and a dateline
    'CITY - Name' hold two names; a first name the model left out is taken back in."""
    start, end = ent.start, ent.end
    if start > 0 and ent.label_ in ("ORG", "PERSON") and end - start <= 3:
        prev = doc[start - 1]
        if prev.pos_ == "PROPN" and prev.text.istitle() and not prev.ent_type_ and first_name_gender(prev.text):
            start -= 1
    if start > 0 and ent.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE") and _foreign_article(doc, start - 1):
        start -= 1      # 'the sports daily A Bola'
    if start > 0 and doc[start - 1].text in CLUB_AFFIXES and not doc[start - 1].ent_type_:
        start -= 1      # 'FC Barcelona' tagged 'Barcelona'
    end = _extend_to_closing_quote(doc, start, end)
    end = _extend_to_head_word(doc, ent, end)
    cuts = [t.i for t in doc[start:end] if t.text in ("(", ")", "[", "]")
            or (t.is_lower and t.pos_ in ("VERB", "AUX") and start < t.i < end - 1)]   # 'X told the Y'

    dash = [t.i for t in doc[start:end] if t.text in ("-", "–", "—") and t.whitespace_ and t.i > start
            and doc[start:t.i].text.isupper()]
    out, lo = [], start
    for cut in sorted(set(cuts + dash)):
        if cut > lo and not (cut in dash):
            out.append((lo, cut))
        lo = cut + 1
    if lo < end:
        out.append((lo, end))
    return out


def _extend_to_head_word(doc, ent, end: int) -> int:
    """'the Booker Prize' tagged 'Booker': the capitalised noun the name modifies, written right
    after it and left out of every entity, belongs to the name (not an office: 'Kenya President')."""
    if ent.label_ not in ("ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"):
        return end
    while end < len(doc) and end - ent.start < 6:
        nxt, last = doc[end], doc[end - 1]
        if not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.text[1:].islower() and not nxt.ent_type_
                and last.head.i == end and last.dep_ == "compound" and not is_title(nxt.text)
                and not nxt.is_sent_start):
            break
        end += 1
    return end


TITLE_FUNCTION_WORDS = frozenset("in of the a an and for on to at by with from".split())


def _extend_to_closing_quote(doc, start: int, end: int) -> int:
    """A quoted title the model cut short: 'Soil Microbes Block X in Y' up to its closing quote."""
    if start == 0 or not doc[start - 1].is_quote or (end < len(doc) and doc[end].is_quote):
        return end
    sent_end = doc[start].sent.end
    for j in range(end, min(end + 8, sent_end)):
        tok = doc[j]
        if tok.is_quote or (tok.text in (",", ".") and j + 1 < len(doc) and doc[j + 1].is_quote):
            return j
        if not (tok.text[:1].isupper() or tok.lower_ in TITLE_FUNCTION_WORDS):
            return end
    return end


def _name_mention(doc, ent, start: int, end: int, sent_starts, index, label: Optional[str] = None) -> Optional[Mention]:
    attributes: dict = {}
    written = doc[start:end].text
    label = label or ent.label_
    if start < ent.start and doc[start].text not in FOREIGN_ARTICLES | CLUB_AFFIXES:
        label = "PERSON"   # a first name taken back in
    quoted = _quoted(doc, start, end)
    if quoted and label not in ("PERSON", "GPE", "LOC"):
        label = "WORK_OF_ART"
    # leading articles, quotes, titles and nationality words inside the entity
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if _is_edge_punct(tok):
            start += 1
        elif (low in ARTICLES or tok.tag_ == "DT") and (tok.is_lower or (low == "the" and label != "WORK_OF_ART")
                                                        or (tok.is_sent_start and low in ARTICLES)):
            start += 1
        elif label == "PERSON" and end - start > 1 and (is_title(tok.text) or low == "former"):
            _add_title(attributes, tok)
            start += 1
        elif label == "PERSON" and end - start > 2 and index.demonym(tok.text) and is_title(doc[start + 1].text):
            attributes["nationality"] = tok.text
            start += 1
        else:
            break
    # trailing possessives, punctuation and common nouns ('his Valencia CF counterpart')
    while end > start:
        tok = doc[end - 1]
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s") or _is_edge_punct(tok) \
                or (tok.is_lower and tok.pos_ == "NOUN" and end - start > 1 and label != "WORK_OF_ART"):
            end -= 1
        else:
            break
    if start >= end:
        return None
    span = doc[start:end]
    name = " ".join(span.text.split())
    name = _strip_possessive_suffix(name)
    if not _is_proper_name(name) or (index.demonym(name) and not index.country(name)):
        return None
    end_char = span.start_char + len(span.text.rstrip())
    if name != " ".join(span.text.split()):   # possessive glued to the last token ("Trump’s")
        end_char = span.start_char + len(span.text) - (len(" ".join(span.text.split())) - len(name))
    if label == "PERSON":
        attributes.update(_prefix_attributes(doc, start, index))
    return Mention(
        index=0, text=written, name=name, label=label,
        start=span.start_char, end=end_char, token_start=start, token_end=end,
        sentence=_sentence_of(sent_starts, start), kind="name", attributes=attributes,
    )


def _quoted(doc, start: int, end: int) -> bool:
    """A name between quotation marks is the title of a work ("The Salt Orchard")."""
    before = doc[start] if doc[start].is_quote else (doc[start - 1] if start > 0 else None)
    after = doc[end - 1] if doc[end - 1].is_quote else (doc[end] if end < len(doc) else None)
    return bool(before is not None and after is not None and before.is_quote and after.is_quote and before.i < after.i)


def _strip_possessive_suffix(name: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)].rstrip()
    return name


def _is_edge_punct(tok) -> bool:
    return tok.is_punct or tok.is_quote or all(ch in PUNCT_EDGE for ch in tok.text) or tok.is_space


def _is_proper_name(name: str) -> bool:
    """A name has a capital letter or a digit among letters, and is not a pronoun or a bare number."""
    if not name or (name.casefold() in PRONOUNS and not name.isupper()) or name.casefold() in ARTICLES:
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    return any(ch.isupper() for ch in name)


def _add_title(attributes: dict, tok) -> None:
    if tok.lower_ == "former":
        attributes["qualifier"] = "former"
        return
    prev = attributes.get("title")
    attributes["title"] = f"{prev} {tok.text}" if prev else tok.text
    gender = cue_gender(tok.text)
    if gender:
        attributes["gender"] = gender


def _prefix_tokens(doc, start: int) -> list:
    """Tokens written just before a name that modify it: 'Russian parliament member', 'former US President'."""
    out = []
    i = start - 1
    name_end = _name_end(doc, start)
    while i >= 0:
        tok = doc[i]
        if tok.dep_ in MODIFIER_DEPS and i < tok.head.i < name_end:
            out.append(tok)
            i -= 1
            continue
        if tok.lower_ == "former" and out:
            out.append(tok)
            i -= 1
            continue
        break
    return list(reversed(out))


def _name_end(doc, start: int) -> int:
    """End (exclusive) of the proper-name run starting at ``start``."""
    j = start
    while j < len(doc) and (doc[j].pos_ == "PROPN" or j == start):
        j += 1
    return max(j, start + 1)


def _prefix_attributes(doc, start: int, index) -> dict:
    """Titles, roles, nationality and gender cues from the words before a person's name.

    A run of nouns ending in an office word is a title ('Commerce Secretary', 'Prime Minister');
    a run ending in another noun is a role ('parliament member', 'journalist')."""
    attrs: dict = {}
    titles, roles, run = [], [], []

    def close_run():
        if run:
            (titles if is_title(run[-1].text) and (run[-1].text[:1].isupper() or not is_role(run[-1].text))
             else roles).append(" ".join(t.text if is_title(t.text) or t.pos_ == "PROPN" else t.lower_ for t in run))
            run.clear()

    for tok in _prefix_tokens(doc, start):
        if tok.lower_ == "former":
            attrs["qualifier"] = "former"
            close_run()
        elif tok.ent_type_ == "NORP" and index.demonym(tok.text):
            attrs["nationality"] = tok.text
            close_run()
        elif tok.ent_type_:
            close_run()
        elif tok.pos_ in ("NOUN", "PROPN") or is_title(tok.text):
            run.append(tok)
        else:
            close_run()
        gender = cue_gender(tok.text)
        if gender:
            attrs["gender"] = gender
    close_run()
    if titles:
        attrs["title"] = " ".join(titles)
    if roles:
        attrs["role"] = " ".join(roles)
    return attrs


# -- nationality adjectives -> country mentions, only where they stand for the country ------------
def _demonym_mentions(doc, ent, sent_starts, index) -> list[Mention]:
    text = ent.text.strip()
    country = index.demonym(text)
    if not country:
        return []
    root = ent.root
    if root.dep_ not in ("amod", "compound", "nmod") or not _stands_for_country(doc, root):
        return []
    return [Mention(
        index=0, text=text, name=country, label="GPE",
        start=ent.start_char, end=ent.start_char + len(text), token_start=ent.start, token_end=ent.end,
        sentence=_sentence_of(sent_starts, ent.start), kind="name", attributes={"derived_from": "demonym"},
    )]


def _stands_for_country(doc, adj) -> bool:
    """'Kenyan President X', 'Russian parliament member X', 'the Brazilian central bank'."""
    head = adj.head
    if head.lower_ in INSTITUTION_WORDS or head.lemma_.lower() in INSTITUTION_WORDS:
        return True
    if head.i > adj.i and any(t.lower_ in INSTITUTION_WORDS for t in doc[adj.i + 1:head.i]):
        return True   # 'the Brazilian central bank governor'
    if is_title(head.text) and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return True   # 'the Kenyan president, William Ruto'
    # the adjective sits in the modifiers of a person's name, with a title or role between them
    node = head
    for _ in range(5):
        if node.ent_type_ == "PERSON":
            between = doc[adj.i + 1:node.i]
            return any(is_title(t.text) or t.lower_ in INSTITUTION_WORDS for t in between if not t.ent_type_)
        if node.dep_ not in MODIFIER_DEPS or node.head.i <= node.i:
            return False
        node = node.head
    return False


def _mark_abbreviations(doc, mentions: list[Mention]) -> None:
    """'Long Form (LF)': the short form in parentheses abbreviates the name just before it."""
    text = doc.text     # built from the tokens on every access: read it once
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start].strip()
        after = text[b.end:b.end + 2].strip()[:1]
        if between == "(" and after == ")" and a.label != "PERSON" and len(b.name) < len(a.name) \
                and any(w.replace(".", "").isupper() for w in b.name.split()):
            b.attributes["abbreviates"] = a.name
            b.label = a.label


ALIAS_VERBS = frozenset({"call", "know", "name", "dub", "rename", "refer"})


def _mark_aliases(doc, mentions: list[Mention]) -> None:
    """A second name the text gives for something: 'the islands, which it calls the Malvinas',
    'Myanmar, also known as Burma', 'X, known locally as Y'. The alias carries ``alias_of`` (the
    name it stands for) and that name's type; resolution joins the two."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    for m in mentions:
        if m.attributes.get("derived_from") or m.attributes.get("abbreviates"):
            continue
        root = doc[m.token_start:m.token_end].root
        verb = None
        if root.dep_ in ("oprd", "xcomp") and root.head.lemma_.lower() in ALIAS_VERBS:
            verb = root.head                        # 'which it calls the Malvinas'
        elif root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_.lower() in ALIAS_VERBS:
            verb = root.head.head                   # 'known as Burma'
        if verb is None or verb.dep_ not in ("relcl", "acl"):
            continue
        described = by_token.get(verb.head.i)
        if described is None and verb.head.pos_ == "NOUN":
            described = _named_by_head_noun(mentions, verb.head)
        if described is None or described is m or described.kind != "name" or described.name == m.name:
            continue
        m.attributes["alias_of"] = described.name
        m.label = described.label


def _named_by_head_noun(mentions: list[Mention], noun) -> Optional[Mention]:
    """'the islands' after 'the Falkland Islands': the nearest earlier name ending in that noun."""
    word = noun.lower_
    for m in sorted((m for m in mentions if m.token_end <= noun.i), key=lambda m: -m.token_start):
        last = m.name.split()[-1].casefold()
        if len(m.name.split()) > 1 and (last == word or last == noun.lemma_.lower()):
            return m
    return None


def _split_person_pairs(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """'thanked Hislop and Welch' tagged as one organisation: two people named in the document,
    each side a surname or full name of one of them ('Marks and Spencer' stays whole)."""
    people = {m.name for m in mentions if m.label == "PERSON" and " " in m.name}
    surnames = {n.split()[-1] for n in people}
    out = []
    for m in mentions:
        conj = [t.i for t in doc[m.token_start:m.token_end] if t.lower_ in ("and", "&")]
        if m.label == "PERSON" or len(conj) != 1:
            out.append(m)
            continue
        sides = [(m.token_start, conj[0]), (conj[0] + 1, m.token_end)]
        texts = [doc[a:b].text for a, b in sides]
        if not all(t in people or t in surnames for t in texts):
            out.append(m)
            continue
        for (a, b), text in zip(sides, texts):
            out.append(Mention(
                index=0, text=text, name=text, label="PERSON", start=doc[a].idx, end=doc[a].idx + len(text),
                token_start=a, token_end=b, sentence=_sentence_of(sent_starts, a), kind="name", attributes={},
            ))
    return out


def _missed_surnames(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """A person's surname the model left untagged later on ("Scholz later met ...")."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.name}
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered |= {t.i for ent in doc.ents for t in ent}
    out = []
    for tok in doc:
        if tok.i in covered or tok.text not in surnames or tok.pos_ != "PROPN":
            continue
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and not n.is_punct for n in neighbours):
            continue   # part of a longer name the model did not tag: leave it alone
        out.append(Mention(
            index=0, text=tok.text, name=tok.text, label="PERSON", start=tok.idx, end=tok.idx + len(tok.text),
            token_start=tok.i, token_end=tok.i + 1, sentence=_sentence_of(sent_starts, tok.i), kind="name",
            attributes={},
        ))
    return out


def _foreign_article(doc, i: int) -> bool:
    """A capitalised article of another language inside a sentence starts a name ('A Bola',
    'El Pais'); at a sentence start it is just the first word."""
    tok = doc[i]
    return (tok.text in FOREIGN_ARTICLES and not tok.is_sent_start and i > 0
            and not doc[i - 1].is_punct and not doc[i - 1].text[:1].isupper())


def _misread_place(ent, index) -> bool:
    """A known place the model read as a date or number ('in Montevideo' typed DATE)."""
    if ent.label_ not in ("DATE", "TIME") or any(ch.isdigit() for ch in ent.text):
        return False
    toks = [t for t in ent if not (t.is_punct or t.lower_ in ARTICLES)]
    return bool(toks) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks) \
        and index.is_place(" ".join(t.text for t in toks))


def _missed_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """Proper names the model left untagged where the words around them say what they are:
    'the Nikkei newspaper' (an organisation kind noun after it), 'talks in Montevideo' (a known
    place after a locative preposition)."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered |= {t.i for ent in doc.ents if ent.label_ not in NON_ENTITY_LABELS for t in ent}
    org_tokens = {i for m in mentions if m.label == "ORG" and not index.country(m.name)
                  for i in range(m.token_start, m.token_end)}
    place_tokens = {i for m in mentions if m.label in PLACE_LABELS or index.country(m.name)
                    for i in range(m.token_start, m.token_end)}
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.text.isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() \
                and j + 1 not in covered:
            j += 1
        titles = [k for k in range(i, j + 1) if is_title(doc[k].text) and doc[k].text[:1].isupper()]
        if titles and titles[-1] < j and j - titles[-1] <= 3:
            m = _name_mention(doc, doc[titles[-1] + 1:j + 1], titles[-1] + 1, j + 1, sent_starts, index, label="PERSON")
            if m is not None:      # 'Energy Minister Terje Lunde' left untagged
                m.attributes["label_cue"] = "missed name after a title"
                out.append(m)
            i = j + 1
            continue
        span = doc[i:j + 1]
        label = None
        after = doc[j + 1] if j + 1 < len(doc) else None
        before = doc[i - 1] if i > 0 else doc[i]
        root = span.root
        linked = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        if any(c.dep_ == "appos" and c.is_lower and c.lower_ in ORG_KIND_NOUNS for c in root.children):
            label = "ORG"       # 'Servel, the independent agency that runs elections, ...'
        elif after is not None and after.is_lower and after.lower_ in CLUB_ROLE_NOUNS and j + 2 < len(doc) \
                and doc[j + 2].ent_type_ == "PERSON" and not index.country(span.text):
            label = "ORG"       # 'Sevilla coach Diego Alonso'
        elif j == i and index.country(tok.text) and any(t.i in place_tokens for t in linked):
            label = "GPE"       # 'Uruguay and Paraguay are members' with 'Uruguay' left untagged
        elif tok.is_sent_start and j == i:
            pass                # a capitalised first word is no evidence of a name
        elif any(t.i in org_tokens for t in linked) and not first_name_gender(tok.text):
            label = "ORG"       # 'Real Sociedad and Sevilla had made offers'
        elif tok.is_sent_start:
            pass
        elif after is not None and after.is_lower and after.lower_ in ORG_KIND_NOUNS and span.root.head.i == after.i \
                and before.lower_ in ARTICLES and not is_title(span[-1].text):
            label = "ORG"       # 'the Nikkei newspaper'
        elif j > i and before.lower_ in ARTICLES and _head_noun_label(span.text) and not is_title(span[0].text):
            label = _head_noun_label(span.text)    # 'the Booker Prize', 'the Volta Shipping Company'
        elif before.lower_ in LOCATIVE_PREPOSITIONS | {"at", "to", "from"} and index.is_place(span.text) \
                and (after is None or after.pos_ != "PROPN"):
            label = "GPE"       # 'a summit in Montevideo'
        if label and _is_proper_name(span.text):
            out.append(Mention(
                index=0, text=span.text, name=span.text, label=label, start=span.start_char, end=span.end_char,
                token_start=i, token_end=j + 1, sentence=_sentence_of(sent_starts, i), kind="name",
                attributes={"label_cue": "missed name"},
            ))
        i = j + 1
    return out


# -- types from the words around a name ----------------------------------------------------------
def _context_types(doc, mentions: list[Mention], index) -> None:
    """Type a name by what the text says about it, over the model's guess: 'the law firm X',
    'X coach Jane Doe', 'signed for X', 'X denied the report', a team named after its city
    ('Atletico Madrid' read as a person), the Moon. A name so typed carries ``label_cue``
    (the rule), which resolution counts as stronger evidence than the model's label."""
    person_parts = frozenset(p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split())
    for m in mentions:
        if m.attributes.get("derived_from") or m.attributes.get("label_cue"):
            continue
        found = _context_label(doc, m, index, person_parts)
        if found and found[0] != m.label:
            m.label, m.attributes["label_cue"] = found
    _spread_over_coordination(doc, mentions, index)
    _type_by_later_description(doc, mentions, index)
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


def _context_label(doc, m: Mention, index, person_parts: frozenset = frozenset()) -> Optional[tuple[str, str]]:
    """(label, rule) the words around one name prove, or None; strongest evidence first."""
    name, label = m.name, m.label
    if index.country(name) or m.attributes.get("title") or m.attributes.get("abbreviates"):
        return None
    if _dateline(doc, m) or (" " not in name and name in person_parts):
        return None      # 'SAN FRANCISCO, Jan 22 -' parses as a subject; 'Ferrand' is a person's surname
    nxt = doc[m.token_end] if m.token_end < len(doc) else None
    if nxt is not None and nxt.text in ("-", "–") and m.token_end + 1 < len(doc) \
            and doc[m.token_end + 1].lower_ in ("based", "headquartered"):
        return "GPE", "'-based' after it"                  # 'Bergen-based Nordvind'
    if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and doc[m.token_end - 1].head.i == nxt.i \
            and doc[m.token_end - 1].dep_ in ("compound", "amod", "nmod"):
        if nxt.lower_ in FAC_HEADS:
            return "FAC", f"'{nxt.lower_}' after it"       # 'the Metropolitano stadium'
        if nxt.lower_ in ORG_KIND_NOUNS - {"group", "party", "union"}:
            return "ORG", f"'{nxt.lower_}' after it"       # 'the Nikkei newspaper'
    root = doc[m.token_start:m.token_end].root
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    if index.is_celestial(name) and m.token_end - m.token_start == 1 and _celestial_context(doc, m, prev):
        return "LOC", "celestial body"
    if label == "WORK_OF_ART" and not _quoted(doc, m.token_start, m.token_end):
        head = _head_noun_label(name)
        if head:
            return head, "institution word at the end"     # 'Financial Times' without quotes
    kind = _kind_noun_before(doc, m, prev, root)
    if kind:
        return kind
    if label == "PERSON" and _person_unlikely(name, index):
        return "ORG", "team or firm named after a place"   # 'Atletico Madrid', 'Inter Milan'
    if label == "PERSON" and first_name_gender(name.split()[0]) and " " in name:
        return None
    role = _role_after(doc, m) if label != "PERSON" else None     # 'Biden spokesman X' is a person's
    if role and (role in CLUB_ROLE_NOUNS or not index.is_place(name)):
        return "ORG", f"'{role}' of it"
    joined = _joined(root)
    if joined and (label in ("GPE", "LOC", "NORP", "FAC") and not index.is_place(name)
                   or label == "PERSON" and joined != "join"):
        return "ORG", "joined or signed for"      # 'joined X' may be a person; 'signed for X' is not
    if label in ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") and not index.is_place(name) and _told(root):
        return "ORG", "was told or interviewed"         # 'told Les Echos', 'in an interview with X'
    if label in ("GPE", "LOC") and not index.is_place(name) and root.dep_ == "nsubj" \
            and root.head.lemma_.lower() in SPEAKER_VERBS:
        return "ORG", "speaks as a body"
    return None


SPATIAL_PREPOSITIONS = frozenset("on to from around near toward towards beyond past onto".split())
SPATIAL_VERBS = frozenset("orbit reach land explore observe circle visit".split())
BODY_PART_NOUNS = frozenset("surface pole orbit atmosphere crust gravity side core ice rocks soil sky "
                            "landing mission rover lander probe exploration".split())


def _dateline(doc, m: Mention) -> bool:
    """The place of a wire dateline ('SAN FRANCISCO, Jan 22 -', 'MADRID -') at the very start."""
    return m.token_start <= 1 and (m.name.isupper() or m.token_start == 0) and len(doc) > m.token_end \
        and doc[m.token_end].text in (",", "-", "–", "—", "(")


def _celestial_context(doc, m: Mention, prev) -> bool:
    """'the Moon's south pole', 'on Mars', 'orbit Venus', 'a Mars rover': the body itself, not a
    namesake ('told the Sun', 'speaking to the Sun', 'the Sun reported' are a newspaper)."""
    root = doc[m.token_start:m.token_end].root
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


def _kind_noun_before(doc, m: Mention, prev, root) -> Optional[tuple[str, str]]:
    """'the law firm X', 'the newspaper X', 'the port city X'; 'X, a trade bloc,'; 'X is a club'."""
    if prev is not None and prev.is_lower and (prev.head.i >= m.token_start and prev.head.i < m.token_end
                                               or root.head.i == prev.i):
        word = prev.lower_
        if word in ORG_KIND_NOUNS:
            return "ORG", f"'{word}' before it"
        if word in PLACE_KIND_NOUNS and m.label != "PERSON":
            return "GPE", f"'{word}' before it"
    described = [c for c in root.children if c.dep_ == "appos" and c.is_lower]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        described += [c for c in root.head.children if c.dep_ == "attr" and c.is_lower]
    for c in described:
        if c.lower_ in ORG_KIND_NOUNS and not any(ch.dep_ == "prep" for ch in c.children):
            return "ORG", f"described as a {c.lower_}"
    return None


def _person_unlikely(name: str, index) -> bool:
    """A 'person' whose later word is a known place and whose first word is no first name
    ('Atletico Madrid', 'Dynamo Kyiv'): a team or firm named after its home."""
    parts = name.split()
    if len(parts) < 2 or first_name_gender(parts[0]) or is_title(parts[0]):
        return False
    return any(index.is_place(p) and p[:1].isupper() for p in parts[1:])


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
    if tok.is_lower and (tok.lower_ in CLUB_ROLE_NOUNS or tok.lower_ in ORG_ROLE_NOUNS):
        return tok.lower_
    return None


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


def _told(root) -> bool:
    """'X told Y', 'in an interview with Y': Y is someone who listens, a person or a medium."""
    if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() == "interview"


def _spread_over_coordination(doc, mentions: list[Mention], index) -> None:
    """'offers from X and Y' where Y is shown to be a club: X, typed as a place or person that no
    gazetteer knows, is one too. Only a cue-proven organisation spreads its type."""
    by_root = {doc[m.token_start:m.token_end].root.i: m for m in mentions if m.kind == "name"}
    person_parts = {p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split()}
    for m in mentions:
        if m.label != "ORG" or not m.attributes.get("label_cue"):
            continue
        root = doc[m.token_start:m.token_end].root
        linked = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        for tok in linked:
            other = by_root.get(tok.i)
            if other is None or other.label == "ORG" or other.attributes.get("derived_from") or _dateline(doc, other) \
                    or index.is_place(other.name) or (other.label == "PERSON" and (
                        first_name_gender(other.name.split()[0]) or other.name in person_parts)):
                continue
            other.label, other.attributes["label_cue"] = "ORG", "listed with an organisation"


def _of_something(doc, m: Mention) -> bool:
    """'a summit of X', 'the members of X': X is what the noun before 'of' belongs to."""
    root = doc[m.token_start:m.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN"


def _after_locative(doc, m: Mention) -> bool:
    root = doc[m.token_start:m.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS | {"at", "to"}


MEMBERSHIP_NOUNS = frozenset("bloc alliance federation league association union organisation organization".split())


def _type_by_later_description(doc, mentions: list[Mention], index) -> None:
    """'a summit of X in Y, where the trade bloc is based': a definite organisation noun after a
    name typed as a place that no gazetteer knows, in the same sentence, describes that name; a
    body of members ('the bloc', 'the alliance') may look back one sentence more."""
    names = [m for m in mentions if m.kind == "name"]
    sent_starts = [s.start for s in doc.sents]
    for tok in doc:
        if not (tok.is_lower and tok.lower_ in ORG_KIND_NOUNS and tok.tag_ in ("NN", "NNP")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
            continue
        sent_start = tok.sent.start
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
                  and (m.token_start >= tok.sent.start or _of_something(doc, m))]
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
        if not 2 <= len(parts) <= 3 or _head_noun_label(m.name) or index.is_place(m.name) \
                or not all(p[:1].isupper() for p in parts) or any(ch.isdigit() for ch in m.name):
            continue
        if _person_context(doc, m):
            m.label, m.attributes["label_cue"] = "PERSON", "a person's title or role next to it"


def _person_context(doc, m: Mention) -> bool:
    """A title or occupation in apposition ('its president, X'; 'X, a lawyer') or right before
    the name ('spokeswoman X')."""
    root = doc[m.token_start:m.token_end].root
    if root.dep_ == "appos" and root.head.is_lower and _is_person_noun(root.head):
        return True
    if any(c.dep_ == "appos" and c.is_lower and _is_person_noun(c) for c in root.children):
        return True
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    return bool(prev is not None and prev.is_lower and _is_person_noun(prev)
                and m.token_start <= prev.head.i < m.token_end)


def _is_person_noun(tok) -> bool:
    word = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (is_title(word) or is_role(word) or is_title(tok.lower_) or is_role(tok.lower_))


def _correct_labels(doc, mentions: list[Mention], index) -> None:
    """Fix the small model's usual slips with evidence from the document itself."""
    person_tokens: set[str] = set()
    org_tokens: set[str] = set()
    for m in mentions:
        head_label = _head_noun_label(m.name) if m.label == "PERSON" else None
        if head_label:
            m.label = head_label   # '... Robotics', '... Space Telescope'
        elif m.label == "PERSON" and _person_unlikely(m.name, index):
            m.label, m.attributes["label_cue"] = "ORG", "team or firm named after a place"   # 'Atletico Madrid'
            for key in PERSON_ATTRIBUTES:
                m.attributes.pop(key, None)
    _persons_by_context(doc, mentions, index)
    for m in mentions:
        parts = m.name.split()
        if m.label == "PERSON":
            if len(parts) > 1:
                person_tokens.update({parts[0], parts[-1]})
        elif m.label == "ORG" and len(parts) > 1:
            org_tokens.update(parts)
    single_persons = {m.name for m in mentions if m.label == "PERSON" and " " not in m.name}
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
                    index.country(m.name) or index.is_capital(m.name))):
                m.label = "PERSON"    # a surname of a person named in the document
                continue
            if m.label not in PLACE_LABELS:
                country = index.country(m.name) if not m.name.isupper() else None
                if country or index.is_capital(m.name) or _territory_context(doc, m, index) or _place_shape(m.name):
                    m.label = "GPE"
                    continue
            if m.label != "WORK_OF_ART" and _work_context(doc, m):
                m.label = "WORK_OF_ART"
            continue
        # PERSON-labelled names that are no persons
        if m.name.replace(".", "").isupper() and len(m.name) > 1:
            m.label = "ORG"       # persons are not written in capitals: an acronym
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
    _context_types(doc, mentions, index)
    _propagate(mentions, before)


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


def _harmonize(doc, mentions: list[Mention]) -> None:
    """One bare name, one reading per document: a word that is nobody's full name here and is
    typed PERSON in one place and a place or organisation in another is not a person, unless
    most mentions read it as a person and no context rule typed the others."""
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


def _type_island_short_forms(mentions: list[Mention]) -> None:
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
    if not 2 <= len(m.name.split()) <= 3 or m.token_start == 0 or _head_noun_label(m.name):
        return False
    prev = doc[m.token_start - 1]
    return prev.text[:1].isupper() and is_title(prev.text) and prev.dep_ == "compound"


def _looks_like_initials_name(name: str) -> bool:
    """'P.D. Harrington', 'J. K. Rowling': initials then a surname."""
    parts = name.split()
    return len(parts) >= 2 and parts[-1][:1].isupper() and parts[-1].isalpha() and all(
        len(p.replace(".", "")) <= 2 and p.endswith(".") and p[0].isupper() for p in parts[:-1])


def _work_context(doc, m: Mention) -> bool:
    """'X, the third novel by ...', 'the film X': a title, not an organisation."""
    root = doc[m.token_start:m.token_end].root
    for c in root.children:
        if c.dep_ == "appos" and c.lemma_.lower() in WORK_NOUNS:
            return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in WORK_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CREATOR_NOUNS:
        return True   # 'author of X'
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    return bool(prev is not None and prev.lemma_.lower() in WORK_NOUNS and prev.dep_ in ("compound", "nmod"))


def _head_noun_label(name: str) -> Optional[str]:
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
    return None


def _territory_context(doc, m: Mention, index, any_place: bool = False) -> bool:
    """'the annexation of X', 'the capital of X'; a gazetteer place after 'in'/'into'; with
    ``any_place`` (a one-word 'person' that is nobody's name here) any name after 'in'/'into'."""
    root = doc[m.token_start:m.token_end].root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in TERRITORY_HEADS:
        return True
    if prep.lower_ in LOCATIVE_PREPOSITIONS:
        return any_place or (index.is_place(m.name) and m.label == "ORG")
    return False


def _sentence_of(sent_starts: list[int], token_i: int) -> int:
    return max(0, bisect_right(sent_starts, token_i) - 1)
