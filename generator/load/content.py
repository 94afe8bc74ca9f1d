"""The load stage: read and validate everything in content/ before anything is written."""

from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from pathlib import Path

from generator.errors import Diagnostics, Problem
from generator.files import code_digest, write_atomic
from generator.load import schema
from generator.load.readers import READERS, ReaderError
from generator.load.sites import with_site_names
from generator.model import (
    Article,
    BriefingConfig,
    Content,
    CuratedItem,
    CuratedQuestion,
    CuratedStory,
    Curation,
    Person,
    ReadResult,
    RoleSpan,
    SentenceRef,
    Settings,
    Topic,
)
from generator.project import Project
from generator.yamlio import YamlDoc, YamlProblem, parse_yaml

MAX_YAML_BYTES = 1024 * 1024
# The code an article's loading runs: this stage, the records, YAML and dates, the escaping the schema checks with.
LOAD_CODE = ("load", "model.py", "yamlio.py", "dates.py", "escape.py", "errors.py", "project.py")
TITLE_WORDS = 14


def load(where: Project | Path, diag: Diagnostics | None = None, *, remember: bool = False) -> Content:
    """Read and validate content/ of a project; raise BriefingError listing every problem found.

    Articles whose file and sidecar bytes were read before come from build/cache/load.pickle;
    with remember, that cache is updated (build and generate; check only reads it)."""
    project = Project.of(where)
    diag = diag or Diagnostics(project=project)
    content = project.content
    if not project.config_file.is_file():
        diag.error(
            project.config_file, None,
            "not found; a briefing project needs content/briefing.yml (run briefing in the project folder)",
        )
        diag.raise_if_errors()
    config = load_config(project.config_file, diag)
    people = load_people(project.people_file, diag)
    articles = load_articles(project, config.settings, diag, remember=remember)
    questions = load_questions(project.questions_file, config, {a.slug for a in articles}, diag)
    curations = load_curations(project.curation, content, diag)
    stories = load_stories(project.stories_file, {a.slug for a in articles}, diag)
    diag.raise_if_errors()
    return Content(
        project=project, config=config, articles=articles, people=people, questions=questions, curations=curations,
        stories=stories,
    )


def read_yaml(path: Path, diag: Diagnostics, content_root: Path | None = None) -> YamlDoc | None:
    """Read one YAML file; record a located error and return None when it cannot be read."""
    if content_root is not None and not _inside(path, content_root):
        diag.error(path, None, "is a link to a file outside content/; a regular file expected")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        diag.error(path, None, f"cannot be read: {exc.strerror}")
        return None
    if len(data) > MAX_YAML_BYTES:
        diag.error(path, None, f"is {len(data)} bytes; a YAML file of at most {MAX_YAML_BYTES} bytes expected")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diag.error(path, line, "invalid UTF-8; YAML files must be UTF-8 text")
        return None
    try:
        return parse_yaml(text)
    except YamlProblem as exc:
        diag.error(path, exc.line, exc.message)
        return None


def load_config(path: Path, diag: Diagnostics) -> BriefingConfig:
    """Read content/briefing.yml."""
    doc = read_yaml(path, diag)
    if doc is None:
        return BriefingConfig(title="Briefing")
    values = schema.validate(doc, schema.BRIEFING, path, diag, what="briefing")
    settings = Settings()
    if isinstance(doc.value, dict) and isinstance(doc.value.get("settings"), dict):
        s = schema.validate(doc, schema.SETTINGS, path, diag, prefix=("settings",), what="settings block")
        settings = Settings(**s)
    elif isinstance(doc.value, dict) and doc.value.get("settings") is not None:
        diag.error(path, doc.line(("settings",)), "settings: expected a mapping of keys")
    return BriefingConfig(
        title=values["title"] or "Briefing",
        description=values["description"],
        topic=values["topic"],
        language=values["language"],
        site_url=values["site_url"],
        publish=values["publish"],
        search=values["search"],
        settings=settings,
        topics=load_topics(doc, path, diag),
    )


