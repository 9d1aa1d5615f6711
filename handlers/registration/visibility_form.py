"""The question at registration whether other participants may see that one is coming."""

from __future__ import annotations

from handlers.context import Context
from handlers.replies import FormField

VISIBLE, YES, NO = "visible", "yes", "no"


def visibility_field(ctx: Context) -> FormField:
    """A voluntary yes/no (no answer means no): the wording says who sees what, and how to
    take it back, so that the consent is informed and explicit."""
    return FormField(
        VISIBLE,
        ctx.t("vis.field"),
        kind="choice",
        required=False,
        hint=ctx.t("vis.consent_text"),
        options=((YES, ctx.t("vis.yes")), (NO, ctx.t("vis.no"))),
    )
