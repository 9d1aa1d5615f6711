"""Organizers add and edit solutions through a form; a change is searchable at once."""

from __future__ import annotations

from collections.abc import Mapping

from handlers.context import Context
from handlers.embedding import shared_embedder
from handlers.knowledge.vectors import embed_solutions
from handlers.replies import Form, FormErrors, FormField, Reply
from storage.models import Solution
from storage.solutions import VALIDATORS, get_solution, upsert_solutions

FORM_ID = "solution"
NEW_ACTION = "new_solution"
_FIELDS = (
    ("id", "sol.field_id", "text", 120),
    ("title", "sol.field_title", "text", 300),
    ("municipality", "sol.field_municipality", "municipality", 300),
    ("topics", "sol.field_topics", "text", 300),
    ("summary", "sol.field_summary", "multiline", 2000),
    ("status", "sol.field_status", "text", 20),
    ("contact_hint", "sol.field_contact", "text", 300),
    ("source_url", "sol.field_url", "text", 500),
)
_OPTIONAL = frozenset({"topics", "summary", "contact_hint", "source_url"})
_MESSAGES = {"id": "sol.bad_id", "status": "sol.bad_status", "source_url": "sol.bad_url"}


def solution_form(ctx: Context, solution_id: str = "") -> Reply:
    """`/smartcity loesung-neu`, or the edit button on a result card (organizers only)."""
    current = get_solution(ctx.session, solution_id) if solution_id else None
    if solution_id and current is None:
        return Reply(ctx.t("kb.unknown", id=solution_id), language=ctx.language)
    values: dict[str, str] = {"status": "idee"}
    if current is not None:
        values = {name: getattr(current, name) for name, *_ in _FIELDS}
        values["topics"] = "; ".join(current.topics)
    fields = tuple(
        FormField(
            name,
            ctx.t(label),
            kind=kind,
            required=name not in _OPTIONAL,
            initial=values.get(name, ""),
            max_length=limit,
        )
        for name, label, kind, limit in _FIELDS
        if not (current is not None and name == "id")
    )
    intro = ctx.t("sol.edit_intro", title=current.title) if current else ctx.t("sol.new_intro")
    form = Form(
        FORM_ID,
        NEW_ACTION,
        ctx.t("form.solution_title"),
        ctx.t("form.solution_submit"),
        solution_id,
        intro,
        fields,
    )
    return Reply(intro, form=form, language=ctx.language)


def submit_solution(
    ctx: Context, solution_id: str, values: Mapping[str, str]
) -> Reply | FormErrors:
    """Save a solution from the organizer form, or name the fields to fix."""
    row = {name: values.get(name, "").strip() for name, *_ in _FIELDS}
    row["id"] = solution_id or row["id"]
    errors = {}
    for name, check in VALIDATORS.items():
        if (name in _OPTIONAL and not row[name]) or check(row[name]) is None:
            continue
        key = _MESSAGES.get(name)
        errors[name] = ctx.t(key) if key else ctx.t("reg.error_required")
    if errors:
        return FormErrors(errors)
    topics = [topic.strip() for topic in row["topics"].split(";") if topic.strip()]
    upsert_solutions(ctx.session, [{**row, "topics": topics}], now=ctx.now)
    embedder = shared_embedder()
    saved = ctx.session.get(Solution, row["id"], populate_existing=True)
    if embedder is not None and saved is not None:
        embed_solutions(ctx.session, embedder, [saved])
    return Reply(ctx.t("sol.saved", title=row["title"]), language=ctx.language)
