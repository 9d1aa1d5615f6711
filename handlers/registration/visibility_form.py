"""The question at registration whether other participants may see that one is coming."""

from __future__ import annotations

from handlers.context import Context
from handlers.replies import FormField
from handlers.texts import t

VISIBLE, YES, NO = "visible", "yes", "no"


def visibility_field(ctx: Context) -> FormField:
    """A voluntary yes/no (no answer means no): the wording says who sees what, and how to
    take it back, so that the consent is informed and explicit."""
    language = ctx.language
    return FormField(
        VISIBLE,
        t(language, "vis.field"),
        kind="choice",
        required=False,
        hint=t(language, "vis.consent_text", command=ctx.prefix),
        options=((YES, t(language, "vis.yes")), (NO, t(language, "vis.no"))),
    )
