"""Sends outbox messages through the Slack Web API; tells lasting errors from passing ones."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.blocks import message_payload
from bot.config import Config
from bot.dispatcher import SendError
from handlers.replies import Reply

# Errors after which the same message to the same recipient can never succeed.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "is_archived",
        "cannot_dm_bot",
        "not_in_channel",
        "account_inactive",
        "user_disabled",
        "invalid_auth",
        "not_authed",
        "msg_too_long",
        "no_text",
        "restricted_action",
        "channel_is_archived",
        "user_is_restricted",
    }
)


class SlackSender:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    @classmethod
    def from_config(cls, config: Config) -> SlackSender:
        """A client that waits as 429's Retry-After says and retries broken connections."""
        client = WebClient(
            token=config.secrets.bot_token,
            base_url=config.slack.api_url,
            retry_handlers=[
                RateLimitErrorRetryHandler(max_retry_count=20),
                ConnectionErrorRetryHandler(max_retry_count=2),
            ],
        )
        return cls(client)

    def send(self, recipient: str, reply: Reply) -> None:
        try:
            self.client.chat_postMessage(channel=recipient, **message_payload(reply))
        except SlackApiError as error:
            code = str(error.response.get("error", "unknown_error"))
            raise SendError(code, permanent=code in PERMANENT) from error
        except OSError as error:
            raise SendError(f"connection: {error}", permanent=False) from error
