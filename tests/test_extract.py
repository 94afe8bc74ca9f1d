"""Extractors on the seed article and on small inline cases."""

import pytest

from generator.extract import extract
from generator.extract.mentions import split_name as split_title
from generator.extract.questions import CueQuestions, invert, phrase_question, same_matter
from generator.extract.sentences import sentences
from generator.load.readers.text import read_pasted
from tests.helpers import ROOT

SEED = ROOT / "content" / "articles" / "us-assesses-israel-amassed-troops-rafah.txt"


@pytest.fixture(scope="module")
def seed():
    result = read_pasted(SEED.read_bytes())
    return extract("seed", result.text)


def speaker_of(ex, start_of_quote):
    matches = [q for q in ex.quotes if q.text.startswith(start_of_quote)]
    assert len(matches) == 1, f"{start_of_quote!r}: {[q.text[:30] for q in ex.quotes]}"
    return matches[0].speaker


@pytest.mark.parametrize(
    "quote, speaker",
    [
        ("The president was clear", "Jake Sullivan"),
        ("It has not yet occurred.", "Jake Sullivan"),
        ("Sometimes when we listen closely", "Kurt Campbell"),
        ("We view that there has to be", "Kurt Campbell"),
        ("Israel’s on the trajectory", "Antony Blinken"),
        ("We’ve been working for many, many weeks", "Antony Blinken"),
        ("We’ve been working with Arab countries", "Antony Blinken"),
        ("You have seen their ability", "Matt Miller"),
        ("They couldn’t launch an attack", "Matt Miller"),
        ("Their weapons production factories", "Matt Miller"),
    ],
)
def test_seed_quotes_have_full_speaker_names(seed, quote, speaker):
    assert speaker_of(seed, quote) == speaker


def test_seed_rejects_scare_quotes_and_titles(seed):
    texts = [q.text for q in seed.quotes]
    assert "day after" not in texts
    assert "Meet the Press." not in texts
    assert "total victory." not in texts


def test_seed_quotes_are_verbatim_and_anchored(seed):
    ids = {s.id: s for s in seed.sentences}
    for q in seed.quotes:
        assert seed.text[q.start : q.end] == q.text
        sentence = ids[q.sentence_id]
        assert sentence.start <= q.start - 1 < sentence.end  # the quote opens in its sentence


def test_seed_roles(seed):
    roles = {q.speaker: q.role for q in seed.quotes}
    assert roles["Jake Sullivan"] == "national security adviser"
    assert roles["Antony Blinken"] == "Secretary of State"
    assert roles["Kurt Campbell"] == "State Department’s number two official"
    assert roles["Matt Miller"] == "State Department spokesperson"


def test_seed_key_points(seed):
    assert 3 <= len(seed.key_points) <= 5
    assert any(kp.text.startswith("The Biden administration has assessed") for kp in seed.key_points[:3])
    for kp in seed.key_points:
        assert not kp.text.startswith("“")


# Seed 003 annotated by hand: each unresolved matter, words its question must contain, and words
# of the sentence that is its evidence.
SEED_QUESTIONS = {
    "full-scale Rafah operation": ("Israel made a final decision", "currently unsure if it has made a final decision"),
    "evacuation and shelter": ("adequate preparations", "not come anywhere close to making adequate preparations"),
    "Hamas leaders in Rafah": ("senior Hamas leaders present in Rafah", "remains unclear whether senior Hamas leaders"),
    "post-war governance": ("position on post-war governance", "no clear views on two major questions"),
    "security after the war": ("Who will oversee the strip’s security", "no clear views on two major questions"),
    "destroying Hamas": ("destroy", "unable to completely destroy Hamas"),
    "engagement in post-war planning": ("engage more seriously", "engage more seriously on developing a plan"),
}


