"""Ctrl-C ends every ``kg`` command promptly: exit code 130 and ``kg: interrupted`` on stderr.

Python raises KeyboardInterrupt only in the main thread and only between two steps of Python
code, so a command whose main thread is inside a long native call (an Oxigraph sort or bulk
load, which release the GIL but cannot be interrupted) would go on for as long as the call
takes. :func:`exit_promptly_on_interrupt` adds a watcher thread, woken through
:func:`signal.set_wakeup_fd` by the interpreter's own signal handler: the usual
KeyboardInterrupt unwinds the command (cleanup runs, :func:`announce_interrupt` says so), and
if the process is still alive ``grace`` seconds later the watcher says so and ends it.
"""
from __future__ import annotations

import os
import signal
import socket
import sys
import threading

__all__ = ["GRACE_SECONDS", "exit_promptly_on_interrupt", "announce_interrupt"]

GRACE_SECONDS = 3.0
"""Seconds a command has after Ctrl-C to end by itself before it is ended."""

EXIT_CODE = 130  # 128 + SIGINT, as shells report a process ended by Ctrl-C

_announced = threading.Event()


def announce_interrupt() -> None:
    """Write ``kg: interrupted`` on stderr, once per process."""
    if not _announced.is_set():
        _announced.set()
        try:
            sys.stderr.write("kg: interrupted\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # stderr closed: nothing to tell
            pass


def exit_promptly_on_interrupt(grace: float = GRACE_SECONDS) -> bool:
    """Make Ctrl-C (SIGINT) end this process within ``grace`` seconds with exit code 130.

    Does nothing (and returns False) outside the main thread, or when SIGINT is not Python's
    default handler: ignored, as for a background job of a shell, or handled by someone else.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return False
    receiver, sender = socket.socketpair()
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
    watcher = threading.Thread(target=_watch, args=(receiver, sender, grace), name="kg-interrupt", daemon=True)
    watcher.start()
    return True


def _watch(receiver: socket.socket, sender: socket.socket, grace: float) -> None:
    """In the watcher thread: wait for SIGINT, give the command ``grace`` seconds, then end it."""
    while True:
        try:
            signals = receiver.recv(64)
        except OSError:
            return
        if not signals:
            return
        if signal.SIGINT in signals:  # the interpreter writes each signal's number as one byte
            break
    if _announced.wait(grace):
        # the command has unwound and said so; give the interpreter's exit the same time again
        threading.Event().wait(grace)
    announce_interrupt()
    os._exit(EXIT_CODE)
