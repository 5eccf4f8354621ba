"""Loading (validating) the briefing the app starts with, while Qt starts: the window needs it for its first paint.

The load is Python work that holds the GIL: in a thread beside Qt's start it adds its whole time to the first
paint (measured 2026-12-06: the process's CPU to the first paint equalled its wall-clock time, thread or not).
Where a process can be forked safely (Linux, before Qt is loaded, no other thread: the start of the app), a
child process loads and validates the file of this very start with :func:`srbrief.model.load_briefing`, on the
other core: it is forked before Qt loads, loads the loader's modules while the app loads Qt, is then told which
file to load (the settings that say so need Qt), and hands the validated briefing back through a pipe only it
and the app hold. Nothing is kept between starts. Elsewhere (and in tests, which have loaded Qt) a thread loads
it. A load that fails in either is done again in the GUI thread, which reports why.

Qt-free: it is imported before Qt.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srbrief.model import Briefing

_BUILTIN, _FILE = b"B", b"F"  # what the app tells the loading process: the built-in briefing, or FILE (nothing: stop)


class Preload:
    """The briefing to show at start, loaded while Qt starts (see the module's notes)."""

    def __init__(self, fork: bool = True) -> None:
        self.path: Path | None = None
        self.briefing: Briefing | None = None
        self.thread: threading.Thread | None = None
        self.child = _fork_loader() if fork else None  # (process id, its order pipe, its result pipe)

    def start(self, path: Path | None, briefing: Briefing | None = None) -> None:
        """Load *path* (None: the built-in briefing) unless *briefing* is it, already validated."""
        self.path, self.briefing = path, briefing
        if self.child is not None:
            order = b"" if briefing is not None else _FILE + os.fsencode(path) if path is not None else _BUILTIN
            if self._tell(order) and briefing is None:
                return  # the loading process loads it
            self._reap()  # told to stop, or gone (killed, or it could not start): a thread loads it instead
        if briefing is None:
            self.thread = threading.Thread(target=self._load, name="srbrief-preload", daemon=True)
            self.thread.start()

    def _tell(self, order: bytes) -> bool:
        """Tell the loading process *order*; return whether it could be told (False: it is gone)."""
        assert self.child is not None
        try:
            with os.fdopen(self.child[1], "wb") as pipe:
                pipe.write(order)
        except OSError:
            return False
        return True

    def result(self) -> Briefing | None:
        """Return the validated briefing, waiting for it (None: it did not load; the caller loads it again)."""
        if self.thread is not None and self.thread.is_alive():
            self.thread.join()
        if self.child is not None:
            self.briefing = self._reap()
        return self.briefing

    def _load(self) -> None:
        from srbrief.model import load_briefing
        from srbrief.resources import builtin_briefing_path

        try:
            self.briefing = load_briefing(self.path or builtin_briefing_path())
        except Exception:  # loaded again in the GUI thread, which reports it
            self.briefing = None

    def _reap(self) -> Briefing | None:
        """Read what the loading process wrote and wait for its end; return the briefing it loaded, if any."""
        assert self.child is not None
        pid, _, results = self.child
        self.child = None
        data = b""
        try:
            with os.fdopen(results, "rb") as pipe:
                data = pipe.read()
        except OSError:
            data = b""  # the GUI thread loads it again
        finally:
            _, status = os.waitpid(pid, 0)
        return _unpacked(data) if status == 0 and data else None


def _fork_loader() -> tuple[int, int, int] | None:
    """Start the loading process; return (its id, the pipe to tell it the file, the pipe it answers on), or None
    where forking is not safe here (another system, Qt already loaded, another thread running)."""
    if sys.platform != "linux" or "PySide6.QtCore" in sys.modules or threading.active_count() != 1:
        return None
    order_read, order_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (order_read, order_write, result_read, result_write):
            os.close(fd)
        return None
    if pid == 0:  # the loading process; it leaves without running any of the app's exit handlers
        status = 1
        try:
            os.close(order_write)
            os.close(result_read)
            status = _load_as_told(order_read, result_write)
        finally:
            os._exit(status)
    os.close(order_read)
    os.close(result_write)
    return pid, order_write, result_read


def _load_as_told(orders: int, results: int) -> int:
    """In the loading process: load the loader, wait for the file to load, load it, write the result; return the
    exit status (0: a briefing was written)."""
    from srbrief.model import load_briefing
    from srbrief.model.units import declarations
    from srbrief.model.yamltree import parse_yaml  # noqa: F401 - (and PyYAML) loaded before the order comes
    from srbrief.resources import builtin_briefing_path

    with os.fdopen(orders, "rb") as pipe:
        order = pipe.read()
    if not order.startswith((_BUILTIN, _FILE)):
        return 1  # nothing to load: the command line had loaded it already, or the app stopped
    path = Path(os.fsdecode(order[1:])) if order.startswith(_FILE) else builtin_briefing_path()
    briefing = load_briefing(path)
    with os.fdopen(results, "wb") as pipe:
        pipe.write(pickle.dumps((briefing, declarations()), protocol=pickle.HIGHEST_PROTOCOL))
    return 0


def _unpacked(data: bytes) -> Briefing | None:
    """Return the briefing the loading process wrote in *data*, its declared units made known here too."""
    from srbrief.model import Briefing
    from srbrief.model.units import declare_units

    try:
        briefing, units = pickle.loads(data)  # from our own child, through a pipe only it and the app hold
    except Exception:  # never expected; the GUI thread loads the file again and says what is wrong
        return None
    if not isinstance(briefing, Briefing):
        return None
    declare_units(units)
    return briefing
