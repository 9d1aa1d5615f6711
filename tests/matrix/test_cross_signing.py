"""The bot's device is cross-signed with its recovery key, so clients show it as verified."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.cli import main
from bot.clock import FixedClock
from bot.config import Config
from bot.matrix.bot import MatrixBot
from bot.services import Services, build_services
from tests.matrix.client import MatrixUser


def self_signed_devices(keys: dict[str, Any], user_id: str) -> set[str]:
    """Devices of `user_id` that carry a signature by the user's self-signing key."""
    self_signing = set(keys["self_signing_keys"][user_id]["keys"])
    return {
        device_id
        for device_id, device in keys["device_keys"][user_id].items()
        if self_signing & set(device.get("signatures", {}).get(user_id, {}))
    }


@pytest.fixture
def signed_services(
    engine: Engine, matrix_config: Config, clock: FixedClock, bot_recovery_key: str
) -> Services:
    secrets = dataclasses.replace(matrix_config.secrets, matrix_recovery_key=bot_recovery_key)
    return build_services(dataclasses.replace(matrix_config, secrets=secrets), clock=clock)


def test_with_the_recovery_key_the_bots_device_is_cross_signed(
    signed_services: Services,
    member: MatrixUser,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = signed_services.config
    with ThreadPoolExecutor(max_workers=2) as pool:
        bot = MatrixBot(signed_services, executor=pool)
        bot.start()
        device = bot.device_id
        bot.stop()

    bot_id = config.matrix.user_id
    keys = member.request("POST", "/keys/query", {"device_keys": {bot_id: []}})
    assert device in self_signed_devices(keys, bot_id)

    monkeypatch.setenv("DATABASE_URL", config.database.url)
    monkeypatch.setenv("MATRIX_HOMESERVER", config.matrix.homeserver)
    monkeypatch.setenv("MATRIX_USER_ID", bot_id)
    monkeypatch.setenv("MATRIX_PASSWORD", "not-needed-the-device-is-stored")
    monkeypatch.setenv("MATRIX_RECOVERY_KEY", config.secrets.matrix_recovery_key or "")
    main(["check"])
    out = capsys.readouterr().out
    assert f"matrix: device {device}, kept across restarts in the database" in out
    assert "matrix: device cross-signed: yes" in out
