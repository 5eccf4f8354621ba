"""What a colour means is decided once (srbrief.meaning): sections, good news, bad news, neutral."""

from __future__ import annotations

from srbrief import meaning, palette


def test_sections_are_distinct_and_never_say_good_or_bad_news() -> None:
    for scheme in (palette.LIGHT, palette.DARK):
        sections = [meaning.colour(scheme, meaning.section(n)) for n in range(meaning.SECTION_COLOURS)]
        assert len(set(sections)) == meaning.SECTION_COLOURS
        assert scheme.increase not in sections and scheme.decrease not in sections


def test_any_number_of_sections_has_distinct_readable_colours() -> None:
    """Past the six a PowerPoint theme carries, each further section gets a colour of its own (never the
    overview's, never one that reads as good or bad news), readable on the page, in the light and dark scheme
    and with a template's six accents."""
    roles = [meaning.section(n) for n in range(13)]
    assert len(set(roles)) == 13
    brand = palette.Scheme(**{**palette.LIGHT.__dict__, "sections": ("#0b3c5d", "#2e8b57", "#d35400", "#b22222",
                                                                      "#6c3483", "#117a65")})
    for scheme in (palette.LIGHT, palette.DARK, brand):
        colours = [meaning.colour(scheme, role) for role in roles]
        assert colours[:6] == list(scheme.sections)
        for i, colour in enumerate(colours[6:], 6):
            assert meaning.contrast(colour, scheme.background) >= meaning.MIN_CONTRAST
            others = [*colours[:i], scheme.increase, scheme.decrease]
            assert min(meaning.lab_distance(colour, other) for other in others) >= 15, (scheme.name, i)
    assert [meaning.theme_slot(r) for r in roles[5:8]] == [6, None, None]  # the seventh on is explicit


def test_six_seven_and_eight_sections_look_apart() -> None:
    """However many sections, any two colours are MIN_SECTION_DISTANCE apart by CIEDE2000 (hue weighed as the
    eye does), and so is each from good and bad news."""
    for scheme in (palette.LIGHT, palette.DARK):
        for count in (6, 7, 8):
            colours = [*meaning.section_colours(scheme, count), scheme.increase, scheme.decrease]
            pairs = [(a, b) for i, a in enumerate(colours) for b in colours[i + 1:]]
            nearest = min(pairs, key=lambda pair: meaning.perceived_distance(*pair))
            assert meaning.perceived_distance(*nearest) >= meaning.MIN_SECTION_DISTANCE, (scheme.name, count, nearest)
    assert round(meaning.perceived_distance("#000000", "#ffffff"), 1) == 100.0  # CIEDE2000's black to white


def test_a_figure_is_news_or_its_section() -> None:
    assert meaning.news(True, "section2") == meaning.GOOD
    assert meaning.news(False, "section2") == meaning.BAD
    assert meaning.news(None, "section2") == "section2"


def test_sections_are_theme_accents_and_news_is_explicit() -> None:
    assert [meaning.theme_slot(meaning.section(n)) for n in range(6)] == [1, 2, 3, 4, 5, 6]
    assert meaning.theme_slot(meaning.GOOD) is None and meaning.theme_slot(meaning.BAD) is None


def test_shades_tell_items_apart_within_the_section_colour() -> None:
    base = palette.LIGHT.sections[2]
    shades = meaning.shades(base, 5, palette.LIGHT)
    assert shades[0] == base and len(set(shades)) == 5
    others = {palette.LIGHT.increase, palette.LIGHT.decrease, *palette.LIGHT.sections} - {base}
    assert not others & set(shades)
    r, g, b = (int(base[i:i + 2], 16) for i in (1, 3, 5))
    for shade in shades:  # the same hue: the channels keep their order
        sr, sg, sb = (int(shade[i:i + 2], 16) for i in (1, 3, 5))
        assert sorted(range(3), key=lambda i: (r, g, b)[i]) == sorted(range(3), key=lambda i: (sr, sg, sb)[i])
