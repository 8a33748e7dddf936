"""Schema-driven relation extraction with evidence, modality and attribution.

``RelationExtractor(schema, vocab)`` compiles the schema's patterns once (an index from trigger
lemma to patterns); ``extract(doc, mentions, document_id)`` walks each trigger's argument paths,
maps the tokens reached to mentions (names, coreferent pronouns, appositions, coordinations),
decides modality from the trigger's governors and records who asserts it. Every relation carries
the sentence and offsets that say it: no evidence, no edge.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Optional

from spacy.tokens import Doc

from ..model import Evidence, Mention, RelationMention, TextSpan
from ..schema import Pattern, RelationType, Schema
from .arguments import Argument, MentionIndex
from .modality import ASSERTED, INTENDED, POSSIBLE, Context, analyse
from .paths import walk
from .tokens import StringMemo, TokenTable

__all__ = ["RelationExtractor"]

POSSIBLE_MAX_CONFIDENCE = 0.35
COREFERENCE_PENALTY = 0.1
CONTEXT_WINDOW = 1          # sentences back in which "@subject:" looks for the related relation


class RelationExtractor:
    """Compiled once per process from a schema; ``extract`` is called once per document."""

    def __init__(self, schema: Schema, vocab=None):
        self.schema = schema
        self.vocab = vocab
        self.by_lemma: dict[str, list[tuple[RelationType, Pattern]]] = defaultdict(list)
        self.by_entity: dict[str, list[tuple[RelationType, Pattern]]] = defaultdict(list)
        # Per pattern (by identity), what extract() would otherwise recompute for every trigger:
        # the relation that declares it, and whether it waits for the others (unless/@subject:).
        self.relation_of: dict[int, str] = {}
        self.context_paths: dict[int, bool] = {}
        self.needs: dict[int, tuple] = {}
        for rel in schema.relations.values():
            for p in rel.patterns:
                self.relation_of.setdefault(id(p), rel.name)
                # "@home" waits too: a title that names its country elsewhere in the text wins
                self.context_paths[id(p)] = any(path.is_context or path.home for path in p.subject + p.object)
                self.needs[id(p)] = _needed_sides(p)
                for lem in p.trigger.lemmas:
                    self.by_lemma[lem].append((rel, p))
                for t in p.trigger.entity:
                    self.by_entity[t].append((rel, p))
        self.memo = StringMemo(vocab.strings if vocab is not None else None)
        # The parts of speech any-word ("*") patterns accept; empty when one accepts any
        stars = [p.trigger.pos for _, p in self.by_lemma.get("*", [])]
        self.star_pos = frozenset().union(*stars) if stars and all(stars) else frozenset()

    # -- public --------------------------------------------------------------------------------
    def extract(self, doc: Doc, mentions: list[Mention], document_id: str,
                table: Optional[TokenTable] = None) -> list[RelationMention]:
        """``table``: the document's token table when the caller already built it (pipeline.py)."""
        if table is None:
            table = TokenTable(doc, self.memo.for_doc(doc))
        index = MentionIndex(mentions, doc, table)
        found: list[RelationMention] = []
        deferred: list[tuple[int, RelationType, Pattern]] = []
        for tok, rel, pattern in self._triggers(index):
            if pattern.unless or self.context_paths[id(pattern)]:
                deferred.append((tok, rel, pattern))
                continue
            found.extend(self._apply(tok, rel, pattern, index, document_id, found))
        # Patterns that refer to other relations ("the parties of the proposed meeting", "unless
        # already related") run last; those naming a proposal's parties run after the proposals.
        deferred.sort(key=lambda d: self.context_paths[id(d[2])])
        for tok, rel, pattern in deferred:
            found.extend(self._apply(tok, rel, pattern, index, document_id, found))
        found = _drop_superseded(found, self.schema)
        return _dedupe(found, index, self.schema.symmetric_relations())

    # -- matching ------------------------------------------------------------------------------
    def _triggers(self, index: MentionIndex) -> Iterable[tuple[int, RelationType, Pattern]]:
        t = index.t
        heads = {}
        for m in index.mentions:
            if m.kind == "name":
                heads.setdefault(index.root(m), m)
        by_lemma = self.by_lemma
        star = by_lemma.get("*", [])
        star_pos = self.star_pos
        lemmas, lowers, poses = t.lemma, t.lower, t.pos
        for i in range(t.n):
            lem, low = lemmas[i], lowers[i]
            m = heads.get(i)
            pos = poses[i]
            # Only words some pattern names (or a name's head, for entity triggers, or a word of
            # the part of speech an any-word pattern asks for) are visited.
            if m is None and (not star or (star_pos and pos not in star_pos)) \
                    and lem not in by_lemma and low not in by_lemma:
                continue
            # By lemma and by the word itself: the small model lemmatises "talks" as "talk" and
            # a pattern may name either form.
            cands = list(by_lemma.get(lem, ()))
            if low != lem:
                cands += [c for c in by_lemma.get(low, ()) if c not in cands]
            cands += star
            if m is not None:
                cands += self.by_entity.get(index.label(m) or m.label, [])
            for rel, pattern in cands:
                # A pattern whose argument paths reach no token relates nothing (most triggers:
                # every name, for the entity patterns); that test is cheap, so it comes first.
                tr = pattern.trigger
                if tr.pos and pos not in tr.pos:
                    continue
                if tr.not_lemmas and (lem in tr.not_lemmas or low in tr.not_lemmas):
                    continue
                if self._reaches(index, i, pattern) and self._conditions_ok(index, i, tr):
                    yield i, rel, pattern

    def _reaches(self, index: MentionIndex, i: int, pattern: Pattern) -> bool:
        walks, t = index.walks, index.t
        for side in self.needs[id(pattern)]:
            for p in side:
                deps = p.first_deps
                if deps and ((t.dep[i] not in deps) if p.first_up else deps.isdisjoint(t.kid_deps[i])):
                    continue        # its first step cannot be taken: the path reaches nothing
                key = (i, p.text)
                got = walks.get(key)
                if got is None:
                    got = walks[key] = walk(t, i, p)
                if got:
                    break
            else:
                return False
        return True

    @staticmethod
    def _conditions_ok(index: MentionIndex, i: int, tr) -> bool:
        """The trigger's ``has``/``has_any``/``not_has`` paths (its word and part of speech are
        checked by the caller)."""
        if any(not _walk(index, i, p) for p in tr.has):
            return False
        if tr.has_any and not any(_walk(index, i, p) for p in tr.has_any):
            return False
        return not any(_walk(index, i, p) for p in tr.not_has)

    def _context(self, index: MentionIndex, tok: int, static: bool) -> Context:
        """The trigger's modality and attribution: they depend on the token only, so they are
        decided once per token and document whatever the number of patterns it triggers."""
        key = ("context", tok, static)
        ctx = index.cache.get(key)
        if ctx is None:
            ctx = index.cache[key] = analyse(index.t, tok, self.schema.modality,
                                             lambda j: _name_of(j, index), static=static)
        return ctx

    def _apply(self, tok, rel, pattern, index, document_id, found) -> list[RelationMention]:
        if _is_fallback(pattern) and _said_at(found, rel.name, index.t.idx[tok]):
            return []       # "A Justice Ministry spokesman": the title names its own organisation
        # A title or a name's own phrase ("X in Y") holds whatever the clause around it says.
        static = pattern.via == "apposition" or bool(pattern.trigger.entity)
        ctx = self._context(index, tok, static)
        rtype, modality, conf = self._decide(rel, pattern, ctx)
        if rtype is None:
            return []
        target = self.schema.relations[rtype]
        pairs: list[tuple[Argument, Argument]] = []
        ok = lambda s, o: self._types_ok(target, pattern, s, o, index)  # noqa: E731
        if pattern.pair:
            # "A and B agreed to meet": the members are the subjects of the intent, so each
            # proposes to meet the other. "A summit between A and B is planned" names no
            # proposer: a non-symmetric relation needs the members to be subjects.
            by_subject = [p for p in pattern.pair if any(st.special == "subj" for st in p.steps)]
            paths = pattern.pair if target.symmetric else by_subject
            members = _first(index.arguments(_walk(index, tok, p), plural=True) for p in paths)
            pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
            pairs = [(a, replace(b, via="coordination") if b.via == "direct" else b) for a, b in pairs]
            if not target.symmetric:
                pairs += [(b, a) for a, b in pairs]
            pairs = [(s, o) for s, o in pairs if ok(s, o)]
        else:
            # Alternatives in order: the first subject path that reaches a mention, then the first
            # object path that gives that subject a valid partner ("it ... with ESA": not 'it').
            stypes = pattern.subject_types or target.subject_types
            otypes = pattern.object_types or target.object_types
            one = _one_holder(index, tok, pattern)
            subs = _first(self._args(tok, p, index, found, stypes, one) for p in pattern.subject)
            pairs = _first([(s, o) for s in subs for o in self._args(tok, p, index, found, otypes) if ok(s, o)]
                           for p in pattern.object) if subs else []
        if any(p.home for p in pattern.object):
            # what this relation supersedes ("works_for") places a person in a state as well
            placing = {rtype} | set(self.schema.relations[rtype].supersedes)
            pairs = _not_placed_elsewhere(pairs, found, placing, index)
        if pattern.unless:
            key = (pattern.unless, len(found))      # found only grows: its length dates the cache
            related = index.cache.get(key)
            if related is None:
                related = index.cache[key] = _related_keys(found, pattern.unless, index)
            pairs = [(s, o) for s, o in pairs
                     if not ({(a, b) for a in index.entity_keys(s.mention) for b in index.entity_keys(o.mention)}
                             & related)]
        out = []
        for s, o in pairs:
            out.append(self._relation(index, tok, rtype, pattern, s, o, ctx, modality, conf, document_id))
        return out

    def _decide(self, rel: RelationType, pattern: Pattern, ctx: Context):
        """Apply the schema's modality policy: (relation type, modality, confidence) or (None, ...)."""
        policy = self.schema.modality.policy
        conf = pattern.confidence
        if pattern.only_when == "possible":
            return (rel.name, ASSERTED, conf) if ctx.state in (INTENDED, POSSIBLE) else (None, None, 0)
        if ctx.state == ASSERTED:
            return rel.name, ASSERTED, conf
        if ctx.state == INTENDED and rel.possible_as and not ctx.intent_of_other:
            return rel.possible_as, ASSERTED, conf     # "wants to meet X": an asserted proposal
        if ctx.state in (INTENDED, POSSIBLE):
            if rel.proposal:
                return rel.name, ASSERTED, conf         # "the potential venue" is what proposed_venue means
            if policy.get("possible") == "keep":
                return rel.name, POSSIBLE, min(conf, POSSIBLE_MAX_CONFIDENCE)
        return None, None, 0     # negated and refused: no edge, whatever the policy

    def _args(self, tok, path, index, found, types=frozenset(), one=False) -> list[Argument]:
        if path.topic:
            return _topic(tok, index, types)
        if path.kind:
            return _named_kind(tok, index, types)
        if path.home:
            home = index.home_country()
            return [Argument(home, "coreference")] if home is not None and index.label(home) in types else []
        if not path.is_context:
            # "spoke with both finalists": each person the description stands for; not inside a
            # reported clause ("confirmed that they had talked" says nothing about each)
            tokens = _walk(index, tok, path)
            if one and path.steps and path.steps[-1].deps == CONJ:
                tokens = _last_before(tokens, tok)
            # who did an act named earlier ("backed the stoppage"): a bridging reference
            return index.arguments(tokens, via="coreference" if path.via_event else "direct",
                                   coordination=not (one or path.ends_up or path.is_self),
                                   plural=not any("ccomp" in st.deps for st in path.steps))
        at = index.t.idx[tok]
        here = _sentence_of(index, at)
        best: Optional[RelationMention] = None
        best_key = None
        for r in found:
            if r.type not in path.context_types or r.evidence.modality != ASSERTED:
                continue
            k = _sentence_of(index, r.evidence.start)
            if k is None or not (here - CONTEXT_WINDOW <= k <= here):
                continue
            key = (k == here, -abs(r.evidence.trigger.start - at) if r.evidence.trigger else 0)
            if best_key is None or key > best_key:
                best, best_key = r, key
        if best is None:
            return []
        # "A and B agreed to meet in Y": one trigger read as several relations gives each subject
        same = [r for r in found if r.type == best.type and r.evidence.trigger is not None
                and best.evidence.trigger is not None and r.evidence.trigger.start == best.evidence.trigger.start
                and r.evidence.modality == ASSERTED]
        out, seen = [], set()
        for r in [best] + same:
            if r.subject not in seen:
                seen.add(r.subject)
                out.append(Argument(index.mentions[r.subject], "direct" if r.evidence.via == "direct" else r.evidence.via))
        return out

    @staticmethod
    def _types_ok(rel: RelationType, pattern: Pattern, s: Argument, o: Argument, index: MentionIndex) -> bool:
        ls, lo = index.label(s.mention), index.label(o.mention)
        if ls is None or lo is None:
            return False
        if index.referent(s.mention).index == index.referent(o.mention).index:
            return False
        return (ls in (pattern.subject_types or rel.subject_types)
                and lo in (pattern.object_types or rel.object_types))

    def _relation(self, index, tok, rtype, pattern, s, o, ctx, modality, conf, document_id) -> RelationMention:
        sentence, start, end = _sentence(index, tok)
        via = _combine_via(pattern.via, s.via, o.via)
        if via == "coreference":
            conf -= COREFERENCE_PENALTY
        word = index.doc[tok].text
        at = index.t.idx[tok]
        declared = self.relation_of.get(id(pattern), "?")
        ev = Evidence(
            document=document_id,
            sentence=sentence,
            start=start,
            end=end,
            subject=_surface(index.text, s.mention),
            object=_surface(index.text, o.mention),
            trigger=TextSpan(word, at, at + len(word)),
            pattern=f"{rtype}:{pattern.name}" if rtype == declared else f"{declared}:{pattern.name}->{rtype}",
            via=via,
            modality=modality,
            confidence=round(max(0.05, conf), 3),
            asserted_by=ctx.asserted_by,
            reported=ctx.reported,
        )
        return RelationMention(type=rtype, subject=s.index, object=o.index, evidence=ev)


