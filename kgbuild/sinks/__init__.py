"""Where a graph goes: files (graph.json, graph.graphml, graph.html) and Neo4j."""

from __future__ import annotations

from pathlib import Path


def write_files(kg, out_dir: str | Path, *, html: bool = True, html_options: dict | None = None) -> list[Path]:
    """Write graph.json, graph.graphml and (unless ``html=False``) graph.html into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = [kg.write_json(out / "graph.json"), kg.write_graphml(out / "graph.graphml")]
    if html:
        from .html import write_html

        written.append(write_html(kg, out / "graph.html", **(html_options or {})))
    return written
