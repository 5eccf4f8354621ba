"""The model's YAML loader: libyaml with the tags of scalars remembered must compose what PyYAML's own safe
loader composes."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from srbrief.model.yamltree import Loader
from srbrief.resources import builtin_briefing_path


def _tags(node: yaml.Node) -> list[tuple[str, object]]:
    """Return every node's (tag, value) in document order."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.tag, node.value)]
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
    return [(node.tag, None), *(t for child in children for t in _tags(child))]


def test_the_builtin_briefing_composes_as_with_the_safe_loader() -> None:
    text = builtin_briefing_path().read_text(encoding="utf-8")
    for _ in range(2):  # the second time from the remembered tags
        assert _tags(yaml.compose(text, Loader=Loader)) == _tags(yaml.compose(text, Loader=yaml.SafeLoader))


_SCALARS = st.one_of(
    st.sampled_from(["1", "1.5", "-3", "0x1f", "1e3", ".inf", "true", "no", "null", "~", "2025-10-11", "", "yes"]),
    st.text(alphabet="0123456789.-+eE:xo truefalsnyTFN~_亿元", max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SCALARS, st.sampled_from(["plain", "single", "double"])), min_size=1, max_size=12))
def test_a_scalar_gets_the_same_tag_plain_or_quoted_however_often_seen(items: list[tuple[str, str]]) -> None:
    lines = []
    for i, (value, style) in enumerate(items * 2):  # each value twice: once new, once remembered
        if style == "plain":
            written = yaml.safe_dump(value, default_style=None).removesuffix("\n...\n").strip() \
                if value != value.strip() or not value else value
        else:
            written = yaml.safe_dump(value, default_style="'" if style == "single" else '"').strip()
        lines.append(f"k{i}: {written}")
    text = "\n".join(lines)
    try:
        expected = _tags(yaml.compose(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return  # not YAML at all (a plain scalar that cannot be written plain): nothing to compare
    assert _tags(yaml.compose(text, Loader=Loader)) == expected
