"""One real Synapse for the whole test session (skipped without it, except in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.matrix.synapse import RateLimit, Synapse, synapse_python

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