def test_seed_open_questions(seed):
    found = set()
    for matter, (question_words, evidence_words) in SEED_QUESTIONS.items():
        hits = [
            q for q in seed.questions if question_words in q.question and any(evidence_words in e.text for e in q.evidence)
        ]
        assert hits, f"{matter}: {[(q.question, [e.text[:50] for e in q.evidence]) for q in seed.questions]}"
        found.update(q.question for q in hits)
    others = [q.question for q in seed.questions if q.question not in found]
    assert len(others) <= 2, others
    for q in seed.questions:
        assert q.question.endswith("?")
        for ev in q.evidence:
            assert seed.text[ev.start : ev.end] == ev.text


def test_questions_raised_twice_in_an_article_are_one():
    text = (
        "Officials said that Israel is unlikely to destroy Hamas and its leadership. "
        "And though the US believes Israel will be unable to completely destroy Hamas, the talks go on. "
        "It remains unclear whether senior Hamas leaders are present in Rafah."
    )
    questions = CueQuestions().extract(text, sentences("t", text))
    assert [q.question for q in questions] == [
        "Can Israel destroy Hamas and its leadership?",
        "Are senior Hamas leaders present in Rafah?",
    ]
    assert len(questions[0].evidence) == 2
    assert not same_matter("Will Israel engage in post-war planning?", "What is Israel’s position on post-war planning?")


def test_unmet_demand_across_two_sentences():
    text = "Blinken called on Israel to engage more seriously on a plan for Gaza over the weekend. So far, that has been lacking."
    (q,) = CueQuestions().extract(text, sentences("t", text))
    assert q.question == "Will Israel engage more seriously on a plan for Gaza?"
    assert [e.text for e in q.evidence] == [s.text for s in sentences("t", text)]


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("“We will rebuild,” said Maria Okafor, the mayor.", "Maria Okafor", "direct"),
        ("Okafor said the plan was “dead on arrival.”", "Okafor", "partial"),
        ("According to Ana Ruiz, “the port is closed.”", "Ana Ruiz", "partial"),
        ("“No comment,” a senior official said.", "a senior official", "direct"),
        ('"Straight quotes work too," Lee Chen said.', "Lee Chen", "direct"),
        ("“The impact of the debate is small,” wrote Jane Doe for Coastal Wire.", "Jane Doe", "direct"),
    ],
)
def test_inline_attribution(text, speaker, kind):
    (q,) = extract("t", text).quotes
    assert (q.speaker, q.kind) == (speaker, kind)


def test_multi_paragraph_quote_continues():
    text = "“We built this town,” said Mayor Ana Berg.\n\n“We will build it again.\n\n“And nobody will stop us.”"
    ex = extract("t", text)
    assert [q.speaker for q in ex.quotes] == ["Ana Berg"] * 3
    assert ex.quotes[1].text == "We will build it again."


def test_pronoun_resolves_to_last_named_speaker():
    text = "Envoy Tomas Lindqvist spoke on Monday.\n\n“The timetable is the easy part,” he said."
    (q,) = extract("t", text).quotes
    assert q.speaker == "Tomas Lindqvist" and q.attribution == "pronoun"


def test_unattributed_phrase_is_not_a_quote():
    assert extract("t", "The so-called “day after” plans and a “total victory” were discussed.").quotes == ()


def test_split_title():
    assert split_title("Secretary of State Antony Blinken") == ("Secretary of State", "Antony Blinken")
    assert split_title("President Joe Biden") == ("President", "Joe Biden")
    assert split_title("Kurt Campbell") == (None, "Kurt Campbell")


def test_question_phrasing():
    assert invert("senior Hamas leaders are present in Rafah") == "Are senior Hamas leaders present in Rafah?"
    assert phrase_question("Israel has yet to present a plan for the strip.") == "Will Israel present a plan for the strip?"
    assert phrase_question("Nothing uncertain here.") is None


