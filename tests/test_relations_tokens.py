"""The relation extractor reads a document's tokens from plain lists (``TokenTable``) instead of
spaCy ``Token`` objects: every answer must be the one spaCy itself gives, or relations change."""

from __future__ import annotations

import pytest

from kgbuild.relations.arguments import _conjuncts
from kgbuild.relations.tokens import StringMemo, TokenTable

TEXTS = [
    "NAIROBI (Reuters) - Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on "
    "Monday. The two leaders, who spoke with reporters, said talks between Kenya, Ethiopia and "
    "Somalia would resume.  A spokesperson declined to comment!\n\nThe IMF's chief, Kristalina "
    "Georgieva, visited Addis Ababa and Nairobi, officials said.",
    "",
    "Hello.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_table_agrees_with_spacy(nlp, text):
    doc = nlp(text)
    t = TokenTable(doc, StringMemo(doc.vocab.strings))
    assert t.n == len(doc)
    for tok in doc:
        i = tok.i
        assert t.lemma[i] == tok.lemma_.lower()
        assert (t.lower[i], t.pos[i], t.dep[i], t.idx[i]) == (tok.lower_, tok.pos_, tok.dep_, tok.idx)
        assert t.head[i] == tok.head.i
        assert t.kids[i] == [c.i for c in tok.children]
        assert t.kid_deps[i] == {c.dep_ for c in tok.children}
        assert t.sent(i) == (tok.sent.start, tok.sent.end)
        assert _conjuncts(t, i) == [c.i for c in tok.conjuncts]
    assert t.sent_bounds == [(s.start, s.end) for s in doc.sents]


def test_string_memo_is_shared_across_documents(nlp):
    memo = StringMemo(nlp.vocab.strings)
    first = TokenTable(nlp("Ministers met in Lisbon."), memo)
    second = TokenTable(nlp("Ministers met again."), memo)
    assert first.lower[:2] == second.lower[:2] == ["ministers", "met"]
    assert memo.plain and memo.lowered
