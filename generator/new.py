"""`briefing new DIR`: a fresh briefing project in a new or empty folder, as `mkdocs new` does.

It holds content/briefing.yml (title and topic), an empty content/articles/, a README stub and a
.gitignore for what builds produce. The templates come with the installed package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError, Problem
from generator.project import Project

BRIEFING_YML = """\
# The briefing site: every key is described in briefing's README ("Content format").
title: {title}
{topic_line}
language: en
publish: all             # all: unreviewed suggestions are shown too, marked "unreviewed"
                         # approved: only what an editor approved in content/curation/
settings:
  key_points: 4          # per article, 3 to 5
  home_key_points: 8     # stories on the front page
topics: []               # the taxonomy: - name: …, keywords: [...]
"""

README = """\
# {title}

{about}

A briefing project: articles in `content/articles/`, a static
site of key points, quotes and open questions in `site/`.

```sh
briefing add ~/Downloads/article.txt     # copy an article in (.txt, .md or .html) with a sidecar
$EDITOR content/articles/<slug>.yml      # fill in what the article did not say
briefing build                           # the site, in site/; site/brief.html prints on paper
python3 -m http.server -d site 8000      # read it at http://127.0.0.1:8000
briefing curate                          # then review the suggestions in content/curation/
```

`content/briefing.yml` sets the title, topic, publishing policy and topics.
"""

GITIGNORE = "/site/\n/build/\n"


@dataclass(frozen=True, slots=True)
class NewProject:
    """What `briefing new` created."""

    root: Path
    created: tuple[str, ...]  # paths relative to root, folders ending in /


def new_project(root: Path, title: str, topic: str = "") -> NewProject:
    """Create a project in root, which must not exist or be empty; nothing is overwritten."""
    if root.exists() and not root.is_dir():
        raise BriefingError(Problem(str(root), None, "is a file; briefing new makes a project in a new or empty folder"))
    if root.is_dir() and any(root.iterdir()):
        raise BriefingError(
            Problem(str(root), None, "is not empty; briefing new makes a project in a new or empty folder")
        )
    title = " ".join(title.split()) or "Briefing"
    topic = " ".join(topic.split())
    topic_line = f"topic: {json.dumps(topic, ensure_ascii=False)}" if topic else "# topic: the story this briefing follows"
    about = f"A briefing on {topic}." if topic else "A briefing."
    project = Project(root)
    files = {
        project.config_file: BRIEFING_YML.format(title=json.dumps(title, ensure_ascii=False), topic_line=topic_line),
        root / "README.md": README.format(title=title, about=about),
        root / ".gitignore": GITIGNORE,
    }
    try:
        project.articles.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BriefingError(Problem(str(root), None, f"cannot be written: {exc.strerror}")) from None
    created = [p.relative_to(root).as_posix() for p in files]
    created.insert(1, project.articles.relative_to(root).as_posix() + "/")
    return NewProject(root, tuple(created))
