"""Entity mentions from spaCy's named entities, cleaned and typed: ``extract_mentions(doc)``.

Each named entity is cut into the names it holds and cleaned (name_spans.py); names the model
missed are added (missed_names.py); labels are corrected from the words around them
(entity_types.py). Nationality adjectives are no mentions of their own, except where they stand
for the country in a title or institution ("Kenyan President X", "the Brazilian central bank"):
then a GPE mention of the country is emitted, so relations such as leader_of can reach it. An
abbreviation ("Long Form (LF)") carries ``abbreviates`` and an alias the text introduces ("the
islands, which it calls the Malvinas") ``alias_of``.
"""

from __future__ import annotations

from typing import Optional

from .entity_types import correct_labels, harmonize, type_island_short_forms
from .missed_names import missed_surnames, repeated_names, with_missed_names
from ..model import Mention
from .name_spans import CLUB_AFFIXES, MODIFIER_DEPS, NON_ENTITY_LABELS, name_mention, office_of, sentence_of
from .names import (ARTICLES, FOREIGN_ARTICLES, INSTITUTION_WORDS, SURNAME_PARTICLES, first_name_gender,
                    is_english_verb, is_role, is_title)
from .places import country_index
from .doc_view import view_of


def extract_mentions(doc) -> list[Mention]:
    """Cleaned name mentions (kind 'name') in document order, ``index`` == position."""
    doc = view_of(doc)      # tokens, text, entities and sentences read once
    sent_starts = doc.sent_starts
    index = country_index()
    raw: list[Mention] = []
    for ent in doc.ents:
        label = ent.label_
        if label in NON_ENTITY_LABELS:
            if _misread_place(doc, ent, label, index):
                m = name_mention(doc, ent, ent.start, ent.end, sent_starts, index, label="GPE")
                if m is not None:
                    raw.append(m)
            continue
        ent_text = doc.span_text(ent.start, ent.end)
        if label == "NORP" or (index.demonym(ent_text) and not index.country(ent_text)):
            if index.demonym(ent_text) or label != "NORP":
                raw.extend(_demonym_mentions(doc, ent, sent_starts, index))
                continue
            # a NORP that is no nationality ('the Spanish daily Marca') is kept only where the
            # words around it type it (_context_types); still NORP after that, it is dropped
        for start, end, piece_label in _pieces(doc, ent, label, index):
            m = name_mention(doc, ent, start, end, sent_starts, index, label=piece_label)
            if m is not None:
                raw.append(m)
    raw = _split_person_pairs(doc, raw, sent_starts)
    raw = _join_particle_names(doc, raw, sent_starts, index)
    raw = _join_split_words(doc, raw, sent_starts, index)
    raw.extend(missed_surnames(doc, raw, sent_starts))
    raw = with_missed_names(doc, raw, sent_starts, index)
    raw = _names_before_initials(doc, raw, sent_starts, index)
    correct_labels(doc, raw, index)
    harmonize(doc, raw)
    type_island_short_forms(raw)
    raw = [m for m in raw if m.label != "NORP"]     # groups of people are no nodes
    raw.extend(repeated_names(doc, raw, sent_starts))
    _keep_title_article(doc, raw)
    raw.sort(key=lambda m: (m.start, m.end, m.name))
    _mark_abbreviations(doc, raw)
    _mark_aliases(doc, raw)
    for i, m in enumerate(raw):
        m.index = i
    return raw


