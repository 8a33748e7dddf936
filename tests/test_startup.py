"""What a build costs before and after the per-document work: a parent whose workers parse never
imports spaCy (resolution, assembly and writing do not need it; importing it costs about a
second of the serial tail)."""

from __future__ import annotations

import subprocess
import sys


def test_resolution_assembly_and_writing_do_not_import_spacy():
    code = ("import sys, kgbuild, kgbuild.resolve, kgbuild.parallel, kgbuild.sinks.graphml, kgbuild.entities; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
