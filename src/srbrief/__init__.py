"""srbrief: briefings on Shangrao's manufacturing sector, as a desktop app, a PowerPoint deck and a PDF."""

from __future__ import annotations

__version__ = "0.1.0"
