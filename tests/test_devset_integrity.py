"""The hand-written gold sets (tests/data/dev and tests/data/holdout) are internally consistent.

Every other score (entity and relation precision/recall) is computed against these gold
files, so a typo here silently turns into a wrong number there. These tests pin that each
gold file is well formed, that everything it names is really in its passage, and that the
dev set as a whole covers every relation type of the news schema. The held-out set
(never tuned on) gets the same per-file checks and its own minimum size.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
HOLDOUT = ROOT / "tests" / "data" / "holdout"
LONG = ROOT / "tests" / "data" / "long"          # full-length wire articles (headline, byline, dateline)

RELATIONS = {
    "spoke_with", "met_with", "proposed_meeting", "proposed_venue", "denied", "confirmed",
    "criticized", "supports", "invaded", "annexed", "sanctioned", "member_of",
    "spokesperson_of", "leader_of", "works_for", "authored", "interviewed_by", "located_in",
}
SYMMETRIC = {"spoke_with", "met_with"}
# spaCy entity labels a gold node may carry; NORP is deliberately absent (adjectives are not nodes).
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
WILDCARD = "*"

DEV_GOLD_FILES = sorted(DEV.glob("*.gold.json"))
HOLDOUT_GOLD_FILES = sorted(HOLDOUT.glob("*.gold.json"))
LONG_GOLD_FILES = sorted(LONG.glob("*.gold.json"))
GOLD_FILES = DEV_GOLD_FILES + HOLDOUT_GOLD_FILES + LONG_GOLD_FILES


def _file_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _passage(gold: dict) -> str:
    return (ROOT / gold["document"]).read_text(encoding="utf-8")


def _occurs(term: str, text: str) -> bool:
    """Whole-word, case-insensitive occurrence ('Kenya' must not be satisfied by 'Kenyan')."""
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, flags=re.IGNORECASE) is not None


def _entities(gold: dict) -> list[dict]:
    return gold["entities"]["required"] + gold["entities"].get("optional", [])


def _relations(gold: dict) -> list[tuple[str, dict]]:
    return [(kind, rel) for kind in ("required", "optional", "forbidden") for rel in gold["relations"][kind]]


@pytest.mark.parametrize("folder, minimum", [(DEV, 10), (HOLDOUT, 8), (LONG, 6)], ids=["dev", "holdout", "long"])
def test_set_has_enough_passages_each_with_gold(folder: Path, minimum: int):
    texts = sorted(p.name[: -len(".txt")] for p in folder.glob("*.txt"))
    golds = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))
    assert len(texts) >= minimum, f"{folder.name} set too small: {texts}"
    assert texts == golds, "every passage needs exactly one gold file and vice versa"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_gold_file_has_seed_format_keys(path: Path):
    gold = _load(path)
    assert {"document", "about", "entities", "relations"} <= gold.keys()
    assert {"required", "optional", "rules"} <= gold["entities"].keys()
    assert {"required", "optional", "forbidden"} <= gold["relations"].keys()
    assert gold["about"].strip()


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_gold_document_path_points_at_its_passage(path: Path):
    gold = _load(path)
    doc = ROOT / gold["document"]
    assert doc.is_file(), f"{path.name}: document {gold['document']} does not exist"
    assert doc.name == path.name.replace(".gold.json", ".txt")
    assert doc.resolve().parent == path.resolve().parent, f"{path.name}: document outside its own folder"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_passage_is_news_length(path: Path):
    """Short passages in dev and holdout; full articles (400-1000 words) in long."""
    words = len(_passage(_load(path)).split())
    low, high = (400, 1000) if path.parent.name == "long" else (120, 300)
    assert low <= words <= high, f"{path.name}: {words} words"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_entity_names_and_aliases_occur_in_passage(path: Path):
    gold = _load(path)
    text = _passage(gold)
    for ent in _entities(gold):
        types = ent["type"] if isinstance(ent["type"], list) else [ent["type"]]
        assert set(types) <= ENTITY_TYPES, f"{ent['name']}: bad type {types}"
        assert isinstance(ent["aliases"], list)
        for surface in [ent["name"], *ent["aliases"]]:
            assert _occurs(surface, text), f"{path.name}: '{surface}' ({ent['name']}) not in passage"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_no_surface_form_names_two_entities(path: Path):
    """A name or alias shared by two gold entities would make matching a graph node ambiguous."""
    owners: dict[str, str] = {}
    for ent in _entities(_load(path)):
        for surface in {ent["name"].lower(), *(a.lower() for a in ent["aliases"])}:
            assert surface not in owners, f"{path.name}: '{surface}' names {owners[surface]} and {ent['name']}"
            owners[surface] = ent["name"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_relations_use_schema_names_and_gold_entities(path: Path):
    gold = _load(path)
    names = {e["name"] for e in _entities(gold)}
    for kind, rel in _relations(gold):
        assert rel["relation"] in RELATIONS, f"{path.name}: unknown relation {rel['relation']}"
        allowed = names | ({WILDCARD} if kind == "forbidden" else set())
        for side in ("subject", "object"):
            assert isinstance(rel[side], list) and rel[side], f"{path.name}: empty {side} in {rel}"
            unknown = set(rel[side]) - allowed
            assert not unknown, f"{path.name}: {kind} {rel['relation']} {side} not a gold entity: {unknown}"
        if kind != "forbidden":
            assert rel.get("symmetric", False) == (rel["relation"] in SYMMETRIC), f"{path.name}: symmetric flag of {rel}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_evidence_is_verbatim_in_passage(path: Path):
    gold = _load(path)
    text = _passage(gold).lower()
    for kind, rel in _relations(gold):
        if kind == "forbidden":
            assert rel.get("why", "").strip(), f"{path.name}: forbidden {rel['relation']} needs a 'why'"
            continue
        assert rel["evidence"].lower() in text, f"{path.name}: evidence not in passage: {rel['evidence']!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_file_id)
def test_distinct_pairs_name_two_gold_entities(path: Path):
    gold = _load(path)
    names = {e["name"] for e in _entities(gold)}
    for pair in gold["entities"].get("distinct", []):
        assert len(pair) == 2 and pair[0] != pair[1] and set(pair) <= names, f"{path.name}: bad distinct pair {pair}"


def test_dev_set_covers_every_relation_type_at_least_three_times():
    counts = Counter(rel["relation"] for p in DEV_GOLD_FILES for rel in _load(p)["relations"]["required"])
    thin = {r: counts[r] for r in RELATIONS if counts[r] < 3}
    assert not thin, f"relation types with fewer than 3 required gold relations: {thin}"
    assert sum(counts.values()) >= 70


def test_dev_set_has_enough_must_not_cases():
    forbidden = sum(len(_load(p)["relations"]["forbidden"]) for p in DEV_GOLD_FILES)
    assert forbidden >= 12


def test_holdout_set_has_enough_required_relations():
    required = sum(len(_load(p)["relations"]["required"]) for p in HOLDOUT_GOLD_FILES)
    assert required >= 40, f"holdout set has only {required} required relations"
