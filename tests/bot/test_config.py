"""The config file is checked on load; every refusal names the key and what is allowed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.config import Config, ConfigError, MatrixSection, load_config
from bot.matrix.check import describe_matrix


def load(tmp_path: Path, text: str, **environ: str) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ=environ)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[bot\n", "not valid TOML"),
        ("[chat]\n", "unknown section [chat]; known: bot, database, slack"),
        ("bot = 3\n", "[bot] must be a table"),
        ("[bot]\nname = 'x'\n", "unknown key bot.name; known: language, timezone, data_dir"),
        ("[database]\nimport_samples = 'yes'\n", "database.import_samples must be a boolean"),
        ("[bot]\nlanguage = 1\n", "bot.language must be a string"),
        ("[reminders]\ngrace_hours = -1\n", "reminders.grace_hours must be a whole number >= 0"),
        ("[reminders]\ngrace_hours = true\n", "reminders.grace_hours must be a whole number >= 0"),
        ("[reminders]\noffsets = '7d'\n", "reminders.offsets must be a list of strings"),
        ("[bot]\ntimezone = 'MEZ'\n", "bot.timezone 'MEZ' is not an IANA time zone"),
        ("[slack]\ncommand = 'smartcity'\n", "slack.command must start with '/'"),
        ("[database]\nurl = 'mysql://x'\n", "database.url must be a sqlite:/// or postgresql"),
        ("[slack]\napi_url = 'slack.com/api'\n", "slack.api_url must be an http(s) URL"),
        ("[reminders]\noffsets = ['1w']\n", "reminders.offsets: '1w' is not like 7d, 1d or 2h"),
        ("[reminders]\nquiet_end = '8 Uhr'\n", "reminders.quiet_end must be a time like 20:00"),
        ("[reminders]\ndigest_day = 'montag'\n", "reminders.digest_day must be one of mon, tue"),
        (
            "[reminders]\nmessages_per_second = 0\n",
            "reminders.messages_per_second must be at least 1",
        ),
        ("[reminders]\nparallel_sends = 0\n", "reminders.parallel_sends must be at least 1"),
        (
            "[matrix]\nannouncement_room = 'ankuendigungen'\n",
            "matrix.announcement_room: 'ankuendigungen' is not a room id like !abc:example.org",
        ),
    ],
)
def test_a_bad_value_is_refused_with_the_key_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load(tmp_path, text)
    assert message in str(refused.value)


def test_relative_sqlite_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    config = load(tmp_path, "[database]\nurl = 'sqlite:///bot.sqlite3'\n")
    assert config.database.url == f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    memory = load(tmp_path, "[database]\nurl = 'sqlite:///:memory:'\n")
    assert memory.database.url == "sqlite:///:memory:"


def test_the_environment_overrides_urls_and_brings_the_secrets(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        "",
        DATABASE_URL="postgresql+psycopg://bot@db/smartcity",
        SLACK_API_URL="http://127.0.0.1:9/api/",
        SLACK_BOT_TOKEN="xoxb-1",
        SLACK_APP_TOKEN="",
    )
    assert config.database.url == "postgresql+psycopg://bot@db/smartcity"
    assert config.slack.api_url == "http://127.0.0.1:9/api/"
    assert (config.secrets.bot_token, config.secrets.app_token) == ("xoxb-1", None)


def test_check_names_the_matrix_announcement_room(config: Config) -> None:
    secrets = dataclasses.replace(config.secrets, matrix_password="secret")
    room = "#ankuendigungen:stadt-ulm.de"
    matrix = MatrixSection(
        homeserver="http://127.0.0.1:1", user_id="@bot:stadt-ulm.de", announcement_room=room
    )
    lines = describe_matrix(dataclasses.replace(config, matrix=matrix, secrets=secrets))
    assert lines[1] == (
        f"matrix: announcements to the channel and the weekly digest also go to {room}"
    )
