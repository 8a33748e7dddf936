"""From a token reached by a pattern to the mention it stands for.

The token may be inside a name ("Doe"), a pronoun or nominal resolved by coreference ("his",
"the Russian leader"), or a title whose name is in apposition ("its spokesperson, X"). Labels
are voted per document, because the small model tags the same name differently from one
sentence to the next and a type constraint should not depend on that luck.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from ..entities.places import country_index
from ..model import Mention
from ..nlp import dateline_span
from .paths import RELATIVE_PRONOUNS
from .tokens import StringMemo, TokenTable

KIND_RANK = {"name": 0, "nominal": 1, "pronoun": 2}
# Words inside a name after which the last word names something else ("Bank of England").
LINKING_WORDS = frozenset({"of", "for", "and", "on", "in", "at", "to", "&"})


@dataclass(frozen=True)
class Argument:
    """A mention reached by a path, and how it was reached."""

    mention: Mention
    via: str            # direct | coreference | apposition | coordination

    @property
    def index(self) -> int:
        return self.mention.index


class MentionIndex:
    """Lookups over one document's mentions: by token, referent (antecedent chain) and label.
    Tokens are indices into the document's ``TokenTable``; ``cache`` memoises per document."""

    def __init__(self, mentions: list[Mention], doc=None, table: Optional[TokenTable] = None):
        self.mentions = mentions
        self.doc = doc
        if table is None and doc is not None:
            table = TokenTable(doc, StringMemo(doc.vocab.strings))
        self.t = table
        self._text: Optional[str] = None if doc is not None else ""
        self.dateline = _dateline_tokens(doc, table) if doc is not None else frozenset()
        self.by_token: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token[i].append(m)
        for lst in self.by_token.values():
            lst.sort(key=lambda m: (KIND_RANK.get(m.kind, 3), m.token_end - m.token_start))
        self._labels = self._vote_labels()
        self._sentence_starts: Optional[list[int]] = None
        self._keys: dict[int, frozenset] = {}
        self._roots: dict[tuple[int, int], int] = {}
        self.walks: dict[tuple[int, str], list[int]] = {}   # (token, path text) -> tokens reached
        self.cache: dict = {}      # per-document memo for the extractor (e.g. already related pairs)

    @property
    def text(self) -> str:
        """The document's text, built once and only if a relation is found: ``Doc.text`` joins
        every token on each access."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def sentence_starts(self) -> list[int]:
        """Character offset of each sentence's start, computed once per document."""
        if self._sentence_starts is None:
            self._sentence_starts = [self.t.idx[a] for a, _ in self.t.sent_bounds] if self.t is not None else [0]
        return self._sentence_starts

    def root(self, m: Mention) -> int:
        """Token index of the syntactic head of a mention's words."""
        key = (m.token_start, m.token_end)
        r = self._roots.get(key)
        if r is None:
            r = self._roots[key] = self.doc[m.token_start:m.token_end].root.i
        return r

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

    def covering(self, i: int) -> Optional[Mention]:
        if i in self.dateline:
            return None
        found = self.by_token.get(i)
        if found and found[0].kind != "name":
            # "the Nikkei newspaper": the name inside the phrase beats a guessed antecedent, and
            # an unrecognised proper name there makes the guess unsafe.
            t = self.t
            for c in t.kids[i]:
                if t.dep[c] == "compound" and c not in self.dateline:
                    named = [m for m in self.by_token.get(c, []) if m.kind == "name"]
                    if named:
                        return named[0]
                    if t.pos[c] == "PROPN":
                        return None
        return found[0] if found else None

    def argument(self, tok: int, via: str = "direct") -> Optional[Argument]:
        """The mention a token stands for, directly or through an apposition."""
        t = self.t
        if t.lower[tok] in RELATIVE_PRONOUNS or t.lower[tok] == "whose":
            tok = self._antecedent(tok)
        m = self.covering(tok)
        if m is None:
            for c in t.kids[tok]:
                if t.dep[c] == "appos" and (m := self.covering(c)) is not None:
                    via = "apposition" if via == "direct" else via
                    break
        if m is None:
            m = self._name_abbreviated_by(tok)
        if m is None and tok in self.dateline:
            m = self._subject_hung_on_dateline(tok)
            via = "apposition" if m is not None and via == "direct" else via
        elif (m is None or self.referent(m) is None) and t.pos[tok] == "NOUN":
            named = self._name_in_apposition_within(tok)
            if named is None and t.dep[tok] == "appos":
                # "X, a Swede who joined Acme": the description stands for the name it describes
                head = self.covering(t.head[tok])
                named = head if head is not None and head.kind == "name" else None
            if named is not None:
                m, via = named, ("apposition" if via == "direct" else via)
        ref = self.referent(m) if m is not None else None
        if ref is None or ref.token_start in self.dateline:
            return None
        if m.kind != "name":
            via = "coreference"
        return Argument(m, via)

    def home_country(self) -> Optional[Mention]:
        """The first name of the country the text is filed from ("NICOSIA, June 5 -" -> the
        text's first "Cyprus"): a bare "President X" or "Government spokesman X" in such a text
        belongs to it. None without a dateline the gazetteer places, or when the text never
        names that country (an edge needs a mention to stand on)."""
        if "home" not in self.cache:
            country = _dateline_country(self.doc, self.dateline)
            found = None
            if country is not None:
                places = country_index()
                for m in self.mentions:
                    if m.kind == "name" and m.token_start not in self.dateline \
                            and self.label(m) == "GPE" and places.country(m.name) == country:
                        found = m
                        break
            self.cache["home"] = found
        return self.cache["home"]

    def _name_abbreviated_by(self, tok: int) -> Optional[Mention]:
        """"The London-based International Transport Workers' Federation (ITF) backed ...": the
        parser makes the bracketed abbreviation the head of the phrase; it stands for the name
        just before the bracket."""
        t = self.t
        if t.pos[tok] != "PROPN" or tok + 1 >= len(t.doc) or t.doc[tok + 1].text != ")":
            return None
        before = _over_bracketed_acronym(t, tok, self.covering)
        m = self.covering(before) if before != tok else None
        return m if m is not None and m.kind == "name" and m.token_end == tok - 1 else None

    def _subject_hung_on_dateline(self, tok: int) -> Optional[Mention]:
        """"LONDON (Reuters) - Acme's envoy for Asia, X, met Y": the parser makes the dateline
        the subject and hangs the real one on it as an apposition."""
        t = self.t
        for c in t.kids[tok]:
            if t.dep[c] != "appos" or c in self.dateline:
                continue
            return self._name_in_apposition_within(c) or self.covering(c)
        return None

    def _name_in_apposition_within(self, tok: int) -> Optional[Mention]:
        """"the bloc's envoy for Asia, Jane Roe, met ...": the name in apposition to a title
        that names no one itself, where the parser hangs it on the title's last noun ('Asia')."""
        t = self.t
        frontier = [k for k in t.kids[tok] if t.dep[k] in ("appos", "prep")]
        while frontier:
            i = frontier.pop(0)
            m = self.covering(i) if t.dep[i] == "appos" else None
            if m is not None and m.kind == "name":
                return m
            frontier.extend(k for k in t.kids[i] if t.dep[k] in ("appos", "prep", "pobj"))
        return None

    def _antecedent(self, pronoun: int) -> int:
        """The noun a relative pronoun stands for ("the Union, which is headquartered in ..." ->
        the Union), also inside a phrase ("the Association, of which Acme is a member", "Acme,
        whose chief executive is X"); the pronoun itself where it introduces no relative clause."""
        t = self.t
        word = pronoun                  # the pronoun, or the phrase it sits in, in the clause
        if t.lower[pronoun] == "whose" or (t.dep[pronoun] == "pobj" and t.pos[t.head[pronoun]] == "ADP"):
            word = t.head[pronoun]
        clause = t.head[word]
        if t.dep[clause] == "relcl" and t.head[clause] != clause:
            tok = t.head[clause]
            if t.lower[pronoun] == "who":
                return self._person_for_who(tok)
            if t.lower[pronoun] == "which" and self._names_person(tok):
                # 'which' never stands for a person: "X, a leader of the Party (P), which
                # governs Y" -> the Party, the name right before the pronoun.
                before = _over_bracketed_acronym(t, _name_before(t, min(word, pronoun)), self.covering)
                if before is not None and self.covering(before) is not None and not self._names_person(before):
                    return before
            if self.covering(tok) is not None or any(t.dep[c] == "appos" and self.covering(c) for c in t.kids[tok]):
                return tok
            # The parser hung the clause on a farther noun ("members of the Union, which ..."):
            # a relative pronoun stands for the name right before it.
            before = _over_bracketed_acronym(t, _name_before(t, min(word, pronoun)), self.covering)
            return before if before is not None and self.covering(before) is not None else tok
        first = min(word, pronoun)
        if t.lower[pronoun] in ("which", "who", "whose") and (t.dep[clause] in ("advcl", "ccomp", "conj") or first < pronoun):
            # ", which is based in Y" read as a clause of the main verb, ", of which Acme is a
            # member" with 'of' hung on Acme, ", on which X imposed sanctions": the name right
            # before the comma (or the name an acronym in brackets there abbreviates).
            before = _name_before(t, first)
            if before is not None and before < first - 1 and t.doc[first - 1].text == ",":
                if self.covering(before) is None and t.dep[before] == "appos":
                    before = t.head[before]
                if self.covering(before) is not None:
                    return before
        return pronoun

    def _person_for_who(self, tok: int) -> int:
        """'who' stands for a person: "X, chairman of the group Acme, who denied ..." hangs the
        clause on Acme; the person is the name the title phrase describes (up its heads)."""
        m = self.covering(tok)
        if m is None or m.kind != "name" or self.label(m) == "PERSON":
            return tok
        t, i = self.t, tok
        for _ in range(6):
            if t.dep[i] not in WHO_CLIMB_DEPS or t.head[i] == i:
                break
            i = t.head[i]
            if self._names_person(i):
                return i
        return tok

    def _names_person(self, tok: int) -> bool:
        """The mention over this token (or the name an acronym in brackets abbreviates) is a person."""
        m = self.covering(tok)
        return m is not None and self.label(m) == "PERSON"

    def arguments(self, tokens: list[int], via: str = "direct", coordination: bool = True,
                  plural: bool = False) -> list[Argument]:
        """Arguments for the tokens and everything coordinated with them ('A or B' gives both);
        with ``plural``, 'the two leaders' gives each leader (for the members of a pair: "the two
        leaders agreed to meet"; "he confirmed that they had talked" confirms nothing about each).
        Memoised per document: the same tokens are reached by many patterns. The list returned
        is shared: callers must not change it."""
        key = ("args", tuple(tokens), via, coordination, plural)
        out = self.cache.get(key)
        if out is not None:
            return out
        out = []
        seen: set[int] = set()
        for tok in tokens:
            group = [(tok, via)] + ([(c, "coordination") for c in _coordinated(self.t, tok)] if coordination else [])
            for i, v in group:
                if _negated_constituent(self.t, i):
                    continue
                a = self.argument(i, v if via == "direct" else via)
                if a is None:
                    continue
                members = [a] + (self._plural_members(a) if plural else [])
                for b in members:
                    if b.index not in seen:
                        seen.add(b.index)
                        out.append(b)
        self.cache[key] = out
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
        votes: dict[str, dict[str, int]] = {}
        # A dateline ("BENGALURU -") is often mistyped and is never an argument: it does not vote.
        names = [m for m in self.mentions if m.kind == "name" and m.token_start not in self.dateline]
        for m in names:
            c = votes.setdefault(m.name.casefold(), {})
            c[m.label] = c.get(m.label, 0) + 1
        # "Doe" also votes with "Jane Doe" (and the reverse) when the long name ends with it
        # ("University of Warsaw" does not vote with "Warsaw": after 'of' comes another thing)
        lasts: dict[str, list[Mention]] = {}
        for m in names:
            parts = m.name.split()
            if len(parts) > 1 and parts[-2].casefold() not in LINKING_WORDS:
                lasts.setdefault(parts[-1].casefold(), []).append(m)
        for short, longs in lasts.items():
            if short in votes:
                keys = {short} | {m.name.casefold() for m in longs}
                total: dict[str, int] = {}
                for k in sorted(keys):
                    for label, n in votes[k].items():
                        total[label] = total.get(label, 0) + n
                # The full name is the surer reading ("Nguyen Van Thanh" PERSON, "Thanh" ORG):
                # it breaks a tie.
                for m in longs:
                    total[m.label] = total.get(m.label, 0) + 0.5
                for k in keys:
                    votes[k] = dict(total)
        # Ties are broken by label name, never by set or dict order (which depends on the hash seed).
        return {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in votes.items() if c}


