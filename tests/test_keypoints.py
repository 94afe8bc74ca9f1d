"""Key points: the learned scorer's model file, its features, selection, datelines and credits.

Every article here is invented; benchmark text never enters the tests.
"""

import json

import pytest

from generator.extract import Extractors, extract
from generator.extract.keypoints import (
    FEATURES,
    MODEL_PATH,
    KeyPointModel,
    LearnedKeyPoints,
    candidates,
    dump_model,
    is_attribution_only,
    is_credit_only,
    is_fragment,
    key_point_start,
    load_model,
    quote_fraction,
    stands_alone,
)
from generator.extract.sentences import sentences

# An invented wire story: a lead, its follow-ups, quotes, a question and colour.
STORY = (
    "Mediators in Cairo presented a three-stage ceasefire plan for the port town of Velmora on Wednesday, "
    "offering a six-week truce and the release of forty detainees.\n"
    "The first stage would open the coast road to aid convoys and pull heavy weapons back ten kilometres.\n"
    "“We have never been this close,” said one of the mediators.\n"
    "“Both sides know what is at stake.”\n"
    "Will the truce hold through the winter?\n"
    "The town's harbour has been closed since March, and its 80,000 residents depend on trucks from the north.\n"
    "The second stage would bring an exchange of prisoners and the return of displaced families to the old quarter.\n"
    "Local traders said prices for flour and fuel had tripled since the fighting began.\n"
    "A third stage, still under negotiation, would set up a joint commission to run the harbour.\n"
    "The mediators said they expected answers from both sides by Friday.\n"
)


def key_points(text: str, count: int = 4):
    return LearnedKeyPoints(count=count).extract(text, sentences("t", text))


def test_model_file_loads_and_scores():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = load_model()
    assert set(model.features) <= set(FEATURES) and set(model.features) == set(data["weights"])
    assert model.link in ("logistic", "identity") and 0 < model.mmr_lambda <= 1
    cands = candidates(STORY, sentences("t", STORY))
    scores = [model.score(v) for v in cands.views]
    assert all(isinstance(s, float) for s in scores)
    if model.link == "logistic":
        assert all(0.0 <= s <= 1.0 for s in scores)
    # the lead outscores a quote and a question further down
    starts = [v.text[:8] for v in cands.views]
    lead, quote, question = (starts.index(p) for p in ("Mediator", "“Both si", "Will the"))
    assert scores[lead] > scores[quote] and scores[lead] > scores[question]


def test_model_file_is_written_canonically():
    """The shipped file is exactly what train/keypoints.py writes for its contents (stable formatting)."""
    text = MODEL_PATH.read_text(encoding="utf-8")
    assert dump_model(json.loads(text)) == text


def test_model_with_an_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="nonsense"):
        KeyPointModel.from_json({"weights": {"nonsense": 1.0}, "intercept": 0, "link": "logistic", "mmr_lambda": 0.5})


def test_extraction_is_deterministic():
    first = extract("t", STORY, Extractors(key_points=LearnedKeyPoints()))
    second = extract("t", STORY, Extractors(key_points=LearnedKeyPoints()))
    assert first.key_points == second.key_points
    assert 3 <= len(first.key_points) <= 4


def test_quality_floor_on_an_invented_story():
    points = key_points(STORY)
    texts = [p.text for p in points]
    assert texts[0].startswith(("Mediators in Cairo", "The first stage"))
    assert any(t.startswith("Mediators in Cairo") for t in texts[:3])
    assert not any(t.startswith(("“", "Will the truce")) for t in texts)  # no quote, no question
    for p in points:
        assert STORY[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("dateline", "rest"),
    [
        ("RAFAH, Gaza Strip (Reuters) – ", "Israeli tanks pushed deeper into the western districts of the city on Tuesday."),
        ("GAZA CITY, Oct 5 (AP) — ", "Rescue teams searched the rubble of a school building for a second day."),
        ("(CNN)", "The operator of the damaged plant has given up trying to recover a robotic probe."),
        ("Velmora, Eastern Province (CNN)", "Mediators presented a three-stage ceasefire plan on Wednesday."),
        ("WASHINGTON — ", "The Senate passed a stopgap spending bill late on Thursday after a week of talks."),
    ],
)
def test_dateline_prefix_is_not_part_of_the_key_point(dateline, rest):
    text = (
        dateline + rest + "\n"
        "Officials said the operation would continue for several more weeks in the area.\n"
        "Aid groups warned that supplies of food and fuel were running low across the region.\n"
    )
    sents = sentences("t", text)
    (kp,) = [k for k in key_points(text) if k.sentence_id == sents[0].id]
    assert kp.text == rest and text[kp.start : kp.end] == kp.text
    assert kp.start == sents[0].start + len(dateline) and kp.end == sents[0].end


