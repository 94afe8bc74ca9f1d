"""The pasted-page cleaner against labelled pages of our own, and on the seed article."""

from pathlib import Path

import pytest

from generator.load.readers.boilerplate import clean_lines, clean_pasted
from generator.load.readers.text import read_pasted
from tests.helpers import FIXTURES, ROOT

PAGES = sorted((FIXTURES / "pasted").glob("page*.txt"))


def labelled(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """Return the raw page and its (label, line) pairs."""
    pairs = []
    raw_lines = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            raw_lines.append("")
            continue
        label, text = line[0], line[2:]
        assert label in "KD", f"{path.name}: bad label in {line!r}"
        pairs.append((label, text))
        raw_lines.append(text)
    return "\n".join(raw_lines), pairs


def test_labelled_pages_recall_and_no_body_lost():
    drop_total = dropped = 0
    lost = []
    for page in PAGES:
        raw, pairs = labelled(page)
        decided = clean_lines(raw)
        assert len(decided) == len(pairs)
        seen = set()
        for (label, text), line in zip(pairs, decided, strict=True):
            repeat = text in seen
            seen.add(text)
            category = line.category
            if label == "D":
                drop_total += 1
                dropped += category is not None
            elif category is not None and not repeat:
                lost.append((page.name, text, category))
    assert lost == []
    assert drop_total >= 60
    assert dropped / drop_total >= 0.90, f"{dropped}/{drop_total} boilerplate lines removed"


def test_repeated_paragraph_is_dropped_once():
    raw, _ = labelled(FIXTURES / "pasted" / "page2.txt")
    cleaned = clean_pasted(raw)
    texts = [t for _, t in cleaned.paragraphs]
    assert texts.count("The port handles a tenth of the country's container traffic.") == 1
    assert any(cl.category == "repeated" for cl in cleaned.removed)


def test_headline_datelines_bylines_and_subheads_are_kept():
    raw, _ = labelled(FIXTURES / "pasted" / "page1.txt")
    cleaned = clean_pasted(raw)
    assert cleaned.headline == "Ministers agree to reopen border crossing for aid"
    texts = [t for _, t in cleaned.paragraphs]
    assert texts[0] == "By Leila Haddad and Tom Berger, Example News"
    assert texts[2].startswith("CAIRO — Ministers")
    assert "What happens next" in texts


@pytest.mark.parametrize("category_line", ["Exit mobile versionUS officials say the talks will resume"])
def test_glued_prefix_is_cut(category_line):
    cleaned = clean_pasted(category_line + "\n\nFirst body paragraph here.")
    assert cleaned.headline == "US officials say the talks will resume"


def test_user_patterns_extend_the_list():
    raw = "Headline here\nBody sentence one.\nPromo: win a car today\n"
    assert "Promo" in clean_pasted(raw).paragraphs[-1][1]
    assert all("Promo" not in t for _, t in clean_pasted(raw, [r"promo:.*"]).paragraphs)


def test_seed_article_is_clean_and_complete():
    path = ROOT / "content" / "articles" / "us-assesses-israel-amassed-troops-rafah.txt"
    raw = path.read_text(encoding="utf-8")
    result = read_pasted(path.read_bytes())
    assert result.meta["title"] == (
        "US assesses Israel has amassed enough troops to launch full-scale incursion into Rafah, officials say"
    )
    assert "Exit mobile version" not in result.text
    assert "create an account" not in result.text
    body = [p for p in raw.split("\n\n")[1:] if p.strip() and not p.startswith("For more CNN news")]
    paragraphs = result.text.split("\n\n")
    assert paragraphs == [p.strip() for p in body]  # every body paragraph stays, in order
    assert len(paragraphs) == 19


@pytest.mark.parametrize(
    "headline",
    [
        "'Where can we go?' say Rafah residents as tanks advance",
        "“Where can we go?” say Rafah residents as tanks advance",
        '"We will rebuild": Gaza families return to the ruins',
        "Is this the end of the ceasefire?",
    ],
)
def test_a_headline_opening_with_a_quote_or_asking_a_question_is_the_title(headline):
    cleaned = clean_pasted(f"{headline}\n\nThousands fled the city on Monday, aid groups said.\n")
    assert cleaned.headline == headline
    assert [t for _, t in cleaned.paragraphs] == ["Thousands fled the city on Monday, aid groups said."]


@pytest.mark.parametrize(
    "first",
    ["“We will not leave our homes,” said Amal Nasser, 54.", "“We will not leave our homes", "Residents fled."],
)
def test_a_first_line_of_speech_or_a_sentence_stays_body(first):
    cleaned = clean_pasted(f"{first}\n\nThousands fled the city on Monday, aid groups said.\n")
    assert cleaned.headline is None


# Lines in the styles real pages show, written for these tests (the benchmark's text stays in ../shared).
PAGE_WITH_CAPTIONS = """\
Harbour talks resume after storm
June 3, 2024 | Harbour Brief
By Lena Park
Listen to this article
Loading audio...
🎙️ Voice is AI-generated. Inconsistencies may occur.
+ ↺ − 16 px
Fishermen repair their nets in the harbour of Port Selwyn, Monday, June 3, 2024.
Fishermen repair their nets in the harbour of Port Selwyn, Monday, June 3, 2024. Photo: Harbour Gazette
Negotiators returned to the table in Port Selwyn on Monday, officials said.
Dock workers unload crates at the north quay (photo credit: PORT AUTHORITY)
Volunteers carry flour to a warehouse in Deir al-Balah. REUTERS/Jane Doe
Send this page to someone via email
The talks began on March 4, 2024, and stalled twice.
Support independent journalism
We can't do it alone.
- Reporters on the quays every day
- Twelve years of coverage
Donate today and support The Harbour Gazette.
“We are close,” said the mediator, Tomas Lindqvist.
REUTERS/Hatem Khaled
Source: Reuters
"""
KEPT = [
    "June 3, 2024 | Harbour Brief",
    "By Lena Park",
    "Negotiators returned to the table in Port Selwyn on Monday, officials said.",
    "The talks began on March 4, 2024, and stalled twice.",
    "“We are close,” said the mediator, Tomas Lindqvist.",
    "Source: Reuters",
]


def test_captions_credits_widgets_and_appeals_go_body_and_datelines_stay():
    cleaned = clean_pasted(PAGE_WITH_CAPTIONS)
    assert cleaned.headline == "Harbour talks resume after storm"
    assert [t for _, t in cleaned.paragraphs] == KEPT
    kinds = {cl.text: cl.category for cl in cleaned.removed}
    assert kinds["Fishermen repair their nets in the harbour of Port Selwyn, Monday, June 3, 2024."] == "caption"
    assert kinds["REUTERS/Hatem Khaled"] == "caption" and kinds["Send this page to someone via email"] == "navigation"
    assert kinds["- Twelve years of coverage"] == "prompt"  # inside the donation box


@pytest.mark.parametrize(
    "line",
    [
        "Aid will come by land and/or sea.",
        "Trucks queued along the Israel/Gaza border.",
        "The figures were confirmed by the Israel Defense Forces (IDF).",
        "The city council voted to extend the curfew on March 4, 2025.",
        "The ceasefire takes effect on October 13, 2025.",
        "Source: AFP",
        "--Agencies",
    ],
)
def test_body_lines_that_look_a_little_like_captions_stay(line):
    assert clean_pasted(f"A headline\n\n{line}\n").paragraphs[0][1] == line


def test_a_caption_is_no_timeline_event(make_project, monkeypatch):
    from generator.curate.briefing import curate
    from generator.load.content import load
    from generator.pipeline import extract_all

    root = make_project({
        "content/articles/talks.txt": PAGE_WITH_CAPTIONS,
        "content/articles/talks.yml": "published: 2024-06-04\n",
    })
    monkeypatch.chdir(root)
    content = load(root)
    events = curate(content, extract_all(content)).timeline
    assert all("Fishermen" not in e.sentence.text for e in events if e.sentence)
    assert {e.phrase for e in events if e.sentence} == {"June 3, 2024", "on Monday", "March 4, 2024"}  # dateline, body


def test_a_very_long_line_is_read_quickly():
    import time

    started = time.perf_counter()
    clean_pasted("Word " * 20_000 + "\n" + "Abc Def " * 5_000 + "\n")
    assert time.perf_counter() - started < 1.0
