"""The help text, derived from the commands the features declare."""

from __future__ import annotations

from handlers.context import Context
from handlers.conversation.registry import all_commands
from handlers.replies import Reply
from handlers.texts import t


def help_reply(ctx: Context) -> Reply:
    """How to talk to the bot, then the short commands (organizer ones for organizers)."""
    lines = [
        ctx.t("help.intro"),
        "",
        t(
            ctx.language,
            "help.commands_prefixed" if ctx.prefix else "help.commands",
            slash=ctx.command,
        ),
    ]
    commands = all_commands()
    lines += [_line(ctx, c.name, c.alias, c.help_key) for c in commands if not c.organizer_only]
    lines.append(_line(ctx, "hilfe", "help", "help.hilfe"))
    lines += ["", ctx.t("help.easy")]
    if ctx.is_organizer:
        lines += ["", ctx.t("help.organizer")]
        lines += [_line(ctx, c.name, c.alias, c.help_key) for c in commands if c.organizer_only]
    return Reply("\n".join(lines), language=ctx.language)


def _line(ctx: Context, name: str, alias: str, key: str) -> str:
    shown = alias if ctx.language == "en" else name
    return f"• {shown} – {ctx.t(key)}"
