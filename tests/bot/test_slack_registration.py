"""Registering through Slack: command, button, modal, type-ahead, DMs with files."""

from __future__ import annotations

import json
from typing import Any

from bot.services import Services
from storage.conferences import get_conference
from storage.registrations import set_capacity
from tests.bot.slack_harness import SlackHarness
from tests.slack_requests import block_actions, block_suggestion, slash_command, view_submission

ZWOENITZ = "rk24-2025-zwoenitz"


def form_values(**overrides: Any) -> dict[str, dict[str, Any]]:
    values = {
        "name": {"name": {"type": "plain_text_input", "value": "Erika Muster"}},
        "municipality": {
            "municipality": {"type": "external_select", "selected_option": {"value": "Zwönitz"}}
        },
        "role": {"role": {"type": "plain_text_input", "value": "Smart-City-Team"}},
        "notes": {"notes": {"type": "plain_text_input", "value": None}},
        "consent": {"consent": {"type": "checkboxes", "selected_options": [{"value": "yes"}]}},
    }
    values.update(overrides)
    return values


def test_the_command_opens_the_registration_modal_prefilled_from_the_profile(
    slack: SlackHarness,
) -> None:
    response = slack.send(slash_command("anmelden zwönitz", trigger_id="1.2.3"))
    assert response.status == 200
    [opened] = slack.api.wait_for("views.open")
    view = opened.params["view"]
    assert opened.params["trigger_id"] == "1.2.3"
    assert (view["callback_id"], view["private_metadata"]) == ("form:registration", ZWOENITZ)
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert blocks["name"]["element"]["initial_value"] == "Person U100"
    assert blocks["municipality"]["element"]["type"] == "external_select"
    assert blocks["notes"]["optional"] is True


def test_type_ahead_offers_the_typed_text_and_model_projects(slack: SlackHarness) -> None:
    response = slack.send(block_suggestion("municipality", "Zwoe"))
    options = [o["value"] for o in json.loads(response.body)["options"]]
    assert options[0] == "Zwoe"
    assert "Zwönitz" in options


def test_invalid_submission_shows_errors_in_the_modal(slack: SlackHarness) -> None:
    values = form_values(
        consent={"consent": {"type": "checkboxes", "selected_options": []}},
        name={"name": {"type": "plain_text_input", "value": "  "}},
    )
    response = slack.send(view_submission("form:registration", ZWOENITZ, values))
    body = json.loads(response.body)
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"name", "consent"}
    slack.settle()
    assert slack.api.calls_to("chat.postMessage") == []


def test_submission_confirms_by_dm_with_a_calendar_file(slack: SlackHarness) -> None:
    response = slack.send(view_submission("form:registration", ZWOENITZ, form_values()))
    assert response.status == 200
    assert not response.body  # the modal closes
    slack.settle()
    [dm] = slack.api.calls_to("chat.postMessage")
    assert dm.params["channel"] == "U100"
    assert dm.params["text"] == (
        "Sie sind zur 24. Regionalkonferenz am Donnerstag, 4. Dezember 2025, 9:30–17:00 Uhr "
        "angemeldet. Wir freuen uns auf Sie!\n• Regionalkonferenz Zwönitz"
    )
    [upload] = slack.api.calls_to("upload")
    assert b"BEGIN:VEVENT" in upload.params["content"]
    [complete] = slack.api.calls_to("files.completeUploadExternal")
    assert complete.params["channel_id"] == "DU100"


def test_a_submission_behind_others_is_answered_at_once_and_confirmed_by_dm(
    slack: SlackHarness,
) -> None:
    slack.submissions.enter()  # another member's form is being saved
    response = slack.send(view_submission("form:registration", ZWOENITZ, form_values()))
    assert (response.status, response.body) == (200, "")  # the modal closes at once
    slack.settle()
    [dm] = slack.api.calls_to("chat.postMessage")
    assert dm.params["channel"] == "U100"
    assert dm.params["text"].startswith("Sie sind zur 24. Regionalkonferenz am Donnerstag")
    [complete] = slack.api.calls_to("files.completeUploadExternal")
    assert complete.params["channel_id"] == "DU100"
    slack.submissions.leave()
    assert slack.submissions.enter() == 0  # the late one left the count as it found it


def test_problems_of_a_submission_answered_at_once_come_as_a_message(
    slack: SlackHarness, slack_services: Services
) -> None:
    slack.submissions.enter()
    values = form_values(consent={"consent": {"type": "checkboxes", "selected_options": []}})
    response = slack.send(view_submission("form:registration", ZWOENITZ, values))
    assert (response.status, response.body) == (200, "")
    slack.settle()
    [dm] = slack.api.calls_to("chat.postMessage")
    assert dm.params["text"] == (
        "Ihr Formular konnte nicht gespeichert werden:\n"
        "• Ohne Einwilligung können wir Sie leider nicht anmelden.\n"
        "Bitte öffnen Sie es noch einmal und senden Sie es erneut."
    )
    with slack_services.sessions() as session:
        conference = get_conference(session, ZWOENITZ)
        assert conference is not None and conference.confirmed_count == 0


def test_cancel_button_promotes_the_next_person_and_tells_them(
    slack: SlackHarness, slack_services: Services
) -> None:
    refused = slack.send(slash_command(f"konferenz {ZWOENITZ} kapazitaet 1"))
    assert "Organisatorinnen" in json.loads(refused.body)["text"]
    with slack_services.sessions.begin() as session:
        conference = get_conference(session, ZWOENITZ)
        assert conference is not None
        set_capacity(session, conference.id, 1, now=slack_services.clock())
    slack.send(view_submission("form:registration", ZWOENITZ, form_values(), user="U1"))
    slack.send(view_submission("form:registration", ZWOENITZ, form_values(), user="U2"))
    slack.send(block_actions("cancel_registration", ZWOENITZ, user="U1", channel="DU1"))
    slack.settle()
    posts = [
        (c.params["channel"], c.params["text"]) for c in slack.api.calls_to("chat.postMessage")
    ]
    texts = dict(posts)
    assert any(ch == "U2" and "Warteliste auf Platz 1" in text for ch, text in posts)
    assert texts["DU1"] == "Sie sind von der 24. Regionalkonferenz abgemeldet."
    # To one person in order (other people's messages may go out in between).
    to_u2 = [text for channel, text in posts if channel == "U2"]
    assert to_u2[-1].startswith("Gute Nachricht: Bei der 24. Regionalkonferenz")


def test_register_button_on_a_message_opens_the_modal(slack: SlackHarness) -> None:
    slack.send(block_actions("register", ZWOENITZ))
    slack.settle()
    [opened] = slack.api.wait_for("views.open")
    assert opened.params["view"]["private_metadata"] == ZWOENITZ
