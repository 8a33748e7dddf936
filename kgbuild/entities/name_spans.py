"""One span of tokens -> one cleaned name mention.

The name is what a reader would call the entity: no leading article, no possessive, no
surrounding punctuation, no title ("Russian President Jane Doe" -> "Jane Doe" with attributes
title/nationality). Offsets are those of the cleaned name. Shared by mentions.py (named
entities) and missed_names.py (names the model left untagged).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from ..model import Mention
from .doc_view import view_of
from .names import ARTICLES, FOREIGN_ARTICLES, PRONOUNS, cue_gender, is_role, is_title

NON_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Abbreviations of club kinds written before or after a club's name ('FC Porto', 'Valencia CF'),
# matched in capitals only ('AS Roma', never the preposition 'as').
CLUB_AFFIXES = frozenset("FC CF AC AS SC AFC FK BK FF CD RC SL SSC SV VfB VfL TSV".split())
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
PUNCT_EDGE = set("\"'“”‘’«»()[]{},;:!?-–—.*")
PERSON_ATTRIBUTES = ("title", "role", "gender", "qualifier")
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})


def name_mention(doc, ent, start: int, end: int, sent_starts, index, label: Optional[str] = None) -> Optional[Mention]:
    doc = view_of(doc)      # token columns, read once per document
    texts, lower, tag = doc.texts, doc.lower, doc.tag
    attributes: dict = {}
    written = doc.span_text(start, end)
    label = label or ent.label_
    if start < ent.start and texts[start] not in FOREIGN_ARTICLES | CLUB_AFFIXES:
        label = "PERSON"   # a first name taken back in
    quoted = is_quoted(doc, start, end)
    if quoted and label not in ("PERSON", "GPE", "LOC"):
        label = "WORK_OF_ART"
    # leading articles, quotes, titles and nationality words inside the entity
    while start < end:
        text, low = texts[start], lower[start]
        if _is_edge_punct(doc, start):
            start += 1
        elif (low in ARTICLES or tag[start] == "DT") and (
                doc.is_lower[start] or (low == "the" and label != "WORK_OF_ART")
                or (doc.is_sent_start[start] and low in ARTICLES)):
            start += 1
        elif label == "PERSON" and end - start > 1 and (is_title(text) or low == "former"):
            _add_title(attributes, text, low)
            start += 1
        elif label == "PERSON" and end - start > 2 and index.demonym(text) and is_title(texts[start + 1]):
            attributes["nationality"] = text
            start += 1
        else:
            break
    # trailing possessives, punctuation and common nouns ('his Valencia CF counterpart')
    while end > start:
        i = end - 1
        if _hyphen_glued(doc, start, i):
            break       # 'Kim Min-ji': the end of a hyphenated given name, not a noun
        if tag[i] == "POS" or lower[i] in ("'s", "’s") or _is_edge_punct(doc, i) \
                or (doc.is_lower[i] and doc.pos[i] in ("NOUN", "ADP", "CCONJ", "DET") and end - start > 1
                    and label != "WORK_OF_ART"):
            end -= 1    # 'his Valencia CF counterpart'; 'Jane Roe in' (a name ends in no preposition)
        else:
            break
    if start >= end:
        return None
    span_text, start_char = doc.span_text(start, end), doc.idx[start]
    spaced = " ".join(span_text.split())
    name = _strip_possessive_suffix(spaced)
    if not is_proper_name(name) or (index.demonym(name) and not index.country(name)):
        return None
    end_char = start_char + len(span_text.rstrip())
    if name != spaced:   # possessive glued to the last token ("Doe’s")
        end_char = start_char + len(span_text) - (len(spaced) - len(name))
    if label == "PERSON":
        attributes.update(_prefix_attributes(doc, start, index))
    return Mention(
        index=0, text=written, name=name, label=label,
        start=start_char, end=end_char, token_start=start, token_end=end,
        sentence=sentence_of(sent_starts, start), kind="name", attributes=attributes,
    )


def office_of(doc, start: int) -> bool:
    """The words right before ``start`` are an office and 'of' ('Secretary of', 'Minister of'):
    what follows names the office's portfolio ('Secretary of State', 'Minister of Finance')."""
    return start >= 2 and doc.lower[start - 1] == "of" and doc.texts[start - 2][:1].isupper() \
        and is_title(doc.texts[start - 2])


