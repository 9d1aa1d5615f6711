"""Load and validate `config.toml`, with environment overrides for secrets and URLs."""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_PATH = PROJECT_ROOT / "config.toml"
LANGUAGES = ("de", "en")


class ConfigError(ValueError):
    """A configuration value is missing, unknown or invalid; the message names the key."""


@dataclass(frozen=True)
class BotSection:
    """`[bot]`: reply language, time zone, data folder, the public address of the feeds."""

    language: str = "de"
    timezone: str = "Europe/Berlin"
    data_dir: str = "data"
    public_url: str = ""


@dataclass(frozen=True)
class DatabaseSection:
    """`[database]`: where the data lives, sample import, timeouts."""

    url: str = "sqlite:///smartcity.sqlite3"
    import_samples: bool = True
    connect_timeout_seconds: int = 5
    statement_timeout_seconds: int = 10
    pool_timeout_seconds: int = 5
    busy_timeout_seconds: int = 5


@dataclass(frozen=True)
class HttpSection:
    """`[http]`: limits of the HTTP server in `run --http`."""

    max_body_bytes: int = 1_048_576
    threads: int = 8
    connection_limit: int = 2000
    channel_timeout_seconds: int = 30


@dataclass(frozen=True)
class SlackSection:
    """`[slack]`: the Web API address, the slash command, channels, event deduplication."""

    api_url: str = "https://slack.com/api/"
    command: str = "/smartcity"
    event_dedupe_hours: int = 24
    organizer_channel: str = ""
    announcement_channel: str = ""


@dataclass(frozen=True)
class MatrixSection:
    """`[matrix]`: homeserver, the bot's account, rooms it answers in without a mention, and
    the room that gets announcements and the weekly digest."""

    homeserver: str = ""
    user_id: str = ""
    device_name: str = "smartcity-bot"
    rooms: tuple[str, ...] = ()
    announcement_room: str = ""


@dataclass(frozen=True)
class OrganizersSection:
    """`[organizers]`: user ids (Slack or Matrix) allowed to run organizer commands."""

    user_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistrationSection:
    """`[registration]`: data retention and how a freed seat moves up."""

    purge_after_days: int = 90
    # "auto": the first person waiting moves up at once; "offer": gets a seat offer to accept
    # within `offer_hours`, else it passes to the next.
    promotion: str = "auto"
    offer_hours: int = 24


@dataclass(frozen=True)
class RemindersSection:
    """`[reminders]`: offsets, quiet hours, pace and retries of the outbox, the digest."""

    offsets: tuple[str, ...] = ("7d", "1d", "2h")
    quiet_start: str = "20:00"
    quiet_end: str = "08:00"
    grace_hours: int = 6
    messages_per_second: int = 20
    parallel_sends: int = 8
    give_up_hours: int = 24
    retention_days: int = 30
    digest_enabled: bool = True
    digest_day: str = "mon"
    digest_time: str = "09:00"


@dataclass(frozen=True)
class Secrets:
    """Tokens and passwords, from the environment only (never from config.toml)."""

    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    matrix_access_token: str | None = None
    matrix_password: str | None = None
    matrix_recovery_key: str | None = None


@dataclass(frozen=True)
class Config:
    """The whole configuration: config.toml's sections and the secrets."""

    bot: BotSection = field(default_factory=BotSection)
    database: DatabaseSection = field(default_factory=DatabaseSection)
    slack: SlackSection = field(default_factory=SlackSection)
    http: HttpSection = field(default_factory=HttpSection)
    matrix: MatrixSection = field(default_factory=MatrixSection)
    organizers: OrganizersSection = field(default_factory=OrganizersSection)
    registration: RegistrationSection = field(default_factory=RegistrationSection)
    reminders: RemindersSection = field(default_factory=RemindersSection)
    secrets: Secrets = field(default_factory=Secrets)
    base_dir: Path = PROJECT_ROOT

    @property
    def tz(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.bot.timezone)

    @property
    def data_path(self) -> Path:
        """The data folder, relative to config.toml."""
        return self.base_dir / self.bot.data_dir

    @property
    def matrix_configured(self) -> bool:
        """A homeserver, an account and a way to authenticate are all given."""
        secrets = self.secrets
        credential = secrets.matrix_access_token or secrets.matrix_password
        return bool(self.matrix.homeserver and self.matrix.user_id and credential)


