"""Stage 1 — reading articles.

:mod:`kg.read.corpus` reads files and folders (plain text, Markdown, HTML, JSON Lines) into
:class:`~kg.read.corpus.Article` records: text, title, date, URL and content hash. Next:
:mod:`kg.nlp`.
"""
