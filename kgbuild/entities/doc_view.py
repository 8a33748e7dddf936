"""A document read once for the entity stage: its tokens, text, entities and sentences.

Why: the entity rules ask ``doc[i]`` and ``doc[a:b].text`` thousands of times per document; spaCy
builds a new ``Token`` or ``Span`` on every access (and a span's text from its tokens), rebuilds
``doc.text`` and ``doc.ents`` on every access, and ``Token.sent`` scans the document. ``DocView``
answers the same questions from lists made once. It stands in for the ``Doc`` wherever the rules
read it: an integer index gives the (cached) ``Token``, a slice the spaCy ``Span``; anything else
is the ``Doc``'s own attribute. Columns from the document's one ``Doc.to_array`` read
(``nlp.DocColumns``, shared with the relation stage: ``texts``, ``lower``, ``pos``, ``tag``,
``ent_type``, ``dep``, ``head``, ``idx`` and the ``is_*`` flags) serve the loops over every token;
``span_text`` and ``root`` answer ``doc[a:b].text`` and ``doc[a:b].root`` without building a span
twice. The relation stage is handed the view too, so it reuses the same tokens and text.
"""

from __future__ import annotations

from functools import cached_property
from typing import Optional

from ..nlp import DocColumns, StringMemo

__all__ = ["DocView", "string_id", "view_of"]


class DocView:
    """One document's tokens and answers, computed once (see module docstring). ``columns`` and
    ``memo`` are shared with the relation stage when the pipeline passes them in."""

    def __init__(self, doc, columns: Optional[DocColumns] = None, memo: Optional[StringMemo] = None):
        """``columns``: the document's one ``to_array`` read (with its string memo), shared with the
        relation stage when the pipeline passes it; else read here (through ``memo`` if given)."""
        self.doc = doc
        self.n = len(doc)
        self.columns = columns if columns is not None else DocColumns(doc, memo)
        self._roots: dict[tuple[int, int], object] = {}
        self._tokens: list = list(doc)       # made in one pass: most are asked for, many times

    def pos_tag_hashes(self) -> tuple[list[int], list[int]]:
        """The part-of-speech and tag columns as string hashes, for loops that test few values."""
        return self.columns.pos, self.columns.tag

    @cached_property
    def texts(self) -> list[str]:
        return self.columns.strings("orth")

    @cached_property
    def lower(self) -> list[str]:
        return self.columns.strings("lower")

    @cached_property
    def pos(self) -> list[str]:
        return self.columns.strings("pos")

    @cached_property
    def tag(self) -> list[str]:
        return self.columns.strings("tag")

    @cached_property
    def ent_type(self) -> list[str]:
        return self.columns.strings("ent_type")

    @cached_property
    def dep(self) -> list[str]:
        return self.columns.strings("dep")

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's head (``Token.head.i``)."""
        return self.columns.head

    @cached_property
    def is_punct(self) -> list[int]:
        """``Token.is_punct`` of each token (1 or 0); ``is_space``, ``is_quote``, ``is_lower`` alike."""
        return self.columns.is_punct

    @cached_property
    def is_space(self) -> list[int]:
        return self.columns.is_space

    @cached_property
    def is_quote(self) -> list[int]:
        return self.columns.is_quote

    @cached_property
    def is_lower(self) -> list[int]:
        return self.columns.is_lower

    @cached_property
    def is_sent_start(self) -> list[bool]:
        """Whether ``Token.is_sent_start`` is true of each token."""
        return [v == 1 for v in self.columns.sent_start]

    @cached_property
    def idx(self) -> list[int]:
        return self.columns.idx

    @cached_property
    def text(self) -> str:
        """``doc.text``, joined once."""
        return "".join(t + " " if s else t for t, s in zip(self.texts, self.columns.spacy))

    @cached_property
    def ents(self) -> tuple:
        return self.doc.ents

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        return self.columns.sent_bounds

    @cached_property
    def sent_starts(self) -> list[int]:
        return [a for a, _ in self.sent_bounds]

    @cached_property
    def sent_of(self) -> list[int]:
        """Sentence number of each token."""
        return self.columns.sent_of

    def __getitem__(self, key):
        if key.__class__ is int:
            return self._tokens[key]
        return self.doc[key]

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(self._tokens)

    def __getattr__(self, name):
        if name.startswith("__") or name in ("doc", "columns", "_roots", "_tokens"):
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
    # imported here: resolution (in a parent whose workers parse) imports this package, not spaCy
    from spacy.strings import get_string_id

    return get_string_id(text)
