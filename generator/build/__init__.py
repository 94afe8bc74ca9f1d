"""Stage 5, build: the generated Markdown in, site/ out.

Runs MkDocs (and Pagefind when the site asks for it) into a staging folder and swaps it in, so a
failed build leaves the previous site/; records the run's inputs so an unchanged project is not
generated again.
"""