def test_seed_quote_counts_per_speaker(seed):
    direct = [q for q in seed.quotes if q.kind == "direct"]
    by_speaker = {}
    for q in direct:
        by_speaker.setdefault(q.speaker, []).append(q)
    assert {k: len(v) for k, v in by_speaker.items()} == {
        "Jake Sullivan": 2,
        "Kurt Campbell": 2,
        "Antony Blinken": 3,
        "Matt Miller": 3,
    }
    miller = [q.attribution for q in by_speaker["Matt Miller"]]
    assert miller == ["pronoun", "continuation", "pronoun"]  # "he said", the quote after it, "he continued"
    mtp = by_speaker["Antony Blinken"][0]
    assert mtp.text.startswith("Israel’s on the trajectory")


def test_a_title_case_headline_names_nobody():
    text = (
        "Gold Star Mom Corners Obama At Town Hall\n\n"
        "“There is no doubt about it,” said Obama at the event on Thursday evening."
    )
    (q,) = extract("t", text).quotes
    assert q.speaker == "Obama"


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a transcript turn names its speaker in capitals; the label resolves to the full name
        (
            "Mayor Ana Berg spoke on the radio.\n\n"
            '"HOST: Will the port reopen this week?\n\n'
            '"BERG: It will reopen on Monday, and the first convoy is ready.',
            ["Host", "Ana Berg"],
        ),
        # a credit line after the quote, with a name outside ASCII
        (
            "“We rebuilt the school with our own hands and we will do it again.” ― Raúl Ibáñez\n"
            "“Nobody asked us what we needed, and nobody came to help.” — Zoë Marchetti, a nurse",
            ["Raúl Ibáñez", "Zoë Marchetti"],
        ),
        # a nickname inside the attribution does not stop it, and is no part of the name shown
        (
            "“The crossing must stay open,” Del. Marcia “Cia” Ruiz told the crowd.",
            ["Marcia Ruiz"],
        ),
        # “Org’s Person”: the person is the one after the possessive, the organisation is the role
        (
            "“Supplies are running low,” said Relief Watch’s Tomas Lindqvist.",
            ["Tomas Lindqvist"],
        ),
        # "Mr. Okafor of the Harbour Board" is Mr. Okafor, not the board
        ("“It was the least bad outcome,” Mr. Okafor of the Harbour Board said.", ["Okafor"]),
        # a short quote right after the attribution continues the quote before it
        ("“We are not a burden on this city,” the mayor added. “We are the city.”", ["the mayor"] * 2),
    ],
)
def test_attribution_patterns(text, speakers):
    assert [q.speaker for q in extract("t", text).quotes] == speakers


def test_pronouns_resolve_to_people_of_the_right_sex():
    text = (
        "Hillary Clinton met Bill Clinton's old aides.\n\n"
        "Mrs. Clinton criticized the plan on Tuesday.\n\n"
        "The White House said it would respond.\n\n"
        "“We have waited long enough,” she said."
    )
    (q,) = extract("t", text).quotes
    # not the White House (an institution), not Bill (the honorific says Mrs.)
    assert q.speaker == "Hillary Clinton" and q.attribution == "pronoun"


def test_a_headline_names_nobody_and_a_possessive_thing_is_no_speaker():
    text = (
        "Harbour Board Chief Blames City Council For Delays.\n\n"
        "Nadia Farouk, the head of Mr. Lee's Harbour Radio programme -- which airs every evening -- "
        "told listeners, “We will keep reporting until the port reopens.”"
    )
    (q,) = extract("t", text).quotes
    assert q.speaker == "Nadia Farouk"


def test_groups_speak_and_a_noun_that_looks_like_a_verb_names_nobody():
    text = (
        "Protesters marching through the old town chanted “What curfew?” late on Friday.\n\n"
        "Governor Lina Haddad spoke on Saturday. She says the council’s early-morning tweets accusing "
        "Omar Said of fraud are “lies from start to finish.”"
    )
    speakers = [q.speaker for q in extract("t", text).quotes]
    assert speakers == ["Protesters marching through the old town", "Lina Haddad"]
