"""The small valid briefing that "New briefing" starts from (a constant: no resource file to package)."""

from __future__ import annotations

SKELETON = """\
# A new briefing: replace the texts, then add figures (metrics), facts, charts and points.
# Format: docs/data-format.md (schema srbrief/1).
schema: srbrief/1
id: new-briefing
title: {zh: 新简报, en: New briefing}
subtitle: {zh: 副标题, en: Subtitle}
sources:
  - id: article
    publication: {zh: 报纸名称, en: Publication}
    date: '2025-01-01'
    title: {zh: 原文标题, en: Headline of the article}
as_of: '2025-01-01'
sections:
  - id: overview
    kind: overview
    title: {zh: 总览, en: Overview}
    short_title: {zh: 总览, en: Overview}
    lede: {zh: 用一句话概括要点。, en: A sentence that sums it up.}
"""