def _items(doc: YamlDoc, key: str, path: Path, diag: Diagnostics, expected: str) -> list[int]:
    """Indexes of the list under a top-level key; an error (and no items) when it is not a list."""
    value = doc.value.get(key) if isinstance(doc.value, dict) else None
    if value is None:
        return []
    if not isinstance(value, list):
        diag.error(path, doc.line((key,)), f"{key}: expected a list of {expected}")
        return []
    return list(range(len(value)))


def load_topics(doc: YamlDoc, path: Path, diag: Diagnostics) -> tuple[Topic, ...]:
    """The topic taxonomy in briefing.yml: names, keywords and descriptions."""
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for i in _items(doc, "topics", path, diag, "{name, keywords}"):
        v = schema.validate(doc, schema.TOPIC, path, diag, prefix=("topics", i), what="topic")
        if not v["name"]:
            continue
        line = doc.line(("topics", i)) or 0
        slug = slugify(v["name"]) or f"topic-{i + 1}"
        if slug in seen:
            diag.error(path, line, f"topic {v['name']!r} has the same page name as the topic on line {seen[slug]}")
        seen[slug] = line
        keywords = v["keywords"] or (v["name"],)
        topics.append(Topic(v["name"], slug, keywords, v["description"]))
    return tuple(topics)


def _list_file(path: Path, key: str, diag: Diagnostics):
    """An editors' file holding one list under `key:` (questions.yml, stories.yml), read and its
    top level checked; None when it is absent, empty or not a mapping (the last reported)."""
    if not path.exists():
        return None
    doc = read_yaml(path, diag, path.parent)
    if doc is None or doc.value is None:
        return None
    if not isinstance(doc.value, dict):
        diag.error(path, doc.line(()), f"expected a mapping with a '{key}:' list")
        return None
    schema.validate(doc, {key: schema.Field(lambda v: v)}, path, diag)
    return doc


def load_questions(path: Path, config: BriefingConfig, slugs: set[str], diag: Diagnostics) -> tuple[CuratedQuestion, ...]:
    """Read content/questions.yml when present: the curated open questions."""
    doc = _list_file(path, "questions", diag)
    if doc is None:
        return ()
    topics = {t.name.casefold() for t in config.topics}
    questions: list[CuratedQuestion] = []
    ids: dict[str, int | None] = {}
    for i in _items(doc, "questions", path, diag, "questions"):
        where = ("questions", i)
        v = schema.validate(doc, schema.QUESTION, path, diag, prefix=where, what="question")
        if not v["id"] or not v["question"]:
            continue
        line = doc.line(where)
        if v["id"] in ids:
            diag.error(path, line, f"id {v['id']!r} is already used by the question on line {ids[v['id']]}")
        ids[v["id"]] = line
        if v["topic"] and v["topic"].casefold() not in topics:
            diag.warn(path, doc.line(where + ("topic",)), f"topic {v['topic']!r} is not in briefing.yml's topics")
        if v["status"] == "answered" and not v["answer"] and not v["possible_answer"]:
            diag.warn(path, doc.line(where + ("status",)), "status is 'answered' but there is no 'answer:'")
        refs = []
        for k, (article, sentence) in enumerate(v["evidence"]):
            ref_line = doc.line(where + ("evidence", k))
            refs.append(SentenceRef(article, sentence, ref_line))
        source = possible = None
        if v["answer_source"]:
            article, sentence = v["answer_source"]
            source = SentenceRef(article, sentence, doc.line(where + ("answer_source",)))
        if v["possible_answer_source"]:
            article, sentence = v["possible_answer_source"]
            possible = SentenceRef(article, sentence, doc.line(where + ("possible_answer_source",)))
        for ref in refs + [r for r in (source, possible) if r]:
            if ref.article not in slugs:  # a removed article: the reference is kept, and shown nowhere
                diag.warn(path, ref.line, f"no article with the slug {ref.article!r}; expected 'article-slug#s-…'")
        if v["raised_in"] and v["raised_in"] not in slugs:
            diag.warn(path, doc.line(where + ("raised_in",)), f"raised_in: no article with the slug {v['raised_in']!r}")
            v["raised_in"] = None
        questions.append(
            CuratedQuestion(
                id=v["id"], question=v["question"], topic=v["topic"], status=v["status"],
                raised=v["raised"], raised_in=v["raised_in"], evidence=tuple(refs),
                answer=v["answer"], answer_source=source, notes=v["notes"], line=line,
                possible_answer=v["possible_answer"], possible_answer_source=possible,
                possible_answer_dismissed=bool(v["possible_answer_dismissed"]),
            )
        )
    return tuple(questions)


