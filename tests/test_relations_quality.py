"""Issue 4's bar, measured with kgbuild.evaluate: the seed's 12 required relations with none
forbidden and precision >= 0.85; the development set's relations (all 40 passages) with F1 >= 0.8
(issue: 0.7) and no forbidden edge, and the later passages 013-040 (written without reading the
code; 021-030 and 031-040 were the second and third held-out sets) not far behind the first twelve."""

from __future__ import annotations

import pytest

from .conftest import GOLD
from kgbuild.evaluate import evaluate, evaluate_many, load_gold

LATER = "013"      # passages from here on were written by someone who never read the code


def test_seed_all_required_relations_none_forbidden_precision_at_least_085(seed_graph):
    report = evaluate(seed_graph, load_gold(GOLD))
    rel = report.relations
    assert not report.missing_relations, report.missing_relations
    assert not report.forbidden_present, report.forbidden_present
    assert rel.found_gold == rel.gold == 12
    assert rel.precision >= 0.85


@pytest.fixture(scope="module")
def dev_reports(dev_graphs):
    """(all passages, 001-012, 013-040) reports."""
    return (evaluate_many(dev_graphs), evaluate_many(p for p in dev_graphs if p[2] < LATER),
            evaluate_many(p for p in dev_graphs if p[2] >= LATER))


def test_dev_set_relation_f1_at_least_090_with_precision_at_least_095(dev_reports):
    # measured over all 20: F1 0.94 (P 0.99, R 0.89); with 021-030 (the second held-out set, moved in
    # by session 2) over 30: F1 0.85 (P 0.95, R 0.76), then 0.93 (P 0.98, R 0.89) after session 2's
    # recall work. Session 3 moved in 031-040 (the third held-out set, F1 0.71 there): over 40, F1 0.89
    # (P 0.97, R 0.82) before their misses were studied, 0.94 (P 0.98, R 0.89) after.
    # The margin absorbs entity-layer changes; a drop below it is a regression to look at.
    report = dev_reports[0]
    rel = report.relations
    assert report.documents == 40
    assert rel.gold >= 500
    assert rel.f1 >= 0.90, report.format()
    assert rel.precision >= 0.95, report.format()


def test_later_passages_are_not_far_behind_the_first_twelve(dev_reports):
    # the generalisation gap: 013-020 were at F1 0.63 against 0.87 before their misses were
    # studied for general rules; measured 0.83 after. 021-030 joined at F1 0.67 (013-030: 0.78
    # against 0.94 for 001-012), then 0.91 against 0.96 after session 2's recall work; 013-040: 0.85
    # when 031-040 joined (at F1 0.71), 0.92 against 0.98 after session 3 studied their misses.
    _, first, later = dev_reports
    assert later.documents == 28
    assert later.relations.f1 >= 0.87, later.format()
    assert later.relations.f1 >= first.relations.f1 - 0.1, (first.summary(), later.summary())


def test_dev_set_has_no_forbidden_relation(dev_reports):
    assert not dev_reports[0].forbidden_present, dev_reports[0].forbidden_present
