"""Stage 1, load: content/ in, a validated `Content` out.

Takes the project's content/ folder (articles in .md, .txt or .html; people.yml, topics.yml,
stories.yml, questions.yml and curation/*.yml) and gives `Content`: frozen dataclasses of articles,
people, topics and curations, with every problem reported through `Diagnostics` as
`path:line: what is wrong, what was expected`. Nothing here writes anywhere.
"""
