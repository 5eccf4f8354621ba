"""How many slides the built-in deck has (it follows the storyline in the data; tests compare with it)."""

from __future__ import annotations

from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

DECK_SLIDES = len(plan_deck(load_briefing(builtin_briefing_path()), "zh").slides)