# -- one named entity -> one cleaned mention ---------------------------------------------------
def _pieces(doc, ent, label: str, index) -> list[tuple[int, int, Optional[str]]]:
    """Token ranges of the names inside one entity, each with a label where it differs from the
    entity's: 'Agency (ACME)' and a dateline 'CITY - Name' hold two names, and so does a person
    glued to a place by a preposition ('invited Jane Roe to Ruritania'); a first name the model
    left out is taken back in, and so are the rest of a hyphenated given name ('Kim Min-ji') and
    a last name left untagged ('Prime Minister Abdou Issa Garba')."""
    texts, pos, ent_type = doc.texts, doc.pos, doc.ent_type
    start, end = ent.start, ent.end
    campaign = None
    if start > 0 and label in ("ORG", "PERSON") and end - start <= 3:
        prev = start - 1
        if pos[prev] == "PROPN" and texts[prev].istitle() and not ent_type[prev] \
                and first_name_gender(texts[prev]):
            start -= 1
        elif _campaign_verb(doc, prev):
            start, campaign = start - 1, "ORG"      # 'Save Ruritania Park' tagged 'Ruritania Park'
    if start > 0 and label in ("ORG", "WORK_OF_ART", "PERSON", "GPE") and _foreign_article(doc, start - 1):
        start -= 1      # 'the sports daily A Bola'
    if start > 0 and texts[start - 1] in CLUB_AFFIXES and not ent_type[start - 1]:
        start -= 1      # 'FC Barcelona' tagged 'Barcelona'
    end = _extend_to_closing_quote(doc, start, end)
    end = _extend_to_head_word(doc, ent, label, end)
    after_office = _office_portfolio_end(doc, start, end, index)
    if after_office is not None:
        start, label, campaign = after_office, "PERSON", "PERSON"      # 'Secretary of State Jane Roe' tagged 'State Jane Roe'
    if label == "PERSON":
        end = _extend_person_name(doc, start, end, index)
    is_lower, spaced = doc.is_lower, doc.columns.spacy
    cuts = [i for i in range(start, end) if texts[i] in ("(", ")", "[", "]")
            or (pos[i] in ("VERB", "AUX") and start < i < end - 1 and is_lower[i])]   # 'X told the Y'
    place_after = set()
    if label == "PERSON":       # 'Jane Roe to Ruritania': a person's name holds no preposition
        preps = [i for i in range(start + 1, end - 1) if is_lower[i] and pos[i] == "ADP"
                 and doc.lower[i] not in SURNAME_PARTICLES]
        cuts += preps
        place_after = {i + 1 for i in preps if doc.lower[i] in PLACE_PREPOSITIONS}

    dash = [i for i in range(start, end) if texts[i] in ("-", "–", "—") and i > start and spaced[i]
            and doc.span_text(start, i).isupper()]
    out, lo = [], start
    for cut in sorted(set(cuts + dash)):
        if cut > lo and not (cut in dash):
            out.append((lo, cut, "GPE" if lo in place_after else campaign if lo == start else None))
        lo = cut + 1
    if lo < end:
        out.append((lo, end, "GPE" if lo in place_after else campaign if lo == start else None))
    return out


def _office_portfolio_end(doc, start: int, end: int, index) -> Optional[int]:
    """'Secretary of State Jane Roe', 'Minister of Home Affairs John Doe' tagged from the
    portfolio on: the first word after the portfolio that is a first name begins the person's
    name, provided a capitalised word follows it. A place stays ('President of Ruritania Jane
    Roe' names the country). None where the entity holds no such name."""
    if not office_of(doc, start):
        return None
    texts = doc.texts
    for k in range(start + 1, min(end - 1, start + 4)):
        if not texts[k][:1].isupper() or doc.lower[k] in ("and", "of"):
            return None
        if first_name_gender(texts[k]) and texts[k + 1][:1].isupper():
            portfolio = doc.span_text(start, k)
            return None if index.is_place(portfolio) or index.country(portfolio) else k
    return None


def _campaign_verb(doc, i: int) -> bool:
    """'Save' in 'Save Ruritania Park', 'Stop' in 'Stop Borduria Airport': a capitalised verb,
    read as a proper noun inside a sentence and written right before a name, begins a campaign's
    name (an organisation). At a sentence start it is the verb of the sentence ('Tell Roe ...')."""
    tok = doc[i]
    return doc.pos[i] == "PROPN" and tok.dep_ == "compound" and not tok.is_sent_start \
        and doc.texts[i].istitle() and is_english_verb(doc.texts[i]) and not is_title(doc.texts[i])


# Prepositions after which a name glued to a person's is where someone goes or is.
PLACE_PREPOSITIONS = frozenset("to in at from into near".split())


# Words a hyphen joins to a name to make an adjective of it ('Rotterdam-based', 'a Roe-era rule').
NAME_SUFFIX_WORDS = frozenset("based led born owned run backed era style type linked affiliated".split())


