"""The render stage: Jinja2 templates → Markdown pages and mkdocs.yml, written only when changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import escape
from generator.curate.briefing import Briefing
from generator.curate.whats_new import History
from generator.files import write_if_changed
from generator.project import PACKAGE_TEMPLATES, Project
from generator.render.chart import coverage_parts
from generator.render.feed import days, feed_xml
from generator.render.memo import Links, Page, PageMemo

BRIEF = "brief.html"  # site/brief.html: key points, quotes and open questions on one printable page
# What the brief holds at most, so that it stays a brief on a large site; the rest is a link away.
BRIEF_LIMITS = {"stories": 12, "speakers": 30, "quotes_per_speaker": 5, "unnamed": 10, "questions": 50}


STATIC_FILES = ("assets/briefing.css", "assets/pagefind-init.js")
THEME_FILES = ("main.html", "partials/search.html", "partials/header.html")
# With `search: auto`, Pagefind from this many articles on. Material's search makes each reader
# download the whole index before the first result: measured on the synthetic corpus of
# bench/scale.py, about 1 KB gzipped per article, so 250 articles already cost a reader 250 KB,
# what a Pagefind query at 3,000 articles transfers in all (tests/test_browser.py).
PAGEFIND_FROM = 250


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What a render wrote: files rewritten, left alone and removed."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


class UnescapedValue(Exception):
    """A template printed a value without an escaping filter."""


def _finalize(value: object) -> object:
    # Markup is what the escaping filters return, and what macros built from them return.
    if isinstance(value, Markup | int | float) and not isinstance(value, bool):
        return value
    raise UnescapedValue(
        f"template printed {type(value).__name__} {str(value)[:40]!r} without an escaping filter "
        "(md, html, href, ident, date, quotation, title_meta, yaml_text or trusted)"
    )


def environment(project: Project) -> jinja2.Environment:
    """The template environment: the project's templates/ first, then the package's own."""
    folders = [str(p) for p in (project.templates, PACKAGE_TEMPLATES) if p.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Escaping is explicit and per context (Markdown, HTML, YAML); finalize refuses any value that
        # did not pass through an escaping filter. Autoescape only makes macros return Markup.
        autoescape=True,
        finalize=_finalize,
    )
    env.filters.update(
        md=escape.md,
        html=escape.html_text,
        href=escape.href,
        ident=escape.ident,
        date=escape.date,
        title_meta=escape.title_meta,
        yaml_text=escape.yaml_text,
        trusted=escape.trusted,
        quotation=escape.quotation,
    )
    return env


def render(
    briefing: Briefing, env: jinja2.Environment, history: History, today: dt.date | None = None, memo: PageMemo | None = None
) -> list[Page]:
    """Render every page of the site from the curated briefing and the build history.

    The pages of one article, story, person or outlet get a context of their own (the item and the
    links it shows), and with a memo they are rendered only when that context changed since the
    file was written; the pages that list everything are rendered every time. brief.html, the
    printable one-page brief, is a static file MkDocs copies into site/ as it is."""
    common = {"briefing": briefing, "config": briefing.content.config}
    pages = [
        Page(BRIEF, env.get_template("brief.html.j2").render(today=today or dt.date.today(), limits=BRIEF_LIMITS,
                                                             speakers=brief_speakers(briefing), **common)),
        Page(
            "whats-new.md",
            env.get_template("whats-new.md.j2").render(base=escape.trusted(""), days=days(history, briefing), **common),
        ),
        Page("feed.xml", feed_xml(history, briefing)),
        Page("index.md", env.get_template("home.md.j2").render(base=escape.trusted(""), **common)),
        Page("articles/index.md", env.get_template("articles.md.j2").render(base=escape.trusted("../"), **common)),
        Page("stories/index.md", env.get_template("stories.md.j2").render(base=escape.trusted("../"), **common)),
        Page("people/index.md", env.get_template("people.md.j2").render(base=escape.trusted("../"), **common)),
        Page("questions/index.md", env.get_template("questions.md.j2").render(base=escape.trusted("../"), **common)),
        Page("topics/index.md", env.get_template("topics.md.j2").render(base=escape.trusted("../"), **common)),
        Page("timeline.md", env.get_template("timeline.md.j2").render(base=escape.trusted(""), **common)),
        Page(
            "outlets/index.md",
            env.get_template("outlets.md.j2").render(
                base=escape.trusted("../"), coverage=coverage_parts([ab.article for ab in briefing.articles]), **common
            ),
        ),
    ]
    topic_template = env.get_template("topic.md.j2")
    for tb in briefing.topics:
        pages.append(Page(f"topics/{tb.topic.slug}.md", topic_template.render(base=escape.trusted("../"), tb=tb, **common)))
    one = memo or PageMemo.none()
    pages += one.render(env, "outlet.md.j2", [(f"outlets/{o.slug}.md", {"o": o}) for o in briefing.outlets])
    stories = [(f"stories/{st.id}.md", {"st": st, "links": Links.of_story(briefing, st)}) for st in briefing.stories]
    pages += one.render(env, "story.md.j2", stories)
    articles = [
        (f"articles/{ab.article.slug}.md", {"ab": ab, "links": Links.of_article(briefing, ab)}) for ab in briefing.articles
    ]
    pages += one.render(env, "article.md.j2", articles)
    people = [(f"people/{p.anchor}.md", {"person": p}) for p in briefing.speakers + briefing.bodies]
    pages += one.render(env, "person.md.j2", people)
    for name in STATIC_FILES:
        pages.append(Page(name, _source(env, name)))
    return pages


def brief_speakers(briefing: Briefing) -> list:
    """The brief's speakers: the most quoted, BRIEF_LIMITS["speakers"] at most, in the site's order."""
    chosen = {id(p) for p in sorted(briefing.speakers, key=lambda p: -len(p.quotes))[: BRIEF_LIMITS["speakers"]]}
    return [p for p in briefing.speakers if id(p) in chosen]


def search_engine(search: str, articles: int) -> str:
    """ "pagefind" or "material": what briefing.yml's `search` asks for, by size when "auto"."""
    if search == "auto":
        return "pagefind" if articles >= PAGEFIND_FROM else "material"
    return search


