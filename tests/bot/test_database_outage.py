"""While the database is away, every member gets a polite "bitte später noch einmal" within
seconds, /healthz says 503, and once it is back the bot works again without a restart."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bot.clock import FixedClock
from bot.config import Config
from bot.http import wsgi_app
from bot.services import Services, build_services
from tests.bot.slack_harness import SlackHarness
from tests.bot.test_slack_registration import ZWOENITZ, form_values
from tests.db_outage import ProxiedPostgres, outage_for
from tests.fake_slack import FakeSlack
from tests.slack_requests import (
    app_mention,
    block_actions,
    block_suggestion,
    direct_message,
    event_callback,
    slash_command,
    view_submission,
)

LATER = (
    "Entschuldigung, ich komme gerade nicht an meine Daten. "
    "Bitte versuchen Sie es später noch einmal."
)
LATER_SHORT = "Gerade nicht erreichbar – bitte später noch einmal"
# Each wait is at most a second or two, so that a request never waits long.
QUICK = {
    "connect_timeout_seconds": 2,
    "statement_timeout_seconds": 1,
    "pool_timeout_seconds": 1,
    "busy_timeout_seconds": 1,
}


@pytest.fixture
def outage(database_url: str, engine: Engine) -> Iterator[Any]:
    outage = outage_for(database_url)
    yield outage
    outage.end()
    if isinstance(outage, ProxiedPostgres):
        outage.proxy.stop()


@pytest.fixture
def services(outage: Any, slack_config: Config, clock: FixedClock) -> Iterator[Services]:
    database = dataclasses.replace(slack_config.database, url=outage.url, **QUICK)
    services = build_services(dataclasses.replace(slack_config, database=database), clock=clock)
    yield services
    services.engine.dispose()


@pytest.fixture
def slack(services: Services, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    harness = SlackHarness.start(services, fake_slack)
    yield harness
    harness.settle()


def health(services: Services, slack: SlackHarness) -> str:
    statuses: list[str] = []
    application = wsgi_app(slack.app, services)
    application({"PATH_INFO": "/healthz"}, lambda status, _headers: statuses.append(status))
    return statuses[0]


def test_every_path_answers_later_while_the_database_is_away_and_works_again_after(
    outage: Any, services: Services, slack: SlackHarness
) -> None:
    assert health(services, slack) == "200 OK"
    outage.begin()
    started = time.monotonic()

    command = json.loads(slack.send(slash_command("Wann ist die nächste Konferenz?")).body)
    submitted = slack.send(view_submission("form:registration", ZWOENITZ, form_values()))
    suggested = json.loads(slack.send(block_suggestion("municipality", "Zwö")).body)
    slack.send(event_callback(direct_message("Wann ist die nächste Konferenz?"), event_id="Ev1"))
    slack.send(event_callback(app_mention("Wann ist die nächste Konferenz?"), event_id="Ev2"))
    slack.send(block_actions("conference_details", ZWOENITZ))
    down = health(services, slack)
    slack.settle()

    assert command["text"] == LATER
    assert json.loads(submitted.body) == {"response_action": "errors", "errors": {"name": LATER}}
    assert [option["text"]["text"] for option in suggested["options"]] == [LATER_SHORT]
    posts = {
        (call.params["channel"], call.params["text"])
        for call in slack.api.calls_to("chat.postMessage")
    }
    assert posts == {("D100", LATER), ("C100", LATER)}
    assert len(slack.api.calls_to("chat.postMessage")) == 3
    assert down == "503 Service Unavailable"
    assert time.monotonic() - started < 20

    outage.end()
    assert health(services, slack) == "200 OK"
    answer = json.loads(
        slack.send(slash_command("Wo findet die 23. Regionalkonferenz statt?")).body
    )
    assert "Bodenseeforum Konstanz" in answer["text"]


def test_a_database_that_accepts_but_never_answers_is_given_up_on_within_seconds(
    outage: Any, services: Services, slack: SlackHarness
) -> None:
    if not isinstance(outage, ProxiedPostgres):
        pytest.skip("a silent TCP peer is a PostgreSQL matter; SQLite is a local file")
    outage.proxy.black_hole()
    started = time.monotonic()
    command = json.loads(slack.send(slash_command("Wann ist die nächste Konferenz?")).body)
    assert command["text"] == LATER
    assert health(services, slack) == "503 Service Unavailable"
    assert time.monotonic() - started < 10
    outage.end()
    assert health(services, slack) == "200 OK"


def test_statements_and_locks_have_the_configured_time_limit(
    outage: Any, services: Services
) -> None:
    if not isinstance(outage, ProxiedPostgres):
        pytest.skip("SQLite's limit is its busy timeout, exercised above")
    with services.engine.connect() as connection:
        limits = [
            connection.execute(text(f"SHOW {name}")).scalar()
            for name in ("statement_timeout", "lock_timeout")
        ]
    assert limits == ["1s", "1s"]


def test_a_table_locked_elsewhere_is_given_up_on_after_the_statement_timeout(
    outage: Any, services: Services, slack: SlackHarness, engine: Engine
) -> None:
    if not isinstance(outage, ProxiedPostgres):
        pytest.skip("SQLite's write lock is the outage of the first test")
    with engine.connect() as blocker:
        blocker.execute(text("LOCK TABLE conferences IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        command = json.loads(slack.send(slash_command("Wann ist die nächste Konferenz?")).body)
        waited = time.monotonic() - started
        blocker.rollback()
    assert command["text"] == LATER
    assert waited < 5