CONJ = frozenset({"conj"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})


def _one_holder(index: MentionIndex, tok: int, pattern: Pattern) -> bool:
    """A singular title has one holder: "Acme chief executive A and B, the president of C"
    does not make B Acme's chief executive (the plural "its spokespeople, A and B" names two)."""
    return pattern.via == "apposition" and not pattern.trigger.entity and index.doc[tok].tag_ in SINGULAR_TAGS


def _is_fallback(pattern: Pattern) -> bool:
    """A pattern whose object is found outside the title's phrase ("@topic", "@home", "@kind") only
    guesses where the phrase names nothing."""
    return any(p.topic or p.home or p.kind for p in pattern.object)


def _said_at(found: list[RelationMention], rtype: str, at: int) -> bool:
    """A relation of this type already read off the trigger word at this offset."""
    return any(r.type == rtype and r.evidence.trigger is not None and r.evidence.trigger.start == at
               for r in found)


def _not_placed_elsewhere(pairs: list, found: list[RelationMention], placing: set, index: MentionIndex) -> list:
    """A bare "President X" belongs to the text's country unless the text says elsewhere which
    state X serves ("Kenyan President X ... President X said": a foreign leader named once in
    full, then by the bare title). Leading a party or a firm places no one elsewhere."""
    held: dict[str, set] = defaultdict(set)        # person key -> keys of the states they serve
    for r in found:
        obj = index.mentions[r.object]
        if r.type in placing and index.label(obj) == "GPE":
            for k in index.entity_keys(index.mentions[r.subject]):
                held[k] |= index.entity_keys(obj)
    return [(s, o) for s, o in pairs
            if not any(held.get(k, set()) - index.entity_keys(o.mention) for k in index.entity_keys(s.mention))]


