"""A progress bar on stderr for long imports (only when stderr is a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

WIDTH = 30


def progress_bar(total: int, label: str, stream: TextIO | None = None) -> Callable[[int], None]:
    """A callback taking the number done so far; draws at most every 1 %."""
    out = stream or sys.stderr
    if not out.isatty() or total < 1000:
        return lambda _done: None
    step = max(total // 100, 1)

    def show(done: int) -> None:
        if done % step and done != total:
            return
        filled = WIDTH * done // total
        end = "\n" if done == total else ""
        out.write(f"\r{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}{end}")
        out.flush()

    return show
