"""Static briefing-site generator: content/ in, a MkDocs Material briefing site out."""

__version__ = "0.1.0"
