"""``python -m srbrief``."""

from __future__ import annotations

import sys

from srbrief.cli import main

if __name__ == "__main__":
    sys.exit(main())
