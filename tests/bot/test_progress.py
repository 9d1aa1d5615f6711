"""The import progress bar: drawn on a terminal for large files, silent otherwise."""

from __future__ import annotations

import io

from bot.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_large_import_on_a_terminal_draws_every_percent_and_ends_the_line() -> None:
    screen = Terminal()
    show = progress_bar(2000, "reading solutions.csv", screen)
    for done in range(1, 2001):
        show(done)
    frames = screen.getvalue().split("\r")[1:]
    assert len(frames) == 100
    assert frames[0] == "reading solutions.csv [..............................] 20/2000"
    assert frames[49] == "reading solutions.csv [###############...............] 1000/2000"
    assert frames[-1] == "reading solutions.csv [##############################] 2000/2000\n"


def test_small_files_and_pipes_get_no_bar() -> None:
    screen, pipe = Terminal(), io.StringIO()
    for show in (progress_bar(999, "x", screen), progress_bar(5000, "x", pipe)):
        show(999)
    assert (screen.getvalue(), pipe.getvalue()) == ("", "")
