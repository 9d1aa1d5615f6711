"""What `smartcity-bot check` says about Matrix: account, device, cross-signing, mode."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.config import Config
from storage.db import make_engine
from storage.matrix_devices import DeviceLogin, find_device


def describe_matrix(config: Config) -> list[str]:
    """What `smartcity-bot check` says of the Matrix side, one line each."""
    if not config.matrix_configured:
        return [
            "matrix: not configured (MATRIX_HOMESERVER, MATRIX_USER_ID and MATRIX_ACCESS_TOKEN "
            "or MATRIX_PASSWORD)"
        ]
    matrix = config.matrix
    mode = "beside Slack" if config.secrets.bot_token else "alone"
    lines = [
        f"matrix: {matrix.user_id} on {matrix.homeserver}; `smartcity-bot run` starts it {mode}",
        _announcement_room(matrix.announcement_room),
    ]
    login = _login(config)
    if login is None:
        lines.append("matrix: no device yet - the first start logs in with MATRIX_PASSWORD")
        return lines
    lines.append(f"matrix: device {login.device_id}, kept across restarts in the database")
    lines.append(f"matrix: device cross-signed: {_cross_signed(config, login)}")
    if not config.secrets.matrix_recovery_key:
        lines.append(
            "matrix: MATRIX_RECOVERY_KEY not set - the device is not cross-signed on start"
        )
    return lines


def _announcement_room(room: str) -> str:
    if room:
        return f"matrix: announcements to the channel and the weekly digest also go to {room}"
    return (
        "matrix: no announcement room (matrix.announcement_room); the weekly digest reaches "
        "Matrix members who ask for it"
    )


def _login(config: Config) -> DeviceLogin | None:
    token = config.secrets.matrix_access_token
    if token:
        whoami = _request(config, token, "GET", "/account/whoami")
        if whoami is None:
            return None
        return DeviceLogin(config.matrix.user_id, str(whoami.get("device_id", "")), token)
    try:
        with Session(make_engine(config.database.url)) as session:
            return find_device(session, config.matrix.user_id)
    except SQLAlchemyError:
        return None


def _cross_signed(config: Config, login: DeviceLogin) -> str:
    query = {"device_keys": {login.user_id: [login.device_id]}}
    answer = _request(config, login.access_token, "POST", "/keys/query", query)
    if answer is None:
        return "unknown (homeserver not reachable or token not accepted)"
    keys = answer.get("self_signing_keys", {}).get(login.user_id, {}).get("keys", {})
    device = answer.get("device_keys", {}).get(login.user_id, {}).get(login.device_id, {})
    signatures = device.get("signatures", {}).get(login.user_id, {})
    return "yes" if any(key_id in signatures for key_id in keys) else "NO"


def _request(
    config: Config, token: str, method: str, path: str, body: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    request = urllib.request.Request(
        f"{config.matrix.homeserver.rstrip('/')}/_matrix/client/v3{path}",
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            result: dict[str, Any] = json.load(response)
            return result
    except (urllib.error.URLError, OSError, ValueError):
        return None
