"""Boilerplate in text pasted from web pages: the patterns, as named constants, and the cleaner.

Every pattern is matched against one whole stripped line, case-insensitively. A line is body unless
a pattern claims it; the patterns are kept narrow so that no body line is lost (datelines, bylines,
timestamps and subheads are body).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Site chrome glued to the first real line by copy-and-paste ("Exit mobile versionUS assesses …").
GLUED_PREFIXES = (
    "Exit mobile version",
    "Skip to content",
    "Skip to main content",
    "Listen to this article",
)

NAVIGATION = (
    r"skip to (main |the )?(content|navigation|search|article)",
    r"(open|close|toggle|show|hide) (the )?(main )?(menu|navigation|search|sidebar)",
    r"(main )?menu|home|homepage|search|sections|navigation|close|back to top|top of page|go to top",
    r"share|share (this|the) (article|story|page)|share on \w+|tweet|email|e-mail|print|copy link|"
    r"link copied!?|facebook|twitter|x \(formerly twitter\)|whatsapp|linkedin|reddit|telegram|"
    r"comments?( \(\d+\))?|\d+ comments?|view comments|jump to comments|save|bookmark|gift this article",
    r"exit mobile version",
    r"log ?in|sign ?in|log ?out|sign out|my account|edition|(us|international|uk) edition",
    # breadcrumbs: a few short words separated by › » > | or /
    r"[\w&'’., -]{1,30}(\s+[›»>|/]\s+[\w&'’., -]{1,30}){1,5}",
    r"(terms of (use|service)|privacy( policy| notice)?|cookie (policy|settings|preferences)|contact us|"
    r"about us|accessibility|sitemap|careers|advertise with us|do not sell[\w ]*|help center)"
    r"(\s*[|·•]\s*[\w ]+)*",
    r"(©|\(c\)|copyright)\s*.*|all rights reserved\.?",
)

CAPTIONS = (
    r"(photo|image|picture|photograph|illustration|graphic|video)( credit)?s?\s*:.*",
    r"(credit|caption|source)\s*:\s*[\w .,/&'’-]{1,60}",
    r"(hide|show|expand|enlarge|view|open) (the )?(caption|image|gallery|photos?|slideshow)",
    r"(image|photo|slide) \d+ of \d+|\d+ of \d+|\d+ (photos|images)",
    # "... Mohammed Abed/AFP/Getty Images" and "(AP Photo/Jane Doe)" credits ending a caption line
    r".*\s[\w.'’-]+( [\w.'’-]+)*/(AFP|AP|Getty Images|Reuters|EPA|EPA-EFE|Anadolu|Bloomberg|Sipa|"
    r"NurPhoto|SOPA Images|Shutterstock|ZUMA|Xinhua|Pool|Handout|Middle East Images|Flash90)"
    r"(/[\w ]+)*\)?\.?",
    r".*\((AP|AFP|Reuters|EPA|Getty)( Photo)?(/[^)]+)?\)\.?",
    r"(Getty Images|AFP via Getty Images|Reuters|AP|AFP|EPA|Shutterstock|File|Handout)\.?",
)

# Prompts to sign up, subscribe or install an app; matched anywhere in a short line with no
# reporting verb (a body sentence such as "In a newsletter, the campaign said …" stays).
PROMPT_WORDS = (
    r"\b(sign up|sign-up|subscribe|subscription|newsletters?|create (an|a free) account|"
    r"register (now|for free|here)|already a (subscriber|member)|get (the|our) (free )?app|"
    r"download (the|our) app|app store|google play|push notifications|breaking news alerts|"
    r"follow us on|join us on|whatsapp channel|support (our|independent) journalism|"
    r"unlimited (access|digital access)|free trial|become a member|manage your (account|subscription)|"
    r"inbox|you've been signed up|thank you for signing up)\b",
    r"^for more .{1,40} news\b.*",
)
REPORTING_VERBS = re.compile(
    r"\b(said|says|told|according to|announced|reported|stated|warned|added|wrote|asked)\b", re.I
)

AUDIO_VIDEO = (
    r"listen( to (this|the) (article|story|episode|podcast))?( \(?\d+ min(ute)?s?\)?)?\.?",
    r"\d+\s*(min|mins|minute|minutes)\s*(read|listen|watch)",
    r"(read|reading|listening) time:?\s*.*",
    r"(play|watch|pause|replay|mute|unmute)( (video|audio|now|again))?",
    r"(watch|video|audio|listen|podcast)\s*[:|]\s*.{1,150}",
    r"video( ad feedback| player)?|ad feedback|now playing|up next|autoplay( on| off)?|"
    r"audio( player)?|podcast|transcript",
    r"\d{1,2}:\d{2}(\s*/\s*\d{1,2}:\d{2})?",
    r"this (audio|article|story) (is|was|has been) (auto(matically)?|ai)[- ]?(generated|narrated|read).*",
    r"(press|click|tap) play to (listen|watch).*",
    r"powered by [\w ]*(audio|voice|trinity|speech)[\w ]*",
)

ADS = (
    r"advertisement|advert|ads?|sponsored( content| post| links)?|paid (content|post|partner)|"
    r"promoted( content| stories)?|supported by|partner content|"
    r"story continues below( this)? (ad|advertisement)|continue reading (the )?(main story|below)|"
    r"scroll (down )?to continue( reading)?|article continues (below|after advertisement)",
    r"your browser (does not|doesn't) support.*|please (enable|turn on) javascript.*|"
    r"(this|our) (site|website) uses cookies.*|(accept|manage|reject) (all )?cookies.*|"
    r"please (update|upgrade) your browser.*|you are using an? (outdated|unsupported) browser.*|"
    r"javascript is (disabled|required).*|to view this (video|content),? please enable javascript.*|"
    r"we use cookies.*",
)

AUTHOR_BIO = (
    r"about the (authors?|reporters?|writers?)",
    r"follow (him|her|them|[A-Z][\w.'’-]+( [A-Z][\w.'’-]+)?) on (twitter|x|facebook|instagram|threads|"
    r"bluesky|linkedin|mastodon)\b.*",
    r"(contact|email|e-mail|reach) (the (author|reporter|writer)|him|her|them)\b.*",
    r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3} is an? ([\w-]+ ){0,5}(reporter|correspondent|editor|writer|"
    r"journalist|producer|columnist|contributor|anchor|bureau chief)\b[^“”\"]*",
    r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3} (covers|writes about|reports on) [^“”\"]*",
    r"@\w{2,30}",
)

TEMPLATE_LEFTOVERS = (
    r"\{\{.*\}\}|\{%.*%\}|\$\{.*\}|<%.*%>|\[\[.*\]\]|%%\w+%%|__[A-Z_]+__|\{[a-z_]+\}",
    r"\[object object\]|undefined|null|nan|none|lorem ipsum.*|<!--.*-->",
    r"\[/?(caption|embed|gallery|video|audio|tweet|related)\b[^\]]*\].*",
)

# Headers that open a block of related-story headlines.
RELATED_HEADERS = (
    r"more from .{1,60}|more (stories|news|coverage|on this story|on this topic|to read|like this)",
    r"related( (stories|articles|coverage|content|links|topics|reading|videos?))?:?|related:\s.{1,150}",
    r"(read|see) (more|also)\b.*|recommended( for you| stories| reading)?|"
    r"most (read|popular|viewed|shared)|trending( now| stories)?|top stories|"
    r"you (may|might) also (like|be interested in)|don'?t miss|editor'?s picks|"
    r"what to read next|keep reading|further reading|in other news|latest (news|stories)",
)

CATEGORIES = {
    "navigation": NAVIGATION,
    "caption": CAPTIONS,
    "audio-video": AUDIO_VIDEO,
    "ad": ADS,
    "author-bio": AUTHOR_BIO,
    "template": TEMPLATE_LEFTOVERS,
    "related": RELATED_HEADERS,
}

_COMPILED = {
    name: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for name, patterns in CATEGORIES.items()
}
_PROMPT = [re.compile(p, re.IGNORECASE) for p in PROMPT_WORDS]
_RELATED = _COMPILED["related"]
_BIO_HEADER = re.compile(AUTHOR_BIO[0], re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;][”\"’')\]]*$")
_MAX_PROMPT_WORDS = 30
_MAX_RELATED_BLOCK = 12  # headlines under one "More from …" header
_MAX_BIO_LINES = 4


@dataclass(frozen=True, slots=True)
class CleanLine:
    """A source line and what the cleaner decided about it."""

    line: int
    text: str
    category: str | None  # None for body


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A pasted page split into body paragraphs, its headline and the lines removed."""

    headline: str | None
    headline_line: int | None
    paragraphs: tuple[tuple[int, str], ...]  # (source line, text)
    removed: tuple[CleanLine, ...]