def _last_before(tokens: list[int], tok: int) -> list[int]:
    """The conjunct nearest before a title: "A and B, the president of C" is said of B."""
    before = [i for i in tokens if i < tok]
    return [max(before)] if before else []


def _needed_sides(pattern: Pattern) -> tuple:
    """The groups of alternative paths of which at least one must reach a token for the pattern
    to relate anything: the pair paths, or the subject and the object paths (a side with
    "@topic" or "@subject:" finds its argument elsewhere, so it is left out)."""
    if pattern.pair:
        return (pattern.pair,)
    sides = [side for side in (pattern.subject, pattern.object)
             if side and not any(p.topic or p.home or p.kind or p.is_context for p in side)]
    # The side most likely to reach nothing first: "self" always reaches the trigger, and
    # "subj" usually finds a subject (after the longest walk).
    return tuple(sorted(sides, key=lambda side: any(p.steps and p.steps[0].special for p in side)))


def _walk(index: MentionIndex, tok: int, path) -> list:
    """``paths.walk`` memoised per document: many patterns share a path ("subj", "dobj") and a
    trigger token; a path's text says all it does. The list returned is shared: callers must not
    change it."""
    deps = path.first_deps
    if deps and ((index.t.dep[tok] not in deps) if path.first_up else deps.isdisjoint(index.t.kid_deps[tok])):
        return []           # its first step cannot be taken (a fresh list: callers may keep it)
    key = (tok, path.text)
    got = index.walks.get(key)
    if got is None:
        got = index.walks[key] = walk(index.t, tok, path)
    return got


