"""Forms of authorship, support, membership and denial that rules learned on the first dev
passages missed on unseen news: one family per test, each on an invented sentence (no name or
sentence from the test passages), with the reading it must not give."""

from __future__ import annotations

from spacy.tokens import Doc

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions

from .relations_helpers import extractor, referent_name, triples


def _of_type(t, rel):
    return {x for x in t if x[0] == rel}


def _parsed(nlp, rows: str) -> set[tuple[str, str, str]]:
    """Triples read off a hand-parsed sentence, one token a line: word head-index dep pos tag
    lemma entity-IOB. For parses the small model gives only in some contexts (it reads the
    same invented sentence differently on its own), pinned so the test always sees them."""
    toks = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(nlp.vocab, words=[t[0] for t in toks], spaces=[True] * len(toks), heads=[int(t[1]) for t in toks],
              deps=[t[2] for t in toks], pos=[t[3] for t in toks], tags=[t[4] for t in toks],
              lemmas=[t[5] for t in toks], ents=[t[6] for t in toks])
    mentions = add_coreferences(doc, extract_mentions(doc))
    rels = extractor(nlp.vocab).extract(doc, mentions, "test")
    return {(r.type, referent_name(mentions, r.subject), referent_name(mentions, r.object)) for r in rels}


# "The Savings Association, of which Kora Pay is already (or not) a member, said so." with 'of which' hung
# on the member's name and the clause read as the main one
OF_WHICH_ON_THE_MEMBER = """
The 2 det DET DT the O
Savings 2 compound PROPN NNP Savings B-ORG
Association 8 nsubj PROPN NNP Association I-ORG
, 2 punct PUNCT , , O
of 7 prep ADP IN of O
which 4 pobj PRON WDT which O
Kora 7 compound PROPN NNP Kora B-ORG
Pay 8 nsubj PROPN NNP Pay I-ORG
is 8 ROOT AUX VBZ be O
{adv}
a 11 det DET DT a O
member 8 attr NOUN NN member O
, 8 punct PUNCT , , O
said 8 conj VERB VBD say O
so 13 advmod ADV RB so O
. 8 punct PUNCT . . O
"""
ALREADY = "already 8 advmod ADV RB already O"
NOT = "not 8 neg PART RB not O"

# "The Rail Federation (RWF), of which the Dock Union is a member, backed the strike." with the
# acronym (which the names missed) as the head of the phrase and the long name its modifier
OF_WHICH_AFTER_AN_ACRONYM_HEAD = """
The 2 det DET DT the O
Rail 2 compound PROPN NNP Rail B-ORG
Federation 4 nmod PROPN NNP Federation I-ORG
( 4 punct PUNCT -LRB- ( O
RWF 16 nsubj PROPN NNP RWF O
) 4 punct PUNCT -RRB- ) O
, 4 punct PUNCT , , O
of 12 prep ADP IN of O
which 7 pobj PRON WDT which O
the 11 det DET DT the O
Dock 11 compound PROPN NNP Dock B-ORG
Union 12 nsubj PROPN NNP Union I-ORG
is 4 relcl AUX VBZ be O
a 14 det DET DT a O
member 12 attr NOUN NN member O
, 4 punct PUNCT , , O
backed 16 ROOT VERB VBD back O
the 18 det DET DT the O
strike 16 dobj NOUN NN strike O
. 16 punct PUNCT . . O
"""


# -- authored -------------------------------------------------------------------------------------
def test_her_book_title_holds_whatever_the_clause_around_it_says(nlp):
    # "dismissed ... over her novel": the suit is dismissed, the authorship is presupposed
    t = triples(nlp, 'A court dismissed a lawsuit against Rosa Delgado over her novel "The Glass Orchard".')
    assert ("authored", "Rosa Delgado", "The Glass Orchard") in t
    # the noun's own modifiers still count
    t = triples(nlp, 'A court dismissed a lawsuit against Rosa Delgado over her potential novel "The Glass Orchard".')
    assert not _of_type(t, "authored")


def test_writings_published_under_a_title_are_authored_by_writer_and_publisher(nlp):
    t = triples(nlp, 'The Oslo Press on Monday published the letters of Ingrid Holm under the title "Blue Winter".')
    assert ("authored", "Oslo Press", "Blue Winter") in t
    assert ("authored", "Ingrid Holm", "Blue Winter") in t
    # a refusal publishes nothing
    t = triples(nlp, 'The Oslo Press refused to publish the letters of Ingrid Holm under the title "Blue Winter".')
    assert not _of_type(t, "authored")


def test_publisher_of_a_second_coordinated_participle_authors_the_work(nlp):
    t = triples(nlp, '"The Salt Year", written by Lena Marsh and published by Harbor Books, sold well.')
    assert ("authored", "Lena Marsh", "The Salt Year") in t
    assert ("authored", "Harbor Books", "The Salt Year") in t
    t = triples(nlp, '"The Salt Year", written by Lena Marsh and praised by Harbor Books, sold well.')
    assert ("authored", "Harbor Books", "The Salt Year") not in t


