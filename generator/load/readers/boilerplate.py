"""Boilerplate in text pasted from web pages: the patterns, as named constants, and the cleaner.

Every pattern is matched against one whole stripped line, case-insensitively. A line is body unless
a pattern claims it; the patterns are kept narrow so that no body line is lost (datelines, bylines,
timestamps, subheads and the story's own source line are body). Photo captions are told by their
form (a credit closing the line, a dated scene without past tense or speech, the same caption printed
twice); a few rules read neighbouring lines (a related-stories block, an author box, a donation box).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.dates import MONTH_WORD

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
    r"(send|e-?mail|share|forward) (this|the) (page|article|story|link)( to (a friend|someone|a colleague))?"
    r"( (via|by) (e-?mail|whatsapp|text|sms|\w+))?\.?",
    r"share|share (this|the) (article|story|page)|share on \w+|tweet|email|e-mail|print|copy link|"
    r"link copied!?|facebook|twitter|x \(formerly twitter\)|whatsapp|linkedin|reddit|telegram|"
    r"comments?( \(\d+\))?|\d+ comments?|view comments|jump to comments|save|bookmark|gift this article",
    r"exit mobile version",
    r"[^\w]*([aA][+−-]|[+−-]|↺|↻)[^\w]*.*\b\d{1,2}\s?(px|pt)\b.*",  # font-size controls "+ ↺ − 16 px"
    r"log ?in|sign ?in|log ?out|sign out|my account|edition|(us|international|uk) edition",
    # breadcrumbs: a few short words separated by › » > | or /
    r"(?!.*\b(19|20)\d\d\b)(?!.*\b\d{1,2}:\d\d\b)[\w&'’., -]{1,30}(\s+[›»>|/]\s+[\w&'’., -]{1,30}){1,5}",
    r"(terms of (use|service)|privacy( policy| notice)?|cookie (policy|settings|preferences)|contact us|"
    r"about us|accessibility|sitemap|careers|advertise with us|do not sell[\w ]*|help center)"
    r"(\s*[|·•]\s*[\w ]+)*",
    r"(©|\(c\)|copyright)\s*.*|all rights reserved\.?",
)

CAPTIONS = (
    r"(photo|image|picture|photograph|illustration|graphic|video)( credit)?s?\s*:.*",
    r"(credit|caption)\s*:\s*[\w .,/&'’-]{1,60}",  # "Source: Reuters" alone is the story's source: body
    r"\((photo|image|picture|video)? ?(credit|courtesy|source)s?\s*:?[^()]{0,60}\)\.?",  # "(photo credit: ISRAEL POLICE)"
    r"[\w.'’ -]{1,60} via (AP|AFP|Reuters|Getty Images|[A-Z]{2,6})\.?",  # "U.S. Central Command via AP"
    r"(hide|show|expand|enlarge|view|open) (the )?(caption|image|gallery|photos?|slideshow)",
    r"(image|photo|slide) \d+ of \d+|\d+ of \d+|\d+ (photos|images)",
    # "... Mohammed Abed/AFP/Getty Images" and "(AP Photo/Jane Doe)" credits ending a caption line
    r".*\s[\w.'’-]+/(AFP|AP|Getty Images|Reuters|EPA|EPA-EFE|Anadolu|Bloomberg|Sipa|"
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
    r"^(follow|read|see|watch|visit|get|find) .{1,80}\b(coverage|updates|news|stories|live)\b.{0,20}\b(at|on|here)\b:?\s*(https?://\S+)?\.?$",
    # donation appeals
    r"\b(donate|donation|give the gift|can'?t do it alone|support (us|our work|(?-i:[Tt]he [A-Z][\w ]{1,30}))|join us|"
    r"become a (supporter|member|patron)|make a (gift|contribution)|save democracy)\b",
)
# Photo captions by their form (a scene described with a place and a date, a credit after or inside
# it, the same caption twice), not by their words.
AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|Getty|Getty Images|EPA|EPA-EFE|Anadolu|AA|Bloomberg|Sipa|NurPhoto|SOPA Images|"
    r"Shutterstock|ZUMA|Xinhua|Pool|Handout|Flash90|dpa|APA Images|Alamy|GPO|IDF|WAFA"
)
# A credit closing a caption. Strong forms name a photo or use the agencies' own "Name/AGENCY" style;
# weak ones (an agency or a name in capitals, alone) count only when the rest reads as a caption.
STRONG_CREDITS = (
    # "… (AP Photo/Oded Balilty)", "… (Courtesy)", "… (photo credit: ISRAEL POLICE)", "… (AFP Photo)"
    r"\((?i:[^()]{0,60}\b(?:photo|photograph|picture|image|credit|courtesy|via)\b[^()]{0,60})\)\.?",
    # "… Photo: IDF", "… Picture: Getty", "… Photograph: A. Name/Anadolu/Getty Images", "…. Source: Screenshot"
    r"(?:^|[.,;)…]\s*|\s)(?i:photo|photograph|picture|image|credit|video)s?\s*:\s*[\w.'’&/ -]{1,70}",
    r"[.,;)…]\s*(?i:source)\s*:\s*[\w.'’&/ -]{1,40}",
    # "…. Ohad Zwigenberg/AP Photo", "REUTERS/Hatem Khaled", "…. Gevara Safadi/APA Images via ZUMA Press Wire/dpa"
    r"(?:^|[.,;…]\s*)(?:[A-Z][\w.'’-]*\.? ?){1,4}\s?/\s?[A-Z][\w.'’ -]{1,40}(?:\s?/\s?[\w.'’ -]{1,40}){0,3}",
    # "…. via IDF", "… Dani (L), via TOI", "…. U.S. Central Command via AP", "…. / Reuters"
    rf"[.,]\s*(?:(?:[A-Z][\w.'’-]* ){{0,4}}via [A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,3}}|/\s*(?:{AGENCIES}))\.?",
    # "…Copyright 2024 The AP. All rights reserved"
    r"(?i:copyright|©)\s*\d{4}.{0,40}",
)
WEAK_CREDITS = (
    rf"\((?:{AGENCIES})\)\.?",  # "… (AFP)"
    r"\([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,3}\)\.?",  # "… (HATEM KHALED)"
    rf"\.\s*(?:{AGENCIES})\.?",  # "… at an undisclosed location. AFP"
)
_STRONG_CREDIT = re.compile("(?:" + "|".join(STRONG_CREDITS) + r")\s*$")
_WEAK_CREDIT = re.compile("(?:" + "|".join(WEAK_CREDITS) + r")\s*$")
_MONTH = MONTH_WORD
# A scene's date at the end of its caption: "…, Monday, May 12, 2025, in Tenafly, N.J." / "…, February 25, 2024"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
_FULL_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d|{_MONTH}\s+(?:19|20)\d\d)"
SCENE_DATE = re.compile(
    rf"(?:,\s+(?:{_WEEKDAY})?|\b(?:on|,)\s+{_WEEKDAY}){_FULL_DATE}"
    r"(?:,?\s+(?:in|near|at)\s+[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,4})?[.,;)\s]*$"
)
# What a caption never has: a report of speech, a quotation, a verb in a past tense.
NOT_CAPTION = re.compile(
    r"[“”\"]|\b(said|says|told|tells|according to|was|were|had|has|have|been|did|will|would|"
    # a simple past: an irregular one, or "-ed" taking an object ("voted to", "resumed its"); a caption's
    # participles describe ("people gathered in the square", "killed and wounded")
    r"met|went|came|took|gave|made|held|left|began|fled|fell|struck|won|lost|sent|led|ran|rose|broke|brought|"
    r"fought|sought|spoke|wrote|drew|found|paid|kept|stood|shot|\w{3,}ed\s+(?:the|a|an|its|their|his|her|to|on|"
    r"that|this|these|those|\d+|(?-i:[A-Z])\w*))\b",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 60
_CREDIT_REACH = 160  # characters from the end of a line where its credit may start
_MIN_SCENE_WORDS = 4  # words of three letters or more before the date: a scene, not a dateline
_SCENE_WORD = re.compile(r"\b[^\W\d_]{3,}\b")

REPORTING_VERBS = re.compile(
    r"\b(said|says|told|according to|announced|reported|stated|warned|added|wrote|asked)\b", re.I
)

AUDIO_VIDEO = (
    r"listen( to (this|the) (article|story|episode|podcast))?( \(?\d+ min(ute)?s?\)?)?\.?",
    r"loading( the)?( audio| video| player| article| content)?\s*(\.\.\.|…)?",
    r"(the )?(voice|audio|narration) (is|was) (ai|computer|automatically)[- ]generated\b.*",
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
MAX_BOILERPLATE_WORDS = 100  # no page furniture runs longer than this; a longer line is body
_MAX_RELATED_BLOCK = 12  # headlines under one "More from …" header
_MAX_BIO_LINES = 4
_CAPTION_PAIR_DISTANCE = 2  # lines between a caption and its second printing
_MIN_PAIRED_CAPTION_WORDS = 5
_MAX_APPEAL_BLOCK = 12  # lines from one appeal line to the next within one donation box
_MAX_APPEAL_LINE_WORDS = 15


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


@functools.lru_cache(maxsize=4096)
def credit_start(line: str) -> tuple[int, bool] | None:
    """Where a photo credit closing the line starts and whether its form is strong, or None.
    Credits are short: only the line's last characters are searched."""
    for pattern, strong in ((_STRONG_CREDIT, True), (_WEAK_CREDIT, False)):
        m = pattern.search(line, max(0, len(line) - _CREDIT_REACH))
        if m:
            return m.start(), strong
    return None


