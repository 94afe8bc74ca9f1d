"""Page furniture in an article's text: the lines that are not the story.

Captions, credits, promotions and widgets (generator/load/readers/boilerplate.py classifies a line by
itself), and a scene whose line ends in a photo credit ("… in Rafah on Monday. REUTERS/Some Name").
A pasted .txt article has most of them removed already; a .md or .html one, or a record on the
JSONL interface, may still hold them. Key points, speakers, questions and stories all skip them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.extract.keypoints import is_credit_only
from generator.load.readers.boilerplate import classify

_LAST_SENTENCE = re.compile(r"(?:[.!?][”\"’)]?\s+|\s[(|]\s*)([^.!?]+?)\)?\s*$")


@lru_cache(maxsize=4096)
def furniture_lines(text: str) -> frozenset[int]:
    """Start offsets of the lines of text that are page furniture."""
    out = set()
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and (classify(stripped) is not None or credited_caption(stripped)):
            out.add(at)
        at += len(line) + 1
    return frozenset(out)


def on_furniture(text: str, pos: int) -> bool:
    """Whether position pos of text lies on a furniture line."""
    return text.rfind("\n", 0, pos) + 1 in furniture_lines(text)


def credited_caption(line: str) -> bool:
    """A line whose last words are a photo credit: the caption of a picture, not the story."""
    tail = _LAST_SENTENCE.search(line)
    return tail is not None and tail.start() > 0 and is_credit_only(tail.group(1))