def load_stories(path: Path, slugs: set[str], diag: Diagnostics) -> tuple[CuratedStory, ...]:
    """Read content/stories.yml when present: which articles report which development.

    An article listed in two stories and an id used twice are errors; an article that does not
    exist, or a merge into a story that does not, is a warning (an error with --strict)."""
    doc = _list_file(path, "stories", diag)
    if doc is None:
        return ()
    out: list[CuratedStory] = []
    ids: dict[str, int | None] = {}
    listed: dict[str, int | None] = {}
    for i in _items(doc, "stories", path, diag, "stories (id, headline, articles)"):
        where = ("stories", i)
        v = schema.validate(doc, schema.STORY, path, diag, prefix=where, what="story")
        if not v["id"]:
            continue
        line = doc.line(where)
        if v["id"] in ids:
            diag.error(path, line, f"id {v['id']!r} is already used by the story on line {ids[v['id']]}")
            continue
        ids[v["id"]] = line
        kept = []
        for k, slug in enumerate(v["articles"]):
            at = doc.line(where + ("articles", k))
            if slug not in slugs:
                diag.warn(path, at, f"no article with the slug {slug!r} in content/articles/; expected an article slug")
                continue
            if slug in listed:
                diag.error(path, at, f"article {slug!r} is already in the story on line {listed[slug]}; an article "
                           "belongs to one story (move it, or merge the stories with merge_into:)")
                continue
            listed[slug] = at
            kept.append(slug)
        out.append(
            CuratedStory(
                v["id"], v["headline"], tuple(kept), v["merge_into"], v["notes"], line,
            )
        )
    for i, story in enumerate(out):
        if story.merge_into and story.merge_into not in ids:
            diag.warn(path, doc.line(("stories", i, "merge_into")),
                      f"merge_into: no story {story.merge_into!r} in stories.yml; expected the id of another story")
    return tuple(out)


SECTION_PREFIX = {"key_points": "kp-", "quotes": "q-", "questions": "oq-"}
_QUOTE_ONLY = ("speaker", "original_speaker", "kind", "featured")


def load_curations(folder: Path, content: Path, diag: Diagnostics) -> tuple[Curation, ...]:
    """Read every curation file, content/curation/<slug>.yml (written by `briefing curate`)."""
    if not folder.is_dir():
        return ()
    out = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in (".yml", ".yaml"):
            if not path.name.startswith("."):
                diag.warn(path, None, "ignored: content/curation/ holds <article-slug>.yml files only")
            continue
        if not _SLUG_OK.match(path.stem):
            diag.error(path, None, "file name is not an article slug: lowercase letters, digits and hyphens expected")
            continue
        curation = load_curation(path, content, diag)
        if curation is not None:
            out.append(curation)
    return tuple(out)


