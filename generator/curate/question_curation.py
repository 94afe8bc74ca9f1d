"""content/questions.yml: `briefing curate` adds the possible answers a later article gives.

Beside a curated question that is still open, has no answer and no possible answer yet, it adds

    possible_answer: "Israeli tanks pushed into central Rafah on Tuesday."  # from a later article: …
    possible_answer_source: rafah-tanks-push#s-0123456789

for an editor to confirm (`status: answered`; the possible answer is then the answer unless
`answer:` says otherwise) or dismiss (`possible_answer_dismissed: true`). Like every curation file
it is merged, never rewritten: the lines are spliced in after the item's last line, nothing that is
there changes, and a question that has a possible answer, confirmed or dismissed, gets no other.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedSeq

from generator.curate.curation import Splice, last_content, load_round_trip, scalar

ANSWER_COMMENT = "# from a later article: set status: answered to confirm it, or possible_answer_dismissed: true"


def merge_answers(text: str, answers: dict[str, tuple[str, str]], path: Path | str = "") -> tuple[str, int]:
    """Add each question's possible answer (id → (sentence text, 'slug#s-…')) to the file's text;
    return the new text and how many were added."""
    doc = load_round_trip(text, path)
    if not answers or doc is None or not hasattr(doc, "get"):
        return text, 0
    seq = doc.get("questions")
    if not isinstance(seq, CommentedSeq) or not seq or seq.fa.flow_style():  # the round-trip loader builds every list as one
        return text, 0
    if not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines(keepends=True)
    splice = Splice(lines)
    key_lines = sorted(doc.lc.key(k)[0] for k in doc)
    boundary = next((k for k in key_lines if k > doc.lc.key("questions")[0]), len(lines))
    added = 0
    for i, item in enumerate(seq):
        if not hasattr(item, "get") or item.fa.flow_style():
            continue
        qid = str(item.get("id"))
        if qid not in answers or str(item.get("status") or "open") != "open" or item.get("answer"):
            continue
        if any(k in item for k in ("possible_answer", "possible_answer_source", "possible_answer_dismissed")):
            continue
        start = seq.lc.item(i)[0]
        end = seq.lc.item(i + 1)[0] if i + 1 < len(seq) else boundary
        keys = " " * seq.lc.item(i)[1]
        sentence, ref = answers[qid]
        splice.insert(
            last_content(lines, start, end) + 1,
            [f"{keys}possible_answer: {scalar(sentence)}  {ANSWER_COMMENT}\n", f"{keys}possible_answer_source: {ref}\n"],
        )
        added += 1
    return splice.text(), added
