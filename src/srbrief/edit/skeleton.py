"""The small valid briefing that "New briefing" starts from (a constant: no resource file to package)."""

from __future__ import annotations

SKELETON = """\
# A new briefing: replace the texts, then add figures (metrics), facts, charts and points.
# Format: docs/data-format.md (schema srbrief/1).
schema: srbrief/1
id: new-briefing
# Every 【…】 / […] text is a placeholder to replace; the dates too (the article's date).
title: {zh: 【请填写简报标题】, en: '[Title of the briefing]'}
subtitle: {zh: 【请填写副标题】, en: '[Subtitle]'}
sources:
  - id: article
    publication: {zh: 【请填写报纸或发布机构】, en: '[Newspaper or publisher]'}
    date: '2025-01-01'
    title: {zh: 【请填写原文标题】, en: '[Headline of the article]'}
as_of: '2025-01-01'
sections:
  - id: overview
    kind: overview
    title: {zh: 总览, en: Overview}
    short_title: {zh: 总览, en: Overview}
    lede: {zh: 【请用一句话概括要点】, en: '[One sentence that sums it up]'}
"""
