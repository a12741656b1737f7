"""Errors and warnings with codes, so a message can be looked up and tested for.

Every user-facing problem has a code (``E…`` for errors that stop a command, ``W…`` for
warnings about one input that is skipped while the rest of the work goes on).

Examples
--------
>>> str(KGError("E101", "no articles could be read"))
'E101 no articles could be read'
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KGError", "Problem"]


class KGError(Exception):
    """A user error: the command stops with a one-line message and exit code 1."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Problem:
    """A warning about one input (a file, or a line of it) that was skipped or repaired."""

    code: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"warning {self.code} {where}: {self.message}"
