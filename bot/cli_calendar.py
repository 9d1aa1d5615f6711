"""`smartcity-bot calendar link|revoke USER`: a member's personal calendar link."""

from __future__ import annotations

import argparse

from bot.config import Config
from bot.services import build_services
from handlers.conferences.feed import calendar_link, revoke_calendar_link


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`calendar link|revoke USER_ID`."""
    calendar = sub.add_parser("calendar", help="members' personal calendar links")
    actions = calendar.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, text in (
        ("link", "show (and make, the first time) a member's secret calendar link"),
        ("revoke", "delete a member's calendar link; the old link stops working"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("user_id", help="the member's user id, e.g. U012ABCDEF")
        action.set_defaults(command=cmd_calendar, action=name)


def cmd_calendar(args: argparse.Namespace, config: Config) -> int:
    """Show (making it the first time) or revoke a member's secret calendar link."""
    services = build_services(config)
    with services.context(args.user_id) as ctx:
        if args.action == "link":
            reply = calendar_link(ctx, base_url=config.bot.public_url)
        else:
            reply = revoke_calendar_link(ctx)
    print(reply.text)
    return 0
