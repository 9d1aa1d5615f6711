"""The knowledge base through the chat: questions, filters, the directory, the no-match path
and organizers' edits."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.services import Services, build_services
from handlers.conversation.incoming import Message, Submission
from handlers.conversation.router import handle
from handlers.knowledge.answers import forward_question, similar_reply
from handlers.replies import FormErrors, Reply
from tests.chat import ask, command


@pytest.fixture
def organizer(engine: Engine, config: Config, clock: FixedClock) -> Services:
    config = dataclasses.replace(
        config,
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(config.slack, organizer_channel="CORG"),
    )
    return build_services(config, clock=clock)


def reply(services: Services, text: str, user: str = "U100") -> Reply:
    return services.reply(user, lambda ctx: handle(ctx, Message(can_open_forms=True, text=text)))


def test_a_question_in_free_text_finds_the_solution_with_who_built_it(services: Services) -> None:
    answer = reply(services, "Wer hat schon eine Lösung für Starkregen-Warnungen?")
    assert answer.text == "Diese Lösungen aus dem Netzwerk passen zu Ihrer Frage:"
    first = answer.cards[0]
    assert first.title == "Starkregen-Frühwarnsystem"
    assert ("Kommune", "Eichenzell") in first.fields
    assert ("Status", "Idee") in first.fields
    assert first.buttons[0].action == "similar_solutions"


def test_the_command_with_filters(services: Services) -> None:
    answer = command(services, "loesungen Hochwasser status:umsetzung ort:Lemgo")
    assert "Hochwasser-Informationssystem Lemgo/Kalletal" in answer
    assert "Eichenzell" not in answer


def test_english_questions_find_german_entries(services: Services) -> None:
    answer = reply(services, "Is there a solution for heavy rain early warning?")
    assert answer.cards[0].title == "Starkregen-Frühwarnsystem"
    assert answer.text == "These solutions from the network match your question:"


def test_no_match_says_so_and_offers_to_pass_the_question_on(organizer: Services) -> None:
    answer = reply(organizer, "Gibt es eine Lösung für Brieftauben-Post?", user="U1")
    assert answer.text.startswith("Dazu habe ich leider keine passende Lösung gefunden.")
    assert "Soll ich Ihre Frage an die Organisatorinnen und Organisatoren" in answer.text
    [button] = answer.cards[0].buttons
    assert button.action == "forward_question"
    passed = organizer.reply("U1", lambda ctx: forward_question(ctx, button.value))
    [post] = passed.direct_messages
    assert post.user_id == "CORG"
    assert post.reply.text == (
        "Frage aus dem Netzwerk (von U1), zu der die Wissensdatenbank nichts fand: "
        "Gibt es eine Lösung für Brieftauben-Post?"
    )


def test_without_an_organizer_channel_no_forwarding_is_offered(services: Services) -> None:
    answer = reply(services, "Gibt es eine Lösung für Brieftauben?")
    assert answer.text.startswith("Dazu habe ich leider keine passende Lösung gefunden.")
    assert answer.cards == ()


def test_directory_by_state_and_by_municipality(services: Services) -> None:
    bavaria = ask(services, "Welche Modellprojekte gibt es in Bayern?")
    assert bavaria.startswith("Modellprojekte in Bayern:")
    assert "Regensburg: Großstadt, Förderstaffel 2021." in bavaria
    assert "Ulm" not in bavaria
    konstanz = ask(services, "Was macht Konstanz?")
    assert konstanz.startswith("Konstanz: Mittelstadt, Förderstaffel 2021. Lösungen aus Konstanz:")
    assert "Pfalzgarten – Innenstadt von morgen" in konstanz


def test_similar_solutions_exclude_the_solution_itself(services: Services) -> None:
    similar = services.reply("U1", lambda ctx: similar_reply(ctx, "halle-hal-plan"))
    titles = [card.title for card in similar.cards]
    assert "HAL-PLAN – digitaler Zwilling für die Stadtentwicklung" not in titles
    assert any("Zwilling" in title for title in titles)


def test_an_organizer_adds_a_solution_and_it_is_found_at_once(organizer: Services) -> None:
    form = reply(organizer, "loesung-neu", user="UORG")
    assert form.form is not None
    assert form.form.form_id == "solution"
    assert [f.name for f in form.form.fields] == [
        "id",
        "title",
        "municipality",
        "topics",
        "summary",
        "status",
        "contact_hint",
        "source_url",
    ]
    values = {
        "id": "ulm-hitzetelefon",
        "title": "Hitzetelefon für Seniorinnen",
        "municipality": "Ulm",
        "topics": "hitze; senioren",
        "summary": "Anrufe bei Hitze.",
        "status": "pilot",
        "contact_hint": "",
        "source_url": "https://example.org/x",
    }
    bad = organizer.reply(
        "UORG",
        lambda ctx: handle(
            ctx, Submission("solution", "", {**values, "id": "Mit Leerzeichen", "status": "fertig"})
        ),
    )
    assert isinstance(bad, FormErrors)
    assert set(bad.errors) == {"id", "status"}
    assert "Hitzetelefon" not in command(organizer, "loesungen Hitzetelefon")
    saved = organizer.reply("UORG", lambda ctx: handle(ctx, Submission("solution", "", values)))
    assert isinstance(saved, Reply) and saved.text.startswith("Gespeichert")
    assert "Hitzetelefon für Seniorinnen" in command(organizer, "loesungen Hitzetelefon")
    edit = reply(organizer, "loesungen Hitzetelefon", user="UORG").cards[0].buttons[-1]
    assert (edit.action, edit.value) == ("edit_solution", "ulm-hitzetelefon")


def test_members_cannot_add_solutions(services: Services) -> None:
    assert command(services, "loesung-neu").startswith("Das dürfen nur die Organisatorinnen")
