"""Issue 4's bar, measured with kgbuild.evaluate: the seed's 12 required relations with none
forbidden and precision >= 0.85; the development set's relations with F1 >= 0.8 (issue: 0.7)."""

from __future__ import annotations

import pytest

from .conftest import DEV, GOLD
from kgbuild.evaluate import evaluate, evaluate_many, load_gold


def test_seed_all_required_relations_none_forbidden_precision_at_least_085(seed_graph):
    report = evaluate(seed_graph, load_gold(GOLD))
    rel = report.relations
    assert not report.missing_relations, report.missing_relations
    assert not report.forbidden_present, report.forbidden_present
    assert rel.found_gold == rel.gold == 12
    assert rel.precision >= 0.85


@pytest.fixture(scope="module")
def dev_report():
    from kgbuild.documents import iter_documents
    from kgbuild.pipeline import Extractor, graph_from_extractions

    golds = sorted(DEV.glob("*.gold.json"))
    if len(golds) < 10:
        pytest.fail(f"development set too small: {len(golds)} gold files in {DEV}")
    extractor = Extractor()
    pairs = []
    for gold in golds:
        text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        xs = list(extractor.extract(iter_documents([text])))
        kg = graph_from_extractions(xs, extractor.schema, model_name=extractor.model_name)
        pairs.append((kg, load_gold(gold), text.name))
    return evaluate_many(pairs)


def test_dev_set_relation_f1_at_least_08_with_precision_at_least_09(dev_report):
    # measured 0.87 (P 0.97, R 0.78) when the recall families were added; the margin absorbs
    # entity-layer changes, a drop below it is a regression to look at
    rel = dev_report.relations
    assert rel.gold >= 60
    assert rel.f1 >= 0.8, dev_report.format()
    assert rel.precision >= 0.9, dev_report.format()


def test_dev_set_has_no_forbidden_relation(dev_report):
    assert not dev_report.forbidden_present, dev_report.forbidden_present
