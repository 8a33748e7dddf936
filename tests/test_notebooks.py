"""The notebooks teach kgbuild by using it, so they must stay clean in git and run top to bottom.

They are executed here with a real Jupyter kernel (nbclient), in ``notebooks/`` as their working
directory, exactly as a user opening them would run them. A cell that raises fails the test.
The Cypher cells of explore.ipynb run when ``NEO4J_URI`` is set or ``KGBUILD_NEO4J_REQUIRED=1``
(``make test`` starts the server and sets the latter).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["explore.ipynb", "custom_schema.ipynb"]
DEFAULT_URI = "bolt://127.0.0.1:7687"
CELL_TIMEOUT = 600   # seconds; a generous bound for a slow, shared machine, not a performance check


def read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def neo4j_uri() -> Optional[str]:
    """The server the notebook should talk to, or None when this run does not involve Neo4j."""
    uri = os.environ.get("NEO4J_URI")
    if not uri and os.environ.get("KGBUILD_NEO4J_REQUIRED") == "1":
        uri = DEFAULT_URI
    return uri


def execute(name: str, uri: Optional[str]):
    """Run every cell in a fresh kernel; nbclient raises CellExecutionError at the first failing cell."""
    nb = read(name)
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    if uri:
        env["NEO4J_URI"] = uri
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute(env=env)
    return nb


def tagged(nb, tag: str) -> list:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert cells, f"no cell tagged {tag!r}"
    return cells


def html_outputs(cells) -> list[str]:
    return [o["data"]["text/html"] for c in cells for o in c.get("outputs", [])
            if "text/html" in o.get("data", {})]


def text_outputs(cells) -> str:
    return "".join(o.get("text", "") for c in cells for o in c.get("outputs", []) if o["output_type"] == "stream")


# -- committed state -------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name):
    nb = read(name)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{name}: cells {dirty} have outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_uses_the_default_python3_kernel(name):
    assert read(name).metadata["kernelspec"]["name"] == "python3"


def test_knowledge_graph_displays_itself_as_an_inline_frame(seed_graph):
    html = seed_graph._repr_html_()
    assert html.lstrip().startswith("<iframe") and "srcdoc=" in html
    # The page sits in an attribute: its own quotes are escaped, so the frame tag is not cut short.
    assert html.count("<iframe") == 1


# -- execution -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def explore_run():
    uri = neo4j_uri()
    return execute("explore.ipynb", uri), uri


@pytest.fixture(scope="module")
def custom_schema_run():
    return execute("custom_schema.ipynb", None)


@pytest.mark.slow
def test_explore_notebook_runs_and_tabulates_entities_and_evidence(explore_run):
    nb, _ = explore_run
    (entities,) = html_outputs(tagged(nb, "entities"))
    assert "Vladimir Putin" in entities and "PERSON" in entities
    (relations,) = html_outputs(tagged(nb, "relations"))
    assert "spoke_with" in relations and "speaking with" in relations   # the evidence sentence is shown


@pytest.mark.slow
def test_explore_notebook_explains_a_path_hop_by_hop(explore_run):
    nb, _ = explore_run
    cells = tagged(nb, "path")
    printed = text_outputs(cells)
    assert printed.strip() == "Dmitry Peskov -> Kremlin -> Bob Woodward"
    (table,) = html_outputs(cells)
    assert "spokesperson_of" in table and "denied" in table


@pytest.mark.slow
def test_explore_notebook_draws_the_relation_type_chart(explore_run):
    nb, _ = explore_run
    images = [o for c in tagged(nb, "chart") for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1


@pytest.mark.slow
def test_explore_notebook_shows_the_interactive_graph_inline(explore_run):
    nb, _ = explore_run
    (frame,) = html_outputs(tagged(nb, "graph"))
    assert frame.lstrip().startswith("<iframe") and "srcdoc=" in frame
    (people,) = html_outputs(tagged(nb, "graph-people"))   # kg.show(...) with display options
    assert people.lstrip().startswith("<iframe") and "People in the seed graph" in people


@pytest.mark.slow
@pytest.mark.neo4j
def test_explore_notebook_asks_the_same_questions_in_cypher(explore_run):
    nb, uri = explore_run
    if uri is None:
        pytest.skip("Neo4j not involved in this run: set NEO4J_URI or KGBUILD_NEO4J_REQUIRED=1 (make test)")
    cells = tagged(nb, "cypher")
    assert "skipping" not in text_outputs(cells)
    tables = html_outputs(cells)
    assert len(tables) == 4 and all("dataframe" in t for t in tables)
    degree, relations, path, types = tables
    assert "Vladimir Putin" in degree
    assert "SPOKE_WITH" in relations
    assert "Dmitry Peskov" in path and "Bob Woodward" in path and "SPOKESPERSON_OF" in path


@pytest.mark.slow
def test_custom_schema_notebook_finds_edges_of_the_new_relation(custom_schema_run):
    (table,) = html_outputs(tagged(custom_schema_run, "new-edges"))
    assert "acquired" in table and "GitHub" in table
    (frame,) = html_outputs(tagged(custom_schema_run, "graph"))
    assert "srcdoc=" in frame


def test_show_outside_a_notebook_says_how_to_get_the_page(seed_graph):
    from kgbuild.errors import KgbuildError

    with pytest.raises(KgbuildError, match="write_html"):
        seed_graph.show()
