"""The `briefing` command: a thin click layer over the pipeline.

User errors are BriefingError; main() prints each as `path:line: message` and exits 1, no traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator import __version__
from generator.errors import BriefingError, Problem
from generator.project import Project

project_option = click.option(
    "-C",
    "--project",
    "project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The project folder (the one holding content/).",
)
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")


def _project(folder: Path) -> Project:
    """The project in folder, its messages showing paths from the folder the user runs in (the
    one place that asks for the current folder)."""
    return Project(folder.resolve(), shown_from=Path.cwd().resolve())


def _warn(problems) -> None:
    for p in problems:
        click.echo(str(p), err=True)


class BriefingGroup(click.Group):
    """A click group that reports BriefingError as `path:line: message` lines and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            for p in exc.problems:
                click.echo(str(p), err=True)
            errors = sum(1 for p in exc.problems if p.severity == "error") or len(exc.problems)
            click.echo(f"briefing: stopped with {errors} problem(s)", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn the articles in content/ into a searchable briefing site (MkDocs Material).

    Run the commands in the project folder, or point -C at it.
    """


def _run(project: Path, strict: bool, *, write: bool = True, build: bool = True):
    """Run the pipeline, print its warnings and say what it wrote and how long it took."""
    from generator.pipeline import run

    started = time.perf_counter()
    where = _project(project)
    result = run(where, write=write, build=build, strict=strict)
    _warn(result.warnings)
    s = result.summary
    summary = f"{s.articles} article(s), {s.quotes} quote(s), {s.speakers} speaker(s), {s.questions} open question(s)"
    if result.report is None:
        click.echo(f"content/ is valid: {summary}")
        return
    r = result.report
    done = "built site/" if build else "generated build/docs/"
    if result.skipped:
        done += " (no input changed: nothing generated again)"
    click.echo(
        f"{done} from {summary}: {len(r.written)} file(s) written, {r.unchanged} unchanged, "
        f"{len(r.removed)} removed, in {time.perf_counter() - started:.2f} s"
    )
    if s.suggestions:
        click.echo(
            f"{s.suggestions} speaker(s) are not in content/people.yml yet; "
            f"suggested entries are in {where.shown(where.suggestions)}"
        )


@cli.command()
@project_option
@strict_option
def build(project: Path, strict: bool) -> None:
    """Generate the Markdown, then run `mkdocs build --strict` into site/.

    A failed build leaves the previous site/ in place. Nothing is written into content/.
    """
    _run(project, strict)


@cli.command()
@project_option
@strict_option
def generate(project: Path, strict: bool) -> None:
    """Generate the Markdown pages and mkdocs.yml only (no MkDocs build)."""
    _run(project, strict, build=False)


@cli.command()
@project_option
@strict_option
def check(project: Path, strict: bool) -> None:
    """Validate content/ and run the extractors; write nothing."""
    _run(project, strict, write=False)


@cli.command()
@project_option
def curate(project: Path) -> None:
    """Create or merge the curation files content/curation/<slug>.yml.

    \b
    Each lists an article's key points, quotes and question candidates with
    `status: suggested`; set approved or rejected, edit texts and speakers, pin,
    feature, reorder and comment freely. Running it again appends new
    suggestions and marks items whose sentence is gone `stale: true`; no line
    already in a file changes.
    """
    from generator.pipeline import curate_project

    root = project.resolve()
    r = curate_project(_project(project))
    for path in r.created:
        click.echo(f"created {Path(path).relative_to(root)}")
    for path in r.updated:
        click.echo(f"merged into {Path(path).relative_to(root)}")
    s = r.stats
    click.echo(
        f"{len(r.created)} created, {len(r.updated)} merged, {r.unchanged} unchanged: "
        f"{s.added} new suggestion(s), {s.fuzzy} carried to an edited sentence (fuzzy), "
        f"{s.stale} marked stale, {s.revived} no longer stale, "
        f"{s.originals} edit(s) given their original"
    )
    if r.answers:
        click.echo(f"{r.answers} possible answer(s) added to content/questions.yml: confirm (status: answered) or dismiss each")


@cli.command()
@project_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(project: Path, dev_addr: str) -> None:
    """Serve the site with live reload, regenerating when content/ or templates/ change."""
    from generator.serve import serve as serve_site

    serve_site(_project(project), dev_addr)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--title", help="The site's title (asked when not given; the folder's name by default).")
@click.option("--topic", help="The story the briefing follows (asked when not given).")
def new(directory: Path, title: str | None, topic: str | None) -> None:
    """Create a new briefing project in DIRECTORY (a new or empty folder).

    \b
    It gets content/briefing.yml with the title and topic, an empty
    content/articles/, a README and a .gitignore. Then:
      cd DIRECTORY && briefing add ARTICLE && briefing build
    """
    from generator.new import new_project

    interactive = sys.stdin.isatty()
    default_title = " ".join(directory.resolve().name.replace("-", " ").replace("_", " ").split()).capitalize() or "Briefing"
    if title is None:
        title = click.prompt("Title of the briefing", default=default_title) if interactive else default_title
    if topic is None:
        topic = click.prompt("Topic (the story it follows)", default="", show_default=False) if interactive else ""
    made = new_project(directory, title, topic)
    click.echo(f"created a briefing project in {directory}:")
    for rel in made.created:
        click.echo(f"  {rel}")
    click.echo(f"next: cd {directory} && briefing add ARTICLE && briefing build")


@cli.command()
@project_option
@click.option("--slug", help="The slug to file the article under (one file only).")
@click.option("--title", help="The article's headline (one file only); also makes its slug.")
@click.option("--outlet", help="Who published it, e.g. 'CNN'.")
@click.option("--url", help="Where it was published: an http(s) URL (one file only).")
@click.option("--published", help="When it was published: YYYY-MM-DD.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def add(
    project: Path, slug: str | None, title: str | None, outlet: str | None, url: str | None, published: str | None,
    paths: tuple[Path, ...],
) -> None:
    """Copy article files into content/articles/ and write a sidecar of what they say.

    \b
    The sidecar gets the headline, outlet, date and authors the file states (a
    date only from the page's metadata, a dateline or a "Published …" line, never
    from a date in the story); the options override them. Prints what was read
    from the text for you to check, and what is left to fill in by hand.
    """
    from generator.add import add_articles

    root = project.resolve()
    given = {"title": title, "outlet": outlet, "url": url, "published": published}
    for a in add_articles(_project(project), list(paths), slug, given):
        click.echo(f"added {a.article.relative_to(root)} with {a.sidecar.relative_to(root)}")
        if a.guessed:
            click.echo(f"  read from the text, check: {'; '.join(a.guessed)}")
        if a.missing:
            click.echo(f"  left to fill in: {', '.join(a.missing)}")


@cli.command()
@click.option("--jsonl", "jsonl", is_flag=True, help="Read JSONL records on stdin, write JSONL results on stdout.")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(jsonl: bool, paths: tuple[Path, ...]) -> None:
    """Extract sentences, key points, quotes and open questions.

    \b
    With --jsonl (the scriptable interface), each stdin line is one of
      {"id": ..., "text": "..."}     used as is
      {"id": ..., "pasted": "..."}   cleaned like a pasted .txt article
      {"id": ..., "html": "..."}     read like a saved web page
    and each stdout line is
      {"id", "text", "title", "published", "sentences", "key_points", "quotes", "open_questions"}
    with every start/end a character offset into that "text".
    Without --jsonl, prints a readable summary of each article file given.
    """
    from generator.jsonl import run_jsonl

    if jsonl:
        if paths:
            raise click.UsageError("--jsonl reads standard input; give no files with it")
        problems = run_jsonl(sys.stdin, sys.stdout)
        if problems:
            raise BriefingError(problems)
        return
    if not paths:
        raise click.UsageError("give article files, or --jsonl to read JSONL on standard input")
    _summarise(paths)


@cli.command()
@click.option("--jsonl", "jsonl", is_flag=True, required=True, help="Read JSONL articles on stdin, write JSONL stories.")
def stories(jsonl: bool) -> None:
    """Group articles into stories, with key points that cite every source.

    \b
    Each stdin line is an article:
      {"id": ..., "text": "...", "title"?, "outlet"?, "published"? (YYYY-MM-DD), "url"?}
    and each stdout line a story:
      {"id", "title", "articles": [ids], "outlets",
       "key_points": [{"text", "outlets", "sources": [{"article", "start", "end"}]}]}
    with start/end character offsets into that article's "text".
    """
    from generator.jsonl import run_stories_jsonl

    problems = run_stories_jsonl(sys.stdin, sys.stdout)
    if problems:
        raise BriefingError(problems)


def _summarise(paths: tuple[Path, ...]) -> None:
    from generator.extract import extract as run_extract
    from generator.load.readers import READERS, ReaderError

    problems = []
    for path in paths:
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            problems.append(Problem(str(path), None, "unknown format; .txt, .md or .html expected"))
            continue
        try:
            result = reader(path.read_bytes())
        except ReaderError as exc:
            problems.append(Problem(str(path), exc.line, exc.message))
            continue
        except OSError as exc:
            problems.append(Problem(str(path), None, f"cannot be read: {exc.strerror}"))
            continue
        ex = run_extract(path.stem, result.text)
        click.echo(f"# {path}: {result.meta.get('title') or '(no title)'}")
        click.echo(f"{len(ex.sentences)} sentences, {len(result.removed)} boilerplate line(s) removed")
        for i, k in enumerate(ex.key_points, 1):
            click.echo(f"  key point {i}: {k.text}")
        for q in ex.quotes:
            click.echo(f"  quote ({q.kind}) {q.speaker or 'unattributed'}: “{q.text}”")
        for qc in ex.questions:
            click.echo(f"  open question: {qc.question}")
    if problems:
        raise BriefingError(problems)


def main() -> None:
    """Console entry point."""
    cli(prog_name="briefing")
