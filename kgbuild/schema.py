"""Relation schemas: which relations exist, between which entity types, and how text says them.

A schema is a YAML file (the packaged default is ``kgbuild/schemas/news.yaml``), so a user adds
a relation, or a way of saying one, without touching Python. Loading validates everything up
front and reports the first problem as one line naming the file: a pattern that cannot match is
better refused at load time than silently never firing.

Argument paths are short strings walked over the dependency tree from the trigger word::

    "prep[with] > pobj"      child 'prep' whose lemma is 'with', then its child 'pobj'
    "compound[^company|firm]" a 'compound' child whose lemma is NOT one of these
    "<dobj[order] > subj"    up from a 'dobj' to a head whose lemma is 'order', then its subject
    "subj"                   the grammatical subject, inherited through xcomp/conj/relative clauses
    "self"                   the trigger itself (for entity triggers)
    "@subject:met_with"      the subject of a nearby extracted relation of that type
    "@topic"                 the name the text is about there: the nearest name before the trigger,
                             in its sentence or the one before, that is a clause's subject
                             ("Acme said ... Chief executive X told staff": X heads Acme)
    "@home"                  the country the text is filed from (its dateline's country, or the
                             country of its dateline's city), where the text names it: what a bare
                             national title belongs to ("NICOSIA - ... President X" leads Cyprus)
    "@kind"                  the nearest name before the trigger that has the trigger's common-noun
                             modifier among its words ("the European Commission ... a commission
                             spokesperson")
    "dobj > event_agent"     who did the act a definite event noun names ("backed the stoppage"
                             -> who called it, a few sentences before); the kinds of acts, their
                             nouns and verbs are the schema's top-level ``events:`` block
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional, Union

from .errors import KgbuildError

NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
DEP_LABELS = frozenset(
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj "
    "csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd "
    "parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp".split())
POS_TAGS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
SPECIAL_STEPS = frozenset({"subj", "self", "event_agent"})
STEP_RE = re.compile(r"^(?P<up><)?(?P<deps>\*|[A-Za-z]+(?:\|[A-Za-z]+)*)(?:\[(?P<lemmas>[^\[\]]+)\])?$")
CONTEXT_RE = re.compile(r"^@subject:(?P<types>[a-z0-9_]+(?:\|[a-z0-9_]+)*)$")

SCHEMA_KEYS = {"name", "description", "entity_types", "modality", "events", "relations"}
EVENTS_KEYS = {"window", "determiners", "not_done", "kinds"}
EVENT_KIND_KEYS = {"nouns", "verbs", "verb_not_has", "made_by"}
RELATION_KEYS = {"description", "subject_types", "object_types", "symmetric", "possible_as", "proposal",
                 "supersedes", "patterns"}
PATTERN_KEYS = {"name", "trigger", "subject", "object", "pair", "confidence", "via", "only_when",
                "subject_types", "object_types", "unless"}
TRIGGER_KEYS = {"lemma", "not_lemma", "pos", "entity", "has", "has_any", "not_has"}
MODALITY_KEYS = {
    "policy", "negation_words", "refusal_governors", "negating_governors", "intent_governors",
    "intent_modifiers", "intent_modals", "hypothetical_governors", "hypothetical_modifiers", "modal_verbs",
    "conditional_marks", "reported_adverbs", "reporting_verbs",
}
POLICY_KEYS = {"negated", "refused", "possible"}
VIA_VALUES = {"direct", "coreference", "apposition", "coordination"}


class SchemaError(KgbuildError, ValueError):
    """A schema file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Step:
    """One move over the dependency tree (see the module docstring for the syntax)."""

    up: bool
    deps: frozenset          # empty = any dependency label
    lemmas: frozenset        # empty = any lemma
    special: Optional[str] = None   # "subj", "self" or "event_agent"
    negated: bool = False           # "[^a|b]": any lemma but these
    events: Optional["EventLexicon"] = None   # for "event_agent": the schema's kinds of acts

    def lemma_ok(self, *forms: str) -> bool:
        if not self.lemmas:
            return True
        return not any(f in self.lemmas for f in forms) if self.negated else any(f in self.lemmas for f in forms)

    def accepts(self, lemma: str, word: str) -> bool:
        """``lemma_ok`` for a token's lemma and word, without building a tuple: it runs for
        every child visited by every path walk."""
        lemmas = self.lemmas
        if not lemmas:
            return True
        hit = lemma in lemmas or word in lemmas
        return not hit if self.negated else hit

    def __str__(self) -> str:
        if self.special:
            return self.special
        deps = "|".join(sorted(self.deps)) or "*"
        lem = f"[{'^' if self.negated else ''}{'|'.join(sorted(self.lemmas))}]" if self.lemmas else ""
        return f"{'<' if self.up else ''}{deps}{lem}"