def word_count(line: str) -> int:
    """Count the words of a line."""
    return len(line.split())


def is_headline_like(line: str) -> bool:
    """Tell whether a line reads as a title or subhead: short, no closing sentence punctuation."""
    return 0 < word_count(line) <= 30 and not _TERMINAL.search(line) and line[:1] not in "“\"‘'"


# Quote marks a headline may open with, and the mark that closes each ("'Where can we go?' say …").
OPENING_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“"}
_CLOSED_STATEMENT = re.compile(r"[.…:;][”\"’')\]]*$")  # a headline may end in ? or !, never in a full stop


def is_headline(line: str) -> bool:
    """Tell whether a page's first line reads as its headline: title-like, even when it opens with a
    quotation or asks a question."""
    if not 0 < word_count(line) <= 30 or _CLOSED_STATEMENT.search(line):
        return False
    closer = OPENING_QUOTES.get(line[:1])
    if closer is None:
        return True
    end = line.find(closer, 1)
    return end > 1  # the quotation closes on the line: a quoted headline, not a paragraph of speech


def strip_glued_prefix(line: str) -> str:
    """Remove site chrome glued to the start of a line by copy-and-paste."""
    for prefix in GLUED_PREFIXES:
        if line.lower().startswith(prefix.lower()) and len(line) > len(prefix):
            return line[len(prefix) :].lstrip(" :|-–—")
    return line


