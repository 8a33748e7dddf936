"""Assembly of extractions into one edge per (source, type, target), and the file formats."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kgbuild.graph import GraphFileError, KnowledgeGraph, assemble_graph, combine_confidence, load_graph
from kgbuild.model import (DocumentExtraction, DocumentInfo, Entity, Evidence, Mention, RelationMention,
                           Resolution, TextSpan)


def mention(i, name, start):
    return Mention(index=i, text=name, name=name, label="PERSON", start=start, end=start + len(name),
                   token_start=i, token_end=i + 1, sentence=0)


def relation(rtype, s, o, doc="d1", start=0, conf=0.8, modality="asserted", subj_start=0, obj_start=10):
    ev = Evidence(document=doc, sentence="Ann Lee met Bo Chan.", start=start, end=start + 20,
                  subject=TextSpan("Ann Lee", subj_start, subj_start + 7),
                  object=TextSpan("Bo Chan", obj_start, obj_start + 7),
                  trigger=TextSpan("met", 8, 11), pattern="test", confidence=conf, modality=modality)
    return RelationMention(type=rtype, subject=s, object=o, evidence=ev)


@pytest.fixture
def two_docs():
    x1 = DocumentExtraction(DocumentInfo("d1", "d1.txt", "aa"), [mention(0, "Ann Lee", 0), mention(1, "Bo Chan", 12)],
                            [relation("met_with", 1, 0), relation("criticized", 0, 1, conf=0.5)])
    x2 = DocumentExtraction(DocumentInfo("d2", "d2.txt", "bb"), [mention(0, "Bo Chan", 0), mention(1, "Lee", 12)],
                            [relation("met_with", 0, 1, doc="d2", conf=0.5), relation("met_with", 0, 0, doc="d2")])
    ents = [Entity("person:ann-lee", "Ann Lee", "PERSON", ["Lee"], 2, ["d1", "d2"]),
            Entity("person:bo-chan", "Bo Chan", "PERSON", [], 2, ["d1", "d2"])]
    res = Resolution(ents, {("d1", 0): "person:ann-lee", ("d1", 1): "person:bo-chan",
                            ("d2", 0): "person:bo-chan", ("d2", 1): "person:ann-lee"})
    return [x2, x1], res


def test_symmetric_relation_is_one_edge_whatever_the_direction_written(two_docs):
    xs, res = two_docs
    kg = assemble_graph(xs, res, symmetric={"met_with"})
    edges = kg.edges_between("person:ann-lee", "person:bo-chan")
    met = [e for e in edges if e["type"] == "met_with"]
    assert len(met) == 1
    assert met[0]["source"] == "person:ann-lee" and met[0]["count"] == 2
    assert met[0]["documents"] == ["d1", "d2"]
    assert met[0]["confidence"] == combine_confidence([0.8, 0.5]) == 0.9


def test_asymmetric_relation_keeps_its_direction_and_self_loops_are_dropped(two_docs):
    xs, res = two_docs
    kg = assemble_graph(xs, res, symmetric={"met_with"})
    assert kg.has_edge("person:ann-lee", "person:bo-chan", key="criticized")
    assert not kg.has_edge("person:bo-chan", "person:bo-chan")


def test_evidence_keeps_offsets_and_is_ordered_by_document(two_docs):
    xs, res = two_docs
    kg = assemble_graph(xs, res, symmetric={"met_with"})
    ev = kg.edges["person:ann-lee", "person:bo-chan", "met_with"]["evidence"]
    assert [e["document"] for e in ev] == ["d1", "d2"]
    assert ev[0]["trigger"] == {"text": "met", "start": 8, "end": 11}


def test_possible_only_edges_are_marked_possible():
    x = DocumentExtraction(DocumentInfo("d", "d", "s"), [mention(0, "A", 0), mention(1, "B", 5)],
                           [relation("met_with", 0, 1, doc="d", modality="possible", conf=0.3)])
    res = Resolution([Entity("person:a", "A", "PERSON"), Entity("person:b", "B", "PERSON")],
                     {("d", 0): "person:a", ("d", 1): "person:b"})
    kg = assemble_graph([x], res)
    assert kg.edges["person:a", "person:b", "met_with"]["modality"] == "possible"


def test_json_round_trip_through_networkx(two_docs, tmp_path):
    xs, res = two_docs
    kg = assemble_graph(xs, res, symmetric={"met_with"}, meta={"schema": "news"})
    path = kg.write_json(tmp_path / "graph.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges")
    assert g.is_directed() and g.is_multigraph()
    assert sorted(g.nodes) == sorted(kg.nodes)
    assert g.number_of_edges() == kg.number_of_edges()
    assert g.graph["documents"] == [{"id": "d1", "path": "d1.txt", "sha256": "aa"},
                                    {"id": "d2", "path": "d2.txt", "sha256": "bb"}]
    back = load_graph(path)
    assert isinstance(back, KnowledgeGraph)
    assert back.to_json() == kg.to_json()


def test_output_is_byte_identical_whatever_the_order_of_documents(two_docs):
    xs, res = two_docs
    a = assemble_graph(xs, res, symmetric={"met_with"}).to_json()
    b = assemble_graph(list(reversed(xs)), res, symmetric={"met_with"}).to_json()
    assert a == b


def test_graphml_flattens_lists_and_reads_back(two_docs, tmp_path):
    xs, res = two_docs
    kg = assemble_graph(xs, res, symmetric={"met_with"})
    g = nx.read_graphml(kg.write_graphml(tmp_path / "graph.graphml"))
    assert json.loads(g.nodes["person:ann-lee"]["aliases"]) == ["Lee"]
    assert g.number_of_edges() == kg.number_of_edges()


def test_find_matches_name_alias_or_id_ignoring_case(two_docs):
    xs, res = two_docs
    kg = assemble_graph(xs, res)
    assert kg.find("lee") == kg.find("ANN LEE") == kg.find("person:ann-lee") == "person:ann-lee"
    assert kg.find("nobody") is None


@pytest.mark.parametrize("content,message", [(None, "no such file"), ("{", "not a graph.json file"),
                                              ("[1]", "no 'nodes' and 'edges'")])
def test_bad_graph_file_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "g.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError, match=message):
        load_graph(path)


def test_graphml_escapes_markup_and_keeps_value_types(tmp_path):
    kg = KnowledgeGraph()
    kg.graph["documents"] = [{"id": "d", "path": "d.txt", "sha256": "x"}]
    kg.add_node("org:a", name='A & B <Partners> "Ltd"', type="ORG", aliases=["A&B"], mentions=3)
    kg.add_node("org:c", name="C", type="ORG", aliases=[], mentions=1)
    kg.add_edge("org:a", "org:c", key="supports", type="supports", symmetric=False, confidence=0.75, count=1)
    g = nx.read_graphml(kg.write_graphml(tmp_path / "g.graphml"), force_multigraph=True)
    assert g.nodes["org:a"]["name"] == 'A & B <Partners> "Ltd"'
    assert g.nodes["org:a"]["mentions"] == 3
    (u, v, k, data), = g.edges(keys=True, data=True)
    assert (u, v, k) == ("org:a", "org:c", "supports")
    assert data["confidence"] == 0.75 and data["symmetric"] is False
