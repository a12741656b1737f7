"""The progress display of ``kg build``: the stage running, articles done, articles/s and an ETA.

Examples
--------
>>> from rich.progress import Task
>>> task = Task(0, "analysing articles", 10, 4, _get_time=lambda: 0.0)
>>> str(ArticleRateColumn().render(task))
'– articles/s'
"""
from __future__ import annotations

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text

__all__ = ["ArticleRateColumn", "build_progress"]


class ArticleRateColumn(ProgressColumn):
    """Articles analysed per second (rich's running estimate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("– articles/s" if speed is None else f"{speed:.1f} articles/s")


def build_progress() -> Progress:
    """A progress display on stderr that is gone once the build ends."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), ArticleRateColumn(),
                    TextColumn("ETA"), TimeRemainingColumn(), transient=True)
