"""Forms as Slack modals, and submitted modal state back into plain values."""

from __future__ import annotations

from typing import Any

from handlers.replies import Form, FormField
from handlers.texts import t

CALLBACK_PREFIX = "form:"
MUNICIPALITY_ACTION = "municipality"


def plain(text: str, limit: int = 3000) -> dict[str, Any]:
    """A Block Kit plain-text object, cut to Slack's limit."""
    return {"type": "plain_text", "text": text[:limit], "emoji": True}


def modal_view(form: Form, language: str) -> dict[str, Any]:
    """The form as a Slack modal: intro, one input block per field, submit and cancel."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": form.intro[:3000]}}
    ]
    for field in form.fields:
        if field.kind == "consent" and field.hint:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": field.hint}})
        blocks.append(_input_block(field, language))
    return {
        "type": "modal",
        "callback_id": CALLBACK_PREFIX + form.form_id,
        "private_metadata": form.context,
        "title": plain(form.title, 24),
        "submit": plain(form.submit, 24),
        "close": plain(t(language, "form.close"), 24),
        "blocks": blocks,
    }


def _input_block(field: FormField, language: str) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": field.name,
        "label": plain(field.label, 2000),
        "optional": not field.required,
        "element": _element(field, language),
    }
    if field.hint and field.kind != "consent":
        block["hint"] = plain(field.hint, 2000)
    return block


def _element(field: FormField, language: str) -> dict[str, Any]:
    if field.kind == "municipality":
        element: dict[str, Any] = {
            "type": "external_select",
            "action_id": MUNICIPALITY_ACTION,
            "min_query_length": 1,
        }
        if field.initial:
            element["initial_option"] = option(field.initial)
        return element
    if field.kind == "choice":
        options = [{"text": plain(label, 75), "value": value} for value, label in field.options]
        choice: dict[str, Any] = {
            "type": "static_select",
            "action_id": field.name,
            "options": options[:100],
        }
        chosen = [o for o in options if o["value"] == field.initial]
        if chosen:
            choice["initial_option"] = chosen[0]
        return choice
    if field.kind == "consent":
        return {
            "type": "checkboxes",
            "action_id": field.name,
            "options": [{"text": plain(t(language, "form.consent_option"), 75), "value": "yes"}],
        }
    element = {
        "type": "plain_text_input",
        "action_id": field.name,
        "multiline": field.kind == "multiline",
        "max_length": field.max_length,
    }
    if field.initial:
        element["initial_value"] = field.initial[: field.max_length]
    return element


def option(value: str) -> dict[str, Any]:
    """A select or type-ahead option, cut to Slack's limits."""
    return {"text": plain(value, 75), "value": value[:150]}


def submitted_values(view: dict[str, Any]) -> dict[str, str]:
    """{field name: value} from a view_submission's state."""
    values: dict[str, str] = {}
    for block_id, actions in view.get("state", {}).get("values", {}).items():
        for state in actions.values():
            values[block_id] = _state_value(state)
    return values


def _state_value(state: dict[str, Any]) -> str:
    kind = state.get("type")
    if kind == "checkboxes":
        return "yes" if state.get("selected_options") else ""
    if kind in ("external_select", "static_select"):
        return ((state.get("selected_option") or {}).get("value")) or ""
    return state.get("value") or ""
