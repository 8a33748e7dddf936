"""A document's tokens as plain Python lists, read once per document.

Why: pattern matching asks the same few things of the same tokens many times (lemma, word,
dependency label, head, children, sentence). Through spaCy each question builds a ``Token``
object and looks a string up, and ``Token.sent`` scans the document; here one ``Doc.to_array``
call gives every answer as list lookups by token index. Strings are looked up once per
distinct hash (``StringMemo``, shared by every document of a process).
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, SENT_START


from ..nlp import sentence_bounds

__all__ = ["StringMemo", "TokenTable"]


MEMO_LIMIT = 200_000     # strings kept before the memo starts afresh: memory stays bounded


class StringMemo:
    """Hash -> string (and lower-cased lemma), filled as words are seen. A hash names the same
    string in every spaCy ``StringStore``; ``strings`` is the store lookups go to."""

    def __init__(self, strings=None):
        self.strings = strings
        self.plain: dict[int, str] = {}
        self.lowered: dict[int, str] = {}

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


class TokenTable:
    """Per-token attributes by index: ``lemma`` (lower-cased, as the schema writes lemmas),
    ``lower``, ``pos``, ``dep``, ``head``, ``kids`` (children in document order, as
    ``Token.children``), ``kid_deps`` (the set of the children's labels), ``idx`` and the sentence of each token (``sent_start``/``sent_end``)."""

    __slots__ = ("doc", "n", "lemma", "lower", "pos", "dep", "head", "kids", "kid_deps", "idx", "sent_of",
                 "sent_bounds")

    def __init__(self, doc, memo: StringMemo):
        self.doc = doc
        n = self.n = len(doc)
        if n:
            cols = doc.to_array([LEMMA, LOWER, POS, DEP, IDX, SENT_START]).T.tolist()
            rel = doc.to_array([HEAD]).astype("int64").tolist()
        else:
            cols, rel = [[], [], [], [], [], []], []
        lem, low, pos, dep, idx, sent_start = cols
        self.lemma = memo.lowers(lem)
        self.lower = memo.texts(low)
        self.pos = memo.texts(pos)
        self.dep = memo.texts(dep)
        self.idx = idx
        self.head = head = [i + r for i, r in enumerate(rel)]
        kids: list[list[int]] = [[] for _ in range(n)]
        kid_deps: list[set] = [set() for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                kids[h].append(i)
                kid_deps[h].add(self.dep[i])
        self.kids = kids
        self.kid_deps = kid_deps
        self.sent_bounds: list[tuple[int, int]] = sentence_bounds(doc, sent_start)
        sent_of = [0] * n
        for k, (a, b) in enumerate(self.sent_bounds):
            sent_of[a:b] = [k] * (b - a)
        self.sent_of = sent_of

    def sent(self, i: int) -> tuple[int, int]:
        """(first token, end token) of the sentence holding token ``i``."""
        return self.sent_bounds[self.sent_of[i]]
