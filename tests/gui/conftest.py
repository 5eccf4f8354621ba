"""Qt tests run offscreen: the platform is set before Qt is imported."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):
    return qapp
