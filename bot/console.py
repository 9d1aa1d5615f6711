"""Interactive console chat: the same handlers as Slack, rendered as plain text.

Commands work as in Slack without the slash ("anmelden konstanz", "meine"); a form is asked
field by field.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TextIO

from bot.render_text import render_text
from bot.services import Services
from handlers.conversation.commands import handle_command
from handlers.conversation.forms import submit_form
from handlers.normalize import fold
from handlers.replies import Form, FormErrors, FormField, Reply
from handlers.texts import t

_QUIT = frozenset({"exit", "quit", "ende", "tschuess", "bye"})
_YES = frozenset({"ja", "j", "yes", "y"})


class Console:
    def __init__(self, services: Services, user_id: str, stdin: TextIO, stdout: TextIO) -> None:
        self.services, self.user_id = services, user_id
        self.stdin, self.stdout = stdin, stdout
        self.interactive = stdin.isatty()
        self.language = services.config.bot.language

    def say(self, text: str) -> None:
        print(text, file=self.stdout, flush=True)

    def read(self, prompt: str) -> str | None:
        if self.interactive:
            print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        return None if not line else line.rstrip("\n")

    def run(self) -> int:
        if self.interactive:
            self.say(t(self.language, "console.welcome"))
        while True:
            line = self.read("\n> ")
            if line is None or fold(line.strip()) in _QUIT:
                return 0
            text = line.strip().removeprefix("/smartcity").strip()
            if text:
                self.show(self.services.reply(self.user_id, partial(handle_command, text=text)))

    def show(self, reply: Reply) -> None:
        self.say(render_text(reply))
        if reply.form is not None:
            self.fill(reply.form)

    def fill(self, form: Form) -> None:
        """Ask each field; re-ask those the handler rejects."""
        values: dict[str, str] = {}
        pending = list(form.fields)
        while pending:
            for field in pending:
                answer = self.read(_prompt(field, self.language))
                if answer is None:
                    return
                values[field.name] = _value(field, answer)
            result = self.services.reply(
                self.user_id, lambda c: submit_form(c, form.form_id, form.context, values)
            )
            if not isinstance(result, FormErrors):
                self.show(result)
                return
            for name, error in result.errors.items():
                self.say(f"  {name}: {error}")
            pending = [field for field in form.fields if field.name in result.errors]


def _prompt(field: FormField, language: str) -> str:
    hint = f"\n  {field.hint}" if field.hint else ""
    for number, (_, label) in enumerate(field.options, start=1):
        hint += f"\n  {number}) {label}"
    suffix = (
        " (ja/nein)"
        if field.kind == "consent" and language == "de"
        else (" (yes/no)" if field.kind == "consent" else "")
    )
    return f"{hint}\n  {field.label}{suffix}: "


def _value(field: FormField, answer: str) -> str:
    if field.kind == "consent":
        return "yes" if fold(answer.strip()) in _YES else ""
    if field.kind == "choice" and answer.strip().isdigit():
        number = int(answer.strip())
        return field.options[number - 1][0] if 0 < number <= len(field.options) else ""
    return answer.strip()


def run_console(
    services: Services, *, user_id: str, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Read questions and commands line by line until EOF or "exit"; answer each one."""
    return Console(services, user_id, stdin or sys.stdin, stdout or sys.stdout).run()
