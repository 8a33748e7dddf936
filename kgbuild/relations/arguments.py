"""From a token reached by a pattern to the mention it stands for.

The token may be inside a name ("Putin"), a pronoun or nominal resolved by coreference ("his",
"the Russian leader"), or a title whose name is in apposition ("its spokesperson, X"). Labels
are voted per document, because the small model tags the same name differently from one
sentence to the next and a type constraint should not depend on that luck.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..model import Mention
from .paths import RELATIVE_PRONOUNS

KIND_RANK = {"name": 0, "nominal": 1, "pronoun": 2}


@dataclass(frozen=True)
class Argument:
    """A mention reached by a path, and how it was reached."""

    mention: Mention
    via: str            # direct | coreference | apposition | coordination

    @property
    def index(self) -> int:
        return self.mention.index


class MentionIndex:
    """Lookups over one document's mentions: by token, referent (antecedent chain) and label."""

    def __init__(self, mentions: list[Mention], doc=None):
        self.mentions = mentions
        self.doc = doc
        self.text = doc.text if doc is not None else ""     # Doc.text is rebuilt on every access
        self.dateline = _dateline_tokens(doc) if doc is not None else frozenset()
        self.by_token: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token[i].append(m)
        for lst in self.by_token.values():
            lst.sort(key=lambda m: (KIND_RANK.get(m.kind, 3), m.token_end - m.token_start))
        self._labels = self._vote_labels()
        self._sentence_starts: Optional[list[int]] = None
        self._keys: dict[int, frozenset] = {}
        self.cache: dict = {}      # per-document memo for the extractor (e.g. already related pairs)

    @property
    def sentence_starts(self) -> list[int]:
        """Character offset of each sentence's start, computed once per document."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.doc.sents] if self.doc is not None else [0]
        return self._sentence_starts

    def entity_keys(self, m: Mention) -> frozenset:
        """Names under which a mention's referent may appear in this document: its name and,
        for a person, the surname alone ("Karim Hashemi" ... "Hashemi")."""
        keys = self._keys.get(m.index)
        if keys is None:
            ref = self.referent(m)
            if ref is None:
                keys = frozenset()
            else:
                name = ref.name.casefold()
                parts = name.split()
                person = len(parts) > 1 and self.label(ref) == "PERSON"
                keys = frozenset({name, parts[-1]}) if person else frozenset({name})
            self._keys[m.index] = keys
        return keys

    def referent(self, m: Mention) -> Optional[Mention]:
        """The name mention at the end of the antecedent chain; None for an unresolved pronoun."""
        seen = set()
        while m.kind != "name":
            if m.antecedent is None or m.antecedent in seen or not (0 <= m.antecedent < len(self.mentions)):
                return None
            seen.add(m.index)
            m = self.mentions[m.antecedent]
        return m

    def label(self, m: Mention) -> Optional[str]:
        ref = self.referent(m)
        if ref is None:
            return None
        return self._labels.get(ref.name.casefold(), ref.label)

    def covering(self, tok: Token) -> Optional[Mention]:
        if tok.i in self.dateline:
            return None
        found = self.by_token.get(tok.i)
        if found and found[0].kind != "name":
            # "the Nikkei newspaper": the name inside the phrase beats a guessed antecedent, and
            # an unrecognised proper name there makes the guess unsafe.
            for c in tok.children:
                if c.dep_ == "compound" and c.i not in self.dateline:
                    named = [m for m in self.by_token.get(c.i, []) if m.kind == "name"]
                    if named:
                        return named[0]
                    if c.pos_ == "PROPN":
                        return None
        return found[0] if found else None

    def argument(self, tok: Token, via: str = "direct") -> Optional[Argument]:
        """The mention a token stands for, directly or through an apposition."""
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head is not tok.head:
            pronoun, tok = tok, tok.head.head     # "the Union, which is headquartered in ..." -> the Union
            if self.covering(tok) is None and not any(c.dep_ == "appos" and self.covering(c) for c in tok.children):
                # The parser hung the clause on a farther noun ("members of the Union, which ..."):
                # a relative pronoun stands for the name right before it.
                before = _name_before(pronoun)
                if before is not None and self.covering(before) is not None:
                    tok = before
        m = self.covering(tok)
        if m is None:
            for c in tok.children:
                if c.dep_ == "appos" and (m := self.covering(c)) is not None:
                    via = "apposition" if via == "direct" else via
                    break
        ref = self.referent(m) if m is not None else None
        if ref is None or ref.token_start in self.dateline:
            return None
        if m.kind != "name":
            via = "coreference"
        return Argument(m, via)

    def arguments(self, tokens: list[Token], via: str = "direct", coordination: bool = True,
                  plural: bool = False) -> list[Argument]:
        """Arguments for the tokens and everything coordinated with them ('A or B' gives both);
        with ``plural``, 'the two leaders' gives each leader (for the members of a pair: "the two
        leaders agreed to meet"; "he confirmed that they had talked" confirms nothing about each)."""
        out: list[Argument] = []
        seen: set[int] = set()
        for tok in tokens:
            group = [(tok, via)] + ([(c, "coordination") for c in _coordinated(tok)] if coordination else [])
            for t, v in group:
                a = self.argument(t, v if via == "direct" else via)
                if a is None:
                    continue
                members = [a] + (self._plural_members(a) if plural else [])
                for b in members:
                    if b.index not in seen:
                        seen.add(b.index)
                        out.append(b)
        return out

    def _plural_members(self, a: Argument) -> list[Argument]:
        """A plural description ("the two leaders", "they") is one mention per person it
        stands for, all on the same words: each is a member, as in a coordination."""
        m = a.mention
        if m.kind == "name" or not m.attributes.get("plural"):
            return []
        return [Argument(o, a.via) for o in self.by_token.get(m.token_start, [])
                if o is not m and o.kind == m.kind and o.attributes.get("plural")
                and (o.token_start, o.token_end) == (m.token_start, m.token_end)]

    def _vote_labels(self) -> dict[str, str]:
        votes: dict[str, Counter] = defaultdict(Counter)
        # A dateline ("BENGALURU -") is often mistyped and is never an argument: it does not vote.
        names = [m for m in self.mentions if m.kind == "name" and m.token_start not in self.dateline]
        for m in names:
            votes[m.name.casefold()][m.label] += 1
        # "Trump" also votes with "Donald Trump" (and the reverse) when the long name ends with it
        lasts = defaultdict(list)
        for m in names:
            parts = m.name.split()
            if len(parts) > 1:
                lasts[parts[-1].casefold()].append(m)
        for short, longs in lasts.items():
            if short in votes:
                keys = {short} | {m.name.casefold() for m in longs}
                total = sum((votes[k] for k in sorted(keys)), Counter())
                for k in keys:
                    votes[k] = Counter(total)
        # Ties are broken by label name, never by set or dict order (which depends on the hash seed).
        return {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in votes.items() if c}


def _name_before(pronoun: Token) -> Optional[Token]:
    """The last word of the noun phrase just before a relative pronoun, over commas and a
    bracketed abbreviation: "the Gulf Cooperation Council (GCC), which" -> "GCC"."""
    doc = pronoun.doc
    i = pronoun.i - 1
    while i >= pronoun.sent.start and doc[i].is_punct:
        i -= 1
    return doc[i] if i >= pronoun.sent.start else None


COORDINATED_DEPS = frozenset({"dep", "conj", "appos"})


def _coordinated(tok: Token) -> list[Token]:
    """Conjuncts of a token; also where the parser left a dangling 'and' ("written by A, an
    epidemiologist at U, and her colleague B": 'B' hangs off the verb) or read a list as an
    apposition ("A, B, C and D are members": 'B' apposition of A, 'C' and 'D' conjuncts of B)."""
    out = list(tok.conjuncts)
    if out:
        return out
    for c in tok.children:
        if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children):
            listed = [c] + list(c.conjuncts)
            if any(g.dep_ == "cc" for x in listed for g in x.children):
                return listed
    cc = [c for c in tok.children if c.dep_ == "cc" and c.i > tok.i]
    if cc and not any(c.dep_ == "conj" for c in tok.children):
        after = cc[-1].i + 1
        if after < tok.sent.end:
            subtree = set(t.i for t in tok.subtree)
            for t in tok.sent[after - tok.sent.start:]:
                if t.left_edge.i == after and t.dep_ in COORDINATED_DEPS and t.i not in subtree \
                        and t.pos_ in ("NOUN", "PROPN"):
                    return [t]
    return out


DASHES = frozenset({"-", "–", "—", "--"})


def _dateline_tokens(doc) -> frozenset:
    """Token indices of news datelines ("NAIROBI (Reuters) -", "CANNES, France -", "LIMA, May 3 -"):
    places of filing, never arguments of the sentence they are glued to."""
    out: set[int] = set()
    for sent in doc.sents:
        first = sent[0]
        if not (first.is_upper and first.is_alpha and len(first) >= 3):
            continue
        for tok in sent[: min(len(sent), 14)]:
            if tok.text in DASHES:
                out.update(range(sent.start, tok.i + 1))
                break
            # "SAN FRANCISCO, Jan 22 -", "STAVANGER, Norway, Feb 12 (Reuters) -": a date is part of it
            if tok.pos_ not in ("PROPN", "PUNCT", "NOUN", "NUM") and not tok.is_punct:
                break
    return frozenset(out)