@dataclass(frozen=True)
class ArgPath:
    """A sequence of steps from the trigger to an argument, or a reference to a nearby relation."""

    text: str
    steps: tuple = ()
    context_types: frozenset = frozenset()   # for "@subject:a|b"
    topic: bool = False                      # "@topic"
    home: bool = False                       # "@home"
    kind: bool = False                       # "@kind"
    # Compiled from the first step, for a quick "cannot match here": the dependency labels it
    # needs (empty: no quick test) on a child of the start token, or on the start token itself
    # for an upward step.
    first_deps: frozenset = field(default=frozenset(), init=False, compare=False, repr=False)
    first_up: bool = field(default=False, init=False, compare=False, repr=False)

    def __post_init__(self):
        first = self.steps[0] if self.steps else None
        if first is not None and not first.special and first.deps:
            object.__setattr__(self, "first_deps", first.deps)
            object.__setattr__(self, "first_up", first.up)

    @property
    def is_context(self) -> bool:
        return bool(self.context_types)

    @property
    def is_self(self) -> bool:
        """The trigger name itself: "B of the Institute" says where B works, not where the
        names coordinated with B ("A and B of the Institute") work."""
        return len(self.steps) == 1 and self.steps[0].special == "self"

    @property
    def via_event(self) -> bool:
        """The path ends on who did an act named earlier: a bridging reference, not a word of
        the trigger's sentence (its argument is read as via coreference)."""
        return bool(self.steps) and self.steps[-1].special == "event_agent"

    @property
    def ends_up(self) -> bool:
        """A path ending by going up ('<compound': the name a title modifies) reaches one name,
        not its coordination ("President A and B": the title is A's only)."""
        return bool(self.steps) and self.steps[-1].up


@dataclass(frozen=True)
class EventKind:
    """One kind of act ("industrial_action", "penalty"): the nouns that name it ("strike",
    "stoppage"), the verbs that are it ("strike", "fine"; their subject did it, unless one of
    ``verb_not_has`` reaches a token: "ruled the country" governs, it decides nothing) and the
    verbs whose subject does the act a noun names ("called a strike", "imposed a fine")."""

    name: str
    nouns: frozenset
    verbs: frozenset = frozenset()
    verb_not_has: tuple = ()        # ArgPaths
    made_by: frozenset = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """The schema's ``events:`` block, read by the ``event_agent`` path step: a definite noun
    ("the stoppage", after one of ``determiners``) stands for who did the act of its kind named
    last, at most ``window`` sentences before it (a re-mention without agent carries the window
    on)."""

    kinds: tuple = ()
    window: int = 6
    determiners: frozenset = frozenset({"the", "this", "that", "these", "those"})
    not_done: tuple = ()            # ArgPaths from an act's verb: "has yet to rule" rules nothing
    # the schema's modality lists: an act denied, hedged or planned ("did not call a strike",
    # "may fine") was not done, so it names no agent
    modality: Optional["ModalityLexicon"] = field(default=None, compare=False)

    def kinds_of_noun(self, *forms: str) -> tuple:
        return tuple(k for k in self.kinds if any(f in k.nouns for f in forms))


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset = frozenset()          # {"*"}: any word (then narrowed by pos / not_lemma)
    not_lemmas: frozenset = frozenset()
    pos: frozenset = frozenset()
    entity: frozenset = frozenset()          # trigger = head token of a mention of these types
    has: tuple = ()                          # ArgPaths that must reach some token
    has_any: tuple = ()                      # at least one of these ArgPaths reaches a token
    not_has: tuple = ()                      # ArgPaths that must reach nothing


@dataclass(frozen=True)
class Pattern:
    name: str
    trigger: Trigger
    subject: tuple = ()       # alternative ArgPaths
    object: tuple = ()
    pair: tuple = ()          # ArgPaths reaching a coordination: every two members are related
    confidence: float = 0.8
    via: Optional[str] = None
    only_when: Optional[str] = None   # "possible": fires only in a hypothetical context, as asserted
    subject_types: frozenset = frozenset()   # narrower than the relation's, for this pattern only
    object_types: frozenset = frozenset()
    unless: frozenset = frozenset()   # relation types: a pair the document already relates so is skipped


