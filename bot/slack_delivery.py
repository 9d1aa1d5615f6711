"""Sending a reply's side effects: files by DM and messages to other users."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks import message_payload
from handlers.replies import Reply

log = logging.getLogger(__name__)


def deliver_extras(client: WebClient, reply: Reply, *, user_id: str) -> None:
    """Upload the reply's attachments to the user's DM and send its direct messages.

    A member who blocked the bot or left the workspace must not stop the others: failures
    are logged per recipient.
    """
    if reply.attachments:
        _upload(client, reply, user_id)
    for message in reply.direct_messages:
        send_direct(client, message.user_id, message.reply)


def send_direct(client: WebClient, user_id: str, reply: Reply) -> None:
    """A DM with the reply, then its files and further messages."""
    try:
        client.chat_postMessage(channel=user_id, **message_payload(reply))
    except SlackApiError as error:
        log.warning("could not send a DM to %s: %s", user_id, error.response.get("error"))
        return
    deliver_extras(client, reply, user_id=user_id)


def _upload(client: WebClient, reply: Reply, user_id: str) -> None:
    try:
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        for attachment in reply.attachments:
            client.files_upload_v2(
                channel=channel,
                content=attachment.content,
                filename=attachment.filename,
                title=attachment.title,
            )
    except SlackApiError as error:
        log.warning("could not send files to %s: %s", user_id, error.response.get("error"))
