"""Query rows as an aligned table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kgbuild.tables import format_rows


def test_table_aligns_columns_and_counts_rows():
    text = format_rows(["name", "n"], [["Ann", 1], ["Bo Chen", None], ["C", ["a", 2]]])
    assert text.splitlines() == [
        "name    | n",
        "--------+---------",
        "Ann     | 1",
        "Bo Chen | null",
        'C       | ["a", 2]',
        "(3 rows)",
    ]


def test_table_cuts_long_cells_and_flattens_newlines():
    text = format_rows(["s"], [["x" * 200], ["a\nb"]])
    lines = text.splitlines()
    assert len(lines[2]) == 80 and lines[2].endswith("…")
    assert lines[3] == "a b"


def test_json_and_csv_keep_every_value():
    rows = [["Ann", {"k": [1, 2]}], ["x" * 200, None]]
    assert json.loads(format_rows(["a", "b"], rows, "json")) == [{"a": "Ann", "b": {"k": [1, 2]}},
                                                                  {"a": "x" * 200, "b": None}]
    assert list(csv.reader(io.StringIO(format_rows(["a", "b"], rows, "csv")))) == [
        ["a", "b"], ["Ann", '{"k": [1, 2]}'], ["x" * 200, ""]]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        format_rows(["a"], [], "xml")
