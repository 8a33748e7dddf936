"""A document's tokens as plain Python lists, read once per document.

Why: pattern matching asks the same few things of the same tokens many times (lemma, word,
dependency label, head, children, sentence). Through spaCy each question builds a ``Token``
object and looks a string up, and ``Token.sent`` scans the document; here one ``Doc.to_array``
call gives every answer as list lookups by token index. Strings are looked up once per
distinct hash (``StringMemo``, shared by every document of a process).
"""

from __future__ import annotations

from typing import Optional

from ..nlp import DocColumns, StringMemo

__all__ = ["StringMemo", "TokenTable"]


_NO_DEPS: frozenset = frozenset()


class TokenTable:
    """Per-token attributes by index: ``lemma`` (lower-cased, as the schema writes lemmas),
    ``lower``, ``pos``, ``dep``, ``head``, ``kids`` (children in document order, as
    ``Token.children``), ``kid_deps`` (the set of the children's labels), ``idx`` and the sentence of each token (``sent_start``/``sent_end``)."""

    __slots__ = ("doc", "n", "lemma", "lower", "pos", "dep", "head", "kids", "kid_deps", "idx", "sent_of",
                 "sent_bounds")

    def __init__(self, doc, memo: StringMemo, columns: Optional[DocColumns] = None):
        """``columns``: the document's one ``to_array`` read, when the pipeline shares it."""
        self.doc = doc
        cols = columns if columns is not None else DocColumns(doc, memo)
        n = self.n = cols.n
        self.lemma = memo.lowers(cols.lemma)
        self.lower = cols.strings("lower")
        self.pos = cols.strings("pos")
        self.dep = dep = cols.strings("dep")
        self.idx = cols.idx
        self.head = head = cols.head
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                kids[h].append(i)
        self.kids = kids
        # most tokens are leaves: they share one empty set rather than each making its own
        self.kid_deps = [{dep[c] for c in k} if k else _NO_DEPS for k in kids]
        self.sent_bounds: list[tuple[int, int]] = cols.sent_bounds
        self.sent_of = cols.sent_of

    def sent(self, i: int) -> tuple[int, int]:
        """(first token, end token) of the sentence holding token ``i``."""
        return self.sent_bounds[self.sent_of[i]]
