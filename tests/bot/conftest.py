from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config
from bot.services import Services, build_services
from tests.bot.slack_harness import SlackHarness
from tests.fake_slack import FakeSlack


@pytest.fixture
def slack_config(config: Config, fake_slack: FakeSlack) -> Config:
    return dataclasses.replace(
        config, slack=dataclasses.replace(config.slack, api_url=fake_slack.base_url)
    )


@pytest.fixture
def slack_services(engine: Engine, slack_config: Config, clock: FixedClock) -> Services:
    return build_services(slack_config, clock=clock)


@pytest.fixture
def slack(slack_services: Services, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    harness = SlackHarness.start(slack_services, fake_slack)
    yield harness
    harness.settle()


@pytest.fixture
def slack_with_channel(
    engine: Engine, slack_config: Config, clock: FixedClock, fake_slack: FakeSlack
) -> Iterator[SlackHarness]:
    """The Slack app of a workspace whose organizers have a channel (CORG) for questions."""
    config = dataclasses.replace(
        slack_config, slack=dataclasses.replace(slack_config.slack, organizer_channel="CORG")
    )
    harness = SlackHarness.start(build_services(config, clock=clock), fake_slack)
    yield harness
    harness.settle()


@pytest.fixture
def organizer_slack(bot: Services, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    """The Slack app on the test module's own `bot` services (with its organizers)."""
    harness = SlackHarness.start(bot, fake_slack)
    yield harness
    harness.settle()
