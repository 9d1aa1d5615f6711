"""Listeners for registering: the Anmelden button, the modal, type-ahead, cancel, data deletion."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.services import Failure
from bot.slack_app import Wiring, acknowledge
from bot.slack_delivery import send_direct
from bot.slack_forms import CALLBACK_PREFIX, MUNICIPALITY_ACTION, option, submitted_values
from handlers.forms import submit_form
from handlers.municipalities import suggest_municipalities
from handlers.privacy import CONFIRM_ACTION, delete_confirmed
from handlers.registration import cancel_registration, registration_form_for
from handlers.replies import FormErrors


def register_registration(app: App, wiring: Wiring) -> None:
    services = wiring.services

    @app.action("register")
    def on_register(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        # Acked at once; the modal opens right after, while its trigger id (3 s) is valid.
        ack()
        reply = services.reply(
            body["user"]["id"], lambda ctx: registration_form_for(ctx, action["value"])
        )
        wiring.executor.submit(wiring.answer_click, client, reply, body)

    @app.view(re.compile("^" + CALLBACK_PREFIX))
    def on_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        form_id = view["callback_id"].removeprefix(CALLBACK_PREFIX)
        values = submitted_values(view)
        metadata = view.get("private_metadata", "")
        result = services.reply(
            user, wiring.once(body, lambda ctx: submit_form(ctx, form_id, metadata, values))
        )
        if isinstance(result, FormErrors):
            ack(response_action="errors", errors=result.errors)
            return
        if isinstance(result, Failure) and values:
            # The form stays open with what was typed, so the person can simply send it again.
            ack(response_action="errors", errors={next(iter(values)): result.text})
            return
        ack()
        wiring.executor.submit(send_direct, client, user, result)

    @app.options(MUNICIPALITY_ACTION)
    def on_municipality(ack: Ack, body: dict[str, Any]) -> None:
        typed = body.get("value", "")
        names = services.reply(body["user"]["id"], lambda ctx: suggest_municipalities(ctx, typed))
        if isinstance(names, Failure):
            # An option is the only way a type-ahead can say "please try again later".
            names = [services.failure("error.database_short").text]
        ack(options=[option(name) for name in names])

    def on_cancel(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(user, lambda ctx: cancel_registration(ctx, action["value"]))
        wiring.answer_click(client, reply, body)

    def on_delete(body: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(user, delete_confirmed)
        wiring.answer_click(client, reply, body)

    app.action("cancel_registration")(ack=acknowledge, lazy=[on_cancel])
    app.action(CONFIRM_ACTION)(ack=acknowledge, lazy=[on_delete])
