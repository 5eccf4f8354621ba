"""Strip debug symbols from the bundle's own ELF files (libpython, Cython extensions: about 45 MB).

Libraries that auditwheel vendored into `*.libs/` folders are left alone: stripping breaks their page
alignment (numpy's OpenBLAS then fails to load). Usage: python packaging/pyinstaller/slim.py dist/srbrief
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def slim(bundle: Path) -> int:
    strip = shutil.which("strip")
    if strip is None or sys.platform != "linux":
        print("slim: no strip here; bundle left as it is")
        return 0
    saved = 0
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file() or any(p.name.endswith(".libs") for p in path.parents):
            continue
        if not is_elf(path):
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True, capture_output=True)
        saved += before - path.stat().st_size
    print(f"slim: stripped {saved / 2**20:.0f} MB of symbols")
    return saved


if __name__ == "__main__":
    slim(Path(sys.argv[1]))
