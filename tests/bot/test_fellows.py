"""'Who else is coming' (opt-in): only participants who agreed are named, only to a member with
a seat there; consent is given in the registration form, withdrawn by command or in plain
words, and is part of the data export and deletion."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.services import Services
from storage.conferences import get_conference
from storage.models import Conference, Registration
from storage.personal_data import delete_user_data, export_user_data
from storage.registrations import Details, lock_conference, register
from tests.bot.slack_harness import SlackHarness
from tests.bot.test_slack_registration import ZWOENITZ, form_values
from tests.chat import ask, verify_dialog
from tests.conftest import berlin
from tests.slack_requests import slash_command, view_submission

KONSTANZ = "rk23-2025-konstanz"  # the next conference on the tests' clock (2025-09-01)
PEOPLE = {
    # user: (name, municipality, role, agreed to be shown)
    "U1": ("Anna Fragend", "Ulm", "Smart-City-Team", False),
    "U2": ("Erika Muster", "Zwönitz", "Digitallotsin", True),
    "U3": ("Hans Verborgen", "Zwönitz", "Bürgermeister", False),
    "U4": ("Ben Brunnen", "Eichenzell", "Bauamt", True),
    "U5": ("Karla Klima", "Gera", "Starkregenvorsorge", True),
    "U6": ("Gerd Daten", "Gera", "IT-Leitung", True),
    "U7": ("Lea Zwilling", "Leipzig", "Urbane Zwillinge", True),  # a joint project of 3 states
}
ONLY_AGREED = "Genannt werden nur Teilnehmende, die der Anzeige zugestimmt haben"


def register_people(
    services: Services, slug: str, people: dict[str, tuple[str, str, str, bool]]
) -> None:
    for user, (name, municipality, role, visible) in people.items():
        with services.sessions.begin() as session:
            conference = get_conference(session, slug)
            assert conference is not None
            details = Details(name, municipality, role, "", visible=visible)
            register(
                session,
                lock_conference(session, conference.id),
                user,
                details,
                now=services.clock(),
            )


def test_who_else_comes_from_a_state_names_only_those_who_agreed(services: Services) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    answer = ask(services, "Wer kommt noch aus Sachsen zur nächsten Konferenz?", user="U1")
    assert answer.startswith(
        "Diese Teilnehmenden aus Sachsen kommen zur 23. Regionalkonferenz:\n"
        "• Erika Muster, Digitallotsin, Zwönitz\n"
        "• Lea Zwilling, Urbane Zwillinge, Leipzig\n"
    )
    assert "Hans" not in answer and "Verborgen" not in answer  # from Saxony, did not agree
    assert "Ben Brunnen" not in answer and "Gerd" not in answer  # agreed, but not from Saxony
    assert ONLY_AGREED in answer
    assert "Sie selbst sind für andere Teilnehmende nicht sichtbar" in answer


def test_who_works_on_a_topic_by_role_or_by_their_municipalitys_solutions(
    services: Services,
) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    answer = ask(services, "Wer von den Teilnehmenden arbeitet an Starkregen?", user="U2")
    assert "mit dem Thema „Starkregen“ kommen zur 23. Regionalkonferenz" in answer
    assert "• Ben Brunnen, Bauamt, Eichenzell" in answer  # Eichenzell's early-warning system
    assert "• Karla Klima, Starkregenvorsorge, Gera" in answer  # her role
    assert "Gerd" not in answer and "Hans" not in answer and "Anna" not in answer
    assert "Sie selbst sind" not in answer  # U2 agreed


def test_a_named_conference_and_its_city_is_not_taken_for_a_place_of_origin(
    services: Services,
) -> None:
    halle = add_halle(services)
    register_people(services, halle, {k: PEOPLE[k] for k in ("U1", "U2", "U3", "U6")})
    answer = ask(services, "Wer kommt noch zur Regionalkonferenz in Halle?", user="U1")
    assert answer.startswith("Diese Teilnehmenden kommen zur 30. Regionalkonferenz:\n")
    assert "• Erika Muster" in answer and "• Gerd Daten" in answer and "Hans" not in answer


def test_where_they_come_from_is_not_taken_for_the_conference(services: Services) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    answer = ask(services, "wer-kommt aus zwönitz", user="U1")  # Zwönitz also hosts the 24th
    assert answer.startswith(
        "Diese Teilnehmenden aus Zwönitz kommen zur 23. Regionalkonferenz:\n"
        "• Erika Muster, Digitallotsin, Zwönitz\n"
    )
    assert "Hans" not in answer


def test_only_members_with_a_seat_there_may_ask(services: Services) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    stranger = ask(services, "Wer kommt noch zur Konferenz in Konstanz?", user="U9")
    assert stranger == (
        "Wer zu der 23. Regionalkonferenz kommt, sehen nur Angemeldete mit bestätigtem Platz. "
        "Sie sind dort (noch) nicht mit bestätigtem Platz angemeldet; anmelden können Sie sich "
        "mit „anmelden rk23-2025-konstanz“."
    )
    assert ask(services, "wer-kommt", user="U9").startswith(
        "Wer noch kommt, sehen nur Angemeldete mit bestätigtem Platz"
    )


def test_a_waiting_member_sees_nobody(services: Services) -> None:
    with services.sessions.begin() as session:
        konstanz = get_conference(session, KONSTANZ)
        assert konstanz is not None
        konstanz.capacity = 2
    register_people(services, KONSTANZ, {k: PEOPLE[k] for k in ("U2", "U4", "U1")})
    answer = ask(services, "wer-kommt konstanz", user="U1")  # U1 is on the waitlist
    assert "nur Angemeldete mit bestätigtem Platz" in answer and "Erika" not in answer


def test_consent_is_withdrawn_in_plain_words_and_given_again_by_command(
    services: Services,
) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    verify_dialog(
        services,
        [
            ("Ich möchte nicht mehr in der Teilnehmerliste angezeigt werden",
             ["Ich zeige Sie anderen Teilnehmenden nicht mehr", "Anmeldung bleibt bestehen"]),
            ("sichtbarkeit", ["23. Regionalkonferenz: nicht sichtbar"]),
        ],
        user="U2",
    )  # fmt: skip
    assert "Erika" not in ask(services, "wer-kommt aus sachsen", user="U1")
    assert "sehen jetzt Ihren Namen" in ask(services, "sichtbarkeit an konstanz", user="U2")
    assert "• Erika Muster" in ask(services, "wer-kommt aus sachsen", user="U1")
    assert "Ich zeige Sie anderen" in ask(services, "sichtbarkeit aus", user="U2")
    assert "Erika" not in ask(services, "wer-kommt", user="U1")


def test_the_text_dialog_asks_and_stores_the_consent(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("anmelden zwönitz", ["Name"]),
            ("Erika Muster", ["Kommune"]),
            ("Zwönitz", ["Rolle"]),
            ("Digitallotsin", ["Hinweise"]),
            ("-", ["Für andere Teilnehmende sichtbar sein?", "Name, Kommune und Rolle",
                   "sichtbarkeit aus", "2) Nein"]),
            ("1", ["Einwilligung"]),
            ("ja", ["Wir freuen uns auf Sie"]),
        ],
        user="U2",
    )  # fmt: skip
    assert visible_since(services, "U2") == services.clock()


def test_the_slack_form_asks_and_stores_the_consent(
    slack: SlackHarness, slack_services: Services
) -> None:
    slack.send(slash_command("anmelden zwönitz", user="U2"))
    [opened] = slack.api.wait_for("views.open")
    blocks = {b.get("block_id"): b for b in opened.params["view"]["blocks"]}
    question = blocks["visible"]
    assert question["optional"] is True and question["element"]["type"] == "static_select"
    assert "Name, Kommune und Rolle" in question["hint"]["text"]
    assert [o["value"] for o in question["element"]["options"]] == ["yes", "no"]
    chosen = {
        "visible": {"visible": {"type": "static_select", "selected_option": {"value": "yes"}}}
    }
    slack.send(view_submission("form:registration", ZWOENITZ, form_values(**chosen), user="U2"))
    slack.send(view_submission("form:registration", ZWOENITZ, form_values(), user="U3"))
    slack.settle()
    assert visible_since(slack_services, "U2") is not None
    assert visible_since(slack_services, "U3") is None  # not answered: not shown


def test_consent_is_in_the_export_and_gone_with_the_deletion(services: Services) -> None:
    register_people(services, KONSTANZ, {"U2": PEOPLE["U2"]})
    with services.sessions.begin() as session:
        [exported] = export_user_data(session, "U2")["registrations"]
        since = datetime.fromisoformat(exported["visible_to_participants_since"])
        assert since == services.clock()
        json.dumps(exported)
        delete_user_data(session, "U2", now=services.clock())
    with services.sessions() as session:
        rows = session.scalars(select(Registration)).all()
        assert [r.visible_since for r in rows] == [None]
    assert "Erika" not in ask(services, "wer-kommt", user="U1")


def visible_since(services: Services, user: str) -> object:
    with services.sessions() as session:
        query = select(Registration.visible_since).where(Registration.user_id == user)
        return session.scalars(query).one()


def add_halle(services: Services) -> str:
    begins = berlin("2025-10-08T09:30")
    with services.sessions.begin() as session:
        session.add(
            Conference(
                slug="rk30-2025-halle", kind="regionalkonferenz", number=30,
                title="30. Regionalkonferenz", motto="", starts_at=begins,
                ends_at=begins + timedelta(hours=7), times_known=True, venue="Stadthaus",
                address="Marktplatz 2, 06108 Halle (Saale)", city="Halle (Saale)", topics=[],
                source_url="",
            )
        )  # fmt: skip
    return "rk30-2025-halle"


def test_asked_in_english_the_answer_is_english(services: Services) -> None:
    register_people(services, KONSTANZ, PEOPLE)
    answer = ask(services, "Who else is coming to the next conference?", user="U2")
    assert answer.startswith("These participants are coming to the 23rd regional conference:\n")
    assert "• Ben Brunnen, Bauamt, Eichenzell" in answer and "Hans" not in answer
    assert "Only participants who agreed to be shown are named" in answer
