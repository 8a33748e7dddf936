"""One ``Doc.to_array`` read serves the entity view and the relation token table
(``nlp.DocColumns``): every column must be the answer spaCy's own ``Token`` gives, or mentions and
relations change; the two readers must share it rather than read the document again."""

from __future__ import annotations

import gc

import pytest

from kgbuild.entities.doc_view import DocView
from kgbuild.model import Document
from kgbuild.nlp import DocColumns, StringMemo
from kgbuild.pipeline import Extractor, extract_document, gc_frozen
from kgbuild.relations.tokens import TokenTable

TEXTS = [
    'LUMARA (Wirenews) - Verdant Minister Tobin Quell told reporters, "We will sign," on Friday.  '
    "Quell's aide, Mara Oyelaran, said talks in Port Selbey had ended!\n\n'The Salt Orchard' won.",
    "",
    "Hello.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_columns_agree_with_spacy_tokens(nlp, text):
    doc = nlp(text)
    cols = DocColumns(doc, StringMemo(doc.vocab.strings))
    assert cols.n == len(doc)
    assert cols.words == sum(1 for t in doc if not (t.is_punct or t.is_space))
    assert cols.sent_bounds == [(s.start, s.end) for s in doc.sents]
    for t in doc:
        i = t.i
        assert cols.head[i] == t.head.i
        assert cols.idx[i] == t.idx and cols.sent_of[i] == next(k for k, s in enumerate(doc.sents) if t in s)
        assert [cols.strings(c)[i] for c in ("orth", "lower", "pos", "tag", "ent_type", "dep")] == \
               [t.text, t.lower_, t.pos_, t.tag_, t.ent_type_, t.dep_]
        assert (bool(cols.is_punct[i]), bool(cols.is_space[i]), bool(cols.is_quote[i]), bool(cols.is_lower[i])) == \
               (t.is_punct, t.is_space, t.is_quote, t.is_lower)
        assert bool(cols.spacy[i]) == bool(t.whitespace_)


def test_doc_view_flags_and_tokens_are_spacy_answers(nlp):
    doc = nlp(TEXTS[0])
    view = DocView(doc)
    assert [view[i] for i in range(len(doc))] == list(doc) == list(view)
    assert view.is_sent_start == [bool(t.is_sent_start) for t in doc]
    assert view.head == [t.head.i for t in doc] and view.dep == [t.dep_ for t in doc]
    assert view.text == doc.text


def test_the_view_and_the_token_table_share_one_read(nlp):
    doc = nlp(TEXTS[0])
    memo = StringMemo(doc.vocab.strings)
    cols = DocColumns(doc, memo)
    view, table = DocView(doc, cols), TokenTable(doc, memo, cols)
    assert table.lower is view.lower and table.pos is view.pos and table.head is view.head
    assert table.sent_of is view.sent_of


def test_extract_document_with_shared_columns_matches_separate_reads(nlp):
    """The pipeline's shared path gives the relations the extractor finds reading the Doc itself."""
    from kgbuild.entities.coref import add_coreferences
    from kgbuild.entities.mentions import extract_mentions

    ex = Extractor()
    text = ("Verdant President Tobin Quell met Halvard Prime Minister Ines Marrow in Port Selbey on Monday. "
            "Quell said the two countries would sign a trade deal. Marrow leads the Halvard Labour Party.")
    doc = ex.nlp(text)
    shared = extract_document(doc, Document(id="d", path="d.txt", text=text, sha256="0"), ex.relations)
    mentions = add_coreferences(doc, extract_mentions(doc))
    assert shared.mentions == mentions
    assert shared.relations == ex.relations.extract(doc, mentions, "d") and shared.relations
    assert shared.words == sum(1 for t in doc if not (t.is_punct or t.is_space))


def test_a_build_freezes_the_heap_only_while_it_runs():
    assert gc.get_freeze_count() == 0
    with gc_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_the_caller_stays_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with gc_frozen():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def test_first_name_genders_are_gender_guessers_answers():
    """The name table is read by kgbuild's own one-pass reader: same table, same answers (ties
    between genders included) as gender-guesser's case-insensitive Detector."""
    import gender_guesser.detector as detector

    from kgbuild.entities.names import _first_name_table, first_name_gender

    det = detector.Detector(case_sensitive=False)
    table = _first_name_table()
    assert table == det.names

    def theirs(name):
        g = det.get_gender(name)
        return {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}.get(g)

    mixed = [n for n, genders in table.items() if len(genders) > 1]
    assert len(mixed) > 1000
    for name in mixed[::7] + ["Zorblatt", "ÉLODIE", "jean-pierre"]:
        assert first_name_gender.__wrapped__(name.title()) == theirs(name.title()), name
