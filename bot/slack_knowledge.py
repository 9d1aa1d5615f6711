"""Listeners of the knowledge base: similar solutions, passing a question on, editing."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack_app import Wiring, acknowledge
from handlers.knowledge.answers import (
    EDIT_ACTION,
    FORWARD_ACTION,
    SIMILAR_ACTION,
    forward_question,
    similar_reply,
)
from handlers.knowledge.solution_form import NEW_ACTION, solution_form


def register_knowledge(app: App, wiring: Wiring) -> None:
    services = wiring.services

    def on_similar(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(
            user,
            lambda ctx: similar_reply(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    def on_forward(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(
            user,
            lambda ctx: forward_question(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    @app.action(EDIT_ACTION)
    @app.action(NEW_ACTION)
    def on_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        # Synchronous: the trigger id that opens the modal is only valid for 3 seconds.
        ack()
        reply = services.reply(
            body["user"]["id"],
            lambda ctx: solution_form(ctx, action.get("value", "")),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    app.action(SIMILAR_ACTION)(ack=acknowledge, lazy=[on_similar])
    app.action(FORWARD_ACTION)(ack=acknowledge, lazy=[on_forward])
