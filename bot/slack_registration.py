"""Listeners for registering: the Anmelden button, the modal, type-ahead, cancel, data deletion."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack_app import Wiring, acknowledge
from bot.slack_forms import CALLBACK_PREFIX, MUNICIPALITY_ACTION, option, submitted_values
from handlers.conversation.forms import submit_form
from handlers.outgoing import Destination
from handlers.privacy.personal_data import CONFIRM_ACTION, delete_confirmed
from handlers.registration.flow import cancel_registration, registration_form_for
from handlers.registration.municipalities import suggest_municipalities
from handlers.replies import FormErrors


def register_registration(app: App, wiring: Wiring) -> None:
    services = wiring.services

    @app.action("register")
    def on_register(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        # Synchronous: the trigger id that opens the modal is only valid for 3 seconds.
        ack()
        reply = services.reply(
            body["user"]["id"],
            lambda ctx: registration_form_for(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    @app.view(re.compile("^" + CALLBACK_PREFIX))
    def on_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]["id"]
        form_id = view["callback_id"].removeprefix(CALLBACK_PREFIX)
        values = submitted_values(view)
        # The outcome (a confirmation with its .ics) is queued with the registration itself.
        result = services.reply(
            user,
            lambda ctx: submit_form(ctx, form_id, view.get("private_metadata", ""), values),
            post_to=Destination(user),
        )
        if isinstance(result, FormErrors):
            ack(response_action="errors", errors=result.errors)
            return
        ack()

    @app.options(MUNICIPALITY_ACTION)
    def on_municipality(ack: Ack, body: dict[str, Any]) -> None:
        typed = body.get("value", "")
        names = services.reply(body["user"]["id"], lambda ctx: suggest_municipalities(ctx, typed))
        ack(options=[option(name) for name in names] if isinstance(names, list) else [])

    def on_cancel(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(
            user,
            lambda ctx: cancel_registration(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    def on_delete(body: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(user, delete_confirmed, post_to=wiring.click_destination(body))
        wiring.answer_click(client, reply, body)

    app.action("cancel_registration")(ack=acknowledge, lazy=[on_cancel])
    app.action(CONFIRM_ACTION)(ack=acknowledge, lazy=[on_delete])
