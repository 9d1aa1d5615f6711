"""A member asking in words to be told later: "Sag mir Bescheid, wenn es eine neue gibt"."""

from __future__ import annotations

from handlers.conferences.answers import meant_conference
from handlers.context import Context
from handlers.conversation.meaning import Meaning
from handlers.notify.wishes import KINDS, wish_new, wish_registration
from handlers.replies import Reply


def notify_me(ctx: Context, meaning: Meaning) -> Reply:
    """A conference the sentence names or refers to: told when its registration opens (or
    that it is open already); none: told of new conferences of the kind named, or of all."""
    ref = meaning.ref
    if ref.explicit or ref.relative or ref.refers_back:
        conference = meant_conference(ctx, ref)
        if conference is not None and conference.ends_at > ctx.now:
            return wish_registration(ctx, conference.slug)
    return wish_new(ctx, ref.kind if ref.kind in KINDS else "any")
