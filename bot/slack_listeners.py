"""Slack payloads -> incoming objects for the router, derived from the features' declarations:
the slash command, mentions, DMs, the App Home, every declared button, forms, type-ahead."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import message_payload, reply_blocks
from bot.services import Failure
from bot.slack_forms import CALLBACK_PREFIX, option, submitted_values
from bot.slack_wiring import Wiring, acknowledge
from handlers.conferences.home import home_reply
from handlers.context import Context
from handlers.conversation.features import Action
from handlers.conversation.incoming import Click, Message, Submission, Suggest
from handlers.conversation.registry import actions, suggestions
from handlers.conversation.router import answer_message, click, submit, suggest
from handlers.outgoing import Destination
from handlers.replies import FormErrors, Reply

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def register_listeners(app: App, wiring: Wiring) -> None:
    """Wire every Slack entry point to the router."""
    _register_messages(app, wiring)
    for action in actions().values():
        _register_action(app, wiring, action)
    _register_forms(app, wiring)


def _register_messages(app: App, wiring: Wiring) -> None:
    services = wiring.services
    command_name, prefix = services.config.slack.command, wiring.prefix

    @app.command(command_name)
    def on_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        user = command["user_id"]
        message = Message(command.get("text", ""), can_open_forms=True)
        reply = services.reply(
            user, wiring.once(command, lambda ctx: answer_message(ctx, message)), prefix=prefix
        )
        if reply.form is not None:
            ack()  # Slack gets its answer before any Web API call; the modal opens afterwards
            wiring.executor.submit(
                wiring.open_form, client, reply, trigger_id=command["trigger_id"], user_id=user
            )
        else:
            ack(response_type="ephemeral", **message_payload(reply))

    def on_mention(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if not wiring.first_delivery(body):
            return
        text = _MENTION.sub(" ", event.get("text", ""))
        thread = event.get("thread_ts") or event.get("ts")
        to = Destination(event["channel"], thread)
        reply = services.message(
            event["user"], text, can_open_forms=True, prefix=prefix, post_to=to
        )
        wiring.show(
            client, reply, user_id=event["user"], channel=event["channel"], thread_ts=thread
        )

    def on_message(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not wiring.first_delivery(body):
            return
        to = Destination(event["channel"])
        reply = services.message(
            event["user"], event.get("text", ""), can_open_forms=True, prefix=prefix, post_to=to
        )
        wiring.show(client, reply, user_id=event["user"], channel=event["channel"])

    def on_home(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        reply = services.reply(event["user"], home_reply, prefix=prefix)
        view = {"type": "home", "blocks": reply_blocks(reply)}
        client.views_publish(user_id=event["user"], view=view)

    app.event("app_mention")(ack=acknowledge, lazy=[on_mention])
    app.event("message")(ack=acknowledge, lazy=[on_message])
    app.event("app_home_opened")(ack=acknowledge, lazy=[on_home])


def _register_action(app: App, wiring: Wiring, action: Action) -> None:
    services = wiring.services

    def run(body: dict[str, Any], pressed: dict[str, Any]) -> Reply:
        incoming = Click(action.name, pressed.get("value", ""), can_open_forms=True)
        to = wiring.click_destination(body)
        return services.reply(
            body["user"]["id"], lambda ctx: click(ctx, incoming), prefix=wiring.prefix, post_to=to
        )

    if action.opens_form:
        # Acked at once; the modal opens right after, while its trigger id (3 s) is valid.
        def on_form_action(
            ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient
        ) -> None:
            ack()
            wiring.executor.submit(wiring.answer_click, client, run(body, action), body)

        app.action(action.name)(on_form_action)
    else:

        def on_action(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
            wiring.answer_click(client, run(body, action), body)

        app.action(action.name)(ack=acknowledge, lazy=[on_action])


def _register_forms(app: App, wiring: Wiring) -> None:
    services = wiring.services

    @app.view(re.compile("^" + CALLBACK_PREFIX))
    def on_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        form_id = view["callback_id"].removeprefix(CALLBACK_PREFIX)
        values = submitted_values(view)
        incoming = Submission(form_id, view.get("private_metadata", ""), values)
        # The outcome (a confirmation with its .ics) is queued with the change itself.
        handler = wiring.once(body, lambda ctx: submit(ctx, incoming))
        if wiring.submissions.enter():
            # Others are being saved (a rush for one conference queues on its row lock):
            # Slack gets its answer now, the outcome follows as a message.
            ack()
            wiring.executor.submit(_submit_late, wiring, client, user, handler)
            return
        try:
            result = services.reply(user, handler, prefix=wiring.prefix, post_to=Destination(user))
        finally:
            wiring.submissions.leave()
        if isinstance(result, FormErrors):
            ack(response_action="errors", errors=result.errors)
            return
        if isinstance(result, Failure) and values:
            # The form stays open with what was typed, so the person can simply send it again.
            ack(response_action="errors", errors={next(iter(values)): result.text})
            return
        ack()
        wiring.executor.submit(wiring.show, client, result, user_id=user, channel=None)

    for field in suggestions():
        app.options(field)(_options_listener(wiring, field))


def _submit_late(
    wiring: Wiring, client: WebClient, user: str, handler: Callable[[Context], object]
) -> None:
    """A submission Slack was answered for already: what would have been shown in the form
    (a field's problem, a failure) is sent as a message instead."""

    def outcome(ctx: Context) -> object:
        result = handler(ctx)
        if not isinstance(result, FormErrors):
            return result
        problems = "\n".join(f"• {problem}" for problem in result.errors.values())
        text = ctx.t("form.not_saved", problems=problems)
        return Reply(text, language=ctx.language)

    try:
        result = wiring.services.reply(
            user, outcome, prefix=wiring.prefix, post_to=Destination(user)
        )
    finally:
        wiring.submissions.leave()
    if isinstance(result, Failure):
        wiring.show(client, result, user_id=user, channel=None)


def _options_listener(wiring: Wiring, field: str) -> Callable[..., None]:
    """Type-ahead for one form field (Bolt injects listener arguments by name)."""

    def on_options(ack: Ack, body: dict[str, Any]) -> None:
        query = Suggest(field, body.get("value", ""))
        found = wiring.services.reply(body["user"]["id"], lambda ctx: suggest(ctx, query))
        if isinstance(found, Failure):
            # An option is the only way a type-ahead can say "please try again later".
            found = [wiring.services.failure("error.database_short").text]
        ack(options=[option(name) for name in found])

    return on_options
