"""Drafting a briefing from an article: its structure, every figure with its clause, a first storyline. Qt-free.

:mod:`~srbrief.draft.article` reads the article's headline, date line and headed parts;
:mod:`~srbrief.draft.extract` finds its figures (one rule per kind of figure and of non-figure);
:mod:`~srbrief.draft.briefing` writes them as a draft briefing that validates.
"""
