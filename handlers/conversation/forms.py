"""Submitted forms, whatever the transport: route by form id to the feature's handler."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from handlers.context import Context
from handlers.knowledge.solution_form import FORM_ID as SOLUTION
from handlers.knowledge.solution_form import submit_solution
from handlers.registration.flow import FORM_ID as REGISTRATION
from handlers.registration.flow import submit_registration
from handlers.reminders.announcements import FORM_ID as ANNOUNCEMENT
from handlers.reminders.announcements import submit_announcement
from handlers.replies import FormErrors, Reply

FormHandler = Callable[[Context, str, Mapping[str, str]], Reply | FormErrors]

FORMS: dict[str, FormHandler] = {
    REGISTRATION: submit_registration,
    SOLUTION: submit_solution,
    ANNOUNCEMENT: submit_announcement,
}


def submit_form(
    ctx: Context, form_id: str, context: str, values: Mapping[str, str]
) -> Reply | FormErrors:
    """Hand the values to the form's handler; an unknown form is a polite error."""
    handler = FORMS.get(form_id)
    if handler is None:
        raise ValueError(f"unknown form {form_id!r}")
    return handler(ctx, context, values)
