"""What every Slack listener needs: the services, where to run follow-up work, and how a reply
reaches the user: in the ack body, as a modal, or as outbox rows written with the request's
changes (answers posted into a conversation, files, messages to others)."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks import message_payload
from bot.services import Failure, Services
from bot.slack_forms import modal_view
from handlers.context import Context
from handlers.outgoing import Destination, form_as_button
from handlers.replies import Form, Reply
from handlers.texts import t
from storage.errors import DATABASE_UNAVAILABLE
from storage.events import claim_event

log = logging.getLogger(__name__)
Result = TypeVar("Result")
# Trigger ids share the table of remembered event ids; the prefix keeps them apart.
TRIGGER_PREFIX = "trigger:"


class InFlight:
    """How many form submissions this process is saving right now."""

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    def enter(self) -> int:
        """Count one more; returns how many were being saved before it."""
        with self._lock:
            self._count += 1
            return self._count - 1

    def leave(self) -> None:
        """One is saved (or failed)."""
        with self._lock:
            self._count -= 1


@dataclass
class Wiring:
    """What every listener needs: the services and where to run follow-up work."""

    services: Services
    executor: Executor
    submissions: InFlight = dataclasses.field(default_factory=InFlight)

    def first_delivery(self, body: dict[str, Any]) -> bool:
        """False for a retry or a copy of an event that this or another replica already took."""
        event_id = body.get("event_id")
        if not event_id:
            return True
        try:
            with self.services.sessions.begin() as session:
                return claim_event(session, event_id, now=self.services.clock(), keep=self._keep)
        except DATABASE_UNAVAILABLE:
            return True  # better a possible second answer than none: the reply says "later"

    @property
    def prefix(self) -> str:
        """What members type before a short command on Slack, as the texts show it."""
        return f"{self.services.config.slack.command} "

    @property
    def _keep(self) -> timedelta:
        return timedelta(hours=self.services.config.slack.event_dedupe_hours)

    def once(
        self, body: dict[str, Any], handler: Callable[[Context], Result]
    ) -> Callable[[Context], Result | Reply]:
        """The handler, run only for the first request with this trigger id: a captured
        command or form submission replayed within the signature window does nothing."""
        trigger_id = body.get("trigger_id")

        def run(ctx: Context) -> Result | Reply:
            if trigger_id and not claim_event(
                ctx.session, TRIGGER_PREFIX + trigger_id, now=ctx.now, keep=self._keep
            ):
                log.warning("replayed trigger id %s from user %s ignored", trigger_id, ctx.user_id)
                return Failure(ctx.t("error.replayed"), language=ctx.language)
            return handler(ctx)

        return run

    def show(
        self,
        client: WebClient,
        reply: Reply,
        *,
        user_id: str,
        channel: str | None,
        thread_ts: str | None = None,
    ) -> None:
        """Post a polite failure where the user is, directly: it reports no change, and the
        outbox may be what is unreachable. Every other reply went out through the outbox."""
        if isinstance(reply, Failure):
            payload = message_payload(form_as_button(reply))
            client.chat_postMessage(channel=channel or user_id, thread_ts=thread_ts, **payload)

    def post(self, client: WebClient, reply: Reply, *, user_id: str, to: Destination) -> None:
        """Post a reply made outside a handler (e.g. after Slack refused a form) through the
        outbox, or directly if it cannot be queued."""
        result = self.services.reply(user_id, lambda _ctx: reply, post_to=to)
        self.show(client, result, user_id=user_id, channel=to.channel)

    @staticmethod
    def click_destination(body: dict[str, Any]) -> Destination:
        """A click's answer goes where the button was (the user's DM for the App Home); a
        form in it is opened as a modal."""
        channel = (body.get("channel") or {}).get("id") or body["user"]["id"]
        return Destination(channel, opens_forms=True)

    def answer_click(self, client: WebClient, reply: Reply, body: dict[str, Any]) -> None:
        """After a button click: open the reply's form as a modal (any other answer was
        queued for `click_destination`, a failure is shown directly)."""
        user = body["user"]["id"]
        if reply.form is not None and not isinstance(reply, Failure):
            self.open_form(client, reply, trigger_id=body["trigger_id"], user_id=user)
        else:
            self.show(client, reply, user_id=user, channel=self.click_destination(body).channel)

    def open_form(self, client: WebClient, reply: Reply, *, trigger_id: str, user_id: str) -> None:
        """Open the reply's form as a modal; if Slack refuses (an expired trigger, an outage),
        tell the user by DM, with a button that opens the form afresh."""
        assert reply.form is not None
        form = reply.form
        if any(f.name == "name" and not f.initial for f in form.fields):
            form = _with_profile_name(client, form, user_id)
        try:
            client.views_open(trigger_id=trigger_id, view=modal_view(form, reply.language))
        except (SlackApiError, OSError) as error:
            log.warning("views.open failed for %s: %s", user_id, error)
            retry = dataclasses.replace(reply, text=t(reply.language, "error.form"))
            self.post(client, retry, user_id=user_id, to=Destination(user_id))


def _with_profile_name(client: WebClient, form: Form, user_id: str) -> Form:
    try:
        profile = client.users_info(user=user_id)["user"]["profile"]
    except SlackApiError:
        return form
    name = profile.get("real_name") or profile.get("display_name") or ""
    fields = tuple(
        dataclasses.replace(f, initial=name) if f.name == "name" else f for f in form.fields
    )
    return dataclasses.replace(form, fields=fields)


def acknowledge(ack: Ack) -> None:
    """Answer Slack at once; the work runs afterwards as a lazy listener."""
    ack()
