"""Support and criticism of an act named before with its agent: "The union called a stoppage. ...
The federation backed the stoppage" backs the union. The schema's `events:` block and the
`event_agent` path step; one invented passage per behaviour, with the reading it must not give."""

from __future__ import annotations

import pytest

from spacy.tokens import Doc

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions
from kgbuild.relations.arguments import MentionIndex
from kgbuild.schema import SchemaError, load_schema, parse_schema

from .relations_helpers import extractor, referent_name, run, triples


def _of(t, rel):
    return {(s, o) for r, s, o in t if r == rel}


def _relations(nlp, text, rel):
    doc, mentions, rels = run(nlp, text)
    return [(referent_name(mentions, r.subject), referent_name(mentions, r.object), r) for r in rels if r.type == rel]


# -- the agent of a noun named before ------------------------------------------------------------
def test_backing_a_stoppage_backs_who_called_it(nlp):
    text = ("The Harbour Workers Union called a 48-hour stoppage on Monday. Managers said ships were waiting "
            "offshore. The Dockers Federation backed the stoppage.")
    found = _relations(nlp, text, "supports")
    assert [(s, o) for s, o, _ in found] == [("Dockers Federation", "Harbour Workers Union")]
    ev = found[0][2].evidence
    # the evidence is the sentence of the trigger; the agent was reached by a bridging reference
    assert ev.sentence == "The Dockers Federation backed the stoppage."
    assert ev.via == "coreference" and ev.confidence < load_schema().relations["supports"].patterns[0].confidence


def test_criticising_the_action_criticises_who_called_the_strike_in_the_passive(nlp):
    text = ("The strike was called by the Harbour Workers Union. Ferries stayed in port all day. "
            "The employers' group Portco criticized the action as unlawful.")
    assert ("criticized", "Portco", "Harbour Workers Union") in triples(nlp, text)


def test_welcoming_a_fine_supports_who_fined_not_who_was_fined(nlp):
    text = ("The Data Authority fined the Zapmo app $2 million on Tuesday. The company said it would appeal. "
            "The Open Rights Group welcomed the fine.")
    got = _of(triples(nlp, text), "supports")
    assert ("Open Rights Group", "Data Authority") in got
    assert not any(o == "Zapmo" for _, o in got)


def test_the_album_is_its_authors_not_the_labels_that_released_it(nlp):
    text = ("Singer Mele Kahale's new album sets old chants to music. The record was released on Friday by "
            "Reef Sound Records. The Island Arts Council backed the project with a grant.")
    got = _of(triples(nlp, text), "supports")
    assert ("Island Arts Council", "Mele Kahale") in got
    assert ("Island Arts Council", "Reef Sound Records") not in got


def test_the_act_named_last_decides_between_two_of_a_kind(nlp):
    text = ("The Harbour Workers Union called a strike on Monday. The Rail Staff Union called a strike on "
            "Tuesday. The Dockers Federation backed the strike.")
    got = _of(triples(nlp, text), "supports")
    assert ("Dockers Federation", "Rail Staff Union") in got
    assert ("Dockers Federation", "Harbour Workers Union") not in got


def test_an_act_of_another_kind_in_between_is_skipped(nlp):
    text = ("The Data Authority fined the Zapmo app $2 million. The Harbour Workers Union called a strike on "
            "Monday. The Open Rights Group welcomed the fine.")
    got = _of(triples(nlp, text), "supports")
    assert got == {("Open Rights Group", "Data Authority")}


# -- never a guess ---------------------------------------------------------------------------------
def test_no_act_named_before_gives_no_edge(nlp):
    text = "Ministers said the talks were over. The Dockers Federation backed the stoppage."
    assert not _of(triples(nlp, text), "supports")


def test_when_the_last_act_has_no_named_agent_no_earlier_one_is_taken(nlp):
    text = ("The Harbour Workers Union called a strike on Monday. Angry dockers staged a walkout on Tuesday. "
            "The Dockers Federation backed the strike.")
    assert not _of(triples(nlp, text), "supports")


def test_an_act_named_too_long_before_gives_no_edge(nlp):
    filler = " ".join(f"Ships waited at berth {n} for hours." for n in range(1, 9))
    text = f"The Harbour Workers Union called a strike on Monday. {filler} The Dockers Federation backed the strike."
    assert not _of(triples(nlp, text), "supports")


@pytest.mark.parametrize("act", ["did not call a strike", "has yet to call a strike", "may call a strike"])
def test_an_act_not_done_names_no_agent(nlp, act):
    text = f"The Harbour Workers Union {act}. The Dockers Federation backed the strike."
    assert not _of(triples(nlp, text), "supports")


def test_ruling_a_country_is_no_ruling(nlp):
    text = "The Vantor Party ruled Elbonia for a decade. The Elbonian Bar Council welcomed the ruling."
    assert not _of(triples(nlp, text), "supports")


def test_backing_away_from_a_deal_is_no_support(nlp):
    text = ("The Norvik Group signed a deal with the Astel Company on Monday. The Pell Fund backed away from "
            "the deal on Friday.")
    assert not any(s == "Pell Fund" for s, _ in _of(triples(nlp, text), "supports"))


def test_welcoming_ones_own_decision_is_no_self_loop(nlp):
    text = "Governor Mara Tellen decided to close the port. She welcomed her own decision on Friday."
    assert all(s != o for s, o in _of(triples(nlp, text), "supports"))


@pytest.mark.parametrize("clause", ["did not back", "may back"])
def test_negated_or_hedged_backing_of_the_act_gives_no_edge(nlp, clause):
    text = f"The strike was called by the Harbour Workers Union. The Dockers Federation {clause} the stoppage."
    assert not _of(triples(nlp, text), "supports")


