"""Curation files, content/curation/<slug>.yml: the machine suggests, editors decide.

Modelled on gettext's msgmerge. `briefing curate` merges the machine's current suggestions into
each article's file, and the build publishes what the files say (`publish`). The merge never
rewrites a line that is already there: it splices new lines into the file's text —

- a new suggestion is appended at the end of its list;
- `original:` (and `original_speaker:`) is added beside a text or speaker an editor changed;
- `stale: true` is added to an item whose source sentence is gone, and removed again (it is the
  machine's own line) when the sentence comes back.

ruamel.yaml's round-trip parser locates every item and key, and its emitter writes the new values.
The file is never dumped whole: even a round-trip dump re-indents and re-wraps what a person wrote.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.errors import BriefingError, Diagnostics, Problem
from generator.model import (
    Article,
    CuratedItem,
    Curation,
    Evidence,
    Extraction,
    KeyPoint,
    QuestionCandidate,
    Quote,
)
from generator.yamlio import content_line, one_line

SECTIONS = ("key_points", "quotes", "questions")
STALE_LINE = "stale: true  # the source sentence is no longer in the article"
HEADER = """\
# Curation of “{title}”
# (content/articles/{slug}): the machine's key points, quotes and open questions, for you to review.
#
#   status: suggested | approved | rejected    approve or reject an item; rejected items never appear
#   text: / speaker:                           edit freely; the machine's version is kept beside it
#   pinned: true                               list the item first (a key point also leads the home page)
#   featured: true                             a quote: show it on the home page
#   notes: / # comments / blank lines          yours; reorder items as you like
#
# `briefing curate` appends new suggestions and marks items whose sentence is gone `stale: true`.
# It never changes a line that is already here. `briefing check` verifies every quote against the
# article. The publishing policy (publish: all | approved) is in content/briefing.yml.
"""


def _hash(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=5).hexdigest()


def key_point_id(kp: KeyPoint) -> str:
    """A key point's stable id: one per sentence, so the sentence's hash."""
    return "kp-" + kp.sentence_id.removeprefix("s-")


def quote_id(q: Quote) -> str:
    """A quote's stable id: its sentence and its exact text."""
    return "q-" + _hash(q.sentence_id, q.text)


def question_id(qc: QuestionCandidate) -> str:
    """A question candidate's stable id: its first evidence sentence and its wording."""
    return "oq-" + _hash(qc.evidence[0].sentence_id, qc.question)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One machine item as a curation file lists it."""

    section: str
    id: str
    sentence: str
    text: str
    speaker: str | None = None
    kind: str | None = None


def suggestions(ex: Extraction) -> list[Suggestion]:
    """The machine's items of one article, in extraction order."""
    out = [Suggestion("key_points", key_point_id(k), k.sentence_id, k.text) for k in ex.key_points]
    out += [Suggestion("quotes", quote_id(q), q.sentence_id, q.text, q.speaker, q.kind) for q in ex.quotes]
    out += [
        Suggestion("questions", question_id(c), c.evidence[0].sentence_id, c.question) for c in ex.questions
    ]
    return out


# ---------------------------------------------------------------------------------------------
# Fuzzy carrying, as msgmerge does: an item whose sentence was edited a little follows it


FUZZY_RATIO = 0.85  # difflib ratio from which an edited text is the same text with a small change
FUZZY_LINE = (
    "fuzzy: true  # its sentence was edited a little and is now {sentence}: check the item, then set this to false"
)
_FUZZY_MARK = re.compile(r"^fuzzy: true  # its sentence was edited a little and is now (s-[0-9a-f]{10}): ")


@dataclass(frozen=True, slots=True)
class Listed:
    """What the carrying needs of an item in a curation file."""

    section: str
    id: str
    sentence: str
    text: str
    original: str | None = None


@dataclass(frozen=True, slots=True)
class Carry:
    """Where a listed item whose sentence was edited now stands."""

    sentence: str  # the edited sentence's id
    machine_id: str | None  # the machine's own item there, which the listed one stands for


