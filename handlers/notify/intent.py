"""A member asking in words to be told later: "Sag mir Bescheid, wenn es eine neue gibt"."""

from __future__ import annotations

from handlers.conferences.answers import meant_conference
from handlers.context import Context
from handlers.conversation.dialog import MAX_AGE
from handlers.conversation.meaning import Meaning
from handlers.notify.wishes import (
    KINDS,
    NEW_ACTION,
    REGISTRATION_ACTION,
    wish_new,
    wish_registration,
)
from handlers.replies import Reply
from storage.dialogs import open_dialog


def notify_me(ctx: Context, meaning: Meaning) -> Reply:
    """A conference the sentence names or refers to: told when its registration opens (or
    that it is open already); a kind named: told of new ones of that kind; neither: what the
    last answer offered ("... eine neue Regionalkonferenz?" - "Ja, sag mir Bescheid, wenn es
    eine neue gibt"), else of all new conferences."""
    ref = meaning.ref
    if ref.explicit or ref.relative or ref.refers_back:
        conference = meant_conference(ctx, ref)
        if conference is not None and conference.ends_at > ctx.now:
            return wish_registration(ctx, conference.slug)
    if ref.kind in KINDS:
        return wish_new(ctx, ref.kind)
    return _offered(ctx) or wish_new(ctx, "any")


def _offered(ctx: Context) -> Reply | None:
    state = open_dialog(ctx.session, ctx.user_id, now=ctx.now, max_age=MAX_AGE)
    for _label, _item, action, value, _primary in (state or {}).get("choices", []):
        if action == NEW_ACTION:
            return wish_new(ctx, value)
        if action == REGISTRATION_ACTION:
            return wish_registration(ctx, value)
    return None
