"""The Bolt app: turns Slack payloads into handler calls and replies into Block Kit.

Slash commands and form submissions are answered in the ack body; events and button clicks
are acknowledged at once and then handled as lazy listeners. Everything else a request sends
(answers posted into a conversation, files, messages to other people) is an outbox row
written with the request's changes; the request then tries to send its rows at once on a
small executor of its own, and the dispatcher sends whatever that did not.
"""

from __future__ import annotations

import dataclasses
import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.dispatcher import Dispatcher
from bot.services import Services
from bot.slack_forms import modal_view
from bot.slack_sender import SlackSender
from handlers.outgoing import Destination
from handlers.replies import Form, Reply
from storage.events import claim_event

log = logging.getLogger(__name__)


@dataclass
class Wiring:
    """What every listener needs: the services and where to run follow-up work."""

    services: Services
    executor: Executor

    def first_delivery(self, body: dict[str, Any]) -> bool:
        """False for a retry or a copy of an event that this or another replica already took."""
        event_id = body.get("event_id")
        if not event_id:
            return True
        keep = timedelta(hours=self.services.config.slack.event_dedupe_hours)
        with self.services.sessions.begin() as session:
            return claim_event(session, event_id, now=self.services.clock(), keep=keep)

    @staticmethod
    def click_destination(body: dict[str, Any]) -> Destination:
        """A click's answer goes where the button was (the user's DM for the App Home); a
        form in it is opened as a modal."""
        channel = (body.get("channel") or {}).get("id") or body["user"]["id"]
        return Destination(channel, opens_forms=True)

    def answer_click(self, client: WebClient, reply: Reply, body: dict[str, Any]) -> None:
        """After a button click: open the reply's form as a modal (any other answer was
        queued for `click_destination`)."""
        if reply.form is not None:
            user = body["user"]["id"]
            self.open_form(client, reply, trigger_id=body["trigger_id"], user_id=user)

    def open_form(self, client: WebClient, reply: Reply, *, trigger_id: str, user_id: str) -> None:
        assert reply.form is not None
        form = reply.form
        if any(f.name == "name" and not f.initial for f in form.fields):
            form = _with_profile_name(client, form, user_id)
        client.views_open(trigger_id=trigger_id, view=modal_view(form, reply.language))


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


def create_app(
    services: Services,
    *,
    listener_executor: Executor | None = None,
    courier_executor: Executor | None = None,
) -> App:
    """A Bolt app wired to the handlers, talking to the configured Web API URL."""
    from bot.slack_announcements import register_announcements  # noqa: PLC0415
    from bot.slack_conversation import register_conversation  # noqa: PLC0415
    from bot.slack_knowledge import register_knowledge  # noqa: PLC0415
    from bot.slack_registration import register_registration  # noqa: PLC0415

    config = services.config
    executor = listener_executor or ThreadPoolExecutor(max_workers=8)
    client = WebClient(token=config.secrets.bot_token, base_url=config.slack.api_url)
    app = App(
        client=client,
        signing_secret=config.secrets.signing_secret,
        name="smartcity-bot",
        logger=log,
        process_before_response=True,
        listener_executor=executor,
    )
    sender = SlackSender.from_config(config)
    couriers = courier_executor or ThreadPoolExecutor(config.reminders.parallel_sends)
    services.courier = lambda ids: couriers.submit(Dispatcher(services, sender).deliver, ids)
    wiring = Wiring(services, executor)
    register_conversation(app, wiring)
    register_registration(app, wiring)
    register_knowledge(app, wiring)
    register_announcements(app, wiring)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error for %s: %s", body.get("type"), error, exc_info=error)

    return app
