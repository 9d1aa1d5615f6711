"""What members ask for: `bescheid …` (new conferences, an opening registration, the weekly
digest), the buttons that subscribe, and the offers made where nothing is scheduled yet or
registration has not opened."""

from __future__ import annotations

from handlers.conferences.cards import conference_card
from handlers.conferences.lookup import lookup_conference
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.normalize import fold
from handlers.registration.window import registration_problem
from handlers.replies import Button, Card, Reply
from storage.conferences import all_conferences, get_conference
from storage.models import Conference
from storage.subscriptions import (
    DIGEST_SUBJECT,
    is_subscribed,
    new_subject,
    registration_subject,
    subscribe,
    subscriptions_of,
    unsubscribe_all,
)

NEW_ACTION, REGISTRATION_ACTION, STOP_ACTION = "notify_new", "notify_registration", "notify_stop"
KINDS = ("any", "regionalkonferenz", "kongress", "other")
_STOP = frozenset({"aus", "off", "stop", "stopp", "ab", "abbestellen", "nein"})
_KIND_WORDS = {
    "alle": "any", "all": "any", "neu": "any", "new": "any", "konferenzen": "any",
    "conferences": "any", "regionalkonferenz": "regionalkonferenz",
    "regionalkonferenzen": "regionalkonferenz", "rk": "regionalkonferenz",
    "regional": "regionalkonferenz", "kongress": "kongress", "kongresse": "kongress",
    "congress": "kongress", "veranstaltungen": "other", "events": "other",
}  # fmt: skip
_DIGEST_WORDS = frozenset({"wochenueberblick", "ueberblick", "digest", "weekly"})


def notify_command(ctx: Context, argument: str) -> Reply:
    """`bescheid [alle|regionalkonferenz|kongress|wochenueberblick|<konferenz>|aus]`; alone:
    what is ordered."""
    word = fold(argument.strip())
    if not word:
        return my_wishes(ctx)
    if word in _STOP:
        return stop_wishes(ctx, "")
    if word in _DIGEST_WORDS:
        return wish_digest(ctx)
    if word in _KIND_WORDS:
        return wish_new(ctx, _KIND_WORDS[word])
    found = lookup_conference(all_conferences(ctx.session), argument, now=ctx.now, tz=ctx.tz)
    if found.conference is None:
        return _say(ctx, "notify.unknown", query=argument.strip())
    return _wish_registration(ctx, found.conference)


def my_wishes(ctx: Context) -> Reply:
    """The notices the member has asked for, with buttons to ask for more or stop all."""
    whats = [
        _what_of(ctx, wish.subject, wish.conference)
        for wish in subscriptions_of(ctx.session, ctx.user_id)
    ]
    buttons = [Button(ctx.t(f"notify.button.{kind}"), NEW_ACTION, kind) for kind in KINDS[:3]]
    if whats:
        stop = Button(ctx.t("notify.button.stop"), STOP_ACTION, "")
        text = "\n".join([ctx.t("notify.list"), *(f"• {what}" for what in whats)])
        return Reply(text, cards=(Card("", buttons=(stop,)),), language=ctx.language)
    return Reply(
        ctx.t("notify.choose"),
        cards=(Card("", buttons=tuple(buttons)),),
        language=ctx.language,
    )


def wish_new(ctx: Context, kind: str) -> Reply:
    """The button "tell me of new conferences (of this kind)"."""
    if kind not in KINDS:
        return _say(ctx, "notify.unknown", query=kind)
    what = ctx.t(f"notify.what.{kind}")
    added = subscribe(ctx.session, ctx.user_id, new_subject(kind), now=ctx.now)
    return _say(ctx, "notify.subscribed" if added else "notify.already", what=what)


def wish_digest(ctx: Context) -> Reply:
    """`bescheid wochenueberblick`: the weekly digest by direct message."""
    what = ctx.t("notify.what.weekly")
    added = subscribe(ctx.session, ctx.user_id, DIGEST_SUBJECT, now=ctx.now)
    return _say(ctx, "notify.subscribed" if added else "notify.already", what=what)


def wish_registration(ctx: Context, slug: str) -> Reply:
    """The button "tell me when registration opens" for a conference."""
    conference = get_conference(ctx.session, slug)
    if conference is None:
        return _say(ctx, "not_found", query=slug)
    return _wish_registration(ctx, conference)


def _wish_registration(ctx: Context, conference: Conference) -> Reply:
    values = names(conference, ctx.language).as_values()
    problem = registration_problem(conference, ctx.now)
    if problem is None:
        card = conference_card(conference, ctx.tz, ctx.language, now=ctx.now)
        return Reply(ctx.t("notify.open_now", **values), cards=(card,),
                     language=ctx.language)  # fmt: skip
    if problem in ("reg.past", "reg.deadline") or conference.cancelled_at is not None:
        return _say(ctx, "notify.too_late", **values)
    what = ctx.t("notify.what.registration", **values)
    subject = registration_subject(conference.id)
    added = subscribe(ctx.session, ctx.user_id, subject, now=ctx.now, conference_id=conference.id)
    return _say(ctx, "notify.subscribed" if added else "notify.already", what=what)


def stop_wishes(ctx: Context, _value: str) -> Reply:
    """`bescheid aus`: every wish forgotten."""
    stopped = unsubscribe_all(ctx.session, ctx.user_id)
    return _say(ctx, "notify.stopped" if stopped else "notify.stopped_none")


def new_conference_offer(ctx: Context, kind: str | None) -> Card:
    """For an answer that finds nothing upcoming: the question and its button, or the note
    that the member will be told already."""
    kind = kind if kind in KINDS else "any"
    what = ctx.t(f"notify.what.{kind}")
    if is_subscribed(ctx.session, ctx.user_id, (new_subject("any"), new_subject(kind))):
        return Card("", body=ctx.t("notify.already", what=what))
    button = Button(ctx.t("notify.button"), NEW_ACTION, kind, primary=True)
    return Card("", body=ctx.t("notify.offer", what=what), buttons=(button,))


def registration_offer(ctx: Context, conference: Conference) -> Card:
    """The same for a conference whose registration has not opened yet."""
    values = names(conference, ctx.language).as_values()
    what = ctx.t("notify.what.registration", **values)
    if is_subscribed(ctx.session, ctx.user_id, (registration_subject(conference.id),)):
        return Card("", body=ctx.t("notify.already", what=what))
    button = Button(ctx.t("notify.button"), REGISTRATION_ACTION, conference.slug,
                    primary=True)  # fmt: skip
    return Card("", body=ctx.t("notify.offer", what=what), buttons=(button,))


def _what_of(ctx: Context, subject: str, conference: Conference | None) -> str:
    if conference is not None:
        values = names(conference, ctx.language).as_values()
        return ctx.t("notify.what.registration", **values)
    return ctx.t(f"notify.what.{subject.partition(':')[2]}")


def _say(ctx: Context, key: str, **values: str) -> Reply:
    return Reply(ctx.t(key, **values), language=ctx.language)
