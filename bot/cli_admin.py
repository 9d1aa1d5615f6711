"""Organizer commands on the command line: organizers and participant exports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from bot.config import Config, ConfigError
from bot.services import build_services
from handlers.registration.exports import participant_rows, to_csv, to_json
from storage.conferences import get_conference
from storage.models import Conference
from storage.organizers import add_organizer, organizer_ids, remove_organizer
from storage.registrations import participants


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`organizers add|remove|list` and `export participants`."""
    organizers = sub.add_parser("organizers", help="manage organizers (Slack user ids)")
    organizer_sub = organizers.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, text in (("add", "make a user an organizer"), ("remove", "remove an organizer")):
        parser = organizer_sub.add_parser(name, help=text)
        parser.add_argument("user_id", type=_user_id, help="Slack user id, e.g. U012ABCDEF")
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


def _user_id(value: str) -> str:
    if not value.strip() or value != value.strip() or " " in value:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a user id: give one without spaces, e.g. U012ABCDEF"
        )
    return value


def cmd_organizers(args: argparse.Namespace, config: Config) -> int:
    """Add, remove or list organizers added at run time (those in config.toml stay)."""
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
    """A conference's participants as CSV or JSON, to a file or standard output."""
    if args.output and not args.output.parent.is_dir():
        raise ConfigError(
            f"{args.output}: the folder {args.output.parent} does not exist; create it first"
        )
    services = build_services(config)
    with services.sessions.begin() as session:
        conference = _conference(session, args.slug)
        rows = participant_rows(participants(session, conference.id))
    data = to_csv(rows) if args.format == "csv" else to_json(rows)
    if args.output:
        try:
            args.output.write_bytes(data)
        except OSError as error:
            raise ConfigError(f"{args.output}: cannot write the file ({error.strerror})") from error
        print(f"wrote {len(rows)} participants to {args.output}")
    else:
        sys.stdout.buffer.write(data)
    return 0
