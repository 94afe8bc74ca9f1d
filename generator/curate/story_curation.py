"""content/stories.yml: the stories as `briefing curate` writes them, for editors to correct.

The file lists every story with its id, headline and articles. Editors may change a headline,
move an article from one story to another, split a story (a new entry with an id of their own,
`st-…`, and the articles moved there) or merge two (move the articles, or `merge_into: st-…`).
The build reads the file (generator/stories.assemble): listed articles stay where they are
listed; only articles no story lists are grouped by the machine.

Like the article curation files it is merged, never rewritten: a later `briefing curate` appends
new stories at the end and new articles at the end of their story's list, and changes no line
that is already there.
"""

from __future__ import annotations

from pathlib import Path

from generator.curate.curation import Splice, last_content, load_round_trip, scalar
from generator.curate.stories import Story
from generator.errors import BriefingError, Problem

HEADER = """\
# Stories: the articles that report one development (a decision, an attack, a speech, a round of
# talks), as grouped by the machine, for you to correct.
#
#   headline:                 change it freely
#   articles:                 move an article to another story to regroup; an article listed
#                             here stays in its story whatever the machine thinks
#   split a story             add an entry with an id of your own (id: st-…) and move articles to it
#   merge_into: st-…          merge this story into another one
#   notes: / # comments       yours
#
# `briefing curate` appends new stories and new articles; it never changes a line that is already
# here. `briefing check` reports an article or a story id that does not exist.
"""


_YAML_WORDS = frozenset("null true false yes no on off y n".split())


def _slug(slug: str) -> str:
    """An article slug as a YAML list item: plain when YAML reads it back as that text, quoted when
    it would read as a date, a number or a boolean ("2024-05-13", "0123", "no")."""
    return slug if slug[:1].isalpha() and slug.lower() not in _YAML_WORDS else scalar(slug)


def story_lines(story: Story, dash: str = "  ") -> list[str]:
    """The lines of one new story entry, its dash after the indentation given."""
    keys = " " * (len(dash) + 2)
    lines = [f"{dash}- id: {story.id}\n", f"{keys}headline: {scalar(story.headline)}\n", f"{keys}articles:\n"]
    lines += [f"{keys}  - {_slug(slug)}\n" for slug in sorted(story.articles)]
    return lines


def as_listed(stories) -> tuple[Story, ...]:
    """Stories as the file lists them (id, headline, article slugs), from the site's stories."""
    return tuple(
        Story(st.id, st.headline, tuple(ab.article.slug for ab in st.articles), (), st.first, st.last, st.outlets)
        for st in stories
    )


def new_file(stories: tuple[Story, ...]) -> str:
    """A new content/stories.yml: the header, then every story."""
    if not stories:
        return HEADER + "\nstories: []\n"
    out = [HEADER, "\nstories:\n"]
    for story in sorted(stories, key=lambda s: s.id):
        out += story_lines(story)
    return "".join(out)


def merge(text: str, stories: tuple[Story, ...], path: Path | str = "") -> str:
    """Append to an existing content/stories.yml the stories and articles it does not list yet."""
    doc = load_round_trip(text, path)
    if text and not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines(keepends=True)
    splice = Splice(lines)
    if doc is None or not hasattr(doc, "lc"):
        raise BriefingError(Problem(str(path), 1, "expected a mapping with a 'stories:' list"))
    seq = doc.get("stories")
    if seq is not None and hasattr(seq, "fa") and seq.fa.flow_style() and seq:
        raise BriefingError(Problem(str(path), doc.lc.key("stories")[0] + 1, "stories: written as a [flow] list; "
                                    "write one '- id: …' entry per line so that briefing curate can append to it"))
    key_lines = sorted(doc.lc.key(k)[0] for k in doc)
    boundary = next((k for k in key_lines if "stories" in doc and k > doc.lc.key("stories")[0]), len(lines))
    entries = {str(item.get("id")): (i, item) for i, item in enumerate(seq or []) if hasattr(item, "get")}
    listed = {str(slug) for _, item in entries.values() for slug in (item.get("articles") or [])}
    new_stories = [s for s in sorted(stories, key=lambda s: s.id) if s.id not in entries]
    problems = []
    for story in stories:
        if story.id not in entries:
            continue
        i, item = entries[story.id]
        missing = sorted(slug for slug in story.articles if slug not in listed)
        if not missing:
            continue
        arts = item.get("articles")
        start = seq.lc.item(i)[0]
        end = seq.lc.item(i + 1)[0] if i + 1 < len(seq) else boundary
        keys = " " * seq.lc.item(i)[1]
        new_items = [f"{keys}  - {_slug(s)}\n" for s in missing]
        if "articles" not in item:
            splice.insert(last_content(lines, start, end) + 1, [f"{keys}articles:\n", *new_items])
        elif arts is None and lines[item.lc.key("articles")[0]].strip() == "articles:":
            splice.insert(item.lc.key("articles")[0] + 1, new_items)  # "articles:" with nothing under it yet
        elif not arts or arts.fa.flow_style():
            problems.append(Problem(str(path), item.lc.key("articles")[0] + 1, "articles: written as a [flow] list; "
                                    "write one '- slug' per line so that briefing curate can append to it"))
        else:
            last = arts.lc.item(len(arts) - 1)
            indent = lines[last[0]][: lines[last[0]].rfind("-", 0, last[1])]
            after = [item.lc.key(k)[0] for k in item if item.lc.key(k)[0] > last[0]]  # "notes:" after the list
            list_end = min([*after, end])
            splice.insert(last_content(lines, last[0], list_end) + 1, [f"{indent}- {_slug(s)}\n" for s in missing])
    if problems:
        raise BriefingError(problems)
    if new_stories:
        if seq is None or (not seq and "stories" in doc):
            at = doc.lc.key("stories")[0]
            if lines[at].strip() in ("stories: []", "stories:"):
                splice.replace(at, ["stories:\n"] + [ln for s in new_stories for ln in story_lines(s)])
            else:
                raise BriefingError(Problem(str(path), at + 1, "stories: expected a block list of stories"))
        elif "stories" not in doc:
            splice.insert(len(lines), ["stories:\n"] + [ln for s in new_stories for ln in story_lines(s)])
        else:
            last = seq.lc.item(len(seq) - 1)
            dash = lines[last[0]][: lines[last[0]].rfind("-", 0, last[1])]
            at = last_content(lines, last[0], boundary) + 1
            splice.insert(at, [ln for s in new_stories for ln in story_lines(s, dash)])
    return splice.text()
