"""Interactive console chat: the same handlers as Slack, rendered as plain text."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.render_text import render_text
from bot.services import Services
from handlers.chat import answer_question
from handlers.texts import t

_QUIT = frozenset({"exit", "quit", "ende", "tschuess", "tschüss", "bye"})


def run_console(
    services: Services, *, user_id: str, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Read questions line by line until EOF or "exit"; answer each one."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    language = services.config.bot.language
    interactive = stdin.isatty()
    if interactive:
        print(t(language, "console.welcome"), file=stdout)
    while True:
        if interactive:
            print("\n> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or line.strip().casefold() in _QUIT:
            return 0
        if not line.strip():
            continue
        reply = services.reply(user_id, lambda ctx, text=line: answer_question(ctx, text))
        print(render_text(reply), file=stdout, flush=True)
