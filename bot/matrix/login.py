"""One device for the bot across restarts: reuse the stored login, log in only when needed."""

from __future__ import annotations

import logging

from mautrix.client import ClientAPI
from mautrix.errors import MUnknownToken
from mautrix.types import UserID

from bot.config import Config, ConfigError
from storage.matrix_devices import DeviceLogin

log = logging.getLogger(__name__)


async def resolve_login(config: Config, stored: DeviceLogin | None) -> DeviceLogin:
    """The device to run as: MATRIX_ACCESS_TOKEN's, else the stored one while its token works,
    else a password login that keeps the stored device id (so keys and trust stay valid)."""
    matrix, secrets = config.matrix, config.secrets
    if secrets.matrix_access_token:
        return await _whoami(config, secrets.matrix_access_token)
    if stored is not None and stored.user_id == matrix.user_id:
        try:
            return await _whoami(config, stored.access_token)
        except MUnknownToken:
            log.warning("the stored Matrix access token was revoked; logging in again")
    if not secrets.matrix_password:
        raise ConfigError("MATRIX_PASSWORD is needed for the first login (or MATRIX_ACCESS_TOKEN)")
    api = ClientAPI(UserID(matrix.user_id), base_url=matrix.homeserver)
    try:
        response = await api.login(
            identifier=UserID(matrix.user_id),
            password=secrets.matrix_password,
            device_name=matrix.device_name,
            device_id=stored.device_id if stored else None,
            store_access_token=False,
        )
    finally:
        await api.api.session.close()
    log.warning("logged in to Matrix as %s, device %s", response.user_id, response.device_id)
    return DeviceLogin(response.user_id, response.device_id, response.access_token)


async def _whoami(config: Config, token: str) -> DeviceLogin:
    api = ClientAPI(UserID(config.matrix.user_id), base_url=config.matrix.homeserver, token=token)
    try:
        who = await api.whoami()
    finally:
        await api.api.session.close()
    if who.user_id != config.matrix.user_id:
        raise ConfigError(f"the Matrix access token belongs to {who.user_id}, not MATRIX_USER_ID")
    if not who.device_id:
        raise ConfigError("the Matrix access token has no device; log in with MATRIX_PASSWORD")
    return DeviceLogin(who.user_id, who.device_id, token)