# Deps up which 'who' looks for the person a title phrase describes ("X, chairman of the group Acme, who")
WHO_CLIMB_DEPS = frozenset({"appos", "pobj", "prep", "compound"})


def _negated_constituent(t: TokenTable, i: int) -> bool:
    """"a member of the AU but not of CAF", "A, not B, joined": a 'not' before the conjunct (or
    before the preposition that introduces it) takes that one out, wherever the parser hangs it
    ("A, not B": on A); a negated verb is modality's job."""
    h = t.head[i]
    if any(t.dep[c] == "neg" and c < i for c in t.kids[i]):
        return True
    if h != i and t.dep[i] in ("appos", "conj") and any(t.dep[c] == "neg" and h < c < i for c in t.kids[h]):
        return True
    return t.dep[i] == "pobj" and h != i and t.pos[h] == "ADP" and any(t.dep[c] == "neg" and c < h for c in t.kids[h])


def _over_bracketed_acronym(t: TokenTable, i: Optional[int], covering) -> Optional[int]:
    """"the Federation (ITF), of which ...": the parser may head the phrase on an acronym the
    names missed; the long name is before the bracket."""
    if i is not None and i >= 2 and covering(i) is None and t.doc[i - 1].text == "(" and covering(i - 2) is not None:
        return i - 2
    return i