def _hyphen_glued(doc, start: int, i: int) -> bool:
    """Token ``i`` is a word joined by a hyphen, without spaces, to the name word before it."""
    spaced = doc.columns.spacy
    return i - 2 >= start and doc.texts[i - 1] in ("-", "‐") and not spaced[i - 2] and not spaced[i - 1] \
        and doc.texts[i].isalpha() and doc.texts[i - 2][:1].isupper()


def is_quoted(doc, start: int, end: int) -> bool:
    """A name between quotation marks is the title of a work ("The Salt Orchard")."""
    quote = view_of(doc).is_quote
    before = start if quote[start] else (start - 1 if start > 0 else None)
    after = end - 1 if quote[end - 1] else (end if end < len(quote) else None)
    return bool(before is not None and after is not None and quote[before] and quote[after] and before < after)


def _strip_possessive_suffix(name: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)].rstrip()
    return name


def _is_edge_punct(doc, i: int) -> bool:
    """Token ``i`` of a view is punctuation, a quote, made of edge punctuation or space."""
    return bool(doc.is_punct[i] or doc.is_quote[i] or all(ch in PUNCT_EDGE for ch in doc.texts[i])
                or doc.is_space[i])


def is_proper_name(name: str) -> bool:
    """A name has a capital letter or a digit among letters, and is not a pronoun or a bare number."""
    if not name or (name.casefold().rstrip(".") in PRONOUNS and (not name.isupper() or name in ("I", "I."))) \
            or name.casefold() in ARTICLES:      # 'so do I.' tagged with its full stop; 'WHO' is a name
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    return any(ch.isupper() for ch in name)


def _add_title(attributes: dict, text: str, lower: str) -> None:
    if lower == "former":
        attributes["qualifier"] = "former"
        return
    prev = attributes.get("title")
    attributes["title"] = f"{prev} {text}" if prev else text
    gender = cue_gender(text)
    if gender:
        attributes["gender"] = gender


def _prefix_tokens(doc, start: int) -> list[int]:
    """Tokens written just before a name that modify it: 'Russian parliament member', 'former US President'."""
    out = []
    i = start - 1
    name_end = _name_end(doc, start)
    dep, head, lower = doc.dep, doc.head, doc.lower
    while i >= 0:
        if dep[i] in MODIFIER_DEPS and i < head[i] < name_end:
            out.append(i)
            i -= 1
            continue
        if lower[i] == "former" and out:
            out.append(i)
            i -= 1
            continue
        break
    return list(reversed(out))


def _name_end(doc, start: int) -> int:
    """End (exclusive) of the proper-name run starting at ``start``."""
    j, pos = start, doc.pos
    while j < len(pos) and (pos[j] == "PROPN" or j == start):
        j += 1
    return max(j, start + 1)


def _prefix_attributes(doc, start: int, index) -> dict:
    """Titles, roles, nationality and gender cues from the words before a person's name.

    A run of nouns ending in an office word is a title ('Commerce Secretary', 'Prime Minister');
    a run ending in another noun is a role ('parliament member', 'journalist')."""
    attrs: dict = {}
    titles, roles, run = [], [], []
    texts, lower, pos, ent_type = doc.texts, doc.lower, doc.pos, doc.ent_type

    def close_run():
        if run:
            last = texts[run[-1]]
            (titles if is_title(last) and (last[:1].isupper() or not is_role(last))
             else roles).append(" ".join(texts[t] if is_title(texts[t]) or pos[t] == "PROPN" else lower[t]
                                         for t in run))
            run.clear()

    for i in _prefix_tokens(doc, start):
        text = texts[i]
        if lower[i] == "former":
            attrs["qualifier"] = "former"
            close_run()
        elif ent_type[i] == "NORP" and index.demonym(text):
            attrs["nationality"] = text
            close_run()
        elif ent_type[i]:
            close_run()
        elif pos[i] in ("NOUN", "PROPN") or is_title(text):
            run.append(i)
        else:
            close_run()
        gender = cue_gender(text)
        if gender:
            attrs["gender"] = gender
    close_run()
    if titles:
        attrs["title"] = " ".join(titles)
    if roles:
        attrs["role"] = " ".join(roles)
    return attrs


def sentence_of(sent_starts: list[int], token_i: int) -> int:
    return max(0, bisect_right(sent_starts, token_i) - 1)