def test_no_dateline_inside_a_paragraph_or_in_an_ordinary_sentence():
    text = "The talks went on.\nThe United Nations (UN) Secretary-General called for an immediate pause in the fighting."
    sents = sentences("t", text)
    assert key_point_start(sents[1], opens_paragraph=True) == sents[1].start
    mid = "Aid arrived. WASHINGTON — The Senate passed the bill on Thursday after a week of talks."
    sents = sentences("t", mid)
    assert key_point_start(sents[1], opens_paragraph=False) == sents[1].start


@pytest.mark.parametrize(
    "credit",
    ["REUTERS/Some Name", "AFP via Getty Images", "Photo: X", "(AP Photo/Jane Doe)", "Mohammed Abed/AFP/Getty Images",
     "REUTERS/Ibraheem Abu Mustafa/File Photo", "Getty Images", "Credit: Jane Doe/The Example Times"],
)
def test_caption_credit_is_never_a_key_point(credit):
    assert is_credit_only(credit)
    text = (
        f"{credit}\n"
        "Mediators presented a three-stage ceasefire plan for the port town on Wednesday.\n"
        f"{credit}\n"
        "The first stage would open the coast road to aid convoys within a week.\n"
        "The harbour has been closed since March and residents depend on trucks.\n"
    )
    points = key_points(text, count=5)
    assert len(points) == 3
    assert all(credit not in p.text for p in points)


def test_a_sentence_naming_an_agency_is_not_a_credit():
    assert not is_credit_only("The Reuters report said the army moved its tanks overnight.")
    assert not is_credit_only("Getty Images said it would license the photographs to the archive.")


def test_headline_line_is_not_a_key_point():
    text = (
        "Mediators present a ceasefire plan for Velmora\n"
        "Mediators in Cairo presented a three-stage ceasefire plan for the port town of Velmora on Wednesday.\n"
        "The first stage would open the coast road to aid convoys within a week.\n"
        "The harbour has been closed since March and residents depend on trucks from the north.\n"
    )
    points = key_points(text)
    assert len(points) == 3
    assert all(not p.text.startswith("Mediators present ") for p in points)
    cands = candidates(text, sentences("t", text))
    assert [v.index for v in cands.views] == [0, 0, 1, 2]  # the headline does not push the lead down


def test_key_points_beyond_three_must_stand_alone():
    text = (
        "Mediators published a three-stage plan for a ceasefire in the town on Wednesday. "
        "The plan starts with a week-long pause in shelling along the coast road. "
        "“This plan gives both sides a way out of the war,” the envoy said. "
        "Will it hold? "
        "It leaves open who would secure the port after the fighting stops next month. "
        "“Nobody wants another winter like the last one.”"
    )
    points = key_points(text, count=5)
    assert len(points) >= 3
    assert all(stands_alone(p.text) for p in points[3:])
    assert sum(not stands_alone(p.text) for p in points) <= 1


def test_sentence_predicates():
    assert quote_fraction("“All of this is quoted.”") > 0.9 and quote_fraction("Nothing quoted here.") == 0.0
    assert is_attribution_only("So far, Blinken said.")
    assert is_fragment("A subhead without a period")
    assert not is_fragment("This is a complete sentence with enough words in it.")
    assert stands_alone("The plan leaves open who would secure the port after the fighting stops.")
    assert not stands_alone("“Every truck that gets through matters,” said Maria Okafor, the mayor.")
    assert not stands_alone("Will the corridor stay open through the whole of the winter?")


def test_features_are_named_and_cheap_to_read():
    lead, *_, harbour = candidates(STORY, sentences("t", STORY)).views[:6]
    values = {name: f(lead) for name, f in FEATURES.items()}
    assert values["first"] == 1.0 and values["second"] == 0.0 and values["inverse_position"] == 1.0
    assert values["quoted"] == 0.0 and values["title_similarity"] > 0.99  # no headline: the lead is the title
    assert FEATURES["number_density"](harbour) > 0 and FEATURES["relative_position"](harbour) == 5 / 9
    assert all(f.__doc__ for f in FEATURES.values())
