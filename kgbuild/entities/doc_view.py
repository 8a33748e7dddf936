"""A document read once for the entity stage: its tokens, text, entities and sentences.

Why: the entity rules ask ``doc[i]`` and ``doc[a:b].text`` thousands of times per document; spaCy
builds a new ``Token`` or ``Span`` on every access (and a span's text from its tokens), rebuilds
``doc.text`` and ``doc.ents`` on every access, and ``Token.sent`` scans the document. ``DocView``
answers the same questions from lists made once. It stands in for the ``Doc`` wherever the rules
read it: an integer index gives the (cached) ``Token``, a slice the spaCy ``Span``; anything else
is the ``Doc``'s own attribute. Columns read with one ``Doc.to_array`` call (``texts``, ``lower``,
``pos``, ``tag``, ``ent_type``, ``idx``) serve the loops over every token; ``span_text`` and
``root`` answer ``doc[a:b].text`` and ``doc[a:b].root`` without building a span twice.
"""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import ENT_TYPE, IDX, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.strings import get_string_id


from ..nlp import sentence_bounds

__all__ = ["DocView", "string_id", "view_of"]

COLUMNS = [ORTH, LOWER, POS, TAG, ENT_TYPE, IDX, SENT_START, SPACY]


class DocView:
    """One document's tokens and answers, computed once (see module docstring)."""

    def __init__(self, doc):
        self.doc = doc
        self.n = n = len(doc)
        self._strings = doc.vocab.strings
        self._memo: dict[int, str] = {}
        self._columns = doc.to_array(COLUMNS).T.tolist() if n else [[] for _ in COLUMNS]
        self._roots: dict[tuple[int, int], object] = {}
        self._tokens: list = [None] * n       # filled as tokens are asked for

    def _strings_of(self, column: int) -> list[str]:
        memo, strings = self._memo, self._strings
        hashes = self._columns[column]
        for h in set(hashes).difference(memo):
            memo[h] = strings[h]
        return list(map(memo.__getitem__, hashes))

    def pos_tag_hashes(self) -> tuple[list[int], list[int]]:
        """The part-of-speech and tag columns as string hashes, for loops that test few values."""
        return self._columns[2], self._columns[3]

    @cached_property
    def texts(self) -> list[str]:
        return self._strings_of(0)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings_of(1)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings_of(2)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings_of(3)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings_of(4)

    @cached_property
    def idx(self) -> list[int]:
        return self._columns[5]

    @cached_property
    def text(self) -> str:
        """``doc.text``, joined once."""
        return "".join(t + " " if s else t for t, s in zip(self.texts, self._columns[7]))

    @cached_property
    def ents(self) -> tuple:
        return self.doc.ents

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        return sentence_bounds(self.doc, self._columns[6])

    @cached_property
    def sent_starts(self) -> list[int]:
        return [a for a, _ in self.sent_bounds]

    @cached_property
    def sent_of(self) -> list[int]:
        """Sentence number of each token."""
        out = [0] * self.n
        for k, (a, b) in enumerate(self.sent_bounds):
            out[a:b] = [k] * (b - a)
        return out

    def __getitem__(self, key):
        if key.__class__ is int:
            tok = self._tokens[key]
            if tok is None:
                tok = self._tokens[key] = self.doc[key]
            return tok
        return self.doc[key]

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return map(self.__getitem__, range(self.n))

    def __getattr__(self, name):
        if name.startswith("__") or name in ("doc", "_columns", "_strings", "_memo", "_roots", "_tokens"):
            raise AttributeError(name)      # not set yet (copy, pickle): never recurse
        return getattr(self.doc, name)

    def sent_span(self, i: int) -> tuple[int, int]:
        """(first token, end token) of the sentence holding token ``i`` (``Token.sent`` scans)."""
        return self.sent_bounds[self.sent_of[i]]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the document's text."""
        if end <= start:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def end_char(self, end: int) -> int:
        """``doc[start:end].end_char`` of a non-empty span."""
        return self.idx[end - 1] + len(self.texts[end - 1])

    def root(self, start: int, end: int):
        """``doc[start:end].root``, remembered per span."""
        if end == start + 1 and 0 <= start < self.n:
            return self[start]      # a one-token span is its own root
        key = (start, end)
        tok = self._roots.get(key)
        if tok is None:
            tok = self._roots[key] = self.doc[start:end].root
        return tok


def view_of(doc) -> DocView:
    """``doc`` itself if it already is a view, else a new view of it."""
    return doc if isinstance(doc, DocView) else DocView(doc)


def string_id(text: str) -> int:
    """The hash spaCy stores ``text`` under (the same in every ``StringStore``)."""
    return get_string_id(text)
