"""Reading documents: files, folders (recursive) and globs of .txt, .md and .jsonl.

A bad file never stops a run: it is reported through ``on_skip(path, reason)`` and the
other files are still read. A path that does not exist at all is the caller's mistake and
raises ``InputError`` before anything is read.
"""

from __future__ import annotations

import glob
import hashlib
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .errors import UsageError
from .model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
TEXT_FIELDS = ("text", "content", "body")

SkipHandler = Callable[[str, str], None]


class InputError(UsageError):
    """A path given by the user that cannot be used at all (the message names it)."""


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, files under folders (recursive, supported suffixes) and glob matches,
    deduplicated, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        raw = str(raw)
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.is_file():
            found.append(p)
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise InputError(f"{raw}: the pattern matches no file")
            found.extend(files)
        else:
            raise InputError(f"{raw}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def iter_documents(paths: Iterable[str | Path], on_skip: Optional[SkipHandler] = None) -> Iterator[Document]:
    """Stream documents one at a time, so a large corpus is never held in memory."""
    files = expand_paths(paths)
    yield from iter_files(files, on_skip)


def iter_files(files: Iterable[Path], on_skip: Optional[SkipHandler] = None) -> Iterator[Document]:
    skip = on_skip or (lambda path, reason: None)
    for f in files:
        try:
            if f.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl(f, skip)
            else:
                doc = _read_text(f)
                yield doc
        except SkippedFile as exc:
            skip(str(f), str(exc))
        except OSError as exc:
            skip(str(f), exc.strerror or str(exc))


class SkippedFile(Exception):
    """Raised inside the reader for a file that is not usable text."""


def _decode(data: bytes) -> str:
    if not data.strip():
        raise SkippedFile("empty file")
    if b"\x00" in data[:8192]:
        raise SkippedFile("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SkippedFile(f"not UTF-8 text (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(path: Path) -> Document:
    data = path.read_bytes()
    text = _decode(data)
    if not text.strip():
        raise SkippedFile("empty file")
    return make_document(path.stem, str(path), text)


def _read_jsonl(path: Path, skip: SkipHandler) -> Iterator[Document]:
    text = _decode(path.read_bytes())
    any_doc = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            skip(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            skip(where, "a JSON Lines record must be an object with a 'text' field")
            continue
        body = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
        if body is None or not body.strip():
            skip(where, "no non-empty 'text' field")
            continue
        doc_id = str(record.get("id") or f"{path.stem}-{lineno}")
        meta = {k: v for k, v in record.items() if k not in TEXT_FIELDS and k != "id" and isinstance(v, (str, int, float, bool))}
        any_doc = True
        yield make_document(doc_id, where, body.replace("\r\n", "\n"), meta)
    if not any_doc:
        raise SkippedFile("no usable records")


def make_document(doc_id: str, path: str, text: str, meta: Optional[dict] = None) -> Document:
    return Document(id=doc_id, path=path, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), meta=meta or {})