def classify(line: str, extra: re.Pattern | None = None) -> str | None:
    """Return the boilerplate category of one stripped line, or None for body."""
    if extra is not None and extra.fullmatch(line):
        return "custom"
    for name, pattern in _COMPILED.items():
        if pattern.fullmatch(line):
            return name
    if word_count(line) <= _MAX_PROMPT_WORDS and not REPORTING_VERBS.search(line):
        if any(p.search(line) for p in _PROMPT):
            return "prompt"
    return None


def _normalise(line: str) -> str:
    return " ".join(line.lower().split())


def clean_lines(raw: str, extra_patterns: Iterable[str] = ()) -> list[CleanLine]:
    """Classify every non-blank line of a pasted page as body or a kind of boilerplate."""
    patterns = list(extra_patterns)
    extra = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
    out: list[CleanLine] = []
    seen: set[str] = set()
    related_left = 0  # headlines still expected under a related-stories header
    bio_left = 0
    numbered = [(n, ln.strip()) for n, ln in enumerate(raw.split("\n"), start=1) if ln.strip()]
    for k, (number, line) in enumerate(numbered):
        line = strip_glued_prefix(line) if not out else line
        category = classify(line, extra)
        if category is None and related_left and is_headline_like(line) and not _body_follows(numbered, k, extra):
            category = "related"
        if category is None and bio_left and not line.startswith(("“", '"')):
            category = "author-bio"
        if category is None and len(line) > 1 and _normalise(line) in seen:
            category = "repeated"
        if category == "related":
            related_left = _MAX_RELATED_BLOCK if _RELATED.fullmatch(line) else related_left - 1
        elif category is None:
            related_left = 0
        if category == "author-bio" and _BIO_HEADER.fullmatch(line):
            bio_left = _MAX_BIO_LINES
        elif bio_left:
            bio_left -= 1
        if category is None:
            seen.add(_normalise(line))
        out.append(CleanLine(number, line, category))
    return out


def _body_follows(numbered: list[tuple[int, str]], k: int, extra: re.Pattern | None) -> bool:
    """Tell whether the next line is a body sentence: then a short line before it is a subhead."""
    if k + 1 >= len(numbered):
        return False
    nxt = numbered[k + 1][1]
    return not is_headline_like(nxt) and classify(nxt, extra) is None


def clean_pasted(raw: str, extra_patterns: Iterable[str] = ()) -> Cleaned:
    """Clean a pasted page: drop boilerplate, take a first-line headline, join wrapped lines."""
    lines = clean_lines(raw, extra_patterns)
    body = [cl for cl in lines if cl.category is None]
    removed = tuple(cl for cl in lines if cl.category is not None)
    headline = headline_line = None
    if body and is_headline(body[0].text) and _before_first_body(body[0], lines):
        headline, headline_line = body[0].text, body[0].line
        body = body[1:]
    return Cleaned(headline, headline_line, tuple(_paragraphs(body)), removed)


def _before_first_body(candidate: CleanLine, lines: list[CleanLine]) -> bool:
    """A headline is the first line of the page once boilerplate is gone."""
    return next(cl for cl in lines if cl.category is None) is candidate


def _paragraphs(body: list[CleanLine]) -> Iterable[tuple[int, str]]:
    """Join hard-wrapped lines (no closing punctuation, next line lowercase) into paragraphs."""
    current: list[CleanLine] = []
    for cl in body:
        if current:
            prev = current[-1]
            wrapped = (
                cl.line == prev.line + 1
                and not _TERMINAL.search(prev.text)
                and cl.text[:1].islower()
            )
            if not wrapped:
                yield current[0].line, " ".join(c.text for c in current)
                current = []
        current.append(cl)
    if current:
        yield current[0].line, " ".join(c.text for c in current)