@dataclass(frozen=True)
class RelationType:
    name: str
    description: str
    subject_types: frozenset
    object_types: frozenset
    symmetric: bool = False
    possible_as: Optional[str] = None   # hypothetical mentions become this relation (asserted)
    proposal: bool = False              # the relation is itself about a proposal: "potential venue" is it
    patterns: tuple = ()
    supersedes: frozenset = frozenset()  # read by the same trigger word, these give way ("chief executive")


@dataclass(frozen=True)
class ModalityLexicon:
    """Word lists that decide negation, refusal, hypotheticals and attribution (all lemmas)."""

    policy: dict = field(default_factory=lambda: {"negated": "drop", "refused": "drop", "possible": "drop"})
    negation_words: frozenset = frozenset()
    refusal_governors: frozenset = frozenset()
    negating_governors: frozenset = frozenset()
    intent_governors: frozenset = frozenset()
    intent_modifiers: frozenset = frozenset()
    intent_modals: frozenset = frozenset()
    hypothetical_governors: frozenset = frozenset()
    hypothetical_modifiers: frozenset = frozenset()
    modal_verbs: frozenset = frozenset()
    conditional_marks: frozenset = frozenset()
    reported_adverbs: frozenset = frozenset()
    reporting_verbs: frozenset = frozenset()


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    entity_types: frozenset
    relations: dict
    modality: ModalityLexicon
    source: str = ""
    events: Optional[EventLexicon] = None

    def symmetric_relations(self) -> set[str]:
        return {n for n, r in self.relations.items() if r.symmetric}

    def neo4j_type(self, name: str) -> str:
        """``spoke_with`` -> ``SPOKE_WITH``; only schema names, so the result is safe in Cypher."""
        if name not in self.relations:
            raise SchemaError(f"{self.source or self.name}: unknown relation '{name}'")
        return name.upper()