def load_curation(path: Path, content: Path, diag: Diagnostics) -> Curation | None:
    """Read one curation file; every item is checked, every problem located."""
    doc = read_yaml(path, diag, content)
    if doc is None:
        return None
    if doc.value is None:
        return Curation(path.stem, path, ())
    if not isinstance(doc.value, dict):
        diag.error(path, doc.line(()), "expected a mapping with key_points:, quotes: and questions: lists")
        return None
    schema.validate(doc, schema.CURATION, path, diag, what="curation file")
    items: list[CuratedItem] = []
    ids: dict[str, int] = {}
    for section, prefix in SECTION_PREFIX.items():
        for i in _items(doc, section, path, diag, "items (id, status, sentence, text)"):
            where = (section, i)
            raw = doc.value[section][i]
            v = schema.validate(doc, schema.CURATED_ITEM, path, diag, prefix=where, what="item")
            line = doc.line(where) or 0
            if not (v["id"] and v["sentence"] and v["text"]):
                continue
            if not v["id"].startswith(prefix):
                diag.error(path, doc.line(where + ("id",)), f"id {v['id']!r} in {section}: expected an id starting {prefix!r}")
                continue
            if v["id"] in ids:
                diag.error(path, line, f"id {v['id']!r} is already used by the item on line {ids[v['id']]}")
                continue
            ids[v["id"]] = line
            if section != "quotes":
                for key in _QUOTE_ONLY:
                    if isinstance(raw, dict) and key in raw:
                        diag.warn(path, doc.line(where + (key,)), f"{key}: only quotes have it; ignored")
            items.append(
                CuratedItem(
                    section=section, id=v["id"], status=v["status"], sentence=v["sentence"],
                    text=v["text"], line=line, text_line=doc.line(where + ("text",)) or line,
                    speaker=v["speaker"] if section == "quotes" else None,
                    speaker_given=section == "quotes" and isinstance(raw, dict) and "speaker" in raw,
                    speaker_line=doc.line(where + ("speaker",)),
                    kind=v["kind"], pinned=v["pinned"], featured=v["featured"] and section == "quotes",
                    stale=v["stale"], fuzzy=v["fuzzy"], original=v["original"], original_speaker=v["original_speaker"],
                    notes=v["notes"],
                )
            )
    return Curation(path.stem, path, tuple(items))


def load_people(path: Path, diag: Diagnostics) -> tuple[Person, ...]:
    """Read content/people.yml when present: canonical names, aliases and roles."""
    if not path.exists():
        return ()
    doc = read_yaml(path, diag, path.parent)
    if doc is None or doc.value is None:
        return ()
    if not isinstance(doc.value, dict) or not isinstance(doc.value.get("people", []), list):
        diag.error(path, doc.line(()), "expected a mapping with a 'people:' list")
        return ()
    schema.validate(doc, {"people": schema.Field(lambda v: v)}, path, diag)
    people = []
    names: dict[str, int] = {}
    for i, _ in enumerate(doc.value.get("people") or []):
        v = schema.validate(doc, schema.PERSON, path, diag, prefix=("people", i), what="person")
        if not v["name"]:
            continue
        for key in (v["name"], *v["aliases"]):
            if key in names:
                diag.error(path, doc.line(("people", i)), f"{key!r} already names the person on line {names[key]}")
            names[key] = doc.line(("people", i)) or 0
        roles = []
        raw_roles = v["roles"] or []
        if not isinstance(raw_roles, list):
            diag.error(path, doc.line(("people", i, "roles")), "roles: expected a list of {role, since, until}")
            raw_roles = []
        for k, _ in enumerate(raw_roles):
            r = schema.validate(doc, schema.ROLE_SPAN, path, diag, prefix=("people", i, "roles", k), what="role")
            if r["role"]:
                if r["since"] and r["until"] and r["until"] <= r["since"]:
                    diag.error(path, doc.line(("people", i, "roles", k)), "until must come after since")
                roles.append(RoleSpan(r["role"], r["since"], r["until"]))
        people.append(
            Person(name=v["name"], aliases=v["aliases"], role=v["role"], roles=tuple(roles), notes=v["notes"])
        )
    return tuple(people)


