"""The bundle's entry point: the same command line as `srbrief`."""

import sys

from srbrief.cli import main

if __name__ == "__main__":
    sys.exit(main())
