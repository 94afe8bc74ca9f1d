"""Stage 3, curate: `Content` and every article's `Extraction` in, a `Briefing` out.

Joins what the articles say across articles: duplicates, stories and their key points, speakers
across name forms, open questions and their possible answers, topics and the timeline, merged with
the editor's curation files (published, hidden, corrected). It also merges new suggestions into
those files for `briefing curate`, appending only. It renders nothing.
"""
