"""Every relation points at the text that says it: offsets, pattern, via, confidence."""

from __future__ import annotations

from .relations_helpers import run

TEXT = ("The summit ended on Friday. However, the Kremlin denied these claims made by "
        "Washington Post journalist Bob Woodward in his book.")


def test_offsets_of_sentence_arguments_and_trigger_point_into_the_document(nlp):
    doc, mentions, rels = run(nlp, TEXT)
    denied = [r for r in rels if r.type == "denied"]
    assert denied
    ev = denied[0].evidence
    assert ev.document == "test"
    assert doc.text[ev.start:ev.end] == ev.sentence
    assert ev.sentence.startswith("However, the Kremlin denied")
    assert doc.text[ev.subject.start:ev.subject.end] == ev.subject.text == "Kremlin"
    assert doc.text[ev.object.start:ev.object.end] == ev.object.text == "Bob Woodward"
    assert doc.text[ev.trigger.start:ev.trigger.end] == "denied"
    assert ev.pattern.startswith("denied:")
    assert ev.via == "direct" and 0 < ev.confidence <= 1


def test_title_relation_is_read_by_apposition(nlp):
    _, _, rels = run(nlp, TEXT)
    works = [r for r in rels if r.type == "works_for"]
    assert works and works[0].evidence.via == "apposition"
    assert works[0].evidence.trigger.text == "journalist"


def test_relation_indices_point_into_the_mention_list(nlp):
    _, mentions, rels = run(nlp, TEXT)
    for r in rels:
        assert 0 <= r.subject < len(mentions) and 0 <= r.object < len(mentions)
        assert r.subject != r.object


def test_two_patterns_reading_one_sentence_give_one_relation(nlp):
    _, _, rels = run(nlp, "The Kremlin, through its spokesperson Dmitry Peskov, declined to comment.")
    spk = [r for r in rels if r.type == "spokesperson_of"]
    assert len(spk) == 1
    assert spk[0].evidence.object.text == "Kremlin"     # the name, preferred to "its"


def test_evidence_round_trips_through_a_dict(nlp):
    from kgbuild.model import Evidence

    _, _, rels = run(nlp, TEXT)
    for r in rels:
        assert Evidence.from_dict(r.evidence.to_dict()) == r.evidence


def test_every_relation_of_a_news_passage_has_complete_evidence(nlp):
    """Sentence, both arguments and the trigger, each with offsets that point at its own text."""
    from pathlib import Path

    dev = Path(__file__).parent / "data" / "dev"
    checked = 0
    for name in ("001_kenya_ethiopia_talks.txt", "008_kuwait_iraq_anniversary.txt", "012_argentina_falklands_mercosur.txt"):
        text = (dev / name).read_text(encoding="utf-8")
        doc, mentions, rels = run(nlp, text)
        for r in rels:
            ev = r.evidence
            assert text[ev.start:ev.end] == ev.sentence and ev.sentence
            assert ev.trigger is not None and text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
            assert ev.start <= ev.trigger.start < ev.end      # the trigger is in the sentence quoted
            for span in (ev.subject, ev.object):
                assert span.text and text[span.start:span.end] == span.text
            assert ev.pattern and ev.via in ("direct", "coreference", "apposition", "coordination")
            checked += 1
    assert checked >= 20
