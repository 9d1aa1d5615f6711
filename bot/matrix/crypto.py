"""End-to-end encryption: an Olm machine on the persistent crypto store, cross-signed with
the bot's recovery key so that clients show its device as verified by its owner."""

from __future__ import annotations

import logging

from mautrix.api import Method, Path
from mautrix.client import Client
from mautrix.crypto import OlmMachine

from bot.matrix.store import MatrixStore

log = logging.getLogger(__name__)


async def enable_encryption(client: Client, store: MatrixStore) -> OlmMachine:
    """Load (or create) the device's Olm account and publish its keys if the server lacks them.

    A crypto store left from another device (a new login after the old one was deleted) is
    cleared first: its keys belong to a device that no longer exists.
    """
    if await store.crypto.get_device_id() not in (None, client.device_id):
        log.warning("the Matrix crypto store belongs to another device; starting it afresh")
        await store.crypto.delete()
    await store.crypto.put_device_id(client.device_id)
    machine = OlmMachine(client, store.crypto, store.state)
    await machine.load()
    client.crypto = machine
    await machine.share_keys()
    return machine


async def cross_sign(machine: OlmMachine, recovery_key: str) -> None:
    """Sign the bot's device with the account's self-signing key, fetched from secret storage
    with the recovery key; nothing happens when it is signed already."""
    if await cross_signed(machine.client):
        return
    await machine.verify_with_recovery_key(recovery_key)
    log.warning("cross-signed the bot's Matrix device %s", machine.client.device_id)


async def cross_signed(client: Client) -> bool:
    """Whether `/keys/query` shows the bot's device signed by the account's self-signing key."""
    answer = await client.api.request(
        Method.POST,
        Path.v3.keys.query,
        {"device_keys": {client.mxid: [client.device_id]}},
    )
    self_signing = answer.get("self_signing_keys", {}).get(client.mxid, {}).get("keys", {})
    device = answer.get("device_keys", {}).get(client.mxid, {}).get(client.device_id, {})
    signatures = device.get("signatures", {}).get(client.mxid, {})
    return any(key_id in signatures for key_id in self_signing)