def is_caption(line: str) -> bool:
    """Tell whether a line reads as a photo caption by its form: it ends with a photo credit, or it
    describes a scene with a place and a date (present tense, no speech, no quotation)."""
    words = word_count(line)
    if words > _MAX_CAPTION_WORDS or _SOURCE_LINE.fullmatch(line):
        return False
    credit = credit_start(line)
    tail = credit[0] if credit else None
    body = line[:tail] if tail is not None else line
    if credit and (tail or words <= 8) and (credit[1] or (tail and not NOT_CAPTION.search(body))):
        return True
    scene = SCENE_DATE.search(body)
    return (
        scene is not None
        and len(_SCENE_WORD.findall(body[: scene.start()])) >= _MIN_SCENE_WORDS
        and not NOT_CAPTION.search(body)
        and len(_SENTENCE_END.findall(body)) <= 2
    )


# A line that only names the story's source is the story's own credit: body ("Source: Reuters", "SOURCE:AFP").
_SOURCE_LINE = re.compile(r"(?:source|sources)\s*:\s*[\w.'’&/ -]{1,40}|--?\s*\w+|[A-Z]{2,5}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")
_LEADING_SYMBOLS = re.compile(r"^[^\w“”\"'‘’(\[]+")


def classify(line: str, extra: re.Pattern | None = None) -> str | None:
    """Return the boilerplate category of one stripped line, or None for body."""
    if extra is not None and extra.fullmatch(line):
        return "custom"
    if word_count(line) > MAX_BOILERPLATE_WORDS:
        return None  # a paragraph; also keeps the patterns' backtracking to short lines
    core = _LEADING_SYMBOLS.sub("", line)  # "🎙️ Voice is AI-generated."
    for name, pattern in _COMPILED.items():
        if pattern.fullmatch(line) or (core != line and core and pattern.fullmatch(core)):
            return name
    if is_caption(line):
        return "caption"
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
    return _appeal_blocks(_caption_pairs(out))


