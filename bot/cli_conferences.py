"""`smartcity-bot conference add|edit|cancel`: organizers keep the calendar current.

The work is done by handlers.conferences.editing, which the chat form uses too; this module
only turns options into form values and prints the outcome.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence

from bot.config import Config, ConfigError
from bot.services import build_services
from handlers.conferences.editing import Saved, add_conference, cancel_conference, edit_conference
from handlers.context import Context
from handlers.replies import FormErrors
from storage.conferences import get_conference
from storage.models import Conference
from storage.registrations import CapacityError

ACTIONS = ("add", "edit", "cancel")
# option -> form field; each option takes one text value
_OPTIONS = {
    "--kind": ("kind", "regionalkonferenz, kongress or other"),
    "--number": ("number", "number of the conference (23 for the 23rd)"),
    "--title": ("title", "title"),
    "--motto": ("motto", "motto"),
    "--date": ("date", "first day, e.g. 2027-03-30"),
    "--end-date": ("end_date", "last day of a conference over several days"),
    "--start": ("start_time", "start time on the first day, e.g. 09:30"),
    "--end": ("end_time", "end time on the last day, e.g. 17:00"),
    "--venue": ("venue", "venue, e.g. Bodenseeforum"),
    "--address": ("address", "street address"),
    "--city": ("city", "city"),
    "--topics": ("topics", "topics separated by ';'"),
    "--capacity": ("capacity", "number of seats (empty: unlimited)"),
    "--registration-opens": ("registration_opens", "e.g. 2027-01-15 or 2027-01-15 09:00"),
    "--registration-deadline": ("registration_deadline", "last moment to register"),
    "--online-url": ("online_url", "link for online participation (hybrid)"),
    "--source-url": ("source_url", "page with more information"),
}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`conference add|edit|cancel` and the older `conference SLUG --capacity`."""
    conference = sub.add_parser(
        "conference",
        help="add, edit or cancel a conference (`conference SLUG --capacity N` still works)",
    )
    actions = conference.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a conference")
    add.add_argument("--slug", dest="new_slug", required=True, help="short id, e.g. rk30-2027-jena")
    _field_options(add)
    add.add_argument("--closed", action="store_true", help="do not take registrations yet")
    add.set_defaults(command=cmd_add)
    edit = actions.add_parser("edit", help="change a conference; registrants are told")
    edit.add_argument("slug")
    _field_options(edit)
    group = edit.add_mutually_exclusive_group()
    group.add_argument("--open", action="store_true", help="open registration")
    group.add_argument("--close", action="store_true", help="close registration")
    edit.set_defaults(command=cmd_edit)
    cancel = actions.add_parser("cancel", help="cancel a conference; registrants are told")
    cancel.add_argument("slug")
    cancel.set_defaults(command=cmd_cancel)


def _field_options(parser: argparse.ArgumentParser) -> None:
    for option, (field, text) in _OPTIONS.items():
        parser.add_argument(option, dest=field, help=text)
    parser.add_argument(
        "--item",
        dest="programme",
        action="append",
        help="programme item '09:30-10:15 Title | Speakers' (repeat; '2027-03-31 09:30 ...' "
        "on a later day); replaces the programme",
    )


def legacy_argv(argv: Sequence[str]) -> list[str]:
    """`conference SLUG --capacity N` (the older form) means `conference edit SLUG ...`."""
    argv = list(argv)
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] == "--config" else 1  # global options before the command
    if argv[index : index + 1] != ["conference"] or index + 1 >= len(argv):
        return argv
    following = argv[index + 1]
    if following in ACTIONS or following.startswith("-"):
        return argv
    return [*argv[: index + 1], "edit", *argv[index + 1 :]]


def _values(args: argparse.Namespace) -> dict[str, str]:
    values = {field: getattr(args, field) for field, _ in _OPTIONS.values()}
    values["slug"] = getattr(args, "new_slug", None)
    if args.programme is not None:
        values["programme"] = "\n".join(args.programme)
    return {field: value for field, value in values.items() if value is not None}


def _checked(outcome: Saved | FormErrors) -> Saved:
    if isinstance(outcome, FormErrors):
        problems = "; ".join(f"{field}: {problem}" for field, problem in outcome.errors.items())
        raise ConfigError(f"nothing saved - {problems}")
    return outcome


def _context(ctx: Context) -> Context:
    # The command line speaks English, as its other messages do.
    return dataclasses.replace(ctx, language="en")


def _locked(ctx: Context, slug: str) -> Conference:
    conference = get_conference(ctx.session, slug, for_update=True)
    if conference is None:
        raise ConfigError(f"no conference with slug {slug!r}")
    return conference


def cmd_add(args: argparse.Namespace, config: Config) -> int:
    """Add a conference from the options, checked as the chat form checks it."""
    with build_services(config).context("console") as ctx:
        saved = _checked(add_conference(_context(ctx), _values(args)))
        saved.conference.registration_open = not args.closed
        print(
            f"added {saved.conference.slug}: {saved.conference.title} "
            f"({saved.informed} told who asked to hear of new conferences)"
        )
    return 0


def cmd_edit(args: argparse.Namespace, config: Config) -> int:
    """Change a conference; registrants hear of a new time or place through the outbox."""
    registration_open = True if args.open else False if args.close else None
    with build_services(config).context("console") as ctx:
        conference = _locked(ctx, args.slug)
        try:
            outcome = edit_conference(
                _context(ctx), conference, _values(args), registration_open=registration_open
            )
        except CapacityError as error:
            raise ConfigError(f"nothing saved - capacity: {error}") from error
        saved = _checked(outcome)
        capacity = "unlimited" if conference.capacity is None else conference.capacity
        state = "open" if conference.registration_open else "closed"
        print(
            f"{conference.slug}: capacity {capacity}, registration {state}, "
            f"{saved.promoted} moved up from the waitlist, {saved.informed} told of the change"
        )
    return 0


def cmd_cancel(args: argparse.Namespace, config: Config) -> int:
    """Cancel a conference; everyone registered or waiting is told once."""
    with build_services(config).context("console") as ctx:
        saved = cancel_conference(_context(ctx), _locked(ctx, args.slug))
        print(f"{args.slug}: cancelled, {saved.informed} registered or waiting will be told")
    return 0