def _extend_person_name(doc, start: int, end: int, index) -> int:
    """A person's name the model cut short: the rest of a hyphenated given name written without
    spaces ('Kim Min' + '-ji'), and one more capitalised word it left untagged right after the
    name ('Abdou Issa' + 'Garba'), unless that word is a known place or begins a longer name."""
    texts, spaced, n = doc.texts, doc.columns.spacy, len(doc)
    if end + 1 < n and texts[end] in ("-", "‐") and not spaced[end - 1] and not spaced[end] \
            and texts[end + 1].isalpha() and not doc.ent_type[end + 1] and end - start >= 2 \
            and doc.tag[end + 1] not in ("VBN", "VBD", "VBG") and doc.lower[end + 1] not in NAME_SUFFIX_WORDS:
        return end + 2      # not 'Rotterdam-based', 'Jane Roe-led'

    if end < n and doc.pos[end] == "PROPN" and texts[end].istitle() and texts[end].isalpha() \
            and not doc.ent_type[end] and not doc.is_sent_start[end] and spaced[end - 1] \
            and not is_title(texts[end]) and not index.is_city(texts[end]) \
            and not (end + 1 < n and (doc.pos[end + 1] == "PROPN" or texts[end + 1] in ("-", "‐"))):
        return end + 1
    return end


def _extend_to_head_word(doc, ent, label: str, end: int) -> int:
    """'the Booker Prize' tagged 'Booker': the capitalised noun the name modifies, written right
    after it and left out of every entity, belongs to the name (not an office: 'Kenya President')."""
    if label not in ("ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"):
        return end
    texts, pos, ent_type, head, dep = doc.texts, doc.pos, doc.ent_type, doc.head, doc.dep
    while end < len(doc) and end - ent.start < 6:
        text, last = texts[end], end - 1
        if not (pos[end] == "PROPN" and text[:1].isupper() and text[1:].islower() and not ent_type[end]
                and head[last] == end and dep[last] == "compound" and not is_title(text)
                and not doc.is_sent_start[end]):
            break
        end += 1
    return end


TITLE_FUNCTION_WORDS = frozenset("in of the a an and for on to at by with from".split())


def _extend_to_closing_quote(doc, start: int, end: int) -> int:
    """A quoted title the model cut short: 'Soil Microbes Block X in Y' up to its closing quote."""
    quote, n = doc.is_quote, len(doc)
    if start == 0 or not quote[start - 1] or (end < n and quote[end]):
        return end
    texts, lower = doc.texts, doc.lower
    sent_end = doc.sent_span(start)[1]
    for j in range(end, min(end + 8, sent_end)):
        text = texts[j]
        if quote[j] or (text in (",", ".") and j + 1 < n and quote[j + 1]):
            return j
        if not (text[:1].isupper() or lower[j] in TITLE_FUNCTION_WORDS):
            return end
    return end


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
        sentence=sentence_of(sent_starts, ent.start), kind="name", attributes={"derived_from": "demonym"},
    )]


def _stands_for_country(doc, adj) -> bool:
    """'Kenyan President X', 'Russian parliament member X', 'the Brazilian central bank'."""
    head = adj.head
    if head.lower_ in INSTITUTION_WORDS or head.lemma_.lower() in INSTITUTION_WORDS:
        return True
    if head.i > adj.i and any(t.lower_ in INSTITUTION_WORDS for t in doc[adj.i + 1:head.i]):
        return True   # 'the Brazilian central bank governor'
    if _state_title(head.text) and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return True   # 'the Kenyan president, William Ruto'
    # the adjective sits in the modifiers of a person's name, with a title or role between them
    node = head
    for _ in range(5):
        if node.ent_type_ == "PERSON":
            between = doc[adj.i + 1:node.i]
            return any(_state_title(t.text) or t.lower_ in INSTITUTION_WORDS for t in between if not t.ent_type_)
        if node.dep_ not in MODIFIER_DEPS or node.head.i <= node.i:
            return False
        node = node.head
    return False


# Titles of a job anyone may hold in any firm or trade: 'the Nigerian director X' is a
# director of Nigerian nationality, not an officer of Nigeria ('the Nigerian president X' is).
PRIVATE_TITLES = frozenset("""director coach manager ceo cfo coo cto founder co-founder chairman chairwoman
chairperson chair executive chief-executive mr mrs ms miss mx dr prof professor sir dame head""".split())