_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def load_articles(project: Project, settings: Settings, diag: Diagnostics, *, remember: bool = False) -> tuple[Article, ...]:
    """Read every article under content/articles/ with its sidecar (from the load cache when their
    bytes, the settings and the load code are as before)."""
    folder = project.articles
    if not folder.is_dir():
        return ()
    by_slug: dict[str, Path] = {}
    sidecars: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            diag.warn(path, None, "folders inside content/articles/ are ignored")
            continue
        suffix = path.suffix.lower()
        if suffix in (".yml", ".yaml"):
            sidecars[path.stem] = path
            continue
        if suffix not in READERS:
            diag.warn(path, None, f"ignored: an article must end in {', '.join(sorted(set(READERS)))}")
            continue
        if not _SLUG_OK.match(path.stem):
            diag.error(
                path, None,
                "file name is not a valid slug: lowercase letters, digits and hyphens expected "
                f"(for example {slugify(path.stem) or 'my-article'}{suffix})",
            )
            continue
        if path.stem in by_slug:
            diag.error(path, None, f"duplicate slug {path.stem!r}: {by_slug[path.stem].name} has it too")
            continue
        by_slug[path.stem] = path
    for stem, sidecar in sidecars.items():
        if stem not in by_slug:
            diag.error(sidecar, None, f"sidecar without an article: no {stem}.txt, .md or .html beside it")
    articles = []
    cache = LoadCache(project, settings)
    for slug, path in by_slug.items():
        article = cache.load_article(slug, path, sidecars.get(slug), diag)
        if article is not None:
            articles.append(article)
    if remember:
        cache.save()
    articles = list(with_site_names(tuple(articles)))
    for a in articles:
        # An original that exists but failed to load reports its own error.
        if a.rewrite_of and a.rewrite_of not in by_slug:
            side = sidecars.get(a.slug, a.path)
            diag.error(side, None, f"rewrite_of: no article with the slug {a.rewrite_of!r}")
    return tuple(sorted(articles, key=lambda a: a.sort_key))