def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two texts; 0 as soon as the cheap upper bounds fall short of FUZZY_RATIO."""
    m = difflib.SequenceMatcher(None, _norm(a) or "", _norm(b) or "", autojunk=False)
    if m.real_quick_ratio() < FUZZY_RATIO or m.quick_ratio() < FUZZY_RATIO:
        return 0.0
    return m.ratio()


def carry_over(listed: list[Listed], items: list[Suggestion], sentences: dict[str, str]) -> dict[str, Carry]:
    """The listed items whose sentence is gone but whose text lives on, a little changed, elsewhere.

    A key point follows the sentence at least FUZZY_RATIO like its text (the machine's, when the
    editor reworded it); a quote or a question follows the machine's item whose text is that like
    it, or whose text is the very one the item's id was made from. Every target is taken once, best
    match first; a sentence an item already cites is no target. Without a match an item is stale."""
    present = {i.id for i in listed}
    cited = {(i.section, i.sentence) for i in listed if i.sentence in sentences}
    kp_ids = {s.sentence: s.id for s in items if s.section == "key_points"}
    pairs = []
    for item in listed:
        if item.sentence in sentences:
            continue
        wordings = [w for w in (item.original, item.text) if w]
        if item.section == "key_points":
            targets = [(sid, kp_ids.get(sid), text) for sid, text in sentences.items()]
        else:
            targets = [(s.sentence, s.id, s.text) for s in items if s.section == item.section]
        for sid, mid, text in targets:
            if mid in present or (item.section != "quotes" and (item.section, sid) in cited):
                continue
            same_id = item.section != "key_points" and _hash(item.sentence, text) == item.id.split("-", 1)[1]
            score = 1.0 if same_id else max((_ratio(w, text) for w in wordings), default=0.0)
            if score >= FUZZY_RATIO:
                pairs.append((-score, item.id, sid, mid or ""))
    carries: dict[str, Carry] = {}
    taken: set[tuple[str, str]] = set()
    for _, iid, sid, mid in sorted(pairs):
        if iid in carries or (sid, mid) in taken:
            continue
        carries[iid] = Carry(sid, mid or None)
        taken.add((sid, mid))
    return carries


def covered(listed: list[Listed], items: list[Suggestion], carries: dict[str, Carry]) -> set[str]:
    """The machine's items a curation file already stands for: listed by id, followed by a carried
    item, or on a sentence an item cites (a key point; a quote or question of much the same text)."""
    ids = {i.id for i in listed} | {c.machine_id for c in carries.values() if c.machine_id}
    citing: dict[tuple[str, str], list[Listed]] = {}
    for i in listed:
        citing.setdefault((i.section, i.sentence), []).append(i)
    for s in items:
        for i in citing.get((s.section, s.sentence), ()) if s.id not in ids else ():
            wordings = [w for w in (i.original, i.text) if w]
            if s.section == "key_points" or max((_ratio(w, s.text) for w in wordings), default=0) >= FUZZY_RATIO:
                ids.add(s.id)
                break
    return ids


# ---------------------------------------------------------------------------------------------
# Writing: new files, and merging into existing ones line by line


def _emitter() -> YAML:
    y = YAML()
    y.width = 1 << 30  # never fold: one value, one line
    y.allow_unicode = True
    return y


_YAML_OUT = _emitter()


def scalar(value: str | None) -> str:
    """A value as one line of YAML: always double-quoted, so no text is read as a number or boolean."""
    if value is None:
        return "null"
    buf = io.StringIO()
    _YAML_OUT.dump({"v": DoubleQuotedScalarString(" ".join(value.split()))}, buf)
    return buf.getvalue()[3:].rstrip("\n")


def item_lines(s: Suggestion, dash: str) -> list[str]:
    """The lines of one new item, its dash at the given indentation."""
    keys = " " * (len(dash) + 2)
    lines = [f"{dash}- id: {s.id}\n", f"{keys}status: suggested\n", f"{keys}sentence: {s.sentence}\n"]
    if s.section == "quotes":
        lines.append(f"{keys}speaker: {scalar(s.speaker)}\n")
        if s.kind == "partial":
            lines.append(f"{keys}kind: partial\n")
    lines.append(f"{keys}text: {scalar(s.text)}\n")
    return lines


def new_file(article: Article, items: list[Suggestion]) -> str:
    """A new curation file: the header, then every suggestion by section."""
    out = [HEADER.format(title=one_line(article.title)[:200], slug=article.path.name), "\n"]
    for section in SECTIONS:
        mine = [s for s in items if s.section == section]
        if not mine:
            out.append(f"{section}: []\n")
            continue
        out.append(f"{section}:\n")
        for s in mine:
            out += item_lines(s, "  ")
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


@dataclass
class MergeStats:
    """What a merge changed in one file."""

    added: int = 0
    stale: int = 0
    revived: int = 0
    originals: int = 0
    fuzzy: int = 0  # items carried to an edited sentence

    def add(self, other: MergeStats) -> None:
        """Count another file's changes in."""
        for f in ("added", "stale", "revived", "originals", "fuzzy"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def load_round_trip(text: str, path: Path | str = ""):
    """An editor's YAML file as ruamel's round-trip document (it keeps every line's position), or
    the located error that stops a merge."""
    try:
        return YAML().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BriefingError(Problem(str(path), mark.line + 1 if mark else None, f"invalid YAML: {exc}")) from None


class Splice:
    """Line edits collected against the original lines, applied in one pass."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        self.before: dict[int, list[str]] = {}
        self.replaced: dict[int, list[str]] = {}

    def insert(self, index: int, new: list[str]) -> None:
        self.before.setdefault(index, []).extend(self._ends(new))

    def replace(self, index: int, new: list[str]) -> None:
        self.replaced[index] = self._ends(new)

    def _ends(self, new: list[str]) -> list[str]:
        return [ln[:-1] + self.newline if ln.endswith("\n") else ln for ln in new]

    def text(self) -> str:
        out: list[str] = []
        for k in range(len(self.lines) + 1):
            out += self.before.get(k, [])
            if k < len(self.lines):
                out += self.replaced.get(k, [self.lines[k]])
        return "".join(out)


def last_content(lines: list[str], start: int, end: int) -> int:
    """The last line in [start, end) holding YAML content (not blank, not only a comment)."""
    for k in range(min(end, len(lines)) - 1, start - 1, -1):
        if content_line(lines[k]):
            return k
    return start


def _norm(v: object) -> str | None:
    return None if v is None else " ".join(str(v).split())


def _same(a: object, b: object) -> bool:
    return _norm(a) == _norm(b)


def merge(
    text: str, items: list[Suggestion], sentence_ids: set[str] | dict[str, str], path: Path | str = ""
) -> tuple[str, MergeStats]:
    """Merge the machine's current suggestions into a curation file's text, changing no line in it.

    sentence_ids are the article's sentences (a dict of their texts lets a key point follow an
    edited sentence the machine no longer ranks).

    Raises BriefingError when a list is written in a way that cannot be appended to (flow style).
    """
    doc = load_round_trip(text, path)
    if not text.endswith("\n") and text:
        text += "\n"
    lines = text.splitlines(keepends=True)
    splice = Splice(lines)
    stats = MergeStats()
    if doc is None:
        doc = CommentedMap()
    if not hasattr(doc, "lc"):
        raise BriefingError(Problem(str(path), 1, "expected a mapping with key_points:, quotes: and questions: lists"))
    machine = {s.id: s for s in items}
    listed = [
        Listed(section, str(item.get("id")), str(item.get("sentence")), str(item.get("text") or ""),
               None if item.get("original") is None else str(item.get("original")))
        for section in SECTIONS
        for item in (doc.get(section) or [])
        if isinstance(item, dict)
    ]
    texts = sentence_ids if isinstance(sentence_ids, dict) else {s.sentence: s.text for s in items if s.section == "key_points"}
    carries = carry_over(listed, items, {**texts, **dict.fromkeys(set(sentence_ids) - set(texts), "")})
    present = covered(listed, items, carries)
    key_lines = sorted(doc.lc.key(k)[0] for k in doc)
    problems = []
    for section in SECTIONS:
        new = [s for s in items if s.section == section and s.id not in present]
        if section not in doc:
            if new:
                splice.insert(len(lines), [f"{section}:\n"] + [ln for s in new for ln in item_lines(s, "  ")])
                stats.added += len(new)
            continue
        key_line = doc.lc.key(section)[0]
        boundary = next((k for k in key_lines if k > key_line), len(lines))
        seq = doc[section]
        if seq is None:
            if new:
                at = last_content(lines, key_line, boundary) + 1
                splice.insert(at, [ln for s in new for ln in item_lines(s, "  ")])
                stats.added += len(new)
            continue
        if not isinstance(seq, CommentedSeq):  # the round-trip loader builds every list as one
            continue  # the load stage reported it
        flow = not seq or bool(seq.fa.flow_style())
        if flow:
            if not new:
                continue
            if not seq and lines[key_line].strip() == f"{section}: []":  # the machine's own empty list
                splice.replace(key_line, [f"{section}:\n"] + [ln for s in new for ln in item_lines(s, "  ")])
                stats.added += len(new)
                continue
            problems.append(
                Problem(str(path), key_line + 1, f"{section}: written as a [flow] list; write it as a block list "
                        "(one '- id:' item per entry) so that briefing curate can append to it")
            )
            continue
        for i, item in enumerate(seq):
            start = seq.lc.item(i)[0]
            end = seq.lc.item(i + 1)[0] if i + 1 < len(seq) else boundary
            if isinstance(item, CommentedMap) and not item.fa.flow_style():
                _mark(item, lines, splice, start, end, seq.lc.item(i)[1], machine, set(sentence_ids), stats, carries)
        if new:
            last = seq.lc.item(len(seq) - 1)
            line = lines[last[0]]
            dash = line[: line.rfind("-", 0, last[1])] if "-" in line[: last[1]] else "  "
            at = last_content(lines, last[0], boundary) + 1
            splice.insert(at, [ln for s in new for ln in item_lines(s, dash)])
            stats.added += len(new)
    if problems:
        raise BriefingError(problems)
    return splice.text(), stats


def _mark(item, lines, splice, start, end, col, machine, sentence_ids, stats, carries) -> None:
    """Add or remove the machine's lines on one existing item: stale, fuzzy, original, original_speaker."""
    keys = " " * col
    add: list[str] = []
    gone = str(item.get("sentence")) not in sentence_ids
    carry = carries.get(str(item.get("id"))) if gone else None
    if carry is not None and item.get("stale") is True and lines[item.lc.key("stale")[0]].strip() == STALE_LINE:
        splice.replace(item.lc.key("stale")[0], [])  # marked stale before it could follow its sentence
        stats.revived += 1
    elif carry is not None and item.get("stale") is True:
        carry = None  # the editor's own stale: true
    if carry is not None:
        fuzzy = FUZZY_LINE.format(sentence=carry.sentence)
        if "fuzzy" not in item:
            add.append(f"{keys}{fuzzy}\n")
            stats.fuzzy += 1
        else:  # the machine's own mark, naming a sentence edited once more since: it follows
            at = item.lc.key("fuzzy")[0]
            mark = _FUZZY_MARK.match(lines[at].strip())
            if mark and mark.group(1) != carry.sentence:
                splice.replace(at, [f"{keys}{fuzzy}\n"])
                stats.fuzzy += 1
    elif gone and "stale" not in item:  # an editor's own `stale: false` is theirs to keep
        add.append(f"{keys}{STALE_LINE}\n")
        stats.stale += 1
    elif not gone and item.get("stale") is True:
        at = item.lc.key("stale")[0]
        if lines[at].strip() == STALE_LINE:
            splice.replace(at, [])
            stats.revived += 1
    s = machine.get(str(item.get("id")))
    if s is not None:
        if "original" not in item and "text" in item and not _same(item["text"], s.text):
            add.append(f"{keys}original: {scalar(s.text)}\n")
            stats.originals += 1
        edited_speaker = "speaker" in item and not _same(item["speaker"], s.speaker)
        if s.section == "quotes" and edited_speaker and "original_speaker" not in item:
            add.append(f"{keys}original_speaker: {scalar(s.speaker)}\n")
            stats.originals += 1
    if add:
        splice.insert(last_content(lines, start, end) + 1, add)