def test_her_in_an_opening_phrase_points_forward_to_the_author(nlp):
    t = triples(nlp, 'In her book "The Salt Year", Lena Marsh argues that the coast is shrinking.')
    assert ("authored", "Lena Marsh", "The Salt Year") in t
    # without a possessive the book may be anyone's
    t = triples(nlp, 'In the book "The Salt Year", Lena Marsh found a letter from her father.')
    assert not _of_type(t, "authored")


def test_a_report_titled_so_is_authored_by_its_publisher(nlp):
    t = triples(nlp, 'The Coastal Trust published a report titled "Rising Tides" on Monday.')
    assert ("authored", "Coastal Trust", "Rising Tides") in t
    t = triples(nlp, 'The Coastal Trust criticized a report titled "Rising Tides" on Monday.')
    assert not _of_type(t, "authored")


def test_the_author_as_a_predicate(nlp):
    assert ("authored", "Lena Marsh", "The Salt Year") in triples(nlp, 'Lena Marsh is the author of "The Salt Year".')
    assert not _of_type(triples(nlp, 'Tom Hale is not the author of "The Salt Year".'), "authored")


# -- member_of ------------------------------------------------------------------------------------
def test_a_negated_second_conjunct_is_not_a_membership(nlp):
    t = triples(nlp, "Kosovo, founded in 2008, is a member of the World Bank but not of the United Nations.")
    assert ("member_of", "Kosovo", "World Bank") in t
    assert ("member_of", "Kosovo", "United Nations") not in t
    t = triples(nlp, "Vestria joined the Andean Council and not the Pacific League.")
    assert ("member_of", "Vestria", "Andean Council") in t
    assert ("member_of", "Vestria", "Pacific League") not in t


def test_a_not_hung_on_the_first_name_negates_the_one_after_it(nlp):
    # "A, not B": the parser hangs 'not' on A; it is B that did not join
    t = triples(nlp, "Vestria, not Bolivia, joined the Andean Council.")
    assert ("member_of", "Vestria", "Andean Council") in t
    assert ("member_of", "Bolivia", "Andean Council") not in t


def test_the_one_a_member_is_compared_with_is_a_member_too(nlp):
    t = triples(nlp, "The Kenyan Rugby Union, a World Rugby member like the Uganda Rugby Union, welcomed the ruling.")
    assert ("member_of", "Kenyan Rugby Union", "World Rugby") in t
    assert ("member_of", "Uganda Rugby Union", "World Rugby") in t
    t = triples(nlp, "The Kenyan Rugby Union, a World Rugby member unlike the Uganda Rugby Union, welcomed the ruling.")
    assert ("member_of", "Uganda Rugby Union", "World Rugby") not in t


def test_of_which_hung_on_the_member_names_the_organisation_before_the_comma(nlp):
    t = _parsed(nlp, OF_WHICH_ON_THE_MEMBER.format(adv=ALREADY))
    assert ("member_of", "Kora Pay", "Savings Association") in t
    assert not _of_type(_parsed(nlp, OF_WHICH_ON_THE_MEMBER.format(adv=NOT)), "member_of")


def test_of_which_after_an_acronym_the_parser_made_the_head_reaches_the_long_name(nlp):
    t = _parsed(nlp, OF_WHICH_AFTER_AN_ACRONYM_HEAD)
    assert ("member_of", "Dock Union", "Rail Federation") in t
    # the acronym's own relative clause is not read as the subject's
    assert ("member_of", "Rail Federation", "Dock Union") not in t


def test_a_lawmaker_for_a_party_is_its_member(nlp):
    t = triples(nlp, "Ruth Okafor, a lawmaker for the Labour Party, warned that the talks could fail.")
    assert ("member_of", "Ruth Okafor", "Labour Party") in t
    # a constituency is no party
    t = triples(nlp, "Ruth Okafor, a lawmaker for Nairobi, warned that the talks could fail.")
    assert not _of_type(t, "member_of")


def test_a_titled_politician_of_a_party_is_a_member_not_an_employee(nlp):
    t = triples(nlp, "Former senator Tom Ridley of the Green Party criticized the plan.")
    assert ("member_of", "Tom Ridley", "Green Party") in t
    assert ("works_for", "Tom Ridley", "Green Party") not in t
    # without a politician's title, a name "of" an organisation is not a membership
    t = triples(nlp, "Tom Ridley of the Green Party criticized the plan.")
    assert ("member_of", "Tom Ridley", "Green Party") not in t


def test_a_seat_on_the_board_of_an_organisation_is_a_membership(nlp):
    t = triples(nlp, "Hannah Poll, who sits on the board of the Danish Writers Union, praised the book.")
    assert ("member_of", "Hannah Poll", "Danish Writers Union") in t
    t = triples(nlp, "Hannah Poll, who refused to sit on the board of the Danish Writers Union, praised the book.")
    assert not _of_type(t, "member_of")