class LoadCache:
    """Loaded articles with the problems their loading reported, by a hash of what loading reads:
    the article's and its sidecar's paths and bytes, the settings, the load code, and the folder
    messages are shown from. A hit replays the problems, so the result is the same as loading."""

    def __init__(self, project: Project, settings: Settings):
        self.project, self.settings = project, settings
        self.salt = f"{code_digest(LOAD_CODE)}\0{settings!r}\0{project.shown_from}\0{project.root}".encode()
        self.before: dict[str, tuple[str, Article | None, list[Problem]]] = {}
        try:
            loaded = pickle.loads(project.load_cache.read_bytes())
            if isinstance(loaded, dict):
                self.before = loaded
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass
        self.now: dict[str, tuple[str, Article | None, list[Problem]]] = {}
        self.changed = False

    def _key(self, path: Path, sidecar: Path | None) -> str | None:
        h = hashlib.sha256(self.salt)
        for p in (path, sidecar):
            if p is None:
                h.update(b"\1")
                continue
            try:
                h.update(f"{p}\0{p.resolve()}\0".encode("utf-8", "surrogateescape") + p.read_bytes() + b"\0")
            except OSError:
                return None  # unreadable: load_article reports it, every time
        return h.hexdigest()

    def load_article(self, slug: str, path: Path, sidecar: Path | None, diag: Diagnostics) -> Article | None:
        key = self._key(path, sidecar)
        found = self.before.get(slug)
        if key is not None and found is not None and found[0] == key:
            diag.problems.extend(found[2])
            self.now[slug] = found
            return found[1]
        start = len(diag.problems)
        article = load_article(slug, path, sidecar, self.project.content, self.settings, diag)
        if key is not None:
            self.now[slug] = (key, article, diag.problems[start:])
            self.changed = True
        return article

    def save(self) -> None:
        if self.changed or self.now.keys() != self.before.keys():
            try:
                write_atomic(self.project.load_cache, pickle.dumps(self.now, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                pass  # a cache that cannot be written only costs time


def load_article(
    slug: str, path: Path, sidecar: Path | None, content: Path, settings: Settings, diag: Diagnostics
) -> Article | None:
    """Read one article file and merge its metadata: sidecar over what the file itself says."""
    if not _inside(path, content):
        diag.error(path, None, "is a link to a file outside content/; a regular file expected")
        return None
    reader = READERS[path.suffix.lower()]
    try:
        result: ReadResult = reader(path.read_bytes(), settings.boilerplate)
    except ReaderError as exc:
        diag.error(path, exc.line, exc.message)
        return None
    except OSError as exc:
        diag.error(path, None, f"cannot be read: {exc.strerror}")
        return None
    meta = _check_file_meta(result, path, diag)
    if sidecar is not None:
        doc = read_yaml(sidecar, diag, content)
        if doc is not None:
            side = schema.validate(doc, schema.ARTICLE_META, sidecar, diag, what="article sidecar")
            meta.update({k: v for k, v in side.items() if v not in (None, ())})
    if not result.text.strip():
        diag.error(path, None, "no article text left after removing boilerplate; an article body expected")
        return None
    title = meta.get("title") or fallback_title(result.text)
    if meta.get("rewrite_of") == slug:
        diag.error(sidecar or path, None, "rewrite_of: an article cannot be a rewrite of itself")
        meta["rewrite_of"] = None
    return Article(
        slug=slug,
        path=path,
        format={"htm": "html"}.get(path.suffix.lower()[1:], path.suffix.lower()[1:]),
        title=title,
        text=result.text,
        paragraph_lines=result.paragraph_lines,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=meta.get("published"),
        authors=tuple(meta.get("authors") or ()),
        tags=tuple(meta.get("tags") or ()),
        rewrite_of=meta.get("rewrite_of"),
        notes=meta.get("notes"),
    )


def _check_file_meta(result: ReadResult, path: Path, diag: Diagnostics) -> dict:
    """Validate metadata found in the file itself (front matter, headline, HTML metadata)."""
    if path.suffix.lower() == ".md":
        doc = YamlDoc(result.meta, {(k,): line for k, line in result.meta_lines.items() if line})
        values = schema.validate(doc, schema.ARTICLE_META, path, diag, what="front matter")
        return {k: v for k, v in values.items() if v not in (None, ())}
    # Metadata guessed from a pasted or saved page is best effort: keep what fits, drop the rest.
    kept = {}
    for key, value in result.meta.items():
        field = schema.ARTICLE_META.get(key)
        try:
            checked = field.check(value) if field else None
        except schema.Invalid:
            continue
        if checked not in (None, ()):
            kept[key] = checked
    return kept


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def fallback_title(text: str) -> str:
    """Use the opening words of the first sentence when an article has no title."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:TITLE_WORDS]).rstrip(".,;:") + ("…" if len(words) > TITLE_WORDS else "")


MAX_SLUG_CHARS = 80
# Words a shortened slug never ends on: cut after one, it stops mid-phrase ("…-pull-back-and").
SLUG_DANGLING = frozenset(
    """a an the and or but nor so yet as of to in on at by for from with into onto upon over under about
    after before against between during amid amidst despite without within via per than that which who whom
    whose what while if when where whether is are was were be been being has have had do does did will would
    can could may might must shall should its it his her their our my your this these those not no
    s t""".split()
)


def slugify(text: str, max_words: int = 8) -> str:
    """Make a slug from a title or file name: lowercase ASCII words joined by hyphens.

    A long title is cut between words, at most max_words and MAX_SLUG_CHARS, and never after a
    function word ("and", "as", "of", "the"…), so the slug ends where a phrase does."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if len(words) <= max_words and len("-".join(words)) <= MAX_SLUG_CHARS:
        return "-".join(words)
    cut = words[:max_words]
    while len(cut) > 1 and len("-".join(cut)) > MAX_SLUG_CHARS:
        cut.pop()
    while len(cut) > 1 and cut[-1] in SLUG_DANGLING:
        cut.pop()
    return "-".join(cut)[:MAX_SLUG_CHARS]
