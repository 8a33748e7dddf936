"""graph.html as text: self-contained, escaped, deterministic, filtered and limited as asked.

The page's behaviour in a browser is pinned by test_html_browser.py; these tests need no browser.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.errors import UsageError
from kgbuild.graph import KnowledgeGraph
from kgbuild.sinks.html import compute_layout, notebook_html, render_html, script_json, type_styles, write_html

from .factories import XSS_IMG, XSS_SCRIPT, evidence


def small_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.graph["documents"] = [{"id": "d1", "path": "news/d1.txt", "sha256": "0"}]
    for nid, name, typ, aliases in [("person:ann-lee", "Ann Lee", "PERSON", ["Lee"]),
                                    ("person:bo-kim", "Bo Kim", "PERSON", []),
                                    ("org:acme", "Acme", "ORG", ["Acme Corp"]),
                                    ("gpe:peru", "Peru", "GPE", []),
                                    ("loc:andes", "Andes", "LOC", [])]:
        kg.add_node(nid, name=name, type=typ, aliases=aliases, mentions=2, documents=["d1"])
    s = "Ann Lee met Bo Kim at Acme."
    kg.add_edge("person:ann-lee", "person:bo-kim", key="met", type="met", symmetric=True, confidence=0.9, count=1,
                modality="asserted", documents=["d1"], evidence=[evidence("d1", s, 0, "Ann Lee", "Bo Kim", "met")])
    s = "Lee works for Acme."
    kg.add_edge("person:ann-lee", "org:acme", key="works_for", type="works_for", symmetric=False, confidence=0.8,
                count=1, modality="asserted", documents=["d1"], evidence=[evidence("d1", s, 40, "Lee", "Acme", "works")])
    s = "Acme may move to Peru."
    kg.add_edge("org:acme", "gpe:peru", key="located_in", type="located_in", symmetric=False, confidence=0.4,
                count=1, modality="possible", documents=["d1"], evidence=[evidence("d1", s, 80, "Acme", "Peru", "move")])
    return kg


def embedded(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_page_loads_nothing_from_outside():
    page = render_html(small_graph())
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "<link" not in page.lower()
    assert len(re.findall(r"^<script\b", page, re.M)) == 3     # data, vis-network, the page's own script
    assert "sourceMappingURL" not in page
    assert "default-src 'none'" in page               # and the browser is told to refuse any request


def test_same_graph_gives_the_same_bytes():
    assert render_html(small_graph()) == render_html(small_graph())


def test_counts_types_and_relations_are_embedded():
    data = embedded(render_html(small_graph(), title="T"))
    assert data["counts"]["entities"] == 5 and data["counts"]["relations"] == 3 and data["counts"]["documents"] == 1
    assert len(data["vis"]["nodes"]) == 5 and len(data["vis"]["edges"]) == 3
    assert [t["type"] for t in data["types"]] == ["GPE", "LOC", "ORG", "PERSON"]
    assert {r["type"]: r["count"] for r in data["relations"]} == {"located_in": 1, "met": 1, "works_for": 1}
    assert data["title"] == "T"


def test_symmetric_edges_have_no_arrow_and_weak_edges_are_dashed():
    data = embedded(render_html(small_graph()))
    by_type = {e["kgType"]: e for e in data["vis"]["edges"]}
    assert by_type["met"]["arrows"] == "" and by_type["works_for"]["arrows"] == "to"
    assert by_type["located_in"]["dashes"] is True          # possible, and confidence 0.4
    assert by_type["works_for"]["dashes"] is False
    assert by_type["met"]["label"] == "met" and by_type["works_for"]["label"] == "works for"


def test_evidence_keeps_document_offsets_for_highlighting():
    data = embedded(render_html(small_graph()))
    ev = next(e for e in data["edges"].values() if e["type"] == "works_for")["evidence"][0]
    assert ev["start"] == 40 and ev["subject"] == {"text": "Lee", "start": 40, "end": 43}
    assert ev["sentence"][ev["object"]["start"] - ev["start"]:ev["object"]["end"] - ev["start"]] == "Acme"


def test_hostile_text_cannot_leave_the_json_block():
    kg = small_graph()
    kg.nodes["person:ann-lee"]["name"] = XSS_SCRIPT + " \u2028 " + XSS_IMG
    page = render_html(kg, title=XSS_IMG)
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page
    assert embedded(page)["nodes"]["person:ann-lee"]["name"] == XSS_SCRIPT + " \u2028 " + XSS_IMG


def test_script_json_escapes_markup_and_line_separators():
    text = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_type_filter_keeps_only_those_entities_and_their_edges():
    data = embedded(render_html(small_graph(), types=["person"]))
    assert sorted(data["nodes"]) == ["person:ann-lee", "person:bo-kim"]
    assert [e["type"] for e in data["edges"].values()] == ["met"]
    assert data["counts"]["filtered_entities"] == 2 and data["counts"]["entities"] == 5


def test_relation_and_confidence_filters_drop_entities_left_without_edges():
    data = embedded(render_html(small_graph(), relations=["works_for", "located_in"], min_confidence=0.5))
    assert [e["type"] for e in data["edges"].values()] == ["works_for"]
    assert sorted(data["nodes"]) == ["org:acme", "person:ann-lee"]


def star_graph(leaves: int, isolated: int) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_node("person:hub", name="Hub", type="PERSON", aliases=[], mentions=1, documents=[])
    for i in range(leaves):
        kg.add_node(f"org:leaf-{i}", name=f"Leaf {i}", type="ORG", aliases=[], mentions=1, documents=[])
        kg.add_edge("person:hub", f"org:leaf-{i}", key="leads", type="leads", confidence=0.9, evidence=[])
    for i in range(isolated):
        kg.add_node(f"gpe:alone-{i}", name=f"Alone {i}", type="GPE", aliases=[f"A{i}"], mentions=5, documents=[])
    return kg


def test_limit_keeps_the_most_connected_and_says_what_was_left_out():
    data = embedded(render_html(star_graph(leaves=4, isolated=3), max_nodes=3))
    assert "person:hub" in data["nodes"] and len(data["nodes"]) == 3
    assert not any(n.startswith("gpe:") for n in data["nodes"])      # no relation: least connected
    c = data["counts"]
    assert (c["shown_entities"], c["filtered_entities"], c["shown_relations"], c["filtered_relations"]) == (3, 8, 2, 4)
    assert {o["name"] for o in data["omitted"]} >= {"Alone 0", "Alone 1", "Alone 2"}
    assert data["nodes"]["person:hub"]["hidden"] == 2                 # relations to left-out leaves


def test_include_all_ignores_the_limit():
    data = embedded(render_html(star_graph(leaves=4, isolated=3), max_nodes=3, include_all=True))
    assert len(data["nodes"]) == 8 and data["omitted"] == [] and data["limit"] is None


@pytest.mark.parametrize("options, message", [
    ({"types": ["PERSNO"]}, "no entity of type PERSNO in the graph (types: GPE, LOC, ORG, PERSON)"),
    ({"relations": ["likes"]}, "no relation of type likes in the graph"),
    ({"max_nodes": 0}, "max_nodes must be a positive whole number"),
    ({"min_confidence": 1.5}, "min_confidence must be between 0 and 1"),
])
def test_bad_options_are_one_line_errors(options, message):
    with pytest.raises(UsageError) as err:
        render_html(small_graph(), **options)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_every_type_gets_its_own_colour_and_shape():
    types = ["PERSON", "ORG", "GPE"] + [f"KIND_{i}" for i in range(20)]
    styles = type_styles(types)
    assert len(set(styles.values())) == len(types)
    assert styles["PERSON"] == type_styles(["PERSON"])["PERSON"]      # stable whatever else is there


def test_layout_is_deterministic_and_never_stacks_nodes():
    nodes = [f"n{i}" for i in range(60)]
    edges = [(f"n{i}", f"n{(i * 7) % 40}") for i in range(40)] + [("n41", "n42")]
    a, b = compute_layout(nodes, edges), compute_layout(nodes, edges)
    assert a == b and set(a) == set(nodes)
    assert len(set(a.values())) == len(nodes)


def test_notebook_html_is_an_escaped_sandboxed_iframe():
    kg = small_graph()
    snippet = notebook_html(kg, title="Nb")
    assert snippet.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in snippet
    assert "<script" not in snippet
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', snippet).group(1)
    assert html.unescape(srcdoc) == render_html(kg, title="Nb")


def test_write_html_writes_utf8(tmp_path):
    kg = small_graph()
    kg.nodes["gpe:peru"]["name"] = "Perú"
    path = write_html(kg, tmp_path / "sub" / "graph.html")
    assert path.read_text(encoding="utf-8") == render_html(kg)
    assert not list(tmp_path.glob("**/*.tmp"))


def test_render_command_writes_the_page_with_its_filters(tmp_path):
    graph = small_graph().write_json(tmp_path / "graph.json")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["render", str(graph), "-o", str(out), "--title", "Mine",
                                      "--type", "PERSON,ORG", "--min-confidence", "0.5"])
    assert result.exit_code == 0, result.output
    data = embedded(out.read_text(encoding="utf-8"))
    assert data["title"] == "Mine" and sorted(data["nodes"]) == ["org:acme", "person:ann-lee", "person:bo-kim"]


@pytest.mark.parametrize("args, code, message", [
    (["--type", "PERSNO"], 2, "Error: no entity of type PERSNO in the graph"),
    (["--relation", "likes"], 2, "Error: no relation of type likes in the graph"),
])
def test_render_command_reports_bad_filters_in_one_line(tmp_path, args, code, message):
    graph = small_graph().write_json(tmp_path / "graph.json")
    result = CliRunner().invoke(cli, ["render", str(graph), "-o", str(tmp_path / "p.html"), *args])
    assert result.exit_code == code
    assert result.output.strip().startswith(message) and len(result.output.strip().splitlines()) == 1


def test_render_command_names_a_missing_graph_file(tmp_path):
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "none.json"), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 1 and "none.json: no such file" in result.output


def test_an_empty_graph_still_gives_a_page():
    data = embedded(render_html(KnowledgeGraph()))
    assert data["counts"]["entities"] == 0 and data["vis"]["nodes"] == [] and data["documents"] == []
