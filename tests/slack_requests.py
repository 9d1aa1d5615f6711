"""Requests in Slack's real payload formats, signed like Slack signs them."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SIGNING_SECRET = "test-signing-secret"
TEAM = "T1"
_TRIGGERS = itertools.count(1)


def new_trigger_id() -> str:
    """Slack gives every command, click and submission a trigger id of its own."""
    return f"{next(_TRIGGERS)}.2.3"


def signed_headers(
    body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None, **extra: str
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    content_type = (
        "application/json" if body.startswith("{") else ("application/x-www-form-urlencoded")
    )
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": signature,
        **extra,
    }


def slash_command(
    text: str, *, user: str = "U100", command: str = "/smartcity", trigger_id: str = ""
) -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": TEAM,
            "team_domain": "mpsc",
            "channel_id": "C100",
            "channel_name": "allgemein",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": "https://hooks.slack.invalid/commands/1",
            "trigger_id": trigger_id or new_trigger_id(),
        }
    )


def event_callback(event: dict[str, Any], *, event_id: str = "Ev1") -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A1",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": 1700000000,
            "authorizations": [{"team_id": TEAM, "user_id": "UBOT", "is_bot": True}],
        }
    )


def app_mention(text: str, *, user: str = "U100", ts: str = "1700000000.000100") -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@UBOT> {text}",
        "ts": ts,
        "channel": "C100",
        "event_ts": ts,
    }


def direct_message(
    text: str, *, user: str = "U100", ts: str = "1700000000.000200"
) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": "D100",
        "event_ts": ts,
    }


def app_home_opened(*, user: str = "U100") -> dict[str, Any]:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": "D100",
        "tab": "home",
        "event_ts": "1700000000.000300",
    }


def block_actions(
    action_id: str, value: str, *, user: str = "U100", channel: str | None = "D100"
) -> str:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "mpsc"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": new_trigger_id(),
        "container": {"type": "message", "message_ts": "1700000000.000100"},
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b1",
                "value": value,
                "action_ts": "1700000001.000000",
            }
        ],
        "response_url": "https://hooks.slack.invalid/actions/1",
    }
    if channel:
        payload["channel"] = {"id": channel, "name": "directmessage"}
    return urlencode({"payload": json.dumps(payload)})


def view_submission(
    callback_id: str,
    metadata: str,
    values: dict[str, dict[str, Any]],
    *,
    user: str = "U100",
    trigger_id: str = "",
) -> str:
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "mpsc"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": trigger_id or new_trigger_id(),
        "view": {
            "id": "V1",
            "team_id": TEAM,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": metadata,
            "state": {"values": values},
            "hash": "h1",
            "title": {"type": "plain_text", "text": "Anmeldung"},
            "blocks": [],
        },
        "response_urls": [],
    }
    return urlencode({"payload": json.dumps(payload)})


def block_suggestion(action_id: str, typed: str, *, user: str = "U100") -> str:
    payload = {
        "type": "block_suggestion",
        "user": {"id": user, "team_id": TEAM},
        "team": {"id": TEAM, "domain": "mpsc"},
        "api_app_id": "A1",
        "token": "legacy",
        "container": {"type": "view", "view_id": "V1"},
        "action_id": action_id,
        "block_id": action_id,
        "value": typed,
        "view": {"id": "V1", "type": "modal"},
    }
    return urlencode({"payload": json.dumps(payload)})
