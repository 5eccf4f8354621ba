"""The house colours, toolkit-free: the charts (matplotlib), the app (Qt), the slides and the deck share them."""

from __future__ import annotations

LIGHT_PALETTE = ("#1f5fa8", "#d9822b", "#2e9d6a", "#8a5cc2", "#c8463d", "#3c9fb5", "#a3863a", "#6b7a8f")
DARK_PALETTE = ("#5fa2ec", "#f0a255", "#4cc38f", "#b18cf0", "#f0776d", "#63c5dc", "#d6b85c", "#9aa7b6")
CARD_COLOURS = 6  # figure cards cycle through the first six colours (the deck theme's six accents)
