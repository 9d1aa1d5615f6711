"""Interactive console chat: the same router as Slack and Matrix, rendered as plain text.

Everything is typed: questions, commands without the slash ("anmelden konstanz", "meine"),
the number or name of a choice, "ja"/"nein", and a form's answers one by one.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot.render_text import render_text
from bot.services import Services
from handlers.normalize import fold
from handlers.texts import t

_QUIT = frozenset({"exit", "quit", "ende", "tschuess", "bye"})


class Console:
    """The local chat: reads lines, answers them through the router, prints the reply."""

    def __init__(self, services: Services, user_id: str, stdin: TextIO, stdout: TextIO) -> None:
        self.services, self.user_id = services, user_id
        self.stdin, self.stdout = stdin, stdout
        self.interactive = stdin.isatty()
        self.language = services.config.bot.language

    def say(self, text: str) -> None:
        """Print one answer."""
        print(text, file=self.stdout, flush=True)

    def read(self, prompt: str) -> str | None:
        """The next line typed (the prompt only on a terminal); None at the end of input."""
        if self.interactive:
            print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        return None if not line else line.rstrip("\n")

    def run(self) -> int:
        """Chat until the input ends or the member says goodbye; the exit status."""
        if self.interactive:
            self.say(t(self.language, "console.welcome"))
        while True:
            line = self.read("\n> ")
            if line is None or fold(line.strip()) in _QUIT:
                return 0
            if line.strip():
                self.say(render_text(self.services.message(self.user_id, line)))


def run_console(
    services: Services, *, user_id: str, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Read questions and commands line by line until EOF or "exit"; answer each one."""
    return Console(services, user_id, stdin or sys.stdin, stdout or sys.stdout).run()