def _name_before(t: TokenTable, pronoun: int) -> Optional[int]:
    """The last word of the noun phrase just before a relative pronoun, over commas and a
    bracketed abbreviation: "the Gulf Cooperation Council (GCC), which" -> "GCC"."""
    doc = t.doc
    start = t.sent(pronoun)[0]
    i = pronoun - 1
    while i >= start and doc[i].is_punct:
        i -= 1
    return i if i >= start else None


COORDINATED_DEPS = frozenset({"dep", "conj", "appos"})


def _conjuncts(t: TokenTable, i: int) -> list[int]:
    """``Token.conjuncts`` over the table: the coordination's first member, then every 'conj'
    to the right of a member, breadth first; the token itself left out."""
    dep, head = t.dep, t.head
    start = i
    while start != head[start] and dep[start] == "conj":
        start = head[start]
    queue = [start]
    output = [start]
    for w in queue:
        for c in t.kids[w]:
            if c > w and dep[c] == "conj":
                output.append(c)
                queue.append(c)
    return [w for w in output if w != i]


def _coordinated(t: TokenTable, i: int) -> list[int]:
    """Conjuncts of a token; also where the parser left a dangling 'and' ("written by A, an
    epidemiologist at U, and her colleague B": 'B' hangs off the verb) or read a list as an
    apposition ("A, B, C and D are members": 'B' apposition of A, 'C' and 'D' conjuncts of B)."""
    out = _conjuncts(t, i)
    if out:
        return out
    dep, kids = t.dep, t.kids
    for c in kids[i]:
        if dep[c] == "appos" and any(dep[g] == "conj" for g in kids[c]):
            listed = [c] + _conjuncts(t, c)
            if any(dep[g] == "cc" for x in listed for g in kids[x]):
                return listed
    for c in kids[i]:
        # "with A and Prime Minister B": the parser makes A a modifier of B, holding the 'and'
        if dep[c] == "nmod" and c < i and any(dep[g] == "cc" for g in kids[c]):
            return [c]
    cc = [c for c in kids[i] if dep[c] == "cc" and c > i]
    if cc and not any(dep[c] == "conj" for c in kids[i]):
        after = cc[-1] + 1
        end = t.sent(i)[1]
        if after < end:
            doc = t.doc
            subtree = set(x.i for x in doc[i].subtree)
            for j in range(after, end):
                if doc[j].left_edge.i == after and dep[j] in COORDINATED_DEPS and j not in subtree \
                        and t.pos[j] in ("NOUN", "PROPN"):
                    return [j]
    return out


