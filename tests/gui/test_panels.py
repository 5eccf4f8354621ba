"""The app's panels (srbrief.gui.panels): the overview's executive summary of a briefing without themes."""

from __future__ import annotations

from pathlib import Path

import pytest

from srbrief.gui.panels import SectionPanel
from srbrief.model.loader import load_briefing

HENGFENG = Path(__file__).parents[1] / "data" / "tester" / "hengfeng-new-energy.yaml"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_briefing_without_themes_summarises_its_outlook_and_states_each_point_once(qtbot, lang: str) -> None:
    """The county review: the summary showed the first of three messages alone. The deck's summary gives the
    later points and the outlook; the overview panel, which shows the later points right below, adds the
    outlook to its summary and never states a point twice."""
    briefing = load_briefing(HENGFENG)
    panel = SectionPanel(briefing, briefing.sections[0], lang, lambda *_: None)
    blocks = panel.blocks(briefing)
    claims = [b.data[0] for b in blocks if b.kind == "claim"]
    kickers = [b.data[0] for b in blocks if b.kind == "label" and b.style.startswith("Kicker:")]
    assert kickers == (["展望"] if lang == "zh" else ["Outlook"])
    assert briefing.outlook[0].text.get(lang).rstrip("。.") in claims
    for point in briefing.sections[0].points:
        assert claims.count(point.message.get(lang)) == 1
