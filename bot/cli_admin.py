"""Organizer commands on the command line: organizers, participant exports, conferences."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from bot.clock import clock_for
from bot.config import Config, ConfigError
from bot.services import build_services
from handlers.outgoing import queue_reply
from handlers.registration.exports import participant_rows, to_csv, to_json
from handlers.registration.flow import promotion_messages
from handlers.replies import Reply
from storage.conferences import get_conference
from storage.models import Conference
from storage.organizers import add_organizer, organizer_ids, remove_organizer
from storage.registrations import CapacityError, participants, set_capacity


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    clock_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    organizers = sub.add_parser("organizers", help="manage organizers (Slack user ids)")
    organizer_sub = organizers.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, text in (("add", "make a user an organizer"), ("remove", "remove an organizer")):
        parser = organizer_sub.add_parser(name, help=text)
        parser.add_argument("user_id", help="Slack user id, e.g. U012ABCDEF")
        parser.set_defaults(command=cmd_organizers, action=name)
    organizer_sub.add_parser("list", help="list organizers").set_defaults(
        command=cmd_organizers, action="list", user_id=None
    )

    export = sub.add_parser("export", help="export data")
    export_sub = export.add_subparsers(title="kinds", metavar="KIND", required=True)
    participants_parser = export_sub.add_parser("participants", help="participants of a conference")
    participants_parser.add_argument("slug")
    participants_parser.add_argument("--format", choices=("csv", "json"), default="csv")
    participants_parser.add_argument("--output", type=Path, help="file to write (default: stdout)")
    participants_parser.set_defaults(command=cmd_export_participants)

    conference = sub.add_parser("conference", help="change a conference's registration settings")
    conference.add_argument("slug")
    conference.add_argument("--capacity", type=_positive, help="number of seats")
    group = conference.add_mutually_exclusive_group()
    group.add_argument("--open", action="store_true", help="open registration")
    group.add_argument("--close", action="store_true", help="close registration")
    clock_options(conference)
    conference.set_defaults(command=cmd_conference)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def cmd_organizers(args: argparse.Namespace, config: Config) -> int:
    services = build_services(config)
    with services.sessions.begin() as session:
        if args.action == "add":
            added = add_organizer(session, args.user_id, now=services.clock())
            print(f"{args.user_id} {'added' if added else 'was already an organizer'}")
        elif args.action == "remove":
            if args.user_id in config.organizers.user_ids:
                raise ConfigError(
                    f"{args.user_id} is listed in organizers.user_ids in the "
                    "config file; remove it there"
                )
            removed = remove_organizer(session, args.user_id)
            print(f"{args.user_id} {'removed' if removed else 'was not an organizer'}")
        else:
            for user_id in sorted(set(config.organizers.user_ids) | organizer_ids(session)):
                source = "config" if user_id in config.organizers.user_ids else "database"
                print(f"{user_id}\t{source}")
    return 0


def _conference(session: Session, slug: str) -> Conference:
    conference = get_conference(session, slug)
    if conference is None:
        raise ConfigError(f"no conference with slug {slug!r}")
    return conference


def cmd_export_participants(args: argparse.Namespace, config: Config) -> int:
    services = build_services(config)
    with services.sessions.begin() as session:
        conference = _conference(session, args.slug)
        rows = participant_rows(participants(session, conference.id))
    data = to_csv(rows) if args.format == "csv" else to_json(rows)
    if args.output:
        args.output.write_bytes(data)
        print(f"wrote {len(rows)} participants to {args.output}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_conference(args: argparse.Namespace, config: Config) -> int:
    """Change seats or registration; people moved up from the waitlist are told through the
    outbox, in the same transaction, as when an organizer does it in the chat."""
    services = build_services(config, clock=clock_for(args.now, config.tz))
    with services.context("cli") as ctx:
        conference = _conference(ctx.session, args.slug)
        promoted = []
        if args.capacity is not None:
            try:
                promoted = set_capacity(ctx.session, conference.id, args.capacity, now=ctx.now)
            except CapacityError as error:
                raise ConfigError(f"capacity {args.capacity} is too low: {error}") from error
            news = Reply("", direct_messages=promotion_messages(ctx, conference, promoted))
            give_up = timedelta(hours=config.reminders.give_up_hours)
            queue_reply(ctx, news, to=None, give_up=give_up)
        if args.open or args.close:
            conference.registration_open = args.open
        capacity = "unlimited" if conference.capacity is None else conference.capacity
        state = "open" if conference.registration_open else "closed"
        print(
            f"{conference.slug}: capacity {capacity}, registration {state}, "
            f"{len(promoted)} moved up from the waitlist (told by the dispatcher)"
        )
    return 0
