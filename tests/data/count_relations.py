"""Print the per-relation table of a gold folder (pasted into its README.md).

    python tests/data/count_relations.py tests/data/dev
"""

import json
import sys
from collections import Counter
from pathlib import Path

here = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "dev"
counts = {kind: Counter() for kind in ("required", "optional", "forbidden")}
files = sorted(here.glob("*.gold.json"))
for path in files:
    gold = json.loads(path.read_text(encoding="utf-8"))
    for kind in counts:
        counts[kind].update(rel["relation"] for rel in gold["relations"][kind])
entities = sum(len(json.loads(p.read_text(encoding="utf-8"))["entities"]["required"]) for p in files)
names = sorted(set().union(*counts.values()))
out = sys.stdout
out.write("| relation | required | optional | forbidden |\n|---|---:|---:|---:|\n")
for name in names:
    out.write(f"| {name} | {counts['required'][name]} | {counts['optional'][name]} | {counts['forbidden'][name]} |\n")
out.write(f"| **total** | **{sum(counts['required'].values())}** | **{sum(counts['optional'].values())}** "
          f"| **{sum(counts['forbidden'].values())}** |\n")
out.write(f"\n{len(files)} passages, {entities} required entities.\n")
