"""A text that states a figure agrees with the other clauses it rests on (Qt-free).

A text may state figure A beside figure B, and B's clause may state A too, in its own words: the lede
自2023年6月起连续{months}保持全省{rank} rests on the clause 自2023年6月起连续26个月保持全省第二 of the 26 months,
which says the rank was 第二. When A is updated from a new source (第3位), the text would read 保持全省第三 —
a sentence no source states. :func:`contradiction` finds such a place: the words right before A in the text
(保持全省) stand in the clause too, followed by a figure of A's kind with another value (第二).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from srbrief.model.numerals import Mention, mentions, same_kind, states
from srbrief.model.refs import render_ref
from srbrief.model.types import Metric

if TYPE_CHECKING:
    from srbrief.model.types import Briefing

_WORDS_BEFORE = re.compile(r"[^\d\s{}=，,。；;：:、（）()“”]{3,4}$")  # the words that lead to a figure


def said_at(text: str, at: int, clause: str) -> Mention | None:
    """Return the figure *clause* states after the words that stand before position *at* of *text* (three to
    four characters, no digits or punctuation), or None when the clause has no such words or no figure there."""
    words = _WORDS_BEFORE.search(text[:at])
    if words is None:
        return None
    found = mentions(clause)
    start = clause.find(words.group())
    while start >= 0:
        end = start + len(words.group())
        mention = next((m for m in found if m.start == end), None)
        if mention is not None:
            return mention
        start = clause.find(words.group(), start + 1)
    return None


def contradiction(text: str, metric: Metric, clause: str) -> Mention | None:
    """Return what *clause* says where the Chinese *text* (rendered) states *metric*, when that is a figure of
    the metric's kind that does not state its value (保持全省第三 beside a clause 保持全省第二); else None."""
    shown = render_ref(metric, "", "zh")
    start = text.find(shown)
    while start >= 0:
        said = said_at(text, start, clause)
        if said is not None and same_kind(metric, said) and not states(metric, said):
            return said
        start = text.find(shown, start + 1)
    return None


def conflict(text: str, metric: Metric, rests: list[tuple[Metric | None, str]]) -> tuple[str, Mention] | None:
    """Return the first clause among *rests* (each with the figure it is the clause of, if any) that the Chinese
    *text* contradicts where it states *metric*, and what that clause says there; None if it agrees with all.
    The figure's own clause is not among them (its value is checked against it), and a clause is no witness
    against a text whose figure's own clause states that clause's figure too (连续30个月保持全省第二 from a
    new clause that says both: the old clause of the rank, 26个月, is not contradicted)."""
    for other, clause in rests:
        if clause == metric.source.clause or (other is not None and any(
                states(other, m) for m in mentions(metric.source.clause))):
            continue
        said = contradiction(text, metric, clause)
        if said is not None:
            return clause, said
    return None


def disagreements(briefing: Briefing) -> list[str]:
    """Return one line per text that contradicts a clause it rests on (a warning of `srbrief validate`): a text
    that states figure A beside figure B (or is B's label) where B's clause says another value of A in the
    same words — 'overview.lede: “…保持全省第三…” states 第三 where a clause it also rests on says 第二
    (“自2023年6月起连续26个月保持全省第二”)'. The guided update never writes one (it keeps
    the old value there, as that clause states it); a value set by hand may."""
    from srbrief.model.truth import PROSE

    metrics = briefing.metrics
    out = []
    owners = (*briefing.sections, *briefing.points, *briefing.summary, *briefing.facts, *briefing.timeline, *metrics)
    for owner in owners:
        for name in PROSE[type(owner)]:
            text = getattr(owner, name)
            if text is None:
                continue
            stated = [m for m in metrics if render_ref(m, "", "zh") in text.zh]
            for metric in stated:
                rests: list[tuple[Metric | None, str]] = [(o, o.source.clause) for o in stated if o is not metric]
                if isinstance(owner, Metric) and owner is not metric:
                    rests.append((owner, owner.source.clause))  # a figure's label rests on its clause
                found = conflict(text.zh, metric, rests)
                if found is not None:  # once a text (two figures may read alike: 第三)
                    out.append(f"{getattr(owner, 'id', '')}.{name}: “{text.zh}” states {render_ref(metric, '', 'zh')} "
                               f"where a clause it also rests on says {found[1].written} (“{found[0]}”): write what "
                               f"that clause says ({{={found[1].written}}}), or update that figure too")
                    break
    return out