_SECTIONS = {
    "bot": BotSection,
    "database": DatabaseSection,
    "slack": SlackSection,
    "http": HttpSection,
    "matrix": MatrixSection,
    "organizers": OrganizersSection,
    "registration": RegistrationSection,
    "reminders": RemindersSection,
}


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the config file (default: the project's `config.toml`) and apply the environment."""
    env = os.environ if environ is None else environ
    chosen = path or env.get("SMARTCITY_CONFIG")
    path = Path(chosen) if chosen else DEFAULT_CONFIG_PATH
    if chosen and not path.is_file():
        # Only the default file may be absent: a named one that is missing is a typo.
        raise ConfigError(f"{path}: config file not found")
    raw = _read_toml(path) if path.exists() else {}
    sections = {name: _section(name, cls, raw.pop(name, {})) for name, cls in _SECTIONS.items()}
    if raw:
        raise ConfigError(
            f"{path}: unknown section [{sorted(raw)[0]}]; known: {', '.join(_SECTIONS)}"
        )
    config = Config(**sections, base_dir=path.resolve().parent)  # type: ignore[arg-type]
    config = _apply_environment(config, env)
    _validate(config)
    return config


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error


def _section(name: str, cls: type, values: object) -> object:
    if not isinstance(values, dict):
        raise ConfigError(f"[{name}] must be a table")
    hints = get_type_hints(cls)
    unknown = set(values) - set(hints)
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(f"unknown key {name}.{key}; known: {', '.join(hints)}")
    converted = {key: _convert(f"{name}.{key}", hints[key], value) for key, value in values.items()}
    return cls(**converted)


def _convert(key: str, hint: Any, value: object) -> object:
    if hint is bool or hint is str:
        if not isinstance(value, hint):
            raise ConfigError(f"{key} must be a {'boolean' if hint is bool else 'string'}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{key} must be a whole number >= 0")
        return value
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{key} must be a list of strings")
    return tuple(value)


def _apply_environment(config: Config, env: Mapping[str, str]) -> Config:
    database = config.database
    if env.get("DATABASE_URL"):
        database = dataclasses.replace(database, url=env["DATABASE_URL"])
    slack = config.slack
    if env.get("SLACK_API_URL"):
        slack = dataclasses.replace(slack, api_url=env["SLACK_API_URL"])
    matrix = dataclasses.replace(
        config.matrix,
        homeserver=env.get("MATRIX_HOMESERVER") or config.matrix.homeserver,
        user_id=env.get("MATRIX_USER_ID") or config.matrix.user_id,
    )
    secrets = Secrets(
        bot_token=env.get("SLACK_BOT_TOKEN") or None,
        app_token=env.get("SLACK_APP_TOKEN") or None,
        signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        matrix_access_token=env.get("MATRIX_ACCESS_TOKEN") or None,
        matrix_password=env.get("MATRIX_PASSWORD") or None,
        matrix_recovery_key=env.get("MATRIX_RECOVERY_KEY") or None,
    )
    database = dataclasses.replace(database, url=_absolute_sqlite(database.url, config.base_dir))
    return dataclasses.replace(
        config, database=database, slack=slack, matrix=matrix, secrets=secrets
    )


def _absolute_sqlite(url: str, base_dir: Path) -> str:
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or url.startswith(prefix + "/"):
        return url
    relative = url.removeprefix(prefix)
    if relative.startswith(":memory:"):
        return url
    return prefix + str(base_dir / relative)


PROMOTIONS = ("auto", "offer")


def _validate(config: Config) -> None:
    if config.bot.language not in LANGUAGES:
        raise ConfigError(
            f"bot.language must be one of {', '.join(LANGUAGES)}, not {config.bot.language!r}"
        )
    try:
        ZoneInfo(config.bot.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(
            f"bot.timezone {config.bot.timezone!r} is not an IANA time zone such as Europe/Berlin"
        ) from error
    if not config.slack.command.startswith("/"):
        raise ConfigError("slack.command must start with '/'")
    if not config.database.url.split(":", 1)[0].startswith(("sqlite", "postgresql")):
        raise ConfigError("database.url must be a sqlite:/// or postgresql+psycopg:// URL")
    if not config.slack.api_url.startswith(("http://", "https://")):
        raise ConfigError("slack.api_url must be an http(s) URL")
    if config.bot.public_url and not config.bot.public_url.startswith(("http://", "https://")):
        raise ConfigError("bot.public_url must be empty or an http(s) URL")
    _validate_matrix(config.matrix)
    _validate_reminders(config.reminders)
    if config.registration.promotion not in PROMOTIONS:
        raise ConfigError(f"registration.promotion must be one of {', '.join(PROMOTIONS)}")
    _at_least_one("registration", config.registration)
    _at_least_one("database", config.database)
    _at_least_one("http", config.http)


def _at_least_one(name: str, section: object) -> None:
    """Limits and timeouts of 0 would mean "refuse everything" or "wait for ever": neither."""
    for key, value in dataclasses.asdict(section).items():  # type: ignore[call-overload]
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            raise ConfigError(f"{name}.{key} must be at least 1")


_MATRIX_USER = re.compile(r"^@[^:\s]+:[^\s]+$")
_MATRIX_ROOM = re.compile(r"^[!#][^:\s]+:[^\s]+$")


def _validate_matrix(matrix: MatrixSection) -> None:
    if matrix.homeserver and not matrix.homeserver.startswith(("http://", "https://")):
        raise ConfigError("matrix.homeserver (MATRIX_HOMESERVER) must be an http(s) URL")
    if matrix.user_id and not _MATRIX_USER.match(matrix.user_id):
        raise ConfigError(
            f"matrix.user_id (MATRIX_USER_ID) {matrix.user_id!r} is not like @bot:example.org"
        )
    for room in matrix.rooms:
        if not room.startswith("!"):
            raise ConfigError(f"matrix.rooms: {room!r} is not a room id like !abc:example.org")
    if matrix.announcement_room and not _MATRIX_ROOM.match(matrix.announcement_room):
        raise ConfigError(
            f"matrix.announcement_room: {matrix.announcement_room!r} is not a room id like "
            "!abc:example.org or an alias like #ankuendigungen:example.org"
        )


_OFFSET = re.compile(r"^([1-9][0-9]*)([dhm])$")
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _validate_reminders(reminders: RemindersSection) -> None:
    for offset in reminders.offsets:
        if not _OFFSET.match(offset):
            raise ConfigError(
                f"reminders.offsets: {offset!r} is not like 7d, 1d or 2h (days, hours or minutes)"
            )
    for key in ("quiet_start", "quiet_end", "digest_time"):
        if not _CLOCK.match(getattr(reminders, key)):
            raise ConfigError(f"reminders.{key} must be a time like 20:00")
    if reminders.digest_day not in DAYS:
        raise ConfigError(f"reminders.digest_day must be one of {', '.join(DAYS)}")
    for key in ("messages_per_second", "parallel_sends", "give_up_hours", "retention_days"):
        if getattr(reminders, key) < 1:
            raise ConfigError(f"reminders.{key} must be at least 1")