@dataclass(frozen=True, slots=True)
class CurateReport:
    """What `briefing curate` did."""

    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: int
    stats: MergeStats
    answers: int = 0  # possible answers added to content/questions.yml


def curate_files(
    folder: Path, articles: dict[str, tuple[Article, Extraction]], existing: dict[str, Path]
) -> tuple[dict[Path, str], CurateReport]:
    """The new text of every curation file that changes; a removed article's file gets every item marked stale."""
    total = MergeStats()
    out: dict[Path, str] = {}
    created, updated, unchanged, problems = [], [], 0, []
    for slug in sorted(set(articles) | set(existing)):
        path = existing.get(slug, folder / f"{slug}.yml")
        article, ex = articles.get(slug, (None, None))
        items = suggestions(ex) if ex is not None else []
        sentence_ids = {s.id: s.text for s in ex.sentences} if ex is not None else {}
        if slug not in existing:
            assert article is not None  # the slug comes from articles then
            out[path] = new_file(article, items)
            created.append(path)
            total.added += len(items)
            continue
        old = path.read_bytes().decode("utf-8")  # a byte order mark stays where it is
        try:
            text, stats = merge(old.removeprefix("\ufeff"), items, sentence_ids, path)
            text = old[: len(old) - len(old.removeprefix("\ufeff"))] + text
        except BriefingError as exc:
            problems += exc.problems
            continue
        total.add(stats)
        if text != old:
            out[path] = text
            updated.append(path)
        else:
            unchanged += 1
    if problems:
        raise BriefingError(problems)
    return out, CurateReport(tuple(map(str, created)), tuple(map(str, updated)), unchanged, total)


