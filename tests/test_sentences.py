from generator.extract.sentences import sentence_id, sentences, split_sentences


def texts(text):
    return [text[s:e] for s, e, _ in split_sentences(text)]


def test_abbreviations_initials_and_quotes():
    text = (
        "Sen. Jane Roe met Mr. Smith at 9 a.m. on Monday. Gen. John F. Kennedy Jr. was not there. "
        "The U.S. Army said so. “It is over,” he said. “We leave now.” Then they left!"
    )
    assert texts(text) == [
        "Sen. Jane Roe met Mr. Smith at 9 a.m. on Monday.",
        "Gen. John F. Kennedy Jr. was not there.",
        "The U.S. Army said so.",
        "“It is over,” he said.",
        "“We leave now.”",
        "Then they left!",
    ]


def test_paragraphs_always_split():
    text = "A headline without a period\n\nFirst sentence. Second one."
    assert texts(text) == ["A headline without a period", "First sentence.", "Second one."]
    assert [p for _, _, p in split_sentences(text)] == [0, 1, 1]


def test_offsets_point_into_the_text():
    text = "  One here.   Two there.\n\nThree.  "
    for s in sentences("a", text):
        assert text[s.start : s.end] == s.text


def test_ids_are_stable_when_other_sentences_change():
    before = {s.text: s.id for s in sentences("art", "Alpha one. Beta two. Gamma three.")}
    after = {s.text: s.id for s in sentences("art", "New lead here. Alpha one. Gamma three. Beta two.")}
    assert before["Alpha one."] == after["Alpha one."]
    assert before["Beta two."] == after["Beta two."]
    assert before["Gamma three."] == after["Gamma three."]


def test_ids_depend_on_article_and_repeats_differ():
    assert sentence_id("a", "Same text.") != sentence_id("b", "Same text.")
    ids = [s.id for s in sentences("a", "Same text. Other. Same text.")]
    assert len(set(ids)) == 3
    assert sentence_id("a", "He said “no.”") == sentence_id("a", 'He  said "no."')  # cosmetic edits keep it
