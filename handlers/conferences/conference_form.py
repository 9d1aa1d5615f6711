"""Organizers add, edit and cancel a conference in chat: a form (a Slack modal, or asked field
by field), validated and saved by `editing`, exactly as `smartcity-bot conference` does."""

from __future__ import annotations

from collections.abc import Mapping

from handlers.conferences.cards import conference_card
from handlers.conferences.editing import Saved, add_conference, cancel_conference, edit_conference
from handlers.conferences.form_values import conference_values
from handlers.context import Context
from handlers.replies import Button, Card, Form, FormErrors, FormField, Reply
from handlers.texts import t
from storage.conference_changes import people_concerned
from storage.conferences import get_conference
from storage.models import Conference
from storage.registrations import CapacityError

FORM_ID = "conference"
NEW_ACTION, EDIT_ACTION = "new_conference_form", "edit_conference"
CANCEL_ACTION, ASK_CANCEL_ACTION = "cancel_conference", "ask_cancel_conference"
_KINDS = ("regionalkonferenz", "kongress", "other")
_STATES = ("open", "closed")
# field -> (kind, required, max length)
_FIELDS: dict[str, tuple[str, bool, int]] = {
    "slug": ("text", True, 60),
    "kind": ("choice", True, 40),
    "number": ("text", False, 5),
    "title": ("text", True, 300),
    "motto": ("text", False, 300),
    "date": ("text", True, 20),
    "end_date": ("text", False, 20),
    "start_time": ("text", False, 5),
    "end_time": ("text", False, 5),
    "venue": ("text", False, 300),
    "address": ("text", False, 300),
    "city": ("text", False, 300),
    "topics": ("text", False, 300),
    "capacity": ("text", False, 6),
    "registration": ("choice", True, 10),
    "registration_opens": ("text", False, 20),
    "registration_deadline": ("text", False, 20),
    "online_url": ("text", False, 500),
    "programme": ("multiline", False, 3000),
}


def new_conference_form(ctx: Context, _argument: str = "") -> Reply:
    """`konferenz-neu`: the empty form."""
    initial = {"registration": "open"}
    return _form_reply(ctx, "", ctx.t("cf.intro_new"), initial)


def edit_conference_form(ctx: Context, slug: str) -> Reply:
    """`konferenz-bearbeiten <slug>` or the *Bearbeiten* button: the form, filled in."""
    conference = _find(ctx, slug, "konferenz-bearbeiten")
    if isinstance(conference, Reply):
        return conference
    values = conference_values(conference, ctx.tz)
    values["registration"] = "open" if conference.registration_open else "closed"
    intro = ctx.t("cf.intro_edit", title=conference.title, slug=conference.slug)
    return _form_reply(ctx, conference.slug, intro, values)


def _form_reply(ctx: Context, context: str, intro: str, values: Mapping[str, str]) -> Reply:
    language = ctx.language
    fields = tuple(
        _field(language, name, values.get(name, ""))
        for name in _FIELDS
        if not (context and name == "slug")  # the short name is kept when editing
    )
    title = ctx.t("cf.title_edit" if context else "cf.title_new")
    action = EDIT_ACTION if context else NEW_ACTION
    form = Form(FORM_ID, action, title, ctx.t("cf.submit"), context, intro, fields)
    return Reply(intro, form=form, language=language)


def _field(language: str, name: str, initial: str) -> FormField:
    kind, required, limit = _FIELDS[name]
    choices = {"kind": _KINDS, "registration": _STATES}.get(name, ())
    options = tuple((value, t(language, f"cf.{name}.{value}")) for value in choices)
    label = t(language, f"cf.{name}")
    return FormField(name, label, kind, required, initial, "", limit, options)


def submit_conference(ctx: Context, slug: str, values: Mapping[str, str]) -> Reply | FormErrors:
    """Save the form: a new conference, or the changes; nothing is stored if a field is wrong."""
    fields = {key: value.strip() for key, value in values.items() if key != "registration"}
    is_open = values.get("registration", "open") != "closed"
    if not slug:
        return _added(ctx, add_conference(ctx, fields), is_open=is_open)
    conference = get_conference(ctx.session, slug, for_update=True)
    if conference is None:
        return Reply(ctx.t("cf.unknown", slug=slug), language=ctx.language)
    try:
        with ctx.session.begin_nested():  # a late capacity clash undoes the whole edit
            outcome = edit_conference(ctx, conference, fields, registration_open=is_open)
            if isinstance(outcome, FormErrors):
                return outcome
    except CapacityError:
        confirmed = conference.confirmed_count
        return FormErrors({"capacity": ctx.t("edit.capacity_low", confirmed=confirmed)})
    return _saved(ctx, outcome, "cf.edited")


def _added(ctx: Context, outcome: Saved | FormErrors, *, is_open: bool) -> Reply | FormErrors:
    if isinstance(outcome, FormErrors):
        return outcome
    outcome.conference.registration_open = is_open
    return _saved(ctx, outcome, "cf.added")


def _saved(ctx: Context, saved: Saved, key: str) -> Reply:
    conference = saved.conference
    text = t(
        ctx.language,
        key,
        title=conference.title,
        slug=conference.slug,
        told=saved.informed,
        informed=saved.informed,
        promoted=saved.promoted,
    )
    card = conference_card(conference, ctx.tz, ctx.language, now=ctx.now)
    return Reply(text, cards=(card,), language=ctx.language)


def cancel_request(ctx: Context, slug: str) -> Reply:
    """`konferenz-absagen <slug>`: ask first, saying who will be told."""
    conference = _find(ctx, slug, "konferenz-absagen")
    if isinstance(conference, Reply):
        return conference
    if conference.cancelled_at is not None:
        return _say(ctx, "cf.already_cancelled", title=conference.title)
    people = len(people_concerned(ctx.session, conference.id))
    button = Button(ctx.t("cf.cancel_button"), CANCEL_ACTION, conference.slug, True)
    text = t(
        ctx.language, "cf.cancel_confirm", title=conference.title, slug=slug.strip(), people=people
    )
    return Reply(text, cards=(Card("", buttons=(button,)),), language=ctx.language)


def cancel_confirmed(ctx: Context, slug: str) -> Reply:
    """The confirming button: cancelled, and everyone registered or waiting is told once."""
    conference = get_conference(ctx.session, slug, for_update=True)
    if conference is None:
        return _say(ctx, "cf.unknown", slug=slug)
    if conference.cancelled_at is not None:
        return _say(ctx, "cf.already_cancelled", title=conference.title)
    saved = cancel_conference(ctx, conference)
    return _say(ctx, "cf.cancelled", title=conference.title, informed=str(saved.informed))


def _find(ctx: Context, slug: str, command: str) -> Conference | Reply:
    if not slug.strip():
        return _say(ctx, "cf.usage", subcommand=command, slug="rk30-2027-jena")
    conference = get_conference(ctx.session, slug.strip())
    return conference or _say(ctx, "cf.unknown", slug=slug.strip())


def _say(ctx: Context, key: str, **values: str) -> Reply:
    return Reply(ctx.t(key, **values), language=ctx.language)