# ---------------------------------------------------------------------------------------------
# Reading: what the build publishes


_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def verbatim(text: str) -> str:
    """Fold quote marks and white space, the only differences a verbatim quote may have."""
    return " ".join(text.translate(_QUOTE_FOLD).replace("''", '"').split())


@dataclass(frozen=True, slots=True)
class Policy:
    """How curation files are applied: the publishing policy and who is in people.yml."""

    publish: str = "all"  # "all" or "approved"
    known_speakers: frozenset[str] = frozenset()  # lowercased names and aliases from people.yml
    canonical: tuple[tuple[str, str], ...] = ()  # (name or alias as written, the person's name) from people.yml


def publish(
    article: Article, ex: Extraction, curation: Curation | None, policy: Policy, diag: Diagnostics
) -> Extraction:
    """The items of one article that the site shows, in the editor's order, pinned first.

    Rejected and stale items never appear; suggested ones (the machine's current suggestions)
    only under `publish: all`. Every edited quote must still be verbatim in the article.
    """
    machine: dict[str, dict[str, KeyPoint | Quote | QuestionCandidate]] = {
        "key_points": {key_point_id(k): k for k in ex.key_points},
        "quotes": {quote_id(q): q for q in ex.quotes},
        "questions": {question_id(c): c for c in ex.questions},
    }
    source = verbatim(ex.text) if curation and curation.section("quotes") else ""  # only edited quotes need it
    listed_all = [Listed(ci.section, ci.id, ci.sentence, ci.text, ci.original) for ci in curation.items] if curation else []
    items = suggestions(ex) if curation else []
    carries = carry_over(listed_all, items, {s.id: s.text for s in ex.sentences}) if curation else {}
    seen = covered(listed_all, items, carries) if policy.publish == "all" else set()  # the machine items listed
    out: dict[str, list] = {}
    for section in SECTIONS:
        chosen: list = []
        listed = curation.section(section) if curation else ()
        for ci in listed:
            assert curation is not None  # listed is () without one
            if ci.stale:
                continue
            rejected = ci.status == "rejected"
            m = machine[section].get(ci.id)
            carry = carries.get(ci.id)
            try:
                sentence = ex.sentence(carry.sentence if carry else ci.sentence)
            except KeyError:
                if not rejected:
                    diag.warn(curation.path, ci.line, f"{ci.id}: sentence {ci.sentence} is not in the article "
                              "(was it edited?); not published. `briefing curate` marks the item stale")
                continue
            if carry is not None:
                m = machine[section].get(carry.machine_id or "")
                if ci.fuzzy is None and not rejected:
                    diag.warn(curation.path, ci.line, f"{ci.id}: its sentence was edited a little; shown with "
                              f"the edited sentence {carry.sentence}. `briefing curate` marks it fuzzy for review")
            if section == "quotes" and not rejected:
                assert m is None or isinstance(m, Quote)  # machine["quotes"] holds Quotes only
                _check_speaker(ci, m, policy, curation, diag)
            if section == "quotes" and verbatim(ci.text) not in source:  # rejected ones too: every quote
                if carry is not None and m is not None:  # the quote itself was edited: the article's words now
                    assert isinstance(m, Quote)  # machine["quotes"] holds Quotes only
                    ci = replace(ci, text=m.text)
                else:
                    diag.error(curation.path, ci.text_line, f"{ci.id}: quote not found verbatim in {article.path.name}: "
                               f"“{ci.text[:80]}”; a quote must be copied exactly (quote marks and spaces may differ)")
                    continue
            if rejected:
                continue
            if ci.status == "suggested" and (policy.publish == "approved" or m is None):
                continue  # unreviewed, or no longer suggested by the machine
            chosen.append(_published(section, ci, m, sentence, ex.text))
        if policy.publish == "all":
            chosen += [m for mid, m in machine[section].items() if mid not in seen]
        out[section] = sorted(chosen, key=lambda x: not x.pinned)
    return replace(ex, key_points=tuple(out["key_points"]), quotes=tuple(out["quotes"]), questions=tuple(out["questions"]))


