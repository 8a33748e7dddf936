"""Small hand-made pieces shared by tests: evidence for the sink tests (HTML, Neo4j), anaphora for coreference."""

from __future__ import annotations

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def evidence(doc, sentence, start, subj, obj, trigger=None, modality="asserted", confidence=0.8):
    """An evidence dict as graph.json stores it, with spans found in ``sentence`` (at document offset ``start``)."""

    def span(text):
        i = sentence.index(text)
        return {"text": text, "start": start + i, "end": start + i + len(text)}

    return {"document": doc, "sentence": sentence, "start": start, "end": start + len(sentence),
            "subject": span(subj), "object": span(obj), "trigger": span(trigger) if trigger else None,
            "pattern": "test", "via": "direct", "modality": modality, "confidence": confidence,
            "asserted_by": None, "reported": False}


def anaphora(mentions) -> list[tuple[str, str]]:
    """(anaphor text, antecedent name) for each pronoun or description, in text order."""
    return [(m.text, mentions[m.antecedent].name) for m in mentions if m.kind != "name"]


def linked(mentions, anaphor: str) -> list[str]:
    """The names one anaphor ('the body', 'both countries') was resolved to, in text order."""
    return [name for text, name in anaphora(mentions) if text.lower() == anaphor.lower()]
