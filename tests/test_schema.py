"""The schema file: the packaged default, user schemas, and one-line errors for bad files."""

from __future__ import annotations

import pytest

from kgbuild.schema import SchemaError, load_schema

REQUIRED = {"spoke_with", "met_with", "proposed_meeting", "proposed_venue", "denied", "confirmed", "criticized",
            "supports", "invaded", "annexed", "sanctioned", "member_of", "spokesperson_of", "leader_of",
            "works_for", "authored", "interviewed_by", "located_in"}

MINIMAL = """
name: tiny
relations:
  praised:
    description: The subject praised the object.
    subject_types: [PERSON]
    object_types: [PERSON, ORG]
    patterns:
      - name: verb_object
        trigger: {lemma: [praise, laud], pos: [VERB]}
        subject: [subj]
        object: [dobj]
"""


def write(tmp_path, text, name="schema.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_default_schema_has_every_news_relation_with_a_description():
    schema = load_schema()
    assert schema.name == "news"
    assert REQUIRED <= set(schema.relations)
    for r in schema.relations.values():
        assert r.description and "\n" not in r.description
        assert r.subject_types and r.object_types and r.patterns


def test_packaged_name_and_none_load_the_same_schema():
    assert set(load_schema("news").relations) == set(load_schema(None).relations)


def test_symmetric_relations_and_neo4j_types():
    schema = load_schema()
    assert {"spoke_with", "met_with"} <= schema.symmetric_relations()
    assert "denied" not in schema.symmetric_relations()
    assert schema.neo4j_type("spoke_with") == "SPOKE_WITH"
    with pytest.raises(SchemaError, match="unknown relation"):
        schema.neo4j_type("dropped_tables; MATCH")


def test_a_user_adds_a_relation_with_yaml_only(tmp_path):
    schema = load_schema(write(tmp_path, MINIMAL))
    assert schema.name == "tiny"
    rel = schema.relations["praised"]
    assert rel.subject_types == {"PERSON"} and not rel.symmetric
    assert [p.name for p in rel.patterns] == ["verb_object"]
    assert "PERSON" in schema.entity_types


@pytest.mark.parametrize("text, message", [
    ("name: [unclosed", "not valid YAML"),
    ("", "the file is empty"),
    (MINIMAL.replace("name: tiny", "name: tiny\ncolour: red"), "unknown key 'colour'"),
    (MINIMAL.replace("  praised:", "  Praised-By:"), "not lower snake case"),
    (MINIMAL.replace("object_types: [PERSON, ORG]", "object_types: [PERSON, MOON]"), "unknown entity type 'MOON'"),
    (MINIMAL.replace("object: [dobj]", "object: [\"dobj >> pobj\"]"), "bad pattern path"),
    (MINIMAL.replace("object: [dobj]", "object: [\"prep[with] > objekt\"]"), "unknown dependency label 'objekt'"),
    (MINIMAL.replace("object: [dobj]", ""), "needs 'subject' and 'object'"),
    (MINIMAL.replace("pos: [VERB]", "pos: [VERBS]"), "unknown part of speech"),
    (MINIMAL.replace("        subject: [subj]", "        subject: [subj]\n        confidence: 2"), "not a number in"),
    (MINIMAL.replace("trigger: {lemma: [praise, laud], pos: [VERB]}", "trigger: {pos: [VERB]}"), "needs 'lemma'"),
    (MINIMAL.replace("[praise, laud]", "[praise, no]"), "quote words such as"),
    (MINIMAL.replace("object: [dobj]", "object: [\"dobj[^]\"]"), "needs the words it excludes"),
    (MINIMAL.replace("pos: [VERB]", "pos: [VERB], has_any: [\"@topic\"]"), "only allowed in subject/object"),
])
def test_bad_schema_gives_one_line_error_naming_file_and_problem(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(SchemaError) as err:
        load_schema(path)
    msg = str(err.value)
    assert message in msg
    assert str(path) in msg
    assert "\n" not in msg


def test_missing_file_and_unknown_packaged_name_are_clear_errors(tmp_path):
    with pytest.raises(SchemaError, match="no such schema file"):
        load_schema(tmp_path / "nope.yaml")
    with pytest.raises(SchemaError, match="no packaged schema"):
        load_schema("sports")


def test_context_path_must_name_a_known_relation(tmp_path):
    text = MINIMAL.replace("subject: [subj]", 'subject: ["@subject:held_talks"]')
    with pytest.raises(SchemaError, match="unknown relation 'held_talks'"):
        load_schema(write(tmp_path, text))


def test_unless_and_supersedes_must_name_known_relations(tmp_path):
    text = MINIMAL.replace("        object: [dobj]\n", "        object: [dobj]\n        unless: [knows]\n")
    with pytest.raises(SchemaError, match="unless: unknown relation 'knows'"):
        load_schema(write(tmp_path, text))
    text = MINIMAL.replace("    object_types: [PERSON, ORG]\n", "    object_types: [PERSON, ORG]\n    supersedes: [knows]\n")
    with pytest.raises(SchemaError, match="supersedes: unknown relation 'knows'"):
        load_schema(write(tmp_path, text, "b.yaml"))


def test_default_schema_declares_leader_of_over_works_for_and_proposals_unless_affiliated():
    schema = load_schema()
    assert "works_for" in schema.relations["leader_of"].supersedes
    between = [p for p in schema.relations["proposed_meeting"].patterns if p.name == "request_meeting_between"]
    assert between and {"leader_of", "works_for"} <= between[0].unless


def test_schema_error_is_a_value_error_and_a_user_error():
    from kgbuild.errors import KgbuildError

    assert issubclass(SchemaError, ValueError) and issubclass(SchemaError, KgbuildError)


def test_negated_lemmas_has_any_and_topic_paths_are_read(tmp_path):
    text = MINIMAL.replace("pos: [VERB]}", 'pos: [VERB], has_any: [dobj, "prep[for]"], not_has: ["dobj[^lord|god]"]}')
    text = text.replace("object: [dobj]", 'object: [dobj, "@topic"]')
    pattern = load_schema(write(tmp_path, text)).relations["praised"].patterns[0]
    assert [str(p.steps[0]) for p in pattern.trigger.has_any] == ["dobj", "prep[for]"]
    step = pattern.trigger.not_has[0].steps[0]
    assert step.negated and str(step) == "dobj[^god|lord]"
    assert step.lemma_ok("king") and not step.lemma_ok("lord")
    assert pattern.object[1].topic and not pattern.object[0].topic


def test_home_and_kind_paths_are_read_and_only_allowed_for_arguments(tmp_path):
    text = MINIMAL.replace("object: [dobj]", 'object: [dobj, "@home", "@kind"]')
    pattern = load_schema(write(tmp_path, text)).relations["praised"].patterns[0]
    assert [(p.home, p.kind) for p in pattern.object] == [(False, False), (True, False), (False, True)]
    bad = MINIMAL.replace("pos: [VERB]", "pos: [VERB], has: [\"@home\"]")
    with pytest.raises(SchemaError) as err:
        load_schema(write(tmp_path, bad))
    assert "only allowed in subject/object" in str(err.value)