def _published(section: str, ci: CuratedItem, m, sentence, text: str):
    review = "approved" if ci.status == "approved" else "suggested"
    if section == "key_points":
        base = m or KeyPoint(sentence.id, sentence.start, sentence.end, ci.text, 0.0)
        return replace(base, text=ci.text, review=review, pinned=ci.pinned)
    if section == "questions":
        base = m or QuestionCandidate(ci.text, "editor", (Evidence(sentence.id, sentence.start, sentence.end, sentence.text),))
        return replace(base, question=ci.text, review=review, pinned=ci.pinned)
    speaker = ci.speaker if ci.speaker_given else (m.speaker if m else None)
    start = text.find(ci.text)
    start, end = (start, start + len(ci.text)) if start >= 0 else (sentence.start, sentence.end)
    if m is not None and speaker == m.speaker:
        base = replace(m, start=start, end=end, text=ci.text)
    else:  # the editor named the speaker (or wrote the item): the machine's role is not theirs
        base = Quote(start, end, ci.text, sentence.id, speaker, None, m.kind if m else "direct", "editor",
                     (m.speaker_kind if m and m.speaker_kind != "source" else "person") if speaker else None)
    return replace(base, kind=ci.kind or base.kind, review=review, pinned=ci.pinned, featured=ci.featured)


def _check_speaker(ci: CuratedItem, m: Quote | None, policy: Policy, curation: Curation, diag: Diagnostics) -> None:
    """Warn when an editor named a speaker people.yml does not know."""
    if not (ci.speaker_given and ci.speaker):
        return
    machine_speaker = m.speaker if m else ci.original_speaker
    if _same(ci.speaker, machine_speaker) or ci.speaker.lower() in policy.known_speakers:
        return
    hint = ""
    names = dict((written.casefold(), name) for written, name in policy.canonical)
    close = difflib.get_close_matches(ci.speaker.casefold(), list(names), n=1, cutoff=0.75)
    if close:
        hint = f"did you mean {names[close[0]]!r}? If not, "
    diag.warn(curation.path, ci.speaker_line or ci.line,
              f"speaker {ci.speaker!r} is not in content/people.yml; {hint}add the person (or an alias) there")


def curation_warnings(curations: tuple[Curation, ...], slugs: set[str], diag: Diagnostics) -> None:
    """A curation file whose article is gone refers to nothing."""
    for c in curations:
        if c.slug not in slugs:
            diag.warn(c.path, None, f"no article {c.slug!r} in content/articles/; its items are not published "
                      "(delete the file if the article is gone for good)")

