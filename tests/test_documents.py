"""Reading inputs: files, folders, globs, JSON Lines; bad files skipped and named."""

from __future__ import annotations

import json

import pytest

from kgbuild.documents import InputError, expand_paths, iter_documents


def collect(paths):
    skipped = []
    docs = list(iter_documents(paths, on_skip=lambda p, why: skipped.append((p, why))))
    return docs, skipped


def test_folder_is_read_recursively_with_supported_suffixes_only(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Beta\n\nBeta text.", encoding="utf-8")
    (tmp_path / "c.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("hidden", encoding="utf-8")
    docs, skipped = collect([tmp_path])
    assert [d.id for d in docs] == ["a", "b"]
    assert skipped == []


def test_glob_and_explicit_file_are_deduplicated(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Alpha.", encoding="utf-8")
    assert expand_paths([f, str(tmp_path / "*.txt")]) == [f]


def test_missing_path_raises_input_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        expand_paths([tmp_path / "nope.txt"])


def test_glob_matching_nothing_is_an_error(tmp_path):
    with pytest.raises(InputError, match="matches no file"):
        expand_paths([str(tmp_path / "*.txt")])


def test_empty_binary_and_undecodable_files_are_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Good text.", encoding="utf-8")
    docs, skipped = collect([tmp_path])
    assert [d.id for d in docs] == ["good"]
    reasons = {p.split("/")[-1]: why for p, why in skipped}
    assert reasons == {"binary.txt": "binary file (contains NUL bytes)", "empty.txt": "empty file",
                       "latin1.txt": "not UTF-8 text (byte 3)"}


def test_jsonl_records_become_documents_and_bad_lines_are_reported(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join([json.dumps({"id": "n1", "text": "First story.", "source": "wire"}),
                            "{not json",
                            json.dumps({"title": "no text"}),
                            json.dumps({"text": "Second story."})]) + "\n", encoding="utf-8")
    docs, skipped = collect([f])
    assert [(d.id, d.text) for d in docs] == [("n1", "First story."), ("news-4", "Second story.")]
    assert docs[0].meta == {"source": "wire"}
    assert [p.rsplit(":", 1)[1] for p, _ in skipped] == ["2", "3"]


def test_document_hash_is_of_the_text_and_crlf_is_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"One.\r\nTwo.")
    (tmp_path / "b.txt").write_bytes(b"One.\nTwo.")
    docs, _ = collect([tmp_path])
    assert docs[0].text == docs[1].text == "One.\nTwo."
    assert docs[0].sha256 == docs[1].sha256
