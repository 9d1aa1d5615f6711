"""Listeners for announcements: the form button and cancelling a scheduled one."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack_app import Wiring, acknowledge
from handlers.registration.organizer import refusal
from handlers.reminders.announcements import (
    CANCEL_ACTION,
    OPEN_ACTION,
    announcement_form,
    cancel_command,
)


def register_announcements(app: App, wiring: Wiring) -> None:
    services = wiring.services

    @app.action(OPEN_ACTION)
    def on_open(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()  # synchronous: the trigger id is only valid for 3 seconds
        reply = services.reply(
            body["user"]["id"],
            lambda ctx: refusal(ctx, "ankuendigen") or announcement_form(ctx),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    def on_cancel(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(
            user,
            lambda ctx: cancel_command(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    app.action(CANCEL_ACTION)(ack=acknowledge, lazy=[on_cancel])
