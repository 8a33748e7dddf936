"""Names the small model missed or cut, taken where the words around them say what they are.

'the Nikkei newspaper', 'Energy Minister Jane Roe', 'talks in Montevideo', 'she told Variety', a
person's surname left untagged later on; whole names over the model's pieces: a quoted title
after 'a report', 'the Supreme Court of X', 'the X and Y Cricket Board', 'Unit 7100'. Rules are
about English words and shapes, never particular names.
"""

from __future__ import annotations

from .doc_view import view_of
from .entity_types import FACILITY_NAME_HEADS, APP_KIND_NOUNS, LOCATIVE_PREPOSITIONS, ORG_HEADS, WORK_NOUNS, head_noun_label
from ..nlp import dateline_tokens
from ..model import Mention
from .name_spans import NON_ENTITY_LABELS, PLACE_LABELS, is_proper_name, name_mention, office_of, sentence_of
from .places import country_index
from .names import ARTICLES, CLUB_ROLE_NOUNS, ORG_KIND_NOUNS, PORTFOLIO_WORDS, first_name_gender, is_role, is_title

# Verbs and phrases that put a title in quotation marks after them ('a report titled "X"').
TITLING_WORDS = frozenset({"titled", "entitled", "called", "named"})
TITLE_FUNCTION_WORDS = frozenset("in of the a an and for on to at by with from or vs".split())
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "``", "''"})
# Words that name a numbered unit of an army, a police or a spy agency ('Unit 74455').
NUMBERED_UNIT_WORDS = frozenset("unit division brigade battalion regiment squadron corps".split())

