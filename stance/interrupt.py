"""Stopping cleanly on SIGTERM, SIGHUP and SIGINT: no half-written output, one line, exit 128+N.

Python dies on SIGTERM without unwinding, so an output being written under a temporary name
(:func:`stance.io.atomic_output`, run directories, export snapshots) would stay behind. While
:func:`handling_signals` is active, SIGTERM and SIGHUP raise :class:`Terminated` in the main
thread instead: every ``except BaseException`` / ``finally`` cleanup runs, and the CLI prints
one line and exits with ``128 + signal number`` (143 for SIGTERM, 129 for SIGHUP; Ctrl-C and
SIGINT stay a ``KeyboardInterrupt``, 130). A second signal while cleaning up is ignored
(``timeout`` sends SIGTERM to the command and again to its process group).

Worker processes of a pool call :func:`quiet_worker`: group-wide signals reach the parent only,
which stops the pool; the workers print no tracebacks and die with the parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

__all__ = ["Terminated", "handling_signals", "quiet_worker", "check"]

CAUGHT = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
               if s is not None)


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP, or SIGINT once the CLI re-raised it).

    A ``BaseException`` like ``KeyboardInterrupt``: ``except Exception`` does not swallow it.
    """

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signum)

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def __str__(self) -> str:
        return f"stopped by {self.name}"


_received: list[int] = []
_owner: list[int] = []  # the pid that installed the handlers


def _raise(signum, frame):
    if _owner and os.getpid() != _owner[0]:
        # A process forked while the handlers were installed (a pool worker between fork and
        # quiet_worker(), or any fork): raising here would unwind the parent's stack in the
        # child, which then runs on as a copy of the parent. Die as the default action would.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if _received:  # already stopping: let the cleanup finish
        return
    _received.append(signum)
    raise Terminated(signum)


def check() -> None:
    """Raise :class:`Terminated` if a stop signal came and its exception was lost.

    Python runs a signal handler wherever the main thread is, and an exception raised inside a
    ``__del__`` or a garbage-collector callback is printed as "Exception ignored" and dropped
    (seen: the ``regex`` module's ``SetBase.__del__``): the command would then run to the end
    and exit 0. Long loops call this once per item, and :func:`stance.io.atomic_output` before
    it keeps a file, so a stop requested is a stop made.
    """
    if _received and _owner and os.getpid() == _owner[0]:  # inside handling_signals only
        raise Terminated(_received[0])


def _unraisable(previous):
    def hook(unraisable):
        if isinstance(unraisable.exc_value, Terminated):
            return  # recorded in _received: check() raises it where it can propagate
        previous(unraisable)
    return hook


@contextlib.contextmanager
def handling_signals():
    """Within the block (main thread only), SIGTERM/SIGHUP raise :class:`Terminated`; the
    previous handlers come back afterwards. A block that ends normally after such a signal
    (its exception was swallowed, see :func:`check`) raises :class:`Terminated` as it leaves."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in CAUGHT}
    previous_hook = sys.unraisablehook
    _received.clear()
    _owner[:] = [os.getpid()]
    sys.unraisablehook = _unraisable(previous_hook)
    for s in CAUGHT:
        if previous[s] != signal.SIG_IGN:  # `nohup` set SIGHUP to ignore: keep it so
            signal.signal(s, _raise)
    try:
        yield
        check()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        sys.unraisablehook = previous_hook
        _received.clear()  # a later block, or atomic_output outside any, starts afresh
        _owner.clear()


def quiet_worker() -> None:
    """For a worker process of a pool: leave the parent's process group and die with the parent.

    A signal sent to the whole group (Ctrl-C in a terminal, ``timeout``, ``kill -- -PGID``)
    then reaches the parent only, which stops the pool the orderly way: a worker killed by
    it while holding the pool's queue lock would make ``Pool.terminate()`` wait forever.
    SIGINT is ignored; SIGTERM/SIGHUP end the worker at once (no traceback), which is how the
    parent's ``Pool.terminate()`` stops it. If the parent dies (even by SIGKILL) the worker
    is killed too (Linux ``PR_SET_PDEATHSIG``).
    """
    import multiprocessing
    import os

    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in CAUGHT:
        signal.signal(s, signal.SIG_DFL)
    parent = multiprocessing.parent_process()
    with contextlib.suppress(AttributeError, OSError):
        os.setpgid(0, 0)
    with contextlib.suppress(Exception):  # Linux only; elsewhere the group stays shared
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent.pid:  # the parent died before prctl
        os._exit(1)
