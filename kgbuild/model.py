"""Typed data that flows between the pipeline's stages.

documents -> nlp -> mentions -> coreference -> relations (per document, picklable, small)
-> resolution (across documents) -> KnowledgeGraph -> sinks.

Everything a worker process (or a Dask worker) sends back to the parent is one
`DocumentExtraction`: plain dataclasses, no spaCy objects, so it pickles cheaply and the
spaCy ``Doc`` can be dropped as soon as a document has been read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Document:
    """One input text. ``id`` is stable: file stem (plus line number for JSON Lines)."""

    id: str
    path: str
    text: str
    sha256: str
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def info(self) -> "DocumentInfo":
        return DocumentInfo(id=self.id, path=self.path, sha256=self.sha256)


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    path: str
    sha256: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class TextSpan:
    """A piece of a document's text with character offsets into the whole document."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Mention:
    """One reference to an entity in one document.

    ``kind`` is ``name`` for a proper name, ``pronoun`` ("he", "their") or ``nominal``
    ("the Russian leader"); the latter two point at the name mention they refer to through
    ``antecedent`` (an index into the same document's mention list).
    Offsets (``start``/``end`` characters, ``token_start``/``token_end`` tokens) are those of
    the cleaned name, so evidence highlights exactly the name.
    """

    index: int
    text: str                 # surface text as written ("Doe's", "the Ministry")
    name: str                 # cleaned name ("Doe", "Ministry")
    label: str                # entity type guess (PERSON, ORG, GPE, LOC, ...)
    start: int
    end: int
    token_start: int
    token_end: int
    sentence: int             # index of the sentence in the document
    kind: str = "name"        # name | pronoun | nominal
    antecedent: Optional[int] = None
    attributes: dict = field(default_factory=dict)   # title, role, nationality, ...

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.name if self.kind == "name" else self.text, self.start, self.end)


@dataclass
class Evidence:
    """Where the text says a relation holds, and how kgbuild read it."""

    document: str
    sentence: str
    start: int                 # sentence offsets in the document
    end: int
    subject: TextSpan
    object: TextSpan
    trigger: Optional[TextSpan]
    pattern: str               # name of the pattern that fired
    via: str = "direct"        # direct | coreference | apposition | coordination
    modality: str = "asserted"  # asserted | possible | negated
    confidence: float = 0.8
    asserted_by: Optional[str] = None   # who says so ("X said", "according to X")
    reported: bool = False     # "reportedly", "allegedly"

    def to_dict(self) -> dict:
        d = {
            "document": self.document,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.to_dict(),
            "object": self.object.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "pattern": self.pattern,
            "via": self.via,
            "modality": self.modality,
            "confidence": self.confidence,
            "asserted_by": self.asserted_by,
            "reported": self.reported,
        }
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Evidence":
        def span(x):
            return TextSpan(x["text"], x["start"], x["end"]) if x else None

        return cls(
            document=d["document"], sentence=d["sentence"], start=d["start"], end=d["end"],
            subject=span(d["subject"]), object=span(d["object"]), trigger=span(d.get("trigger")),
            pattern=d.get("pattern", ""), via=d.get("via", "direct"),
            modality=d.get("modality", "asserted"), confidence=d.get("confidence", 0.8),
            asserted_by=d.get("asserted_by"), reported=d.get("reported", False),
        )


@dataclass
class RelationMention:
    """One relation found in one sentence, between two mentions of the same document."""

    type: str
    subject: int               # mention index
    object: int                # mention index
    evidence: Evidence


@dataclass
class DocumentExtraction:
    """Everything the per-document stages learnt from one document."""

    document: DocumentInfo
    mentions: list[Mention]
    relations: list[RelationMention]
    words: int = 0             # tokens that are not punctuation or space, for throughput figures


@dataclass
class Merge:
    """Why several names became one entity: the rule and the names it joined."""

    rule: str
    names: list[str]

    def to_dict(self) -> dict:
        return {"rule": self.rule, "names": list(self.names)}


@dataclass
class Entity:
    """A real-world thing: every mention of it across all documents, resolved to one node."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)       # {"document","start","end","text"}
    merges: list[Merge] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)  # titles, roles, nationality


@dataclass
class Resolution:
    """Result of entity resolution: the entities, and which entity each mention refers to."""

    entities: list[Entity]
    mention_entity: dict[tuple[str, int], str]   # (document id, mention index) -> entity id

    def entity_of(self, document_id: str, mention_index: int) -> Optional[str]:
        return self.mention_entity.get((document_id, mention_index))
