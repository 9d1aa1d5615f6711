"""The App Home tab: upcoming conferences with a details button, and how to ask."""

from __future__ import annotations

import dataclasses

from handlers.conferences.cards import summary_card
from handlers.conferences.overview import overview
from handlers.context import Context
from handlers.replies import Reply
from storage.conferences import upcoming_conferences

HOME_LIMIT = 10


def home_reply(ctx: Context) -> Reply:
    """The App Home: upcoming conferences for members, the overview for organizers."""
    if ctx.is_organizer:
        reply = overview(ctx)
        help_note = ctx.t("home.help")
        return dataclasses.replace(reply, notes=(*reply.notes, help_note))
    upcoming = upcoming_conferences(ctx.session, ctx.now)[:HOME_LIMIT]
    cards = tuple(summary_card(c, ctx.tz, ctx.language, ctx.now) for c in upcoming)
    lead = ctx.t("home.title") if cards else ctx.t("home.none")
    return Reply(
        lead,
        cards=cards,
        notes=(ctx.t("home.help"),),
        language=ctx.language,
    )
