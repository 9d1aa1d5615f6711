"""Text parity for buttons and forms: what the bot waits for is stored per user, so that the
next message can pick a numbered choice, confirm with "ja", or fill in the next form field."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from handlers.context import Context
from handlers.conversation.choices import Choice, choices_of, is_no, select
from handlers.conversation.form_dialog import (
    declines,
    form_from,
    form_state,
    is_cancel,
    prompt,
    read_answer,
)
from handlers.conversation.incoming import Click, Submission
from handlers.replies import Form, FormErrors, Reply
from storage.dialogs import close_dialog, open_dialog, save_dialog

MAX_AGE = timedelta(minutes=30)
ClickRun = Callable[[Context, Click], Reply]
SubmitRun = Callable[[Context, Submission], Reply | FormErrors]


def after_reply(ctx: Context, reply: Reply, *, can_open_forms: bool) -> Reply:
    """Remember the reply's buttons as choices, or start its form field by field."""
    if reply.form is not None and not can_open_forms:
        return _start_form(ctx, reply, reply.form)
    choices = choices_of(reply)
    if choices:
        state = {"kind": "choice", "choices": [choice.as_list() for choice in choices]}
        save_dialog(ctx.session, ctx.user_id, state, now=ctx.now)
    else:
        close_dialog(ctx.session, ctx.user_id)
    return reply


def continue_dialog(ctx: Context, text: str, *, click: ClickRun, submit: SubmitRun) -> Reply | None:
    """The answer to a message that continues the open dialog; None if it starts a new topic."""
    state = open_dialog(ctx.session, ctx.user_id, now=ctx.now, max_age=MAX_AGE)
    if state is None:
        return None
    if state["kind"] == "form":
        return _form_step(ctx, state, text, submit)
    choices = [Choice(*item) for item in state["choices"]]
    chosen = select(text, choices)
    if chosen is not None:
        close_dialog(ctx.session, ctx.user_id)
        return click(ctx, Click(chosen.action, chosen.value))
    if is_no(text) and any(choice.primary for choice in choices):
        close_dialog(ctx.session, ctx.user_id)
        return Reply(ctx.t("choice.declined"), language=ctx.language)
    return None


def _start_form(ctx: Context, reply: Reply, form: Form) -> Reply:
    _save_form(ctx, form_state(form, {}), list(range(len(form.fields))))
    lead = [reply.text] if reply.text and reply.text != form.intro else []
    lines = [*lead, form.intro, ctx.t("form.start", title=form.title), ""]
    lines.append(prompt(form.fields[0], ctx.language))
    # While a form is asked, a typed number answers its field; no buttons may compete.
    cards = tuple(dataclasses.replace(card, buttons=()) for card in reply.cards)
    return Reply("\n".join(lines), cards=cards, notes=reply.notes, language=ctx.language)


def _save_form(ctx: Context, state: dict[str, Any], queue: list[int]) -> None:
    save_dialog(ctx.session, ctx.user_id, {**state, "queue": queue}, now=ctx.now)


def _form_step(ctx: Context, state: Mapping[str, Any], text: str, submit: SubmitRun) -> Reply:
    form, queue = form_from(state), list(state["queue"])
    field = form.fields[queue[0]]
    if is_cancel(text) or declines(field, text):
        close_dialog(ctx.session, ctx.user_id)
        key = "form.cancelled" if is_cancel(text) else "form.declined"
        return Reply(ctx.t(key), language=ctx.language)
    answer = read_answer(field, text)
    if answer.problem is not None:
        return _ask(ctx, field_index=queue[0], form=form, problem=ctx.t(answer.problem))
    values = {**state["values"], field.name: answer.value or ""}
    queue = queue[1:]
    if queue:
        _save_form(ctx, form_state(form, values), queue)
        return _ask(ctx, field_index=queue[0], form=form)
    result = submit(ctx, Submission(form.form_id, form.context, values))
    if isinstance(result, FormErrors):
        return _errors(ctx, form, values, result)
    return after_reply(ctx, result, can_open_forms=False)


def _errors(ctx: Context, form: Form, values: dict[str, str], errors: FormErrors) -> Reply:
    positions = [i for i, field in enumerate(form.fields) if field.name in errors.errors]
    if not positions:  # an error the form cannot ask again for: end with it
        close_dialog(ctx.session, ctx.user_id)
        return Reply("\n".join(errors.errors.values()), language=ctx.language)
    _save_form(ctx, form_state(form, values), positions)
    problems = "\n".join(
        f"{form.fields[i].label}: {errors.errors[form.fields[i].name]}" for i in positions
    )
    return _ask(ctx, field_index=positions[0], form=form, problem=problems)


def _ask(ctx: Context, *, field_index: int, form: Form, problem: str = "") -> Reply:
    question = prompt(form.fields[field_index], ctx.language)
    return Reply(f"{problem}\n{question}" if problem else question, language=ctx.language)
