"""Registering, cancelling and listing one's registrations; the registration form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from handlers.conferences.calendar_file import registration_ics
from handlers.conferences.cards import conference_card, register_buttons, when_text
from handlers.conferences.lookup import lookup_conference
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.dates import format_day
from handlers.notify.wishes import registration_offer
from handlers.registration.my_cards import my_cards
from handlers.registration.visibility_form import NO, VISIBLE, YES, visibility_field
from handlers.registration.window import registration_problem
from handlers.replies import Card, DirectMessage, Form, FormErrors, FormField, Reply
from handlers.texts import t
from storage.conferences import all_conferences, get_conference
from storage.models import Conference, Registration
from storage.registrations import (
    ACTIVE,
    CONFIRMED,
    Details,
    cancel,
    find_registration,
    register,
    registrations_of_user,
    waitlist_position,
)

FORM_ID = "registration"
LIMITS = {"name": 100, "municipality": 150, "role": 150, "notes": 500}


def start_registration(ctx: Context, argument: str) -> Reply:
    """`/smartcity anmelden [konferenz]`: the form for the conference, or a picker."""
    conferences = all_conferences(ctx.session)
    if argument.strip():
        found = find_conference(ctx, conferences, argument)
        return found if isinstance(found, Reply) else registration_form(ctx, found)
    open_now = [c for c in conferences if registration_problem(c, ctx.now) is None]
    if not open_now:
        return Reply(ctx.t("reg.none_open"), language=ctx.language)
    if len(open_now) == 1:
        return registration_form(ctx, open_now[0])
    cards = tuple(
        Card(
            c.title,
            ((ctx.t("field.when"), when_text(c, ctx.tz, ctx.language)),),
            buttons=register_buttons(c, ctx.language, ctx.now),
        )
        for c in open_now
    )
    return Reply(ctx.t("reg.pick"), cards=cards, language=ctx.language)


def find_conference(
    ctx: Context, conferences: Sequence[Conference], argument: str
) -> Conference | Reply:
    """The conference an argument names, or a reply saying which ones it might mean."""
    found = lookup_conference(conferences, argument, now=ctx.now, tz=ctx.tz)
    if found.conference is not None:
        return found.conference
    text = ctx.t("reg.unknown", query=argument.strip())
    if found.suggestions:
        listed = ", ".join(f"„{c.title}“ ({c.slug})" for c in found.suggestions)
        text += ctx.t("reg.did_you_mean", suggestions=listed)
    return Reply(text, language=ctx.language)


def registration_form_for(ctx: Context, slug: str) -> Reply:
    """The form behind an "Anmelden" button."""
    conference = get_conference(ctx.session, slug)
    if conference is None:
        return Reply(ctx.t("reg.unknown", query=slug), language=ctx.language)
    return registration_form(ctx, conference)


def registration_form(ctx: Context, conference: Conference) -> Reply:
    """The form to register, unless registration is closed or the user is already in."""
    refusal = _refusal(ctx, conference)
    if refusal is not None:
        return refusal
    language = ctx.language
    values = names(conference, language).as_values()
    intro = ctx.t("reg.form_intro", when=when_text(conference, ctx.tz, language), **values)
    fields = (
        FormField("name", ctx.t("reg.field_name"), max_length=LIMITS["name"]),
        FormField(
            "municipality",
            ctx.t("reg.field_municipality"),
            kind="municipality",
            hint=ctx.t("reg.hint_municipality"),
            max_length=LIMITS["municipality"],
        ),
        FormField("role", ctx.t("reg.field_role"), max_length=LIMITS["role"]),
        FormField(
            "notes",
            ctx.t("reg.field_notes"),
            kind="multiline",
            required=False,
            max_length=LIMITS["notes"],
        ),
        visibility_field(ctx),
        FormField(
            "consent",
            ctx.t("reg.field_consent"),
            kind="consent",
            hint=ctx.t("reg.consent_text", days=ctx.purge_after_days),
        ),
    )
    form = Form(
        FORM_ID,
        "register",
        ctx.t("reg.form_title"),
        ctx.t("reg.form_submit"),
        conference.slug,
        intro,
        fields,
    )
    return Reply(intro, form=form, language=language)


def _closed(ctx: Context, conference: Conference) -> Reply | None:
    """Why registration is not possible now, or None."""
    problem = registration_problem(conference, ctx.now)
    if problem is None:
        return None
    language = ctx.language
    opens = format_day(conference.registration_opens_at or ctx.now, ctx.tz, language)
    deadline = format_day(conference.registration_deadline or ctx.now, ctx.tz, language)
    values = names(conference, language).as_values()
    text = ctx.t(problem, opens=opens, deadline=deadline, **values)
    if problem in ("reg.closed", "reg.not_yet") and conference.cancelled_at is None:
        return Reply(text, cards=(registration_offer(ctx, conference),), language=language)
    return Reply(text, language=language)


def _refusal(ctx: Context, conference: Conference) -> Reply | None:
    """Closed, or already registered: the reply saying so, else None."""
    closed = _closed(ctx, conference)
    if closed is not None:
        return closed
    existing = find_registration(ctx.session, conference.id, ctx.user_id)
    if existing is not None and existing.status in ACTIVE:
        position = waitlist_position(ctx.session, existing)
        return _already(ctx, position, names(conference, ctx.language).as_values())
    return None


def _already(ctx: Context, position: int | None, values: dict[str, str]) -> Reply:
    key = "reg.already" if position is None else "reg.already_waitlisted"
    return Reply(ctx.t(key, position=position, **values), language=ctx.language)


def validate(values: Mapping[str, str], language: str) -> dict[str, str]:
    """An error per field that is missing or too long; empty when the form is fine."""
    errors: dict[str, str] = {}
    for field, limit in LIMITS.items():
        value = values.get(field, "").strip()
        if not value and field != "notes":
            errors[field] = t(language, "reg.error_required")
        elif len(value) > limit:
            errors[field] = t(language, "reg.error_too_long", max=limit)
    if values.get(VISIBLE, "") not in ("", YES, NO):
        errors[VISIBLE] = t(language, "form.bad_choice")
    if values.get("consent") != "yes":
        errors["consent"] = t(language, "reg.error_consent")
    return errors


def submit_registration(ctx: Context, slug: str, values: Mapping[str, str]) -> Reply | FormErrors:
    """A filled-in form: register (or waitlist) and confirm with a calendar entry."""
    errors = validate(values, ctx.language)
    if errors:
        return FormErrors(errors)
    conference = get_conference(ctx.session, slug, for_update=True)
    if conference is None:
        return Reply(ctx.t("reg.unknown", query=slug), language=ctx.language)
    problem = _closed(ctx, conference)
    if problem is not None:
        return problem
    details = Details(
        **{field: values.get(field, "").strip() for field in LIMITS},
        visible=values.get(VISIBLE) == YES,
    )
    outcome = register(ctx.session, conference, ctx.user_id, details, now=ctx.now)
    if not outcome.new:
        return _already(ctx, outcome.position, names(conference, ctx.language).as_values())
    return confirmation(ctx, conference, outcome.registration_id, outcome.status, outcome.position)


def confirmation(
    ctx: Context,
    conference: Conference,
    registration_id: int,
    status: str,
    position: int | None,
    *,
    key: str | None = None,
) -> Reply:
    """The message after registering or moving up: details, how to cancel, the .ics file."""
    language = ctx.language
    values = names(conference, language).as_values()
    when = when_text(conference, ctx.tz, language)
    cancel_hint = ctx.t("reg.cancel_hint", slug=conference.slug)
    if status != CONFIRMED:
        text = ctx.t("reg.waitlisted", position=position, **values)
        return Reply(text, notes=(cancel_hint,), language=language)
    text = ctx.t(key or "reg.confirmed", when=when, **values)
    ics = registration_ics(
        conference, registration_id=registration_id, now=ctx.now, tz=ctx.tz, language=language
    )
    return Reply(
        text,
        cards=(conference_card(conference, ctx.tz, language),),
        notes=(ctx.t("reg.calendar_note"), cancel_hint),
        attachments=(ics,),
        language=language,
    )


def cancel_registration(ctx: Context, argument: str) -> Reply:
    """`/smartcity abmelden [konferenz]`; the first person waiting moves up and is told."""
    mine = registrations_of_user(ctx.session, ctx.user_id)
    if argument.strip():
        found = find_conference(ctx, all_conferences(ctx.session), argument)
        if isinstance(found, Reply):
            return found
        conference = found
    elif len(mine) == 1:
        conference = mine[0].conference
    elif not mine:
        return Reply(ctx.t("reg.none"), language=ctx.language)
    else:
        return Reply(ctx.t("reg.pick_cancel"), cards=my_cards(ctx, mine), language=ctx.language)
    values = names(conference, ctx.language).as_values()
    if ctx.now >= conference.starts_at:
        return Reply(ctx.t("reg.past", **values), language=ctx.language)
    cancelled, promoted = cancel(
        ctx.session, conference.id, ctx.user_id, now=ctx.now, offer_for=ctx.seat_offer
    )
    if cancelled is None:
        return Reply(ctx.t("reg.not_registered", **values), language=ctx.language)
    return Reply(
        ctx.t("reg.cancelled", **values),
        language=ctx.language,
        direct_messages=promotion_messages(ctx, conference, promoted),
    )


def promotion_messages(
    ctx: Context, conference: Conference, promoted: list[Registration]
) -> tuple[DirectMessage, ...]:
    """The messages telling people who moved up from the waiting list."""
    return tuple(
        DirectMessage(
            r.user_id, confirmation(ctx, conference, r.id, r.status, None, key="reg.promoted")
        )
        for r in promoted
    )


def my_registrations(ctx: Context) -> Reply:
    """`/smartcity meine`: registrations and waitlist positions."""
    mine = registrations_of_user(ctx.session, ctx.user_id)
    if not mine:
        return Reply(ctx.t("reg.none"), language=ctx.language)
    return Reply(ctx.t("reg.mine"), cards=my_cards(ctx, mine), language=ctx.language)


def waitlist_reply(ctx: Context) -> Reply:
    """Where I stand on the waiting lists (and where my seat is confirmed)."""
    mine = registrations_of_user(ctx.session, ctx.user_id)
    lines = []
    for registration in mine:
        values = names(registration.conference, ctx.language).as_values()
        position = waitlist_position(ctx.session, registration)
        key = "wait.confirmed" if position is None else "wait.position"
        lines.append(ctx.t(key, position=position, **values))
    if not lines:
        return Reply(ctx.t("wait.none"), language=ctx.language)
    return Reply("\n".join(lines), cards=my_cards(ctx, mine), language=ctx.language)