def render_mkdocs_yml(briefing: Briefing, env: jinja2.Environment) -> str:
    """Render the project's mkdocs.yml from briefing.yml (its folders relative to the project)."""
    config = briefing.content.config
    project = briefing.content.project
    return env.get_template("mkdocs.yml.j2").render(
        search=escape.trusted(search_engine(config.search, len(briefing.articles))),
        config=config,
        docs_dir=escape.trusted(project.docs.relative_to(project.root).as_posix()),
        theme_dir=escape.trusted(project.theme.relative_to(project.root).as_posix()),
    )


def _source(env: jinja2.Environment, name: str) -> str:
    """A template file's own text, copied as it is (a static asset, a theme override)."""
    assert env.loader is not None  # environment() always gives one
    return env.loader.get_source(env, name)[0]


def theme_pages(env: jinja2.Environment) -> list[Page]:
    """The theme overrides, copied as they are into build/theme/ (MkDocs renders them)."""
    return [Page(name, _source(env, f"theme/{name}")) for name in THEME_FILES]


def write_pages(pages: list[Page], docs: Path, memo: PageMemo | None = None) -> WriteReport:
    """Write the pages under docs, rewriting only changed files and removing stale ones; a page
    without text is kept as it is. The memo then records what each file was rendered from."""
    written = [p.path for p in pages if p.text is not None and write_if_changed(docs / p.path, p.text)]
    wanted = {p.path for p in pages}
    removed = []
    if docs.is_dir():
        for f in sorted(docs.rglob("*")):
            rel = f.relative_to(docs).as_posix()
            if f.is_file() and rel not in wanted:
                f.unlink()
                removed.append(rel)
    if memo is not None:
        memo.save()
    return WriteReport(tuple(written), len(pages) - len(written), tuple(removed))