def test_the_decision_by_a_named_agent_is_read_directly(nlp):
    found = _relations(nlp, "The Gela Council welcomed the decision by the Data Authority to cut fees.", "supports")
    assert [(s, o, r.evidence.via) for s, o, r in found] == [("Gela Council", "Data Authority", "direct")]


# -- the arguments the acts need ----------------------------------------------------------------------
def _doc(nlp, rows: str) -> Doc:
    """A hand-parsed sentence, one token a line: word head-index dep pos tag lemma entity-IOB
    (parses the small model gives only inside longer passages, pinned)."""
    toks = [line.split() for line in rows.strip().splitlines()]
    return Doc(nlp.vocab, words=[t[0] for t in toks], spaces=[True] * len(toks), heads=[int(t[1]) for t in toks],
               deps=[t[2] for t in toks], pos=[t[3] for t in toks], tags=[t[4] for t in toks],
               lemmas=[t[5] for t in toks], ents=[t[6] for t in toks])


# "The Seafarers Federation (SF) backed the Harbour Union." headed on the acronym the names missed
HEADED_ON_THE_ACRONYM = """
The 4 det DET DT the O
Seafarers 2 compound PROPN NNP Seafarers B-ORG
Federation 4 nmod PROPN NNP Federation I-ORG
( 4 punct PUNCT -LRB- ( O
SF 6 nsubj PROPN NNP SF O
) 4 punct PUNCT -RRB- ) O
backed 6 ROOT VERB VBD back O
the 9 det DET DT the O
Harbour 9 compound PROPN NNP Harbour B-ORG
Union 6 dobj PROPN NNP Union I-ORG
. 6 punct PUNCT . . O
"""


def test_a_bracketed_acronym_heading_the_subject_stands_for_the_long_name(nlp):
    doc = _doc(nlp, HEADED_ON_THE_ACRONYM)
    mentions = add_coreferences(doc, extract_mentions(doc))
    rels = extractor(nlp.vocab).extract(doc, mentions, "test")
    got = {(r.type, referent_name(mentions, r.subject), referent_name(mentions, r.object)) for r in rels}
    assert ("supports", "Seafarers Federation", "Harbour Union") in got


# "KANO , Nigeria - The Water Board fined Zapmo ." with the capitalised place tagged an adverb
DATELINE_TAGGED_ADVERB = """
KANO 8 advmod ADV RB kano O
, 8 punct PUNCT , , O
Nigeria 8 nsubj PROPN NNP Nigeria B-GPE
- 2 punct PUNCT : - O
The 7 det DET DT the O
Water 6 compound PROPN NNP Water B-ORG
Board 7 compound PROPN NNP Board I-ORG
Authority 2 appos PROPN NNP Authority I-ORG
fined 8 ROOT VERB VBD fine O
Zapmo 8 dobj PROPN NNP Zapmo B-ORG
. 8 punct PUNCT . . O
"""


def test_a_dateline_is_never_an_agent_whatever_the_place_is_tagged(nlp):
    doc = _doc(nlp, DATELINE_TAGGED_ADVERB)
    mentions = add_coreferences(doc, extract_mentions(doc))
    assert {0, 1, 2, 3} <= MentionIndex(mentions, doc).dateline


# -- the schema ---------------------------------------------------------------------------------------
EVENTS = """
name: tiny
events:
  window: 3
  kinds:
    penalty: {nouns: [fine], verbs: [fine], made_by: [impose]}
relations:
  praised:
    description: The subject praised the object.
    subject_types: [ORG]
    object_types: [ORG]
    patterns:
      - name: verb_object
        trigger: {lemma: [praise], pos: [VERB]}
        subject: [subj]
        object: [PATH]
"""


def test_the_events_block_is_read_into_the_schema():
    schema = parse_schema(EVENTS.replace("PATH", '"dobj > event_agent"'))
    assert schema.events.window == 3 and schema.events.kinds[0].made_by == {"impose"}
    assert schema.events.modality is schema.modality and schema.events.not_done == ()
    assert schema.events.determiners == {"the", "this", "that", "these", "those"}
    path = schema.relations["praised"].patterns[0].object[0]
    assert path.via_event and path.steps[-1].events is schema.events


def test_the_default_schema_reads_stoppages_fines_and_decisions():
    events = load_schema().events
    for noun in ("stoppage", "fine", "decision", "deal", "album"):
        assert events.kinds_of_noun(noun), noun


@pytest.mark.parametrize("text, problem", [
    (EVENTS.replace("PATH", '"event_agent > poss"'), "'event_agent' must come last"),
    (EVENTS.replace("PATH", '"dobj > event_agent"').replace("window: 3", "window: three"), "not a number of sentences"),
    (EVENTS.replace("PATH", "dobj").replace("{nouns: [fine], ", "{"), "missing key 'nouns'"),
    (EVENTS.replace("PATH", "dobj").replace("made_by:", "done_by:"), "unknown key 'done_by'"),
    (EVENTS.replace("PATH", '"dobj > event_agent"').replace("events:", "unused:"), "unknown key 'unused'"),
])
def test_a_bad_events_block_is_a_one_line_error(text, problem):
    with pytest.raises(SchemaError, match=problem):
        parse_schema(text, source="tiny.yaml")


def test_event_agent_without_an_events_block_is_refused():
    text = EVENTS.replace("PATH", '"dobj > event_agent"')
    text = text[:text.index("events:")] + text[text.index("relations:"):]
    with pytest.raises(SchemaError, match="needs an 'events:' block"):
        parse_schema(text, source="tiny.yaml")
