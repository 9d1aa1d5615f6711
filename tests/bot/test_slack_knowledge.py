"""The knowledge base through Slack: search command, similar-solutions button, passing a
question on to the organizers' channel."""

from __future__ import annotations

import json

from bot.services import Services
from storage.organizers import add_organizer
from tests.bot.slack_harness import SlackHarness
from tests.slack_requests import block_actions, slash_command, view_submission


def test_search_command_answers_with_solution_cards(slack: SlackHarness) -> None:
    response = slack.send(slash_command("loesungen Starkregen Frühwarnung"))
    body = json.loads(response.body)
    sections = " ".join(b["text"]["text"] for b in body["blocks"] if b["type"] == "section")
    assert "*Starkregen-Frühwarnsystem*" in sections
    assert "*Kommune:* Eichenzell" in sections
    actions = [
        e["action_id"] for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert "similar_solutions" in actions


def test_similar_button_posts_related_solutions(slack: SlackHarness) -> None:
    slack.send(block_actions("similar_solutions", "halle-hal-plan"))
    slack.settle()
    [post] = slack.api.calls_to("chat.postMessage")
    assert post.params["text"].startswith("Ähnlich wie „HAL-PLAN")
    assert "Zwilling" in post.params["text"]


def test_unanswered_question_is_passed_on_with_consent(slack_with_channel: SlackHarness) -> None:
    slack = slack_with_channel
    body = json.loads(slack.send(slash_command("loesungen Brieftauben-Post")).body)
    [button] = [e for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert slack.api.calls_to("chat.postMessage") == []  # nothing without consent
    slack.send(block_actions("forward_question", button["value"]))
    slack.settle()
    posts = {
        call.params["channel"]: call.params["text"]
        for call in slack.api.calls_to("chat.postMessage")
    }
    assert posts["CORG"] == (
        "Frage aus dem Netzwerk (von U100), zu der die Wissensdatenbank nichts fand: "
        "Brieftauben-Post"
    )
    assert posts["D100"].startswith("Danke!")


def test_an_organizer_edits_a_solution_in_the_modal_and_it_is_found_at_once(
    slack_with_channel: SlackHarness, slack_services: Services
) -> None:
    slack = slack_with_channel
    with slack_services.sessions.begin() as session:
        add_organizer(session, "UORG", now=slack_services.clock())
    slack.send(block_actions("edit_solution", "lohmar-carsharing", user="UORG"))
    [opened] = slack.api.wait_for("views.open")
    view = opened.params["view"]
    assert (view["callback_id"], view["private_metadata"]) == ("form:solution", "lohmar-carsharing")
    values = {
        block["block_id"]: {block["block_id"]: _state(block)}
        for block in view["blocks"]
        if block["type"] == "input"
    }
    values["title"]["title"]["value"] = "Genossenschaftliches E-Carsharing"
    response = slack.send(
        view_submission("form:solution", "lohmar-carsharing", values, user="UORG")
    )
    assert response.status == 200 and not response.body
    found = json.loads(slack.send(slash_command("loesungen Genossenschaftliches")).body)
    first_card = next(b for b in found["blocks"][1:] if b["type"] == "section")
    assert first_card["text"]["text"].startswith("*Genossenschaftliches E-Carsharing*")


def _state(block: dict[str, object]) -> dict[str, object]:
    element = block["element"]
    assert isinstance(element, dict)
    if element["type"] == "external_select":
        return {
            "type": "external_select",
            "selected_option": element.get("initial_option") or {"value": "Lohmar"},
        }
    return {"type": "plain_text_input", "value": element.get("initial_value")}