# -- loading ---------------------------------------------------------------------------------
def load_schema(name_or_path: Union[str, Path, None] = None) -> Schema:
    """``None`` or a packaged name ("news") loads the bundled schema; anything else is a path."""
    if name_or_path is None or (isinstance(name_or_path, str) and NAME_RE.match(name_or_path)
                                and not Path(name_or_path).exists()):
        name = name_or_path or "news"
        try:
            text = resources.files("kgbuild.schemas").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError):
            raise SchemaError(f"{name}: no packaged schema of that name (packaged: news); "
                              f"give a path to a YAML file instead") from None
        return parse_schema(text, source=f"{name}.yaml")
    path = Path(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SchemaError(f"{path}: no such schema file") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read schema file ({type(exc).__name__})") from None
    return parse_schema(text, source=str(path))


def parse_schema(text: str, source: str = "<schema>") -> Schema:
    import yaml

    # libyaml's loader when PyYAML was built with it: the same data, ten times faster (the
    # schema is parsed in every worker process at start-up).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise SchemaError(f"{source}: not valid YAML{where} ({getattr(exc, 'problem', None) or exc})") from None
    return _Validator(source).schema(data)


class _Validator:
    """Turns the YAML data into a Schema, raising SchemaError at the first problem."""

    def __init__(self, source: str):
        self.source = source
        self.events: Optional[EventLexicon] = None

    def fail(self, where: str, problem: str):
        raise SchemaError(f"{self.source}: {where}: {problem}")

    def keys(self, where: str, data, allowed: set, required: set = frozenset()):
        if not isinstance(data, dict):
            self.fail(where, f"expected a mapping, got {type(data).__name__}")
        unknown = sorted(set(map(str, data)) - allowed)
        if unknown:
            self.fail(where, f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")
        missing = sorted(required - set(data))
        if missing:
            self.fail(where, f"missing key '{missing[0]}'")

    def words(self, where: str, value, lower: bool = True) -> frozenset:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(where, "expected a list of words")
        for v in value:
            if not isinstance(v, str) or not v.strip():
                hint = " (quote words such as \"no\", \"on\", \"yes\": YAML reads them as true/false)" \
                    if isinstance(v, bool) else ""
                self.fail(where, f"{v!r} is not a word{hint}")
        return frozenset(v.strip().lower() if lower else v.strip() for v in value)

    def schema(self, data) -> Schema:
        if data is None:
            self.fail("schema", "the file is empty")
        self.keys("schema", data, SCHEMA_KEYS, {"name", "relations"})
        name = data["name"]
        if not isinstance(name, str) or not NAME_RE.match(name):
            self.fail("name", f"'{name}' is not a lower snake case name")
        entity_types = self.words("entity_types", data.get("entity_types", [
            "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"]), lower=False)
        for t in entity_types:
            if not re.match(r"^[A-Z][A-Z_]*$", t):
                self.fail("entity_types", f"'{t}' is not an upper case entity type")
        self.entity_types = entity_types
        modality = self.modality(data.get("modality", {}))
        # read before the relations: their "event_agent" steps carry it
        self.events = self.event_lexicon(data["events"], modality) if "events" in data else None
        relations_data = data["relations"]
        if not isinstance(relations_data, dict) or not relations_data:
            self.fail("relations", "expected a non-empty mapping of relation name -> definition")
        relations = {}
        for rname, rdata in relations_data.items():
            relations[rname] = self.relation(rname, rdata)
        for r in relations.values():
            if r.possible_as and r.possible_as not in relations:
                self.fail(f"relations.{r.name}.possible_as", f"unknown relation '{r.possible_as}'")
            for t in sorted(r.supersedes):
                if t not in relations:
                    self.fail(f"relations.{r.name}.supersedes", f"unknown relation '{t}'")
            for p in r.patterns:
                for t in sorted(p.unless):
                    if t not in relations:
                        self.fail(f"relations.{r.name}.patterns.{p.name}.unless", f"unknown relation '{t}'")
                for path in p.subject + p.object:
                    for t in path.context_types:
                        if t not in relations:
                            self.fail(f"relations.{r.name}.patterns.{p.name}", f"'{path.text}' names unknown relation '{t}'")
        return Schema(name=name, description=str(data.get("description", "")).strip(), entity_types=entity_types,
                      relations=relations, modality=modality, source=self.source,
                      events=self.events)

    def relation(self, name, data) -> RelationType:
        where = f"relations.{name}"
        if not isinstance(name, str) or not NAME_RE.match(name):
            self.fail(where, f"relation name '{name}' is not lower snake case (e.g. spoke_with)")
        self.keys(where, data, RELATION_KEYS, {"description", "subject_types", "object_types", "patterns"})
        desc = data["description"]
        if not isinstance(desc, str) or not desc.strip():
            self.fail(f"{where}.description", "expected a one-line description")
        types = {}
        for k in ("subject_types", "object_types"):
            types[k] = self.words(f"{where}.{k}", data[k], lower=False)
            for t in types[k]:
                if t not in self.entity_types:
                    self.fail(f"{where}.{k}", f"unknown entity type '{t}' (known: {', '.join(sorted(self.entity_types))})")
        symmetric = data.get("symmetric", False)
        proposal = data.get("proposal", False)
        for key, value in (("symmetric", symmetric), ("proposal", proposal)):
            if not isinstance(value, bool):
                self.fail(f"{where}.{key}", f"expected true or false, got '{value}'")
        possible_as = data.get("possible_as")
        if possible_as is not None and (not isinstance(possible_as, str) or not NAME_RE.match(possible_as)):
            self.fail(f"{where}.possible_as", f"'{possible_as}' is not a relation name")
        pats = data["patterns"]
        if not isinstance(pats, list) or not pats:
            self.fail(f"{where}.patterns", "expected a non-empty list of patterns")
        patterns = tuple(self.pattern(f"{where}.patterns[{i}]", p) for i, p in enumerate(pats))
        names = [p.name for p in patterns]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup:
            self.fail(f"{where}.patterns", f"pattern name '{dup}' used twice")
        supersedes = self.words(f"{where}.supersedes", data["supersedes"]) if "supersedes" in data else frozenset()
        return RelationType(name=name, description=desc.strip(), subject_types=types["subject_types"],
                            object_types=types["object_types"], symmetric=symmetric, possible_as=possible_as,
                            proposal=proposal, patterns=patterns, supersedes=supersedes)

    def pattern(self, where, data) -> Pattern:
        self.keys(where, data, PATTERN_KEYS, {"name", "trigger"})
        name = data["name"]
        if not isinstance(name, str) or not NAME_RE.match(name):
            self.fail(where, f"pattern name '{name}' is not lower snake case")
        where = f"{where.rsplit('[', 1)[0]}.{name}"
        trigger = self.trigger(f"{where}.trigger", data["trigger"])
        subject = self.paths(f"{where}.subject", data.get("subject", []))
        obj = self.paths(f"{where}.object", data.get("object", []))
        pair = self.paths(f"{where}.pair", data.get("pair", []), allow_context=False)
        if pair and (subject or obj):
            self.fail(where, "give either 'pair' or 'subject' and 'object', not both")
        if not pair and not (subject and obj):
            self.fail(where, "needs 'subject' and 'object' paths (or 'pair')")
        conf = data.get("confidence", 0.8)
        if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0 < conf <= 1:
            self.fail(f"{where}.confidence", f"'{conf}' is not a number in (0, 1]")
        via = data.get("via")
        if via is not None and via not in VIA_VALUES:
            self.fail(f"{where}.via", f"'{via}' is not one of {', '.join(sorted(VIA_VALUES))}")
        only_when = data.get("only_when")
        if only_when not in (None, "possible"):
            self.fail(f"{where}.only_when", f"'{only_when}' is not 'possible'")
        types = {}
        for k in ("subject_types", "object_types"):
            types[k] = self.words(f"{where}.{k}", data[k], lower=False) if k in data else frozenset()
            for t in types[k]:
                if t not in self.entity_types:
                    self.fail(f"{where}.{k}", f"unknown entity type '{t}'")
        unless = self.words(f"{where}.unless", data["unless"]) if "unless" in data else frozenset()
        return Pattern(name=name, trigger=trigger, subject=subject, object=obj, pair=pair,
                       confidence=float(conf), via=via, only_when=only_when, unless=unless, **types)

    def trigger(self, where, data) -> Trigger:
        self.keys(where, data, TRIGGER_KEYS)
        lemmas = self.words(f"{where}.lemma", data["lemma"]) if "lemma" in data else frozenset()
        if "*" in lemmas and (len(lemmas) > 1 or "pos" not in data):
            self.fail(f"{where}.lemma", "'*' (any word) stands alone and needs 'pos'")
        not_lemmas = self.words(f"{where}.not_lemma", data["not_lemma"]) if "not_lemma" in data else frozenset()
        pos = self.words(f"{where}.pos", data["pos"], lower=False) if "pos" in data else frozenset()
        for p in pos:
            if p not in POS_TAGS:
                self.fail(f"{where}.pos", f"unknown part of speech '{p}' (known: {', '.join(sorted(POS_TAGS))})")
        entity = self.words(f"{where}.entity", data["entity"], lower=False) if "entity" in data else frozenset()
        for t in entity:
            if t not in self.entity_types:
                self.fail(f"{where}.entity", f"unknown entity type '{t}'")
        if not lemmas and not entity:
            self.fail(where, "needs 'lemma' (trigger words) or 'entity' (entity types)")
        return Trigger(lemmas=lemmas, not_lemmas=not_lemmas, pos=pos, entity=entity,
                       has=self.paths(f"{where}.has", data.get("has", []), allow_context=False),
                       has_any=self.paths(f"{where}.has_any", data.get("has_any", []), allow_context=False),
                       not_has=self.paths(f"{where}.not_has", data.get("not_has", []), allow_context=False))

    def paths(self, where, value, allow_context=True) -> tuple:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(where, "expected a path or a list of paths")
        return tuple(self.path(where, v, allow_context) for v in value)

    def path(self, where, text, allow_context) -> ArgPath:
        if not isinstance(text, str) or not text.strip():
            self.fail(where, f"bad pattern path {text!r}")
        text = text.strip()
        if text == "@topic":
            if not allow_context:
                self.fail(where, "bad pattern path '@topic': only allowed in subject/object")
            return ArgPath(text=text, topic=True)
        if text in ("@home", "@kind"):
            if not allow_context:
                self.fail(where, f"bad pattern path '{text}': only allowed in subject/object")
            return ArgPath(text=text, home=text == "@home", kind=text == "@kind")
        m = CONTEXT_RE.match(text)
        if m:
            if not allow_context:
                self.fail(where, f"bad pattern path '{text}': '@subject:' is only allowed in subject/object")
            return ArgPath(text=text, context_types=frozenset(m.group("types").split("|")))
        steps = []
        parts = [s.strip() for s in text.split(">")]
        for i, s in enumerate(parts):
            if s in SPECIAL_STEPS:
                if s == "self" and i > 0:
                    self.fail(where, f"bad pattern path '{text}': 'self' must come first")
                if s == "event_agent" and i < len(parts) - 1:
                    self.fail(where, f"bad pattern path '{text}': 'event_agent' must come last")
                events = self.events
                if s == "event_agent" and events is None:
                    self.fail(where, f"bad pattern path '{text}': 'event_agent' needs an 'events:' "
                                     f"block in the schema (the kinds of acts and their words)")
                steps.append(Step(up=False, deps=frozenset(), lemmas=frozenset(), special=s,
                                  events=events if s == "event_agent" else None))
                continue
            m = STEP_RE.match(s)
            if not m:
                self.fail(where, f"bad pattern path '{text}': cannot read step '{s}' "
                                 f"(write e.g. 'prep[with] > pobj' or '<dobj[order] > subj')")
            deps = frozenset() if m.group("deps") == "*" else frozenset(m.group("deps").split("|"))
            for d in deps:
                if d not in DEP_LABELS:
                    self.fail(where, f"bad pattern path '{text}': unknown dependency label '{d}'")
            words = (m.group("lemmas") or "").strip()
            negated = words.startswith("^")
            lemmas = frozenset(w.strip().lower() for w in words.lstrip("^").split("|") if w.strip())
            if negated and not lemmas:
                self.fail(where, f"bad pattern path '{text}': '[^...]' needs the words it excludes")
            steps.append(Step(up=bool(m.group("up")), deps=deps, lemmas=lemmas, negated=negated))
        return ArgPath(text=text, steps=tuple(steps))

    def event_lexicon(self, data, modality: ModalityLexicon) -> EventLexicon:
        where = "events"
        self.keys(where, data, EVENTS_KEYS, {"kinds"})
        window = data.get("window", 6)
        if isinstance(window, bool) or not isinstance(window, int) or not 0 <= window <= 50:
            self.fail(f"{where}.window", f"'{window}' is not a number of sentences (0 to 50)")
        kinds_data = data["kinds"]
        if not isinstance(kinds_data, dict) or not kinds_data:
            self.fail(f"{where}.kinds", "expected a non-empty mapping of kind name -> nouns, verbs, made_by")
        kinds = tuple(self.event_kind(f"{where}.kinds.{name}", name, kd) for name, kd in kinds_data.items())
        not_done = self.paths(f"{where}.not_done", data.get("not_done", []), allow_context=False)
        if any(p.topic for p in not_done):
            self.fail(f"{where}.not_done", "expected dependency paths ('<xcomp > advmod[yet]')")
        extra = {"determiners": self.words(f"{where}.determiners", data["determiners"])} if "determiners" in data else {}
        return EventLexicon(kinds=kinds, window=window, not_done=not_done, modality=modality, **extra)

    def event_kind(self, where, name, data) -> EventKind:
        if not isinstance(name, str) or not NAME_RE.match(name):
            self.fail(where, f"kind name '{name}' is not lower snake case")
        self.keys(where, data, EVENT_KIND_KEYS, {"nouns"})
        words = {k: self.words(f"{where}.{k}", data[k]) if data.get(k) else frozenset()
                 for k in ("nouns", "verbs", "made_by")}
        if not words["nouns"]:
            self.fail(f"{where}.nouns", "expected the nouns that name this kind of act")
        not_has = self.paths(f"{where}.verb_not_has", data.get("verb_not_has", []), allow_context=False)
        if any(p.topic for p in not_has):
            self.fail(f"{where}.verb_not_has", "expected dependency paths ('dobj', 'prep[over] > pobj')")
        return EventKind(name=name, nouns=words["nouns"], verbs=words["verbs"], verb_not_has=not_has,
                         made_by=words["made_by"])

    def modality(self, data) -> ModalityLexicon:
        where = "modality"
        self.keys(where, data, MODALITY_KEYS)
        policy = {"negated": "drop", "refused": "drop", "possible": "drop"}
        if "policy" in data:
            self.keys(f"{where}.policy", data["policy"], POLICY_KEYS)
            for k, v in data["policy"].items():
                allowed = {"drop", "keep"} if k == "possible" else {"drop"}
                if v not in allowed:
                    self.fail(f"{where}.policy.{k}", f"'{v}' is not one of {', '.join(sorted(allowed))}")
                policy[k] = v
        lists = {k: self.words(f"{where}.{k}", data.get(k, [])) if data.get(k) else frozenset()
                 for k in MODALITY_KEYS - {"policy"}}
        return ModalityLexicon(policy=policy, **lists)