def missed_surnames(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """A person's surname the model left untagged later on ("Scholz later met ...", "Roe-Smith
    said", a hyphenated surname written as three tokens)."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.name}
    if not surnames:
        return []
    doc = view_of(doc)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    texts, pos = doc.texts, doc.pos
    out = _missed_hyphenated_surnames(doc, surnames, covered, sent_starts)
    for i in range(len(doc)):
        if texts[i] not in surnames or i in covered or pos[i] != "PROPN":
            continue
        tok = doc[i]
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and not n.is_punct for n in neighbours):
            continue   # part of a longer name the model did not tag: leave it alone
        out.append(Mention(
            index=0, text=tok.text, name=tok.text, label="PERSON", start=tok.idx, end=tok.idx + len(tok.text),
            token_start=tok.i, token_end=tok.i + 1, sentence=sentence_of(sent_starts, tok.i), kind="name",
            attributes={},
        ))
    return out


def _missed_hyphenated_surnames(doc, surnames: set[str], covered: set[int], sent_starts) -> list[Mention]:
    """'Roe-Smith said' after 'Jane Roe-Smith': the surname's three tokens (word, hyphen, word),
    untagged and not part of a longer capitalised run."""
    texts = doc.texts
    parts = {tuple(_hyphen_split(s)) for s in surnames if "-" in s.strip("-")}
    out = []
    for words in sorted(parts):
        k = len(words)
        for i in range(len(doc) - k + 1):
            if tuple(texts[i:i + k]) != words or any(j in covered for j in range(i, i + k)):
                continue
            if (i > 0 and texts[i - 1][:1].isupper() and doc.pos[i - 1] == "PROPN") \
                    or (i + k < len(doc) and texts[i + k][:1].isupper() and doc.pos[i + k] == "PROPN"):
                continue   # part of a longer name
            name = "".join(words)
            start = doc.idx[i]
            out.append(Mention(index=0, text=name, name=name, label="PERSON", start=start, end=start + len(name),
                               token_start=i, token_end=i + k, sentence=sentence_of(sent_starts, i), kind="name",
                               attributes={}))
            covered.update(range(i, i + k))
    return out


def _hyphen_split(word: str) -> list[str]:
    """'Roe-Smith' -> ['Roe', '-', 'Smith']: a hyphenated word as the tokenizer cuts it."""
    out: list[str] = []
    for piece in word.split("-"):
        out += [piece, "-"]
    return out[:-1]


def with_missed_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """The mentions, mended: proper names the model left untagged or cut in pieces, where the words
    around them say what they are ('the Nikkei newspaper' (an organisation kind noun after it),
    'talks in Montevideo' (a known place after a locative preposition), a quoted title after 'a
    report', 'the Supreme Court of Ruritania'), are added, and the pieces of a cut name give way to
    the whole name. A new list; the given one is left as it was."""
    doc = view_of(doc)
    mentions = [m for m in mentions if not _portfolio_word(doc, m) and not _portfolio_after_office(doc, m)]
    _take_back_first_words(doc, mentions)
    whole = cut_names(doc, mentions, sent_starts, index)
    if whole:
        spans = [(w.token_start, w.token_end) for w in whole]
        mentions = [m for m in mentions if not any(a < m.token_end and m.token_start < b for a, b in spans)]
    found = [m for m in _untagged_names(doc, mentions + whole, sent_starts, index)
             if not any(w.token_start < m.token_end and m.token_start < w.token_end for w in whole)]
    return mentions + found + whole


def _untagged_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """Proper names the model left untagged where the words around them say what they are."""
    texts, pos = doc.texts, doc.pos
    n = len(doc)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered.update(i for ent in doc.ents if ent.label_ not in NON_ENTITY_LABELS for i in range(ent.start, ent.end))
    covered.update(dateline_tokens(doc))     # 'ALGIERS, Nov 3 (Reuters) -': a month is no name
    org_tokens = {i for m in mentions if m.label == "ORG" and not index.country(m.name)
                  for i in range(m.token_start, m.token_end)}
    place_tokens = {i for m in mentions if m.label in PLACE_LABELS or index.country(m.name)
                    for i in range(m.token_start, m.token_end)}
    person_parts = {p for m in mentions if m.label == "PERSON" for p in m.name.split()}
    out: list[Mention] = []
    i = 0
    while i < n:
        cue = None
        if texts[i].isupper() and i not in covered and not index.country(texts[i]):
            cue = "acronym before a title" if _acronym_before_title(doc, i) else \
                "acronym after a kind of body" if _acronym_after_kind_noun(doc, i) else None
        if cue:
            out.append(Mention(index=0, text=texts[i], name=texts[i], label="ORG", start=doc.idx[i],
                               end=doc.idx[i] + len(texts[i]), token_start=i, token_end=i + 1,
                               sentence=sentence_of(sent_starts, i), kind="name",
                               attributes={"label_cue": cue}))
            i += 1
            continue
        if pos[i] != "PROPN" or i in covered or not texts[i][:1].isupper() or texts[i].isupper():
            i += 1
            continue
        tok = doc[i]
        j = i
        while j + 1 < n and pos[j + 1] == "PROPN" and texts[j + 1][:1].isupper() and j + 1 not in covered:
            j += 1
        titles = [k for k in range(i, j + 1) if is_title(texts[k]) and texts[k][:1].isupper()]
        headed = head_noun_label(" ".join(texts[i:j + 1])) if titles and not is_title(texts[j]) else None
        if headed:
            m = name_mention(doc, doc[i:j + 1], i, j + 1, sent_starts, index, label=headed)
            if m is not None and m.name == " ".join(texts[i:j + 1]):   # 'the Premier League': no office
                m.attributes["label_cue"] = "institution word at the end"
                out.append(m)
                i = j + 1
                continue
        if titles and titles[-1] < j and j - titles[-1] <= 3 \
                and not all(is_title(texts[k]) or is_role(texts[k]) for k in range(titles[-1] + 1, j + 1)):
            m = name_mention(doc, doc[titles[-1] + 1:j + 1], titles[-1] + 1, j + 1, sent_starts, index, label="PERSON")
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
        if j == i and _told_medium(root) and not first_name_gender(tok.text) and tok.text not in person_parts:
            label = "ORG"       # 'she told Variety', 'in an interview with Milenio'
        elif any(c.dep_ == "appos" and c.is_lower and c.lower_ in ORG_KIND_NOUNS for c in root.children):
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
        elif after is not None and after.is_lower and after.lower_ in EVENT_KIND_NOUNS and before.lower_ in ARTICLES \
                and not is_title(span[-1].text) and (j > i or not index.is_place(span.text)):
            label = "EVENT"     # 'the Ruritania Book Days fair' (the model may read 'fair' as an adjective)
        elif before.is_lower and before.lower_ in ORG_KIND_NOUNS | APP_KIND_NOUNS and before.pos_ == "NOUN" \
                and not first_name_gender(tok.text) and not is_title(tok.text) and not index.is_place(span.text):
            label = "ORG"       # 'the payments app Ruripay', 'the daily Borduria Herald'
        elif after is not None and after.text in ("-", "–") and j + 2 < n and doc.lower[j + 2] in BASED_WORDS:
            label = "GPE"       # 'Borduria-based'
        elif j > i and before.lower_ in ARTICLES and head_noun_label(span.text) and not is_title(span[0].text):
            label = head_noun_label(span.text)    # 'the Booker Prize', 'the Volta Shipping Company'
        elif before.lower_ in LOCATIVE_PREPOSITIONS | {"at", "to", "from"} and index.is_city(span.text) \
                and (after is None or after.pos_ != "PROPN"):
            label = "GPE"       # 'a summit in Montevideo'
        if label and is_proper_name(span.text):
            out.append(Mention(
                index=0, text=span.text, name=span.text, label=label, start=span.start_char, end=span.end_char,
                token_start=i, token_end=j + 1, sentence=sentence_of(sent_starts, i), kind="name",
                attributes={"label_cue": "missed name"},
            ))
        i = j + 1
    return out


# Lower-case nouns for a recurring event, written after its name ('the X book fair').
EVENT_KIND_NOUNS = frozenset("fair festival expo exhibition summit conference forum marathon biennale".split())
# '-based', '-headquartered' after a name make it a place.
BASED_WORDS = frozenset({"based", "headquartered"})


# Kinds of body a text names by its initials right after the noun ('the regulator, the CMVM',
# 'public television TVP', 'known by its acronym UNMIK').
ACRONYM_KIND_NOUNS = ORG_KIND_NOUNS | frozenset("television radio mission regulator acronym initials "
                                                "body authority commission".split())


def _acronym_after_kind_noun(doc, i: int) -> bool:
    """'the stock market regulator, the CMVM', 'the private channels TVN and Polsat', 'its French
    acronym MINURSO': a word in capitals the model left untagged, right after (an article or a
    comma apart) a lower-case noun for a kind of body, is that body's name."""
    tok = doc[i]
    if not (tok.is_alpha and 2 <= len(tok.text) <= 8):
        return False
    if i + 1 < len(doc) and doc[i + 1].is_alpha and (doc[i + 1].text[:1].isupper() or doc[i + 1].pos_ == "NOUN"):
        return False       # 'the network TV ratings', 'broadcaster TV Azteca': part of something longer
    k = i - 1
    while k >= 0 and k >= i - 3 and doc[k].lower_ in (",", "the"):
        k -= 1
    if k < 0:
        return False
    noun = doc[k]
    return noun.is_lower and noun.pos_ == "NOUN" and (noun.lower_ in ACRONYM_KIND_NOUNS
                                                      or noun.lemma_.lower() in ACRONYM_KIND_NOUNS)


def _acronym_before_title(doc, i: int) -> bool:
    """'WHO Director-General Jane Roe', 'NATO Secretary-General X': a word in capitals the model
    left untagged (or read as a pronoun), written before a capitalised office and a person's
    name, is the organisation the office belongs to."""
    tok = doc[i]
    if not (tok.text.isupper() and tok.is_alpha and len(tok.text) >= 2) or i + 2 >= len(doc):
        return False
    j = i + 1
    while j < len(doc) and (doc[j].text in ("-", "–")
                            or (doc[j].text[:1].isupper() and is_title(doc[j].text.split("-")[0]))):
        j += 1
    return j > i + 1 and j < len(doc) and doc[j].ent_type_ == "PERSON" and not doc[j - 1].text in ("-", "–")


def _take_back_first_words(doc, mentions: list[Mention]) -> None:
    """"Granite Peak's chief" tagged as 'Peak' where the text names 'Granite Peak Resources': the
    untagged capitalised words right before a name, which with it begin another name of the
    document, belong to it (the mention grows to the left, in place)."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    others = [m.name.split() for m in mentions]
    for m in mentions:
        words = m.name.split()
        start = m.token_start
        while start > 0 and start - 1 not in covered and m.token_start - start < 3 \
                and doc.pos[start - 1] == "PROPN" and doc.texts[start - 1][:1].isupper() \
                and not is_title(doc.texts[start - 1]):
            start -= 1
        if start == m.token_start:
            continue
        longer = doc.texts[start:m.token_start] + words
        match = next((o for o, n in zip(others, mentions) if n is not m and o[:len(longer)] == longer), None)
        if match is None:
            continue
        label = next(n.label for o, n in zip(others, mentions) if o is match)
        m.token_start, m.start, m.label = start, doc.idx[start], label
        m.name = " ".join(longer)
        m.text = doc.span_text(start, m.token_end)
        covered.update(range(start, m.token_end))


# Adjectives that qualify an office in its title ('National Commissioner', 'Federal Judge').
OFFICE_ADJECTIVES = frozenset("national federal regional provincial general senior acting interim assistant "
                              "associate principal special permanent".split())


def _portfolio_word(doc, m: Mention) -> bool:
    """'Finance' in 'Finance Minister Jane Roe', 'National' in 'National Commissioner Jane Roe',
    read as an organisation: a one-word name that is itself a word of titles or an office's
    adjective, written before a capitalised office, belongs to the title; so does a region that
    no gazetteer knows before 'Minister' ('the Arctic Minister'): a portfolio, not a place named."""
    nxt = doc[m.token_end] if m.token_end < len(doc) else None
    if nxt is None or not nxt.text[:1].isupper() or not is_title(nxt.text) or m.label == "PERSON" \
            or m.name.isupper():
        return False
    if m.token_end - m.token_start == 1 and (is_title(m.name) or m.name.casefold() in OFFICE_ADJECTIVES):
        return True
    return m.label == "LOC" and nxt.lower_ == "minister" and not country_index().is_city(m.name)


def _portfolio_after_office(doc, m: Mention) -> bool:
    """'State' in 'the Secretary of State's decision', 'Defence' in 'the Minister of Defence':
    a portfolio word after an office and 'of' completes the title; no body is named."""
    return m.label != "PERSON" and m.token_end - m.token_start == 1 and m.name.casefold() in PORTFOLIO_WORDS \
        and office_of(doc, m.token_start)


def _told_medium(root) -> bool:
    """A person told it, or gave it an interview: with a word that names nobody in the text, a
    newspaper or broadcaster ('X told Variety', 'in an interview with Milenio')."""
    head = root.head
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in head.children)
    return root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "interview"


def repeated_names(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """Other exact occurrences of a name the document already has ('Bellona criticized Equinor',
    'Meridian spokesman', 'the WHO') the model did not tag: a mention with the name's most
    common label. One pass over the tokens, names looked up by their first word."""
    doc = view_of(doc)
    texts = doc.texts
    labels: dict[tuple, list[str]] = {}
    for m in mentions:
        if m.kind != "name" or m.attributes.get("derived_from") or m.label in NON_ENTITY_LABELS | {"NORP"}:
            continue
        words = tuple(texts[m.token_start:m.token_end])
        if " ".join(words) == m.name and any(ch.isupper() for ch in m.name):
            labels.setdefault(words, []).append(m.label)
    bodies = {body for body in map(_distinctive_body, labels) if body and body not in labels}
    for body in bodies:
        labels[body] = ["ORG"]
    by_first: dict[str, list[tuple]] = {}
    for words in sorted(labels, key=lambda w: (-len(w), w)):
        by_first.setdefault(words[0], []).append(words)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out: list[Mention] = []
    i = 0
    n = len(doc)
    while i < n:
        found = None
        if i not in covered and texts[i] in by_first:
            for words in by_first[texts[i]]:
                j = i + len(words)
                if tuple(texts[i:j]) == words and not any(k in covered for k in range(i, j)) \
                        and not _inside_longer_name(doc, i, j) \
                        and (words not in bodies or all(_name_like(doc, k) for k in range(i, j))) \
                        and not (len(words) == 1 and doc[i].is_sent_start and doc[i].is_stop
                                 and not doc[i].text.isupper()):
                    found = words
                    break
        if found is None:
            i += 1
            continue
        j = i + len(found)
        seen = labels[found]
        text = doc.span_text(i, j)
        out.append(Mention(
            index=0, text=text, name=text, label=max(sorted(set(seen)), key=seen.count),
            start=doc.idx[i], end=doc.end_char(j), token_start=i, token_end=j,
            sentence=sentence_of(sent_starts, i), kind="name", attributes={},
        ))
        i = j
    return out


def _name_like(doc, k: int) -> bool:
    """A proper noun, or an acronym the tagger took for a common noun ('accused ECOWAS of')."""
    text = doc.texts[k]
    return doc.pos[k] == "PROPN" or (len(text) > 1 and text.isupper() and text.isalpha())


def _distinctive_body(words: tuple) -> tuple:
    """'Trian' of 'Trian Fund Management', 'Halvorsen' of 'Halvorsen Shipping': the words before
    the trailing institution words, by which a text names the firm again ('Trian urged the
    board'); empty where that is a nationality or a place ('European' of 'European Commission')."""
    k = len(words)
    while k > 0 and words[k - 1].casefold() in ORG_HEADS:
        k -= 1
    body = words[:k]
    if not body or k == len(words) or not all(w[:1].isupper() and w.isalpha() for w in body):
        return ()
    index = country_index()
    text = " ".join(body)
    if index.demonym(text) or index.country(text) or index.is_place(text) or text.casefold() in ARTICLES:
        return ()
    return body


def _inside_longer_name(doc, i: int, j: int) -> bool:
    """'Equinor' inside 'Equinor Wind Power': a capitalised proper noun right before or after."""
    pos, texts = doc.pos, doc.texts
    for k in (i - 1, j):
        if 0 <= k < len(doc) and pos[k] == "PROPN" and texts[k][:1].isupper():
            return True
    return False


# -- names the model cut in pieces -------------------------------------------------------------
def cut_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """Whole names over the pieces the model made of them: a quoted title, 'X of Y' with an
    institution head ('the Supreme Court of Ruritania'), a coordination inside a name ('the
    Ruritania and Borduria Chess Board'), a numbered unit ('Unit 7100')."""
    found: list[Mention] = []
    taken: set[int] = set()
    of_names = _of_names(doc, mentions + _untagged_places(doc, mentions, sent_starts, index), sent_starts)
    for m in _quoted_titles(doc, sent_starts) + _coordinated_of_names(doc, mentions + of_names, sent_starts, index) \
            + of_names + _coordinated_names(doc, mentions, sent_starts, index) \
            + _numbered_units(doc, mentions, sent_starts) + _listed_portfolios(doc, mentions, sent_starts, index) \
            + _abbreviated_long_forms(doc, mentions, sent_starts):
        if not taken.intersection(range(m.token_start, m.token_end)):
            taken.update(range(m.token_start, m.token_end))
            found.append(m)
    return found


def _whole(doc, start: int, end: int, label: str, cue: str, sent_starts) -> Mention:
    text = doc.span_text(start, end)
    return Mention(index=0, text=text, name=" ".join(text.split()), label=label, start=doc.idx[start],
                   end=doc.end_char(end), token_start=start, token_end=end,
                   sentence=sentence_of(sent_starts, start), kind="name", attributes={"label_cue": cue})


def _quoted_titles(doc, sent_starts) -> list[Mention]:
    """'a paper, "Ten Days: A Study of X"', 'the report "Dry Land, Full Hands"', 'a film titled
    "X"': words in quotation marks, all capitalised but for small function words, right after a
    noun for a work or a titling verb, are the work's title, commas and colons included."""
    out = []
    texts = doc.texts
    for i in range(1, len(doc) - 2):
        if texts[i] not in QUOTE_MARKS or not _titled_before(doc, i):
            continue
        sent_end = doc.sent_span(i)[1]
        close = next((j for j in range(i + 1, min(i + 20, sent_end)) if doc[j].is_quote), None)
        if close is None:
            continue
        end = close - 1 if doc[close - 1].text in (",", ".") else close
        words = [doc[k] for k in range(i + 1, end)]
        if len(words) < 2 or not words[0].text[:1].isupper() or not all(_title_word(w) for w in words):
            continue
        out.append(_whole(doc, i + 1, end, "WORK_OF_ART", "quoted title after a work noun", sent_starts))
    return out


def _title_word(tok) -> bool:
    """A word a title may hold: capitalised, a small function word, a number or inner punctuation."""
    return tok.text[:1].isupper() or tok.lower_ in TITLE_FUNCTION_WORDS or tok.is_digit \
        or tok.text in (",", ":", "-", "–", "'s", "’s")


def _titled_before(doc, quote: int) -> bool:
    """The opening quote follows a work noun or a titling verb, perhaps with a comma between
    ('The study, "X"'; 'a report on the mine, "X"'; 'the novel "X"'; 'titled "X"')."""
    prev = doc[quote - 1]
    if prev.lower_ in TITLING_WORDS or (prev.is_lower and prev.lemma_.lower() in WORK_NOUNS):
        return True
    if prev.text != ",":
        return False
    lo = max(doc.sent_span(quote)[0], quote - 6)
    return any(doc[k].is_lower and doc[k].pos_ == "NOUN" and doc[k].lemma_.lower() in WORK_NOUNS
               and doc[k].dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "appos", "attr", "ROOT")
               for k in range(lo, quote - 1))


# Head words of a body named 'X of Y' ('the Supreme Court of Ruritania', 'the Presidency of Y',
# 'the Port of Ruritania', the authority that runs it).
OF_NAME_HEADS = ORG_HEADS | frozenset("presidency directorate inspectorate office secretariat port".split())


def _of_names(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """'the Supreme Court of Ruritania' tagged as 'the Supreme Court' and 'Ruritania', 'the
    Presidency of Naval Works' with 'Presidency' untagged: a capitalised institution head right
    before 'of' and a name makes one organisation (not an office: 'the President of X')."""
    starts = {m.token_start: m for m in mentions}
    ends = {m.token_end: m for m in mentions}
    out = []
    for i in range(1, len(doc) - 1):
        if doc.lower[i] != "of":
            continue
        j = i + 1 + (doc.lower[i + 1] == "the")
        right = starts.get(j)
        head = doc[i - 1]
        if right is None or right.label not in ("ORG", "GPE", "LOC") or not head.text[:1].isupper() \
                or head.lower_ not in OF_NAME_HEADS or is_title(head.text):
            continue
        left = ends.get(i) or ends.get(i + 1)    # 'the Supreme Court of' tagged with its 'of'
        if left is not None:
            if left.label != "ORG" or first_name_gender(left.name.split()[0]):
                continue
            start = left.token_start
        else:
            start = i - 1
            while start > 0 and doc.pos[start - 1] == "PROPN" and doc.texts[start - 1][:1].isupper() \
                    and not is_title(doc.texts[start - 1]):
                start -= 1
            if doc.lower[start - 1] != "the" or any(m.token_start < i and m.token_end > start for m in mentions):
                continue
        out.append(_whole(doc, start, right.token_end, "ORG", "institution 'X of Y'", sent_starts))
    return out


def _untagged_places(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """Places the model left untagged right after 'of' ('the Port of Ruritania-Borduria'): a run
    of capitalised proper nouns, hyphens inside, that begins with a known place. Only the 'X of Y'
    rule reads them; they are no mentions of their own."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    texts, pos, n = doc.texts, doc.pos, len(doc)
    out = []
    for i in range(1, n - 1):
        if doc.lower[i] != "of" or i + 1 in covered:
            continue
        start = end = i + 1 + (doc.lower[i + 1] == "the")
        while end < n and end not in covered and pos[end] == "PROPN" and texts[end][:1].isupper() \
                or (end > start and texts[end] in ("-", "–") and end + 1 < n and texts[end + 1][:1].isupper()):
            end += 1
        words = [w for w in texts[start:end] if w not in ("-", "–")]
        if words and (index.is_place(words[0]) or index.is_city(words[0])) and texts[end - 1] not in ("-", "–"):
            out.append(_whole(doc, start, end, "GPE", "place after 'of'", sent_starts))
    return out


def _coordinated_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'the Ruritania and Borduria Chess Board' tagged as 'Ruritania' and 'Borduria Chess
    Board': a place joined by 'and' to an organisation name that starts with a place, the
    first place modifying the organisation's head, is one name."""
    out = []
    ordered = sorted(mentions, key=lambda m: m.token_start)
    for a, b in zip(ordered, ordered[1:]):
        if a.label not in ("GPE", "LOC") or b.label != "ORG" or b.token_start != a.token_end + 1 \
                or doc.lower[a.token_end] not in ("and", "&") or " " not in b.name \
                or b.name.split()[-1].casefold() not in ORG_HEADS:
            continue
        root = doc.root(a.token_start, a.token_end)
        joined = index.is_place(b.name.split()[0]) or any(
            c.dep_ == "conj" and b.token_start <= c.i < b.token_end - 1 for c in root.children)
        if not joined or not b.token_start <= root.head.i < b.token_end:
            continue
        out.append(_whole(doc, a.token_start, b.token_end, "ORG", "places coordinated inside a name", sent_starts))
    return out


def _coordinated_of_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'the Communist Party of Ruritania and Borduria', 'the Association of Ruritanian Brewers and
    Maltsters' tagged only up to 'and': a body named '<Head> of X' followed by 'and' and a
    capitalised word of the same kind as X (both plural nouns, or both no plural), which ends
    the run of capitals and is no organisation, country or person with a first name, is one
    name. 'Talks between the Party and Labour' (no 'of') and 'the Bank of Ruritania and Acme'
    (an organisation after 'and') stay two."""
    by_start = {m.token_start: m for m in mentions}
    out = []
    n = len(doc)
    for m in mentions:
        j = m.token_end
        if m.label != "ORG" or j + 1 >= n or doc.lower[j] not in ("and", "&") or not _has_of_head(doc, m):
            continue
        k = j + 1
        if not (doc.pos[k] == "PROPN" or doc.tag[k] == "NNPS") or not doc.texts[k][:1].isupper() \
                or (k + 1 < n and doc.pos[k + 1] == "PROPN" and doc.texts[k + 1][:1].isupper()):
            continue
        left, right = doc.texts[j - 1], doc.texts[k]
        other = by_start.get(k)
        if other is not None and (other.label == "ORG" or first_name_gender(other.name.split()[0])):
            continue
        if index.country(right) or index.country(left) or (left.endswith("s") != right.endswith("s")) \
                or first_name_gender(right) or is_title(right):
            continue
        out.append(_whole(doc, m.token_start, k + 1, "ORG", "coordination inside 'X of Y and Z'", sent_starts))
    return out


def _listed_portfolios(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """'the Department for Culture, Media and Sport' tagged 'Department for Culture' and 'Media
    and Sport': a body named '<Head> for/of X' followed by a comma and 'Y and Z', single
    capitalised words that are no names of their own (no place, first name, title, or word of
    another mention's name), and nothing capitalised after them, is one name. 'the Ministry of
    Finance, Acme Bank and Borduria Rail' (names after the comma) stays three."""
    out = []
    n, texts = len(doc), doc.texts
    person_or_place = {i for m in mentions if m.label in ("PERSON", "GPE", "LOC")
                       for i in range(m.token_start, m.token_end)}
    for m in mentions:
        j = m.token_end
        if m.label != "ORG" or not _has_for_of_head(doc, m) or j + 4 >= n or texts[j] != ",":
            continue
        y, conj, z = j + 1, j + 2, j + 3
        if doc.lower[conj] not in ("and", "&") or (z + 1 < n and texts[z + 1][:1].isupper()):
            continue
        if all(_portfolio_shaped(doc, k, index) and k not in person_or_place for k in (y, z)):
            out.append(_whole(doc, m.token_start, z + 1, "ORG", "portfolios listed in a body's name", sent_starts))
    return out


def _has_for_of_head(doc, m: Mention) -> bool:
    """The name begins '<institution head> for' or '<institution head> of' ('Department for')."""
    s = m.token_start
    return m.token_end - s >= 3 and doc.lower[s] in OF_NAME_HEADS and doc.lower[s + 1] in ("for", "of")


def _portfolio_shaped(doc, k: int, index) -> bool:
    """A capitalised word that names a field, not a place, person or office ('Housing', 'Sport')."""
    text = doc.texts[k]
    return text[:1].isupper() and text[1:].islower() and text.isalpha() and not first_name_gender(text) \
        and not is_title(text) and not index.is_place(text) and not index.country(text)


def _abbreviated_long_forms(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """'the Ruritania Flood Relief and Recovery Centre (RFRRC)' tagged in pieces: a short form in
    brackets right after an organisation's or facility's name vouches that the run of capitals
    before it, small joining words inside, is one name. The run starts at the latest word that
    begins with the short form's first letter, goes back no further than a joining word written
    right after another name ('Jane Roe and Acme Trust (AT)' stays two), and must take in more
    than the last mention."""
    ends = {m.token_end: m for m in mentions}
    mention_ends = {m.token_end for m in mentions}
    out = []
    texts, n = doc.texts, len(doc)
    for i in range(1, n - 2):
        last = ends.get(i)
        if texts[i] != "(" or texts[i + 2] != ")" or last is None \
                or not (last.label in ("ORG", "FAC") or head_noun_label(last.name) in ("ORG", "FAC")) \
                or not any(ch.isupper() for ch in texts[i + 1]) or not texts[i + 1].isalpha():
            continue
        first_letter, start, k = texts[i + 1][0].upper(), None, last.token_start
        while k > 0:
            word = texts[k - 1]
            if doc.lower[k - 1] in ("and", "of", "for", "&") and k - 1 not in mention_ends and k - 2 >= 0 \
                    and texts[k - 2][:1].isupper():
                k -= 1
            elif word[:1].isupper() and word.isalpha() and not doc.is_sent_start[k]:
                k -= 1
            else:
                break
            if texts[k][:1] == first_letter and doc.lower[k] not in ("and", "of", "for", "&"):
                start = k
        if start is not None and start < last.token_start and texts[last.token_start][:1] != first_letter:
            label = "FAC" if last.name.split()[-1].casefold() in FACILITY_NAME_HEADS else "ORG"
            out.append(_whole(doc, start, last.token_end, label, "long form before its short form", sent_starts))
    return out


def _has_of_head(doc, m: Mention) -> bool:
    """The name holds '<institution head> of' ('Communist Party of', 'Association of')."""
    return any(doc.lower[i] == "of" and doc.lower[i - 1] in OF_NAME_HEADS and doc.texts[i - 1][:1].isupper()
               for i in range(m.token_start + 1, m.token_end - 1))


def _numbered_units(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """'Unit 7100' with the number read as a date: a capitalised unit word and the number after
    it name a military or intelligence unit."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    lower, texts = doc.lower, doc.texts
    for i in range(len(doc) - 1):
        if lower[i] not in NUMBERED_UNIT_WORDS or not texts[i][:1].isupper() or not texts[i + 1].isdigit():
            continue
        if i not in covered and not doc[i].is_sent_start:
            out.append(_whole(doc, i, i + 2, "ORG", "numbered unit", sent_starts))
    return out
