"""One real Synapse per test process, i.e. per xdist worker (skipped without it, except in
CI)."""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, MatrixSection
from bot.courier import Courier
from bot.dispatcher import Dispatcher
from bot.matrix.bot import MatrixBot
from bot.matrix.sender import MatrixSender
from bot.routing import RoutingSender
from bot.services import Services, build_services
from tests.matrix.client import MatrixUser
from tests.matrix.encrypted_member import EncryptedMember
from tests.matrix.synapse import Account, RateLimit, Synapse, synapse_python

# Generous for the conversation tests; rate-limit tests lower it per user with the admin API.
RC_MESSAGE = RateLimit(per_second=100, burst_count=200)


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    python = synapse_python()
    if python is None:
        reason = "Synapse is not installed (.synapse-venv/); `.ci/run` installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    server = Synapse(tmp_path_factory.mktemp("synapse"), python, rc_message=RC_MESSAGE)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def bot_account(synapse: Synapse) -> Account:
    return synapse.register("smartcity")


@pytest.fixture(scope="session")
def bot_recovery_key(
    synapse: Synapse, bot_account: Account, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The bot account's recovery key, set up from another of its devices (the operator's)."""
    operator = EncryptedMember(synapse.url, bot_account, tmp_path_factory.mktemp("operator"))
    try:
        return operator.set_up_cross_signing()
    finally:
        operator.close()


@pytest.fixture
def matrix_config(config: Config, synapse: Synapse, bot_account: Account) -> Config:
    return dataclasses.replace(
        config,
        matrix=MatrixSection(homeserver=synapse.url, user_id=bot_account.user_id),
        secrets=dataclasses.replace(config.secrets, matrix_password=bot_account.password),
    )


@pytest.fixture
def matrix_services(engine: Engine, matrix_config: Config, clock: FixedClock) -> Services:
    return build_services(matrix_config, clock=clock)


@pytest.fixture
def matrix_bot(matrix_services: Services) -> Iterator[MatrixBot]:
    with ThreadPoolExecutor(max_workers=4) as executor:
        bot = MatrixBot(matrix_services, executor=executor)
        bot.start()
        # What replies send besides the answer (files, messages to others) goes through the
        # outbox and is sent at once, as the runner wires it (paced on the test's clock).
        sender = RoutingSender(matrix=MatrixSender(bot))
        dispatcher = Dispatcher(matrix_services, sender, wall=matrix_services.clock, sleep=_no_wait)
        matrix_services.courier = Courier(dispatcher, executor)
        yield bot
        bot.stop()


def _no_wait(_seconds: float) -> None:
    """The pace is computed on the test's clock; nothing is slept."""


@pytest.fixture
def member(synapse: Synapse) -> MatrixUser:
    """A member of the network on the same homeserver, new for each test."""
    return MatrixUser(synapse.url, synapse.register(f"member{next(_members)}"))


_members = itertools.count(1)


@pytest.fixture
def colleague(synapse: Synapse) -> MatrixUser:
    """Someone else in the same rooms."""
    return MatrixUser(synapse.url, synapse.register(f"colleague{next(_members)}"))


@pytest.fixture
def encrypted_member(synapse: Synapse, tmp_path: Path) -> Iterator[EncryptedMember]:
    account = synapse.register(f"secret{next(_members)}")
    member = EncryptedMember(synapse.url, account, tmp_path)
    yield member
    member.close()


@pytest.fixture(scope="session")
def synapse_admin(synapse: Synapse) -> Account:
    return synapse.register("admin", admin=True)
