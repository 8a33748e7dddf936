"""Names the small model missed, taken where the words around them say what they are.

'the Nikkei newspaper', 'Energy Minister Jane Roe', 'talks in Montevideo', a person's surname
left untagged later on. Rules are about English words and shapes, never particular names.
"""

from __future__ import annotations

from .doc_view import view_of
from .entity_types import LOCATIVE_PREPOSITIONS, head_noun_label
from ..model import Mention
from .name_spans import NON_ENTITY_LABELS, PLACE_LABELS, is_proper_name, name_mention, sentence_of
from .names import ARTICLES, CLUB_ROLE_NOUNS, ORG_KIND_NOUNS, first_name_gender, is_title

def missed_surnames(doc, mentions: list[Mention], sent_starts) -> list[Mention]:
    """A person's surname the model left untagged later on ("Scholz later met ...")."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.name}
    if not surnames:
        return []
    doc = view_of(doc)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    texts, pos = doc.texts, doc.pos
    out = []
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


def missed_names(doc, mentions: list[Mention], sent_starts, index) -> list[Mention]:
    """Proper names the model left untagged where the words around them say what they are:
    'the Nikkei newspaper' (an organisation kind noun after it), 'talks in Montevideo' (a known
    place after a locative preposition)."""
    doc = view_of(doc)
    texts, pos = doc.texts, doc.pos
    n = len(doc)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    covered.update(i for ent in doc.ents if ent.label_ not in NON_ENTITY_LABELS for i in range(ent.start, ent.end))
    org_tokens = {i for m in mentions if m.label == "ORG" and not index.country(m.name)
                  for i in range(m.token_start, m.token_end)}
    place_tokens = {i for m in mentions if m.label in PLACE_LABELS or index.country(m.name)
                    for i in range(m.token_start, m.token_end)}
    out: list[Mention] = []
    i = 0
    while i < n:
        if pos[i] != "PROPN" or i in covered or not texts[i][:1].isupper() or texts[i].isupper():
            i += 1
            continue
        tok = doc[i]
        j = i
        while j + 1 < n and pos[j + 1] == "PROPN" and texts[j + 1][:1].isupper() and j + 1 not in covered:
            j += 1
        titles = [k for k in range(i, j + 1) if is_title(texts[k]) and texts[k][:1].isupper()]
        if titles and titles[-1] < j and j - titles[-1] <= 3:
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
        elif j > i and before.lower_ in ARTICLES and head_noun_label(span.text) and not is_title(span[0].text):
            label = head_noun_label(span.text)    # 'the Booker Prize', 'the Volta Shipping Company'
        elif before.lower_ in LOCATIVE_PREPOSITIONS | {"at", "to", "from"} and index.is_place(span.text) \
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


def _inside_longer_name(doc, i: int, j: int) -> bool:
    """'Equinor' inside 'Equinor Wind Power': a capitalised proper noun right before or after."""
    pos, texts = doc.pos, doc.texts
    for k in (i - 1, j):
        if 0 <= k < len(doc) and pos[k] == "PROPN" and texts[k][:1].isupper():
            return True
    return False