def test_founding_members_read_with_founding_as_a_verb(nlp):
    t = triples(nlp, "Malta and Greece are founding members of the Valletta Energy Forum.")
    assert ("member_of", "Malta", "Valletta Energy Forum") in t
    assert ("member_of", "Greece", "Valletta Energy Forum") in t
    assert not _of_type(triples(nlp, "Malta is not a founding member of the Valletta Energy Forum."), "member_of")


def test_admitted_as_a_member(nlp):
    t = triples(nlp, "The Andean Council admitted Vestria as its tenth member.")
    assert ("member_of", "Vestria", "Andean Council") in t
    t = triples(nlp, "Vestria was admitted to the Andean Council as a member in 2004.")
    assert ("member_of", "Vestria", "Andean Council") in t
    t = triples(nlp, "The Andean Council refused to admit Vestria as a member.")
    assert not _of_type(t, "member_of")


# -- denied ---------------------------------------------------------------------------------------
def test_who_after_a_title_phrase_stands_for_the_person_not_the_company(nlp):
    t = triples(nlp, "The suit was brought by businessman Tom Hale, chairman of the mining group Acme Mining, "
                     "who denied the report by the Daily Clarion.")
    assert ("denied", "Tom Hale", "Daily Clarion") in t
    assert ("denied", "Acme Mining", "Daily Clarion") not in t


def test_who_after_an_organisation_alone_still_stands_for_it(nlp):
    t = triples(nlp, "The claim was made by Acme Mining, who denied the report by the Daily Clarion.")
    assert ("denied", "Acme Mining", "Daily Clarion") in t


def test_contesting_a_report_denies_it(nlp):
    assert ("denied", "Tom Hale", "Daily Clarion") in triples(nlp, "Tom Hale contested the report by the Daily Clarion.")
    assert not _of_type(triples(nlp, "Tom Hale declined to contest the report by the Daily Clarion."), "denied")


# -- criticized ----------------------------------------------------------------------------------
def test_taking_issue_with_someone_criticizes_them(nlp):
    t = triples(nlp, "Tom Hale took issue with the Kenya Farmers Union.")
    assert ("criticized", "Tom Hale", "Kenya Farmers Union") in t
    t = triples(nlp, "Tom Hale took no issue with the Kenya Farmers Union.")
    assert not _of_type(t, "criticized")


def test_the_one_who_underwent_a_condemned_act_is_not_criticized(nlp):
    # "the arrest of X", "X's arrest": X was arrested; whoever did it is the one criticized
    for text in ("Amnesty International condemned the arrest of Ruth Wanjiku.",
                 "Amnesty International condemned Ruth Wanjiku's arrest."):
        assert not _of_type(triples(nlp, text), "criticized"), text
    t = triples(nlp, "Poland condemned the invasion of Ukraine by Russia.")
    assert ("criticized", "Poland", "Russia") in t
    assert ("criticized", "Poland", "Ukraine") not in t
    assert ("criticized", "Poland", "Russia") in triples(nlp, "Poland condemned Russia's invasion of Ukraine.")


def test_welcoming_a_decision_by_someone_supports_them(nlp):
    t = triples(nlp, "The Kenya Farmers Union welcomed the decision by the Central Bank of Kenya to cut rates.")
    assert ("supports", "Kenya Farmers Union", "Central Bank of Kenya") in t
    t = triples(nlp, "The Kenya Farmers Union did not welcome the decision by the Central Bank of Kenya to cut rates.")
    assert not _of_type(t, "supports")


# -- supports -------------------------------------------------------------------------------------
def test_siding_with_someone_supports_them(nlp):
    t = triples(nlp, "The Lagos Chamber of Commerce sided with the Central Bank of Nigeria.")
    assert ("supports", "Lagos Chamber of Commerce", "Central Bank of Nigeria") in t
    t = triples(nlp, "The Lagos Chamber of Commerce refused to side with the Central Bank of Nigeria.")
    assert not _of_type(t, "supports")


def test_coming_out_in_support_of_someone_supports_them(nlp):
    t = triples(nlp, "The Irish Farmers Association came out in support of the Dublin Dairy Board.")
    assert ("supports", "Irish Farmers Association", "Dublin Dairy Board") in t
    t = triples(nlp, "The Irish Farmers Association did not come out in support of the Dublin Dairy Board.")
    assert not _of_type(t, "supports")


def test_with_the_backing_of_someone(nlp):
    t = triples(nlp, "With the backing of the Kenya Farmers Union, Ruth Wanjiku won the vote.")
    assert ("supports", "Kenya Farmers Union", "Ruth Wanjiku") in t
    t = triples(nlp, "Without the backing of the Kenya Farmers Union, Ruth Wanjiku lost the vote.")
    assert not _of_type(t, "supports")


def test_a_grant_received_from_a_funder_is_its_support(nlp):
    t = triples(nlp, "The Nairobi Arts Trust received a grant from the Ford Foundation.")
    assert ("supports", "Ford Foundation", "Nairobi Arts Trust") in t
    t = triples(nlp, "The Nairobi Arts Trust did not receive a grant from the Ford Foundation.")
    assert not _of_type(t, "supports")
