"""How many slides the built-in deck has in each language (it follows the storyline in the data, and the
appendix tables take as many slides as their text needs; tests compare with it)."""

from __future__ import annotations

from srbrief.deck.plan import plan_deck
from srbrief.model import load_briefing
from srbrief.resources import builtin_briefing_path

_BUILTIN = load_briefing(builtin_briefing_path())
SLIDES = {lang: len(plan_deck(_BUILTIN, lang).slides) for lang in ("zh", "en")}
DECK_SLIDES = SLIDES["zh"]
