"""Sends outbox messages through the Slack Web API and sorts its errors: lasting, about the
token, rate limits, passing, and the one Slack cannot settle (no answer to a sent request).

The client neither retries nor waits on its own: every call ends within SEND_TIMEOUT, well
inside the dispatcher's lease, and 429's Retry-After goes back to the dispatcher, which holds
every replica back for that long.
"""

from __future__ import annotations

from typing import Any
from urllib.error import HTTPError, URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks import message_payload
from bot.config import Config
from bot.dispatcher import SEND_TIMEOUT
from bot.sending import AMBIGUOUS, AUTH, PERMANENT, RATE_LIMITED, TRANSIENT, Outgoing, SendError
from storage.recipients import SLACK

# Errors after which the same message to the same recipient can never succeed.
LASTING = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "is_archived",
        "cannot_dm_bot",
        "not_in_channel",
        "user_disabled",
        "msg_too_long",
        "no_text",
        "restricted_action",
        "channel_is_archived",
        "user_is_restricted",
        "invalid_blocks",
    }
)
# Errors about the bot's own token: nothing can be sent until an operator fixes it.
TOKEN = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "account_inactive",
        "missing_scope",
        "not_allowed_token_type",
        "team_access_not_granted",
        "ekm_access_denied",
    }
)
MARKER = "smartcity_outbox"


class SlackSender:
    """The outbox's transport to Slack: messages, threads and file uploads."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    @classmethod
    def from_config(cls, config: Config) -> SlackSender:
        """A sender with a client whose timeout is shorter than an outbox lease."""
        client = WebClient(
            token=config.secrets.bot_token,
            base_url=config.slack.api_url,
            timeout=int(SEND_TIMEOUT.total_seconds()),
            retry_handlers=[],
        )
        return cls(client)

    def send(self, message: Outgoing) -> None:
        """Post the row's message and upload its files, or raise SendError."""
        if message.reply is not None:
            payload = message_payload(message.reply)
            metadata = {"event_type": MARKER, "event_payload": {"key": message.key}}
            self._call(
                lambda: self.client.chat_postMessage(
                    channel=message.recipient,
                    thread_ts=message.thread_ts,
                    metadata=metadata,
                    **payload,
                )
            )
        if message.files:
            self._call(lambda: self._upload(message))

    def _upload(self, message: Outgoing) -> None:
        channel = message.recipient
        if channel.startswith(("U", "W")):
            channel = self.client.conversations_open(users=channel)["channel"]["id"]
        uploads = [
            {"content": f.content, "filename": f.filename, "title": f.title} for f in message.files
        ]
        self.client.files_upload_v2(channel=channel, file_uploads=uploads)

    def delivered(self, message: Outgoing) -> bool:
        """Looks for the message's key among the recent messages of its conversation. Files
        carry no key: an upload whose answer was lost is uploaded again."""
        if message.reply is None:
            return False

        def find() -> bool:
            channel = message.recipient
            if channel.startswith(("U", "W")):
                channel = self.client.conversations_open(users=channel)["channel"]["id"]
            history = self.client.conversations_history(
                channel=channel, limit=100, include_all_metadata=True
            )
            return any(_key_of(m) == message.key for m in history.get("messages") or [])

        return bool(self._call(find))

    def auth_problem(self) -> str | None:
        """None when Slack accepts the token, else its error."""
        try:
            self._call(self.client.auth_test)
        except SendError as error:
            return error.reason if error.kind in (AUTH, PERMANENT) else None
        return None

    def cost(self, message: Outgoing) -> int:
        # An upload: conversations.open, getUploadURLExternal, the upload, completeUploadExternal.
        """Web API calls the send takes, for the shared pace."""
        return (message.reply is not None) + 4 * bool(message.files)

    def transports(self) -> frozenset[str]:
        """Slack only: Matrix rows are left to a replica that syncs the Matrix account."""
        return frozenset({SLACK})

    def _call(self, call: Any) -> Any:
        try:
            return call()
        except SlackApiError as error:
            raise _api_error(error) from error
        except HTTPError as error:  # the file upload URL answers outside the Web API client
            if error.code == 429:
                retry_after = float(error.headers.get("Retry-After", "1"))
                raise SendError(
                    "ratelimited", kind=RATE_LIMITED, retry_after=retry_after
                ) from error
            raise SendError(f"upload: HTTP {error.code}", kind=AMBIGUOUS) from error
        except URLError as error:
            refused = isinstance(error.reason, ConnectionRefusedError)
            kind = TRANSIENT if refused else AMBIGUOUS
            raise SendError(f"connection: {error.reason}", kind=kind) from error
        except OSError as error:  # a timeout or a reset after the request went out
            raise SendError(f"no answer: {error}", kind=AMBIGUOUS) from error


def _api_error(error: SlackApiError) -> SendError:
    status = error.response.status_code
    code = str(error.response.get("error", "unknown_error"))
    if status == 429:
        retry_after = float(error.response.headers.get("Retry-After", "1"))
        return SendError("ratelimited", kind=RATE_LIMITED, retry_after=retry_after)
    if code in TOKEN:
        return SendError(code, kind=AUTH)
    return SendError(code, kind=PERMANENT if code in LASTING else TRANSIENT)


def _key_of(message: dict[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != MARKER:
        return None
    key = (metadata.get("event_payload") or {}).get("key")
    return key if isinstance(key, str) else None
