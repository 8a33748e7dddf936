"""Entity mentions from spaCy's named entities, cleaned and typed.

A mention's name is what a reader would call the entity: no leading article, no possessive,
no surrounding punctuation, no title ("Russian President Jane Doe" -> "Jane Doe" with
attributes title/nationality). Offsets are those of the cleaned name. Labels are corrected
where the text says better than the small model (a surname of a person named in the same
document is a PERSON; a known country is a GPE; "the annexation of X" makes X a place).
Nationality adjectives are no mentions of their own, except where they stand for the country
in a title or institution ("Kenyan President X", "the Brazilian central bank"): then a GPE
mention of the country is emitted, so relations such as leader_of can reach it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from .model import Mention
from .names import ARTICLES, INSTITUTION_WORDS, PRONOUNS, cue_gender, first_name_gender, is_role, is_title
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
LOCATIVE_PREPOSITIONS = frozenset({"in", "into", "across", "throughout", "near"})
ORG_HEADS = frozenset("""inc corp corporation co ltd llc plc group company bank university institute agency
party association council committee commission ministry department foundation federation union league
club fc post times news journal network airlines airways motors technologies labs laboratories
systems holdings partners fund court robotics pharmaceuticals therapeutics energy media studios
ventures capital entertainment telecom parliament assembly senate army navy police""".split())
FAC_HEADS = frozenset("""airport bridge stadium arena tower station hospital museum palace square street
avenue hall building centre center port base prison cathedral church mosque temple""".split())
PLACE_HEADS = frozenset("county province region district prefecture governorate oblast islands island "
                        "valley peninsula".split())
PLACE_FIRST_WORDS = frozenset({"county", "province", "lake", "mount", "cape"})
PRODUCT_HEADS = frozenset("telescope rover satellite spacecraft probe vaccine app".split())
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
PUNCT_EDGE = set("\"'“”‘’«»()[]{},;:!?-–—.*")
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})


def extract_mentions(doc) -> list[Mention]:
    """Cleaned name mentions (kind 'name') in document order, ``index`` == position."""
    sent_starts = [s.start for s in doc.sents]
    index = country_index()
    raw: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        if ent.label_ == "NORP" or (index.demonym(ent.text) and not index.country(ent.text)):
            raw.extend(_demonym_mentions(doc, ent, sent_starts, index))
            continue
        for start, end in _pieces(doc, ent):
            m = _name_mention(doc, ent, start, end, sent_starts, index)
            if m is not None:
                raw.append(m)
    raw.extend(_missed_surnames(doc, raw, sent_starts))
    _correct_labels(doc, raw, index)
    _harmonize(doc, raw)
    raw.sort(key=lambda m: (m.start, m.end, m.name))
    _mark_abbreviations(doc, raw)
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
    end = _extend_to_closing_quote(doc, start, end)
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


def _name_mention(doc, ent, start: int, end: int, sent_starts, index) -> Optional[Mention]:
    attributes: dict = {}
    written = doc[start:end].text
    label = ent.label_
    if start < ent.start:
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
        elif (low in ARTICLES or tok.tag_ == "DT") and (tok.is_lower or (low == "the" and label != "WORK_OF_ART")):
            start += 1
        elif label == "PERSON" and end - start > 1 and (is_title(tok.text) or low == "former"):
            _add_title(attributes, tok)
            start += 1
        elif label == "PERSON" and end - start > 2 and index.demonym(tok.text) and is_title(doc[start + 1].text):
            attributes["nationality"] = tok.text
            start += 1
        else:
            break
    # trailing possessives and punctuation
    while end > start:
        tok = doc[end - 1]
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s") or _is_edge_punct(tok):
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
    for a, b in zip(mentions, mentions[1:]):
        between = doc.text[a.end:b.start].strip()
        after = doc.text[b.end:b.end + 2].strip()[:1]
        if between == "(" and after == ")" and a.label != "PERSON" and len(b.name) < len(a.name) \
                and any(w.replace(".", "").isupper() for w in b.name.split()):
            b.attributes["abbreviates"] = a.name
            b.label = a.label


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


# -- label corrections over the whole document ---------------------------------------------------
def _correct_labels(doc, mentions: list[Mention], index) -> None:
    """Fix the small model's usual slips with evidence from the document itself."""
    person_tokens: set[str] = set()
    org_tokens: set[str] = set()
    for m in mentions:
        head_label = _head_noun_label(m.name) if m.label == "PERSON" else None
        if head_label:
            m.label = head_label   # '... Robotics', '... Space Telescope'
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
            elif m.token_start > 0 and doc[m.token_start - 1].lower_ == "the" and "title" not in m.attributes:
                m.label = "ORG"
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
    typed PERSON in one place and a place or organisation in another is not a person."""
    person_parts = {p for m in mentions if m.label == "PERSON" and " " in m.name for p in m.name.split()}
    labels: dict[str, list[str]] = {}
    for m in mentions:
        if " " not in m.name and not m.attributes.get("derived_from"):
            labels.setdefault(m.name, []).append(m.label)
    for name, seen in labels.items():
        others = [label for label in seen if label != "PERSON"]
        if name in person_parts or not others or len(others) == len(seen):
            continue
        best = max(sorted(set(others)), key=others.count)
        for m in mentions:
            if m.name == name and m.label == "PERSON":
                m.label = best


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
    if last in ORG_HEADS:
        return "ORG"
    if last in FAC_HEADS:
        return "FAC"
    if last in PRODUCT_HEADS:
        return "PRODUCT"
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
