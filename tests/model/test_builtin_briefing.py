"""The built-in briefing: complete, traceable and right, figure by figure, against the article."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

import pytest

from srbrief.model import Briefing, DerivedPart, EntityKind, Metric, Qualifier, Text, load_briefing
from srbrief.model.units import number_text
from srbrief.resources import builtin_briefing_path

# Hand count of the article's figures, by section (recorded when the briefing was written; see the issue):
# overview 5 (6261亿元, 全省第二, 26个月, 17个季度, 百强市), theme 1: 13, theme 2: 21, theme 3: 13.
HAND_COUNT = {"overview": 5, "theme-1": 13, "theme-2": 21, "theme-3": 13}
# Values we computed from the article's figures (marked derived), beside the hand count: none so far.
COMPUTED: set[str] = set()

# Figures a leader is most likely to be asked about: (value, unit, qualifier, a word of the source clause).
KEY_FIGURES = [
    (6261, "yi-yuan", "exact", "营业收入"), (26, "month", "exact", "连续26个月"), (17, "quarter", "exact", "17个季度"),
    (2, "rank", "rank", "全省第二"), (12, "tiao", "exact", "12条"), (6, "ge", "exact", "6个"),
    (150, "jia", "exact", "净增150家"), (10, "yi-yuan", "more_than", "突破10亿元"),
    (33.84, "percent", "exact", "33.84%"),
    (27, "ci", "exact", "27次"), (3, "rank", "rank", "全省第三"), (20, "percent", "exact", "提升20%"),
    (95, "percent", "exact", "95%"), (50, "jia", "more_than", "50余家"), (10, "bei", "exact", "10倍"),
    (98, "percent", "exact", "98%"), (14, "ge", "exact", "14个"), (600, "jia", "more_than", "600余家"),
    (10, "percent", "exact", "提升10%"), (25, "percent", "exact", "降低25%"), (3, "yi-yuan", "more_than", "超3亿元"),
    (700, "jia", "more_than", "700余家"), (8.5, "yi-ci", "exact", "8.5亿次"), (7, "jia", "exact", "7家"),
    (5, "yi-yuan", "more_than", "超5亿元"), (127, "jia", "exact", "127家"), (2.1, "yi-yuan", "exact", "2.1亿元"),
    (1, "wan-renci", "more_than", "超1万人次"), (13, "jia", "exact", "13家"), (100, "percent", "exact", "100%"),
    (28, "jia", "exact", "28家"), (10, "wan-dun", "exact", "10万吨"), (368.6, "yi-yuan", "exact", "368.6亿元"),
    (94.3, "percent", "exact", "94.3%"), (222.7, "yi-yuan", "exact", "222.7亿元"), (74.9, "percent", "exact", "74.9%"),
    (25, "jia", "exact", "25家"), (162, "xiang", "exact", "162项"),
]

# What follows a number in the article tells its unit.
UNIT_WORDS = [("亿元", "yi-yuan"), ("亿次", "yi-ci"), ("万人次", "wan-renci"), ("万吨", "wan-dun"), ("个月", "month"),
              ("个季度", "quarter"), ("%", "percent"), ("家", "jia"), ("个", "ge"), ("条", "tiao"), ("项", "xiang"),
              ("次", "ci"), ("倍", "bei")]
CHINESE_NUMERALS = {1: ("一", "首", "榜首", "第一"), 2: ("两", "二"), 3: ("三",), 6: ("六",), 100: ("百",)}
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def briefing(article_text: str) -> Briefing:
    return load_briefing(builtin_briefing_path(), article_text)


def test_validates_against_the_article(briefing: Briefing) -> None:
    assert briefing.schema == "srbrief/1"
    assert briefing.source.date == "2025-10-11"
    assert briefing.source.publication.zh == "上饶日报"
    assert briefing.source.title.zh == "挺起制造强市“硬脊梁”" and briefing.source.id == "shangrao-daily-2025-10-11"
    assert len(briefing.sources) == 1 and briefing.source.text is not None  # the article's text is shipped


def test_sections(briefing: Briefing) -> None:
    assert [s.id for s in briefing.sections] == list(HAND_COUNT)
    assert [s.number for s in briefing.sections[1:]] == [1, 2, 3]


def test_metric_count_matches_the_hand_count(briefing: Briefing) -> None:
    counts = {s.id: len([m for m in s.metrics if m.id not in COMPUTED]) for s in briefing.sections}
    assert counts == HAND_COUNT
    assert len(briefing.metrics) == sum(HAND_COUNT.values()) + len(COMPUTED) == 52
    assert all(briefing.find(i).derived for i in COMPUTED)


@pytest.mark.parametrize(("value", "unit", "qualifier", "word"), KEY_FIGURES)
def test_key_figure(briefing: Briefing, value: float, unit: str, qualifier: str, word: str) -> None:
    found = [m for m in briefing.metrics if m.value == value and m.unit == unit and word in m.source.clause]
    assert len(found) == 1, f"expected one metric {value} {unit} from a clause with {word!r}, got {found}"
    assert found[0].qualifier.value == qualifier


def _number_position(metric: Metric) -> tuple[int, str] | None:
    """Return where the metric's number stands in its source clause, and how it is written."""
    written = number_text(metric.value)
    for match in re.finditer(re.escape(written), metric.source.clause):
        before = metric.source.clause[match.start() - 1: match.start()]
        after = metric.source.clause[match.end(): match.end() + 1]
        if not (before.isdigit() or before == ".") and not (after.isdigit() or after == "."):
            return match.start(), written
    for alias in CHINESE_NUMERALS.get(int(metric.value), ()):
        if alias in metric.source.clause:
            return metric.source.clause.index(alias), alias
    return None


