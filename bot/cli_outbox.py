"""`reminders due` and `dispatch`: look into and drive the outbox from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta

from bot.clock import clock_for
from bot.config import Config, ConfigError
from bot.dispatcher import Dispatcher, reminder_settings
from bot.outbox_rows import TIMELY
from bot.services import build_services
from handlers.reminders.reminders import plan_reminders
from handlers.reminders.schedule_times import offset_label
from storage.models import Conference, OutboxMessage
from storage.outbox import SENDING, due_messages
from storage.send_gate import paused


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    clock_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    """`reminders due` and `reminders dispatch`."""
    reminders = sub.add_parser("reminders", help="scheduled messages")
    reminders_sub = reminders.add_subparsers(title="commands", metavar="COMMAND", required=True)
    due = reminders_sub.add_parser("due", help="show what is due now and why (changes nothing)")
    clock_options(due)
    due.set_defaults(command=cmd_due)
    dispatch = sub.add_parser("dispatch", help="send everything that is due once, then exit")
    clock_options(dispatch)
    dispatch.set_defaults(command=cmd_dispatch)


def cmd_due(args: argparse.Namespace, config: Config) -> int:
    """`reminders due`: what the outbox would send now, and whether sending is paused."""
    services = build_services(config, clock=clock_for(args.now, config.tz))
    settings = reminder_settings(config)
    with services.preview("cli") as ctx:
        plan_reminders(ctx, settings)
        lines = [
            describe(
                ctx.session.get(Conference, m.conference_id or 0),
                m,
                late=ctx.now - m.due_at,
                grace=settings.grace,
                tz=config.tz,
            )
            for m in due_messages(ctx.session, now=ctx.now)
        ]
        state = paused(ctx.session)
    if state is not None:
        print(f"SENDING PAUSED since {state[1]:%Y-%m-%d %H:%M} UTC: {state[0]} (fix the token)")
    print("\n".join(lines) if lines else "nothing is due")
    return 0


def describe(
    conference: Conference | None,
    message: OutboxMessage,
    *,
    late: timedelta,
    grace: timedelta,
    tz: object,
) -> str:
    """One line: when, what, to whom, and what a dispatch would do with it."""
    due = message.due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]
    what = message.kind
    if message.kind == "reminder" and conference is not None:
        what = f"reminder {offset_label(message.offset_minutes or 0)} before {conference.slug}"
    if message.kind in TIMELY and late > grace:
        action = f"SKIP: missed by {late.total_seconds() / 3600:.1f} h (grace {grace})"
    elif message.status == SENDING:
        action = "RESEND: claimed by a dispatcher that did not finish"
    else:
        action = "send" + (f" (late by {late})" if late > timedelta(minutes=1) else "")
    return f"{due}  {what}  to {message.recipient}  -> {action}"


def cmd_dispatch(args: argparse.Namespace, config: Config) -> int:
    """`reminders dispatch`: send what is due once, then print the outcomes."""
    if not config.secrets.bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set: dispatch sends through Slack")
    from bot.slack_sender import SlackSender  # noqa: PLC0415 - Slack only when sending

    services = build_services(config, clock=clock_for(args.now, config.tz))
    outcomes = Dispatcher(services, SlackSender.from_config(config)).run_once()
    summary = ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items()))
    print(f"dispatch done: {summary or 'nothing was due'}")
    return 0
