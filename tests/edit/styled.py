"""A valid briefing written in styles other than the built-in one: comments on every kind of line, block scalars
with header comments, multi-line flow lists, block lists, an anchor with an alias, an unused anchor."""

from __future__ import annotations

from tests.conftest import MINIMAL

STYLED = (MINIMAL
          .replace("title: {zh: 小简报, en: Mini briefing}\n",
                   "title: &title {zh: 小简报, en: Mini briefing}  # the title\n")
          .replace("subtitle: {zh: 测试, en: Test}\n", "subtitle: *title  # same as the title\n")
          .replace("    lede: {zh: 导语, en: Lede}\n    metrics:",
                   "    lede:\n      zh: |  # literal\n        导语\n      en: >-  # folded\n        A lede written\n"
                   "        over several lines\n    metrics:", 1)
          .replace("        label: {zh: 供应商, en: Suppliers}\n",
                   "        label: {zh: 供应商, en: &sup Suppliers}  # an anchor nobody uses\n")
          .replace("        items: [revenue, suppliers]\n",
                   "        items: [\n          revenue,  # first\n          suppliers\n        ]\n")
          .replace("        route: [shangrao, ningbo]\n",
                   "        route:  # the corridor\n          - shangrao  # start\n          - ningbo\n"))
