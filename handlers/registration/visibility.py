"""`sichtbarkeit an|aus`: giving or withdrawing the consent to be shown to other participants,
by command or in plain words ("Zeig mich nicht mehr bei den Teilnehmenden an")."""

from __future__ import annotations

from handlers.conferences.naming import names
from handlers.context import Context
from handlers.conversation.meaning import Meaning
from handlers.registration.flow import find_conference
from handlers.replies import Reply
from storage.conferences import all_conferences
from storage.registrations import registrations_of_user
from storage.visibility import set_visible

_OFF = ("aus", "off", "nein", "no", "stop", "stopp")
_ON = ("an", "ein", "on", "ja", "yes")


def visibility_command(ctx: Context, argument: str) -> Reply:
    """`/smartcity sichtbarkeit` (where I am shown), `aus [konferenz]`, `an [konferenz]`."""
    choice, _, rest = argument.strip().partition(" ")
    if choice.casefold() in _OFF:
        return _switch(ctx, rest, visible=False)
    if choice.casefold() in _ON:
        return _switch(ctx, rest, visible=True)
    return _status(ctx)


def hide_me(ctx: Context, _meaning: Meaning) -> Reply:
    """Withdrawn in plain words: for every conference, at once (no question back)."""
    return _switch(ctx, "", visible=False)


def _switch(ctx: Context, which: str, *, visible: bool) -> Reply:
    conference_id = None
    if which.strip():
        found = find_conference(ctx, all_conferences(ctx.session), which)
        if isinstance(found, Reply):
            return found
        conference_id = found.id
    if not registrations_of_user(ctx.session, ctx.user_id):
        return Reply(ctx.t("vis.no_registrations"), language=ctx.language)
    set_visible(ctx.session, ctx.user_id, visible=visible, now=ctx.now, conference_id=conference_id)
    key = "vis.now_visible" if visible else "vis.now_hidden"
    return Reply(ctx.t(key), language=ctx.language)


def _status(ctx: Context) -> Reply:
    mine = registrations_of_user(ctx.session, ctx.user_id)
    if not mine:
        return Reply(ctx.t("vis.no_registrations"), language=ctx.language)
    lines = []
    for registration in mine:
        values = names(registration.conference, ctx.language).as_values()
        key = "vis.status_visible" if registration.visible_since else "vis.status_hidden"
        lines.append(ctx.t(key, **values))
    usage = ctx.t("vis.usage")
    return Reply("\n".join(lines), notes=(usage,), language=ctx.language)