def _sentence(index: MentionIndex, tok: int) -> tuple[str, int, int]:
    """The stripped text of the token's sentence and its offsets, once per sentence."""
    k = index.t.sent_of[tok]
    key = ("sentence", k)
    got = index.cache.get(key)
    if got is None:
        a, b = index.t.sent_bounds[k]
        last = index.doc[b - 1]
        start_char = index.t.idx[a]
        text = index.text[start_char:last.idx + len(last)]      # = Span.text
        got = index.cache[key] = (text.strip(), start_char + (len(text) - len(text.lstrip())),
                                  start_char + len(text.rstrip()))
    return got


def _surface(text: str, m: Mention) -> TextSpan:
    """The words as written at the mention's offsets ("Kenyan" for the country read off it), so
    evidence spans always quote the text they point at; the entity's name is on the node."""
    return TextSpan(text[m.start:m.end], m.start, m.end)


def pattern_relation(schema: Schema, pattern: Pattern) -> str:
    for r in schema.relations.values():
        if any(p is pattern for p in r.patterns):
            return r.name
    return "?"


def _first(groups: Iterable[list]) -> list:
    """Alternative paths are tried in order; the first that reaches a mention wins."""
    for g in groups:
        if g:
            return g
    return []


def _combine_via(pattern_via: Optional[str], *vias: str) -> str:
    for v in ("coreference", "coordination", "apposition"):
        if v in vias:
            return v
    return pattern_via or "direct"


