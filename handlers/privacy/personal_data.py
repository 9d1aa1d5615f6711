"""Data protection for members: see everything stored, and delete it."""

from __future__ import annotations

import json

from handlers.context import Context
from handlers.registration.flow import promotion_messages
from handlers.replies import Attachment, Button, Card, DirectMessage, Reply
from storage.personal_data import delete_user_data, export_user_data

CONFIRM_ACTION = "delete_my_data"
_YES = frozenset({"ja", "yes", "bestaetigen", "bestätigen"})


def my_data(ctx: Context) -> Reply:
    """`/smartcity meine-daten`: everything stored about me, as a JSON file by DM."""
    data = json.dumps(export_user_data(ctx.session, ctx.user_id), ensure_ascii=False, indent=2)
    attachment = Attachment("meine-daten.json", data.encode(), "meine-daten.json")
    return Reply(ctx.t("privacy.export"), attachments=(attachment,), language=ctx.language)


def delete_request(ctx: Context, argument: str) -> Reply:
    """`/smartcity daten-loeschen`: ask first; `daten-loeschen ja` or the button confirms."""
    if argument.strip().casefold() in _YES:
        return delete_confirmed(ctx)
    button = Button(ctx.t("privacy.confirm_button"), CONFIRM_ACTION, "yes", primary=True)
    return Reply(
        ctx.t("privacy.confirm"),
        cards=(Card("", buttons=(button,)),),
        language=ctx.language,
    )


def delete_confirmed(ctx: Context) -> Reply:
    """Delete everything stored about the member; people who move up are told."""
    promoted = delete_user_data(ctx.session, ctx.user_id, now=ctx.now, offer_for=ctx.seat_offer)
    messages: list[DirectMessage] = []
    for registration in promoted:
        messages += promotion_messages(ctx, registration.conference, [registration])
    return Reply(ctx.t("privacy.deleted"), direct_messages=tuple(messages), language=ctx.language)