def _value_derived(metric: Metric) -> bool:
    """Return whether the metric's value (not only its period) is one we derived."""
    return metric.derived is not None and metric.derived_part is DerivedPart.VALUE


def test_every_number_stands_in_its_source_clause(briefing: Briefing) -> None:
    missing = [m.id for m in briefing.metrics if not _value_derived(m) and _number_position(m) is None]
    assert not missing, f"numbers not found in their source clauses: {missing}"


def test_derived_values_say_so(briefing: Briefing) -> None:
    """A value whose number the article does not write (a count of names, a computed share) is marked
    derived and its `derived` note says how it was obtained; a derived period says so too."""
    for m in briefing.metrics:
        if _number_position(m) is None:
            assert _value_derived(m), m.id
        if m.derived is not None:
            assert re.search(r"count|comput", m.derived.en.lower()), m.id


def _around_number(briefing: Briefing) -> list[tuple[Metric, str, str]]:
    """Return (metric, the two characters before its number, the text after it) for quantities written as
    numbers in their clauses (ranks and derived counts left out)."""
    found = []
    for m in briefing.metrics:
        position = _number_position(m)
        if position is None or m.qualifier in (Qualifier.RANK, Qualifier.TOP):
            continue
        start, written = position
        found.append((m, m.source.clause[max(0, start - 2): start], m.source.clause[start + len(written):]))
    return found


def test_units_follow_the_article(briefing: Briefing) -> None:
    wrong = []
    for m, _, after in _around_number(briefing):
        rest = after.lstrip("余")
        unit = next((code for word, code in UNIT_WORDS if rest.startswith(word)), None)
        if unit is not None and unit != m.unit:
            wrong.append(f"{m.id}: {m.unit} but the article says {rest[:4]!r}")
    assert not wrong


def test_more_than_follows_the_article(briefing: Briefing) -> None:
    """超 / 突破 before the number or 余 after it is 'more than'; otherwise it is not."""
    wrong = []
    for m, before, after in _around_number(briefing):
        more = before.endswith("超") or before.endswith("突破") or after[:1] == "余"
        if more != (m.qualifier is Qualifier.MORE_THAN):
            wrong.append(f"{m.id}: {m.qualifier.value}, clause {m.source.clause!r}")
    assert not wrong


def test_directions_of_changes(briefing: Briefing) -> None:
    for m in briefing.metrics:
        found = _number_position(m)
        if found and m.unit == "percent":
            before = m.source.clause[max(0, found[0] - 2): found[0]]
            if before in ("提升", "降低"):
                assert m.direction is not None and m.direction.value == (
                    "increase" if before == "提升" else "decrease"), m.id


def test_charts_per_section(briefing: Briefing) -> None:
    counts = {s.id: len(s.charts) for s in briefing.sections}
    assert counts["overview"] >= 2
    assert all(counts[s] >= 3 for s in ("theme-1", "theme-2", "theme-3"))
    kinds = Counter(c.kind.value for c in briefing.charts)
    # no bars: the article's changes are three different measures (tiles); tests/data/six-themes.yaml has bars
    for kind in ("kpi", "share", "timeline", "grid", "matrix", "route_map"):
        assert kinds[kind] >= 1, kind


def test_named_chains_and_clusters(briefing: Briefing) -> None:
    lists = sorted(len(f.items) for f in briefing.facts if f.items)
    assert 12 in lists and 6 in lists


def test_places_have_real_coordinates(briefing: Briefing) -> None:
    places = {e.id: e for e in briefing.entities if e.kind is EntityKind.PLACE}
    assert len(places) >= 6
    for place in places.values():
        assert place.location is not None
        assert 18 < place.location.lat < 54 and 73 < place.location.lon < 135, place.id
    shangrao = next(p for p in places.values() if p.name.zh == "上饶")
    assert shangrao.location is not None
    assert abs(shangrao.location.lat - 28.45) < 0.2 and abs(shangrao.location.lon - 117.94) < 0.2


def test_timeline_dates(briefing: Briefing) -> None:
    dates = [e.date for e in briefing.timeline]
    assert dates == sorted(dates)
    for date in ("2023-06", "2023-10", "2025-03", "2025-09-10"):
        assert date in dates
    assert not any(re.match(r"\d{4}-\d{2}-\d{2} \d{2}:", e.source.clause) for e in briefing.timeline)  # no dateline


def _texts(obj: Any) -> list[Text]:
    if isinstance(obj, Text):
        return [obj]
    if isinstance(obj, tuple):
        return [t for item in obj for t in _texts(item)]
    if dataclasses.is_dataclass(obj):
        return [t for f in dataclasses.fields(obj) for t in _texts(getattr(obj, f.name))]
    return []


def test_every_text_is_translated(briefing: Briefing) -> None:
    texts = _texts(briefing)
    assert len(texts) > 200
    untranslated = [t.en for t in texts if HAN.search(t.en)]
    assert not untranslated, untranslated[:5]
    assert not [t.zh for t in texts if not HAN.search(t.zh) and not re.fullmatch(r"[\w\s.+·-]+", t.zh)]