def _sentence_of(index: MentionIndex, char: int) -> Optional[int]:
    """Index of the sentence holding a character offset (a bisection over sentence starts)."""
    starts = index.sentence_starts
    k = bisect_right(starts, char) - 1
    return k if k >= 0 else None


TOPIC_DEPS = frozenset({"nsubj", "nsubjpass"})


def _topic(tok: int, index: MentionIndex, types: frozenset) -> list[Argument]:
    """The name a bare title belongs to ("Acme said on Monday ... Chief executive X told staff"):
    the nearest name of an allowed type before the trigger, in its sentence or the previous one,
    that is the subject of a clause (itself or through an apposition). Names are indexed once
    per document and found by bisection, so each title costs a short backward scan."""
    cands = index.cache.get("topic")
    if cands is None:
        cands = []
        for m in index.mentions:
            if m.kind != "name" or m.token_start in index.dateline:
                continue
            root = index.root(m)
            dep, head = index.t.dep, index.t.head[root]
            # "LIMA, May 3 - Acme Corp said": the parser often hangs the subject on the dateline
            if dep[root] in TOPIC_DEPS or (dep[root] in ("appos", "conj") and (
                    dep[head] in TOPIC_DEPS or head in index.dateline)):
                cands.append((m.start, m))
        cands.sort(key=lambda c: c[0])
        index.cache["topic"] = cands
    at = index.t.idx[tok]
    here = _sentence_of(index, at)
    k = bisect_right(cands, at, key=lambda c: c[0]) - 1
    while k >= 0:
        start, m = cands[k]
        sent = _sentence_of(index, start)
        if sent is None or sent < here - CONTEXT_WINDOW:
            break
        if index.label(m) in types:
            return [Argument(m, "coreference")]     # a bridging reference, not a word of the sentence
        k -= 1
    return []


