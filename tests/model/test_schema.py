"""The JSON Schema in resources/ is generated from the model and kept up to date."""

from __future__ import annotations

import json

from srbrief.model.schema import json_schema
from srbrief.resources import SCHEMA_FILE, resource


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads(resource(SCHEMA_FILE).read_text(encoding="utf-8"))
    assert committed == json_schema(), "run 'make schema' after changing the model"


def test_schema_describes_metrics() -> None:
    metric = json_schema()["$defs"]["Metric"]
    assert set(metric["required"]) == {"id", "label", "value", "unit", "source"}
    assert metric["properties"]["value"]["type"] == "number"
    assert "yi-yuan" in metric["properties"]["unit"]["examples"]  # built in; a briefing may declare more
    assert "enum" not in metric["properties"]["unit"] and json_schema()["properties"]["units"]["type"] == "array"
    assert metric["properties"]["qualifier"]["enum"] == ["exact", "more_than", "about", "rank", "top"]
    assert metric["additionalProperties"] is False
    assert json_schema()["$defs"]["Text"]["required"] == ["zh", "en"]
