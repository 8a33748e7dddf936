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
    doc = view_of(doc)
    attributes: dict = {}
    written = doc.span_text(start, end)
    label = label or ent.label_
    if start < ent.start and doc[start].text not in FOREIGN_ARTICLES | CLUB_AFFIXES:
        label = "PERSON"   # a first name taken back in
    quoted = is_quoted(doc, start, end)
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


def is_quoted(doc, start: int, end: int) -> bool:
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


def is_proper_name(name: str) -> bool:
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


def sentence_of(sent_starts: list[int], token_i: int) -> int:
    return max(0, bisect_right(sent_starts, token_i) - 1)
