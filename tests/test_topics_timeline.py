"""Open questions across articles, topics, the timeline, outlets and the coverage chart."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.curate.briefing import curate
from generator.curate.timeline import DAY, MONTH, WEEK, WEEKEND, find_dates, weekday_date
from generator.curate.topics import Tagger
from generator.load.content import load
from generator.model import Article, Topic
from generator.pipeline import extract_all, run
from generator.render.chart import coverage_svg
from tests.helpers import run_cli

SEED = "us-assesses-israel-amassed-troops-rafah"
MONDAY = dt.date(2024, 5, 13)  # the seed's publication date


def seed_briefing(seed_project, monkeypatch):
    monkeypatch.chdir(seed_project)
    content = load(seed_project)
    return curate(content, extract_all(content))


def test_seed_timeline_resolves_relative_days(seed_project, monkeypatch):
    briefing = seed_briefing(seed_project, monkeypatch)
    dated = [(e.date, e.sentence.text) for e in briefing.timeline if e.sentence is not None]
    blinken = [t for d, t in dated if d == dt.date(2024, 5, 12) and "Blinken" in t]
    sullivan = [t for d, t in dated if d == MONDAY and "Jake Sullivan" in t]
    assert any("Blinken warned on Sunday" in t for t in blinken)
    assert any("told reporters at the White House Monday" in t for t in sullivan)
    assert any(e.sentence is None and e.article.slug == SEED and e.date == MONDAY for e in briefing.timeline)
    assert [e.date for e in briefing.timeline] == sorted(e.date for e in briefing.timeline)


def test_date_resolution():
    assert weekday_date("Sunday", "on", MONDAY) == dt.date(2024, 5, 12)
    assert weekday_date("Monday", None, MONDAY) == MONDAY  # a Monday paper's "Monday" is that day
    assert weekday_date("Monday", "last", MONDAY) == dt.date(2024, 5, 6)
    assert weekday_date("Friday", "next", MONDAY) == dt.date(2024, 5, 17)

    def found(text):
        return [(m.date, m.precision) for m in find_dates(text, MONDAY)]

    assert found("Biden voiced that warning last week.") == [(dt.date(2024, 5, 6), WEEK)]
    assert found("Blinken spoke over the weekend.") == [(dt.date(2024, 5, 11), WEEKEND)]
    assert found("Talks stalled earlier this month.") == [(dt.date(2024, 5, 1), MONTH)]
    assert found("The attack came on October 7.") == [(dt.date(2023, 10, 7), DAY)]  # the last October 7
    assert found("It was signed on 13 May 2024 and on May 2, 2024.") == [
        (dt.date(2024, 5, 13), DAY),
        (dt.date(2024, 5, 2), DAY),
    ]
    assert found("“We will act today,” he said yesterday.") == [(dt.date(2024, 5, 12), DAY)]  # quotes skipped
    assert found("February 30 is no date.") == []


def test_topics_tag_by_keyword():
    governance = Topic("Post-war governance", "post-war-governance", ("post-war governance", "day after"))
    tagger = Tagger([governance, Topic("Rafah", "rafah", ("Rafah",))])
    assert [t.name for t in tagger.tags("Plans for post war governance are thin.")] == ["Post-war governance"]
    assert [t.name for t in tagger.tags("The so-called “day after” plans.", "Troops near RAFAH.")] == [
        "Post-war governance",
        "Rafah",
    ]
    assert tagger.tags("Rafahs and daytime") == ()  # whole words only


def test_seed_pages_exist(seed_project, monkeypatch):
    monkeypatch.chdir(seed_project)
    result = run(seed_project, build=False)
    docs = seed_project / "build" / "docs"
    for page in ("topics/index.md", "timeline.md", "outlets/index.md", "outlets/cnn.md", "questions/index.md"):
        assert (docs / page).is_file(), page
    assert (docs / "topics/rafah-operation.md").is_file() and (docs / "topics/post-war-governance.md").is_file()
    questions = (docs / "questions/index.md").read_text(encoding="utf-8")
    assert "Will Israel launch a full-scale operation into Rafah?" in questions
    assert f"articles/{SEED}.md#s-" in questions
    assert "<svg" in (docs / "outlets/index.md").read_text(encoding="utf-8")
    rafah = (docs / "topics/rafah-operation.md").read_text(encoding="utf-8")
    assert "## Stories" in rafah and "## Quotes" in rafah and "Will Israel launch a full-scale operation" in rafah
    statuses = {q.id: q.status for q in result.briefing.questions}
    assert statuses["rafah-full-scale-operation"] == "open"
    # the seven curated questions, and at most one machine suggestion besides (a demand: "urging Israel to focus on …")
    assert sum(q.curated for q in result.briefing.questions) == 7
    assert len([q for q in result.briefing.questions if not q.curated]) <= 1


def test_curated_questions_merge_candidates_from_every_article(seed_project, monkeypatch):
    briefing = seed_briefing(seed_project, monkeypatch)
    (rafah,) = [q for q in briefing.questions if q.id == "rafah-full-scale-operation"]
    assert [r.article.slug for r in rafah.raised] == [SEED, "rafah-incursion-concerns-rewrite"]  # dated first
    assert rafah.first_raised == MONDAY and rafah.first_article.slug == SEED
    assert rafah.topic.name == "Rafah operation"


def test_questions_yml_errors_are_located(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/a.txt": "A headline\n\nIt remains unclear whether the talks will resume.\n",
            "content/questions.yml": (
                "questions:\n"
                "  - id: talks\n"
                "    question: Will the talks resume?\n"
                "    status: pending\n"
                "    evidence: [a#sentence-one]\n"
                "  - id: talks\n"
                "    question: Again?\n"
                "    evidence: [missing#s-0123456789]\n"
            ),
        }
    )
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.exit_code == 1
    assert "content/questions.yml:4: status: expected one of open, answered, moot, got 'pending'" in result.stderr
    assert "content/questions.yml:5: evidence: expected 'article-slug#s-…'" in result.stderr
    assert "content/questions.yml:6: id 'talks' is already used by the question on line 2" in result.stderr
    assert "content/questions.yml:8: warning: no article with the slug 'missing'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_stale_sentence_reference_warns(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/a.txt": "A headline\n\nIt remains unclear whether the talks will resume.\n",
            "content/questions.yml": (
                "questions:\n  - id: talks\n    question: Will the talks resume?\n    evidence:\n      - a#s-0123456789\n"
            ),
        }
    )
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.exit_code == 0
    assert "content/questions.yml:5: warning: s-0123456789 is not a sentence of a" in result.stderr
    assert run_cli("check", "--strict").exit_code == 1


def test_coverage_chart_is_accessible_and_escaped():
    def art(slug, outlet, day):
        return Article(slug, Path(slug), "md", slug, "", (), outlet=outlet, published=dt.date(2025, 3, day))

    svg = coverage_svg([art("a", "Bay <Post>", 4), art("b", "Bay <Post>", 6), art("c", None, 6), art("d", "Wire", 6)])
    root = ET.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "coverage-title coverage-desc"
    assert root.find(f"{ns}title").text == "Articles per day by outlet"
    desc = root.find(f"{ns}desc").text
    assert "4 dated articles from 3 outlets" in desc and "Bay <Post>: 2" in desc
    assert "<Post>" not in svg and "script" not in svg.lower()
    bars = [r for r in root.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    assert sorted(r.find(f"{ns}title").text for r in bars) == [
        "4 Mar 2025, Bay <Post>: 1",
        "6 Mar 2025, Bay <Post>: 1",
        "6 Mar 2025, Outlet not stated: 1",
        "6 Mar 2025, Wire: 1",
    ]
    assert coverage_svg([]) == ""


FRIDAY = dt.date(2025, 10, 10)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # Forward: a timetable in the present, "will", "is due", the present progressive, "is expected to".
        ("Jews mark Sukkot, a Jewish festival that begins at nightfall on Monday.", dt.date(2025, 10, 13)),
        ("Talks will resume on Monday in Cairo.", dt.date(2025, 10, 13)),
        ("The envoy is due in Cairo on Tuesday.", dt.date(2025, 10, 14)),
        ("Negotiators are meeting on Wednesday.", dt.date(2025, 10, 15)),
        ("On Monday, the talks will resume.", dt.date(2025, 10, 13)),
        ("The ceasefire takes effect on October 13.", dt.date(2025, 10, 13)),
        ("The donors will meet on January 5.", dt.date(2026, 1, 5)),
        # Backward: the past tense, the present perfect, whatever follows in another clause.
        ("Blinken warned on Sunday that the offensive would be a mistake.", dt.date(2025, 10, 5)),
        ("On Sunday, the strikes killed 20 people.", dt.date(2025, 10, 5)),
        ("Officials said on Monday that talks will resume.", dt.date(2025, 10, 6)),
        ("The plan, which Trump unveiled on Monday, calls for a truce.", dt.date(2025, 10, 6)),
        ("The planned talks on Monday were cancelled.", dt.date(2025, 10, 6)),
        ("The attack came on October 13.", dt.date(2024, 10, 13)),
        ("Aid has not entered since Monday, though convoys will try again.", dt.date(2025, 10, 6)),
    ],
)
def test_tense_decides_the_direction_of_a_relative_date(sentence, date):
    assert [m.date for m in find_dates(sentence, FRIDAY)] == [date]


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB of an sRGB colour (D65), to measure how far apart two colours look."""
    def linear(c: float) -> float:
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x, y, z = ((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + b * 0.0722,
               (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883)

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_a_long_span_is_counted_per_month_with_month_labels_legend_and_table():
    import math
    import re

    from generator.render.chart import OTHER, OTHER_COLOUR, PALETTE, WIDTH, coverage_legend, coverage_table

    outlets = ["Bay <Post>", "Harbour Gazette", "Wire", "Courier", "Herald", "Tribune", "Observer", "Ledger", "Star"]
    articles = [
        Article(f"a{i}", Path(f"a{i}"), "md", f"a{i}", "", (), outlet=outlets[i % len(outlets)],
                published=dt.date(2024, 5, 1) + dt.timedelta(days=(i * 37) % 520))
        for i in range(120)
    ]
    svg = coverage_svg(articles)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Articles per month by outlet"
    bars = [r for r in root.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    periods = {r.find(f"{ns}title").text.split(",")[0] for r in bars}
    assert "May 2024" in periods and "October 2025" in periods and len(periods) <= 18
    # Legible on a 390 px phone (the chart scales to the content width, 358 px): bars of 8 px or more.
    assert min(float(r.get("width")) for r in bars) * 358 / WIDTH >= 8
    labels = [t.text for t in root.iter(f"{ns}text")]
    assert labels[2:5] == ["May 2024", "Aug", "Nov"]  # months named along the axis, after the y axis' two
    assert [t for t in labels if "2025" in t] == ["Feb 2025"]  # the year wherever it changes
    # Neighbouring colours are far apart (CIELAB distance), the eighth outlet on share one colour.
    colours = [*PALETTE, OTHER_COLOUR]
    assert min(math.dist(_lab(a), _lab(b)) for i, a in enumerate(colours) for b in colours[i + 1 :]) >= 30
    legend = coverage_legend(articles)
    assert legend.count("<li>") == 7 and OTHER in legend and "Bay &lt;Post&gt;" in legend and "<Post>" not in legend
    table = coverage_table(articles)
    assert table.count("<tr>") == len(periods) + 1 and "<Post>" not in table
    totals = [int(n) for n in re.findall(r"<td>(\d+)</td></tr>", table)]
    assert sum(totals) == 120
    bar_total = sum(int(r.find(f"{ns}title").text.rsplit(": ", 1)[1]) for r in bars)
    assert bar_total == 120


def test_the_outlets_page_shows_the_chart_legend_and_table(seed_project, monkeypatch):
    monkeypatch.chdir(seed_project)
    run(seed_project, build=False)
    page = (seed_project / "build/docs/outlets/index.md").read_text(encoding="utf-8")
    assert page.index("<svg") < page.index('<ul class="briefing-legend"') < page.index("<table>")
    assert "<caption>Articles per day by outlet</caption>" in page