def _named_kind(tok: int, index: MentionIndex, types: frozenset) -> list[Argument]:
    """"A commission spokesperson, X" after "the European Commission", "Port spokesman X" after
    "the Port of Y": a title whose modifier is a common noun belongs to the nearest name before
    it, in the text, that has that noun among its words."""
    t = index.t
    kinds = {t.lower[c] for c in t.kids[tok] if t.dep[c] == "compound" and t.pos[c] in ("NOUN", "PROPN")}
    if not kinds:
        return []
    for m in sorted(index.mentions, key=lambda m: -m.start):
        if m.kind != "name" or m.token_start >= tok or m.token_start in index.dateline:
            continue
        if kinds & set(m.name.casefold().split()) and index.label(m) in types:
            return [Argument(m, "coreference")]
    return []


def _related_keys(found: list[RelationMention], types: frozenset, index: MentionIndex) -> set[tuple[str, str]]:
    """(entity key, entity key) pairs, both ways, that relations of these types already join."""
    out: set[tuple[str, str]] = set()
    for r in found:
        if r.type in types:
            for a in index.entity_keys(index.mentions[r.subject]):
                for b in index.entity_keys(index.mentions[r.object]):
                    out.update({(a, b), (b, a)})
    return out


def _drop_superseded(found: list[RelationMention], schema: Schema) -> list[RelationMention]:
    """One trigger word read two ways ("Volta's chief executive X": leads it, works for it): the
    relation the schema says is more specific wins."""
    by_trigger: dict[tuple, set[str]] = defaultdict(set)
    for r in found:
        if r.evidence.trigger is not None:
            by_trigger[(r.evidence.trigger.start, r.subject, r.object)].add(r.type)
    out = []
    for r in found:
        key = (r.evidence.trigger.start, r.subject, r.object) if r.evidence.trigger is not None else None
        others = by_trigger.get(key, set()) - {r.type}
        if any(r.type in schema.relations[t].supersedes for t in others):
            continue
        out.append(r)
    return out


def _name_of(i: int, index: MentionIndex) -> str:
    """Who asserts: the resolved name if the token is a mention, else its short noun phrase."""
    arg = index.argument(i)
    if arg is not None:
        ref = index.referent(arg.mention)
        if ref is not None:
            return ref.name
    tok = index.doc[i]
    words = [t for t in tok.subtree if t.dep_ not in ("det", "punct") and t.i <= tok.i]
    text = " ".join(t.text for t in words[-4:]) if words else tok.text
    return text


def _dedupe(found: list[RelationMention], index: MentionIndex, symmetric: set[str]) -> list[RelationMention]:
    """Several patterns reading one sentence the same way give one relation: the surest, most direct."""
    best: dict[tuple, RelationMention] = {}
    order: list[tuple] = []
    rank = {"direct": 0, "apposition": 1, "coordination": 2, "coreference": 3}
    for r in found:
        s = index.referent(index.mentions[r.subject]).index
        o = index.referent(index.mentions[r.object]).index
        if r.type in symmetric and o < s:
            s, o = o, s
        key = (r.type, s, o, r.evidence.start)
        score = (r.evidence.confidence, -rank.get(r.evidence.via, 4))
        if key not in best:
            order.append(key)
            best[key] = r
        elif score > (best[key].evidence.confidence, -rank.get(best[key].evidence.via, 4)):
            best[key] = r
    return [best[k] for k in order]