def _dateline_country(doc, dateline: frozenset) -> Optional[str]:
    """The country of the text's first dateline: one it names ("ANTWERP, Belgium, Feb. 12 -"),
    else the country of the capital or province it names ("REYKJAVIK, Dec. 3 -" -> Iceland)."""
    if not dateline:
        return None
    first = min(dateline)
    chunks, words = [], []
    for i in range(first, max(dateline) + 1):
        if i not in dateline:
            break
        tok = doc[i]
        if tok.text == "(":
            break           # "(Reuters)", "(PA)": the agency, never the place
        if tok.is_punct:
            if words:
                chunks.append(" ".join(words))
            words = []
        else:
            words.append(tok.text)
    if words:
        chunks.append(" ".join(words))
    places = country_index()
    for chunk in chunks:
        if places.country(chunk) is not None:
            return places.country(chunk)
    for chunk in chunks:
        country = places.places.get(chunk.casefold())
        if country is not None:
            return country
    return None


def _line_starts(doc, t: TokenTable) -> list[tuple[int, int]]:
    """(first token, end of its sentence) for each sentence and for each line that opens
    inside one: a full article puts a headline and a byline before the dateline, and the
    parser often glues all three to the lead sentence ("Headline\n\nBy X\n\nLONDON -")."""
    out = list(t.sent_bounds)
    text = doc.text
    if "\n" not in text:
        return out
    for nl in re.finditer(r"\n\s*", text):
        k = bisect_left(t.idx, nl.end())
        if 0 < k < len(t.idx) and t.idx[k] == nl.end():
            out.append((k, t.sent(k)[1]))
    return out


def _dateline_tokens(doc, t: TokenTable) -> frozenset:
    """Token indices of news datelines ("NAIROBI (Reuters) -", "CANNES, France -", "LIMA, May 3 -")
    at sentence and line starts: places of filing, never arguments of the sentence they are glued to."""
    out: set[int] = set()
    for a, b in _line_starts(doc, t):
        span = dateline_span(doc, a, b)
        if span is not None:
            out.update(range(*span))
    return frozenset(out)