def _state_title(word: str) -> bool:
    """An office a nationality adjective before it may stand for the country in."""
    return is_title(word) and word.casefold().rstrip(".") not in PRIVATE_TITLES


# Words a name's initials skip ('Centre national du cinéma (CNC)', 'Bank of England (BoE)').
INITIALS_SKIPPED = frozenset("of the and for de du des la le les d' et di del della da do dos das van von "
                             "und y e".split())


def _initials_match(words: list[str], initials: str) -> bool:
    """The first letters of the words that count, in order, are the initials."""
    firsts = [w[0].casefold() for w in words if w.casefold() not in INITIALS_SKIPPED and w[:1].isalpha()]
    return "".join(firsts) == initials.casefold()


def _names_before_initials(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'the Centre national du cinéma (CNC)', 'Médecins Sans Frontières (MSF)': a name of two words
    or more that the model cut (a foreign name partly in lower case) or missed, with its initials,
    is taken whole where the initials in brackets right after it match its words from a
    capitalised first word; the initials become a mention too. Pieces inside it give way to it;
    a name the model already has whole is left as it is."""
    texts = doc.texts
    added: list[Mention] = []
    for p in range(1, len(doc) - 2):
        initials = texts[p + 1]
        if texts[p] != "(" or texts[p + 2] != ")" or not (initials.isupper() and initials.isalpha()
                                                           and 2 <= len(initials) <= 6):
            continue
        start = _initials_start(doc, p, initials)
        if start is None or p - start < 2 or any(m.token_start <= start and p <= m.token_end for m in mentions):
            continue
        whole = name_mention(doc, doc[start:p], start, p, sent_starts, index, label="ORG")
        short = name_mention(doc, doc[p + 1:p + 2], p + 1, p + 2, sent_starts, index, label="ORG")
        if whole is None or short is None:
            continue
        for m in (whole, short):
            m.attributes["label_cue"] = "name matching its initials"
        added += [whole, short]
    if not added:
        return mentions
    spans = [(m.token_start, m.token_end) for m in added]
    kept = [m for m in mentions if not any(a < m.token_end and m.token_start < b for a, b in spans)]
    return kept + added


def _initials_start(doc, paren: int, initials: str) -> Optional[int]:
    """The first token of the words before a bracket whose initials are the given ones, from a
    capitalised word; None if no such run of words is there."""
    texts = doc.texts
    for start in range(paren - 1, max(-1, paren - 3 * len(initials) - 1), -1):
        if not texts[start].isalpha() and texts[start] not in INITIALS_SKIPPED:
            return None
        if texts[start][:1].isupper() and _initials_match(list(texts[start:paren]), initials):
            return start
    return None


def _mark_abbreviations(doc, mentions: list[Mention]) -> None:
    """'Long Form (LF)': the short form in parentheses abbreviates the name just before it (a
    possessive may stand between: "the Federation's (FF) channel")."""
    text = doc.text     # built from the tokens on every access: read it once
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start].strip()
        if between in ("'s (", "’s ("):
            between = "("
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
        root = doc.root(m.token_start, m.token_end)
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
    lower = doc.lower
    for m in mentions:
        conj = [i for i in range(m.token_start, m.token_end) if lower[i] in ("and", "&")]
        if m.label == "PERSON" or len(conj) != 1:
            out.append(m)
            continue
        sides = [(m.token_start, conj[0]), (conj[0] + 1, m.token_end)]
        texts = [doc.span_text(a, b) for a, b in sides]
        if not all(t in people or t in surnames for t in texts):
            out.append(m)
            continue
        for (a, b), text in zip(sides, texts):
            out.append(Mention(
                index=0, text=text, name=text, label="PERSON", start=doc[a].idx, end=doc[a].idx + len(text),
                token_start=a, token_end=b, sentence=sentence_of(sent_starts, a), kind="name", attributes={},
            ))
    return out


def _join_particle_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'Musée du quai Branly' tagged as 'Musée' and 'Branly': two names, not both persons, joined by
    lower-case words that start with a name particle ('du', 'de la', 'del') are one name."""
    out: list[Mention] = []
    lower = doc.lower
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and {prev.label, m.label} != {"PERSON"} and 1 <= m.token_start - prev.token_end <= 3 \
                and lower[prev.token_end] in SURNAME_PARTICLES \
                and all(doc[i].is_lower and doc[i].is_alpha for i in range(prev.token_end, m.token_start)) \
                and not (index.country(prev.name) or index.country(m.name)) and prev.sentence == m.sentence:
            a, b = prev.token_start, m.token_end
            text = doc.span_text(a, b)
            out[-1] = Mention(
                index=0, text=text, name=" ".join(text.split()),
                label=m.label if m.label != "PERSON" else prev.label, start=doc.idx[a],
                end=doc.end_char(b), token_start=a, token_end=b,
                sentence=sentence_of(sent_starts, a), kind="name", attributes={},
            )
            continue
        out.append(m)
    return out


def _join_split_words(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'the party's candidate, Tobiasz Mazur,' tagged as two one-word places: two one-word names
    side by side, the first a compound of the second and neither a known place, are one name; in
    apposition to a person noun or a title ('candidate', 'the mayor') it is a person's. 'Ruritania
    Borduria' of two known places and 'in Lyon Acme' (no compound) stay two."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.token_end == m.token_start and prev.token_end - prev.token_start == 1 \
                and m.token_end - m.token_start == 1 and prev.label == m.label and m.label != "PERSON" \
                and doc.head[prev.token_start] == m.token_start and doc.dep[prev.token_start] == "compound" \
                and not any(index.is_place(x.name) or index.country(x.name) for x in (prev, m)):
            a, b = prev.token_start, m.token_end
            text = doc.span_text(a, b)
            out[-1] = Mention(
                index=0, text=text, name=" ".join(text.split()),
                label="PERSON" if _beside_person_noun(doc[m.token_start]) else m.label, start=doc.idx[a],
                end=doc.end_char(b), token_start=a, token_end=b,
                sentence=sentence_of(sent_starts, a), kind="name", attributes={},
            )
            continue
        out.append(m)
    return out


def _beside_person_noun(tok) -> bool:
    """The name stands in apposition to a noun only people are ('candidate', 'lawyer', 'mayor')."""
    linked = [tok.head] if tok.dep_ == "appos" else []
    linked += [c for c in tok.children if c.dep_ == "appos"]
    return any(t.is_lower and (is_role(t.lower_) or is_title(t.lower_)) for t in linked)


def _keep_title_article(doc, mentions: list[Mention]) -> None:
    """'author of The Glass Ledger': a capital 'The' inside a sentence belongs to a work's title;
    so proved once, every mention of that title keeps it ('The Glass Ledger, the third novel')."""
    texts, sent_start = doc.texts, doc.is_sent_start

    def article(m):
        i = m.token_start - 1
        return i >= 0 and texts[i] == "The" and m.label == "WORK_OF_ART" and not m.name.startswith("The ")

    proved = {m.name for m in mentions if article(m) and not sent_start[m.token_start - 1]}
    for m in mentions:
        if m.name in proved and article(m):
            the = doc[m.token_start - 1]
            m.name, m.token_start, m.start = f"The {m.name}", the.i, the.idx
            m.text = doc[m.token_start:m.token_end].text


def _foreign_article(doc, i: int) -> bool:
    """A capitalised article of another language inside a sentence starts a name ('A Bola',
    'El Pais'); at a sentence start it is just the first word."""
    texts = doc.texts
    return (texts[i] in FOREIGN_ARTICLES and not doc.is_sent_start[i] and i > 0
            and not doc.is_punct[i - 1] and not texts[i - 1][:1].isupper())


def _misread_place(doc, ent, label: str, index) -> bool:
    """A known place the model read as a date or number ('in Montevideo' typed DATE)."""
    if label not in ("DATE", "TIME") or any(ch.isdigit() for ch in doc.span_text(ent.start, ent.end)):
        return False
    texts, pos = doc.texts, doc.pos
    toks = [i for i in range(ent.start, ent.end) if not (doc.is_punct[i] or doc.lower[i] in ARTICLES)]
    return bool(toks) and all(pos[i] == "PROPN" and texts[i][:1].isupper() for i in toks) \
        and index.is_place(" ".join(texts[i] for i in toks))
