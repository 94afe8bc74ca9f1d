"""Stage 4, render: a `Briefing` in, Markdown pages and mkdocs.yml out.

Each page template gets a small context of its own; pages are written only when their bytes
change. Untrusted text is escaped here (generator/escape.py) and nowhere else needs to.
"""