def _caption_core(line: str) -> str:
    """A caption without its credit and closing punctuation, for comparing two versions of it."""
    credit = credit_start(line)
    return _normalise(line[: credit[0]] if credit and credit[0] else line).rstrip(" .,;")


def _caption_pairs(lines: list[CleanLine]) -> list[CleanLine]:
    """A line next to a caption that is the same caption (without its credit, or repeated) is one too:
    pages print a caption twice, as the image's text and under it."""
    out = list(lines)
    for k, cl in enumerate(out):
        if cl.category is not None or not _MIN_PAIRED_CAPTION_WORDS <= word_count(cl.text) <= _MAX_CAPTION_WORDS:
            continue
        core = _caption_core(cl.text)
        for j in range(max(0, k - _CAPTION_PAIR_DISTANCE), min(len(out), k + _CAPTION_PAIR_DISTANCE + 1)):
            other = out[j]
            if j != k and other.category == "caption" and core and _caption_core(other.text).startswith(core):
                out[k] = CleanLine(cl.line, cl.text, "caption")
                break
    return out


def _appeal_blocks(lines: list[CleanLine]) -> list[CleanLine]:
    """Short lines between two lines of one appeal (to donate, subscribe, join) belong to it: the
    pitch and the bullets of a donation box."""
    out = list(lines)
    prompts = [k for k, cl in enumerate(out) if cl.category == "prompt"]
    for a, b in zip(prompts, prompts[1:], strict=False):
        if b - a > _MAX_APPEAL_BLOCK:
            continue
        for k in range(a + 1, b):
            cl = out[k]
            if cl.category is None and word_count(cl.text) <= _MAX_APPEAL_LINE_WORDS:
                out[k] = CleanLine(cl.line, cl.text, "prompt")
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
