"""Conversations in the console (plain text, no buttons), one per failure class that was seen:
what members write, and what they must get back. The clock stands at 2025-09-01."""

from __future__ import annotations

from bot.services import Services
from handlers.conversation.incoming import Submission
from handlers.conversation.router import submit
from storage.conferences import get_conference
from tests.chat import ask, verify_dialog
from tests.handlers.registration.test_flow import FORM

NEXT = "23. Regionalkonferenz"  # Konstanz, 24 September 2025
SEATS_FULL = "Die 24. Regionalkonferenz ist ausgebucht (Warteliste: 1)."
DEADLINE = "Bei der 24. Regionalkonferenz ist kein Anmeldeschluss angegeben"


def test_cancelling_in_plain_words_cancels(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("anmelden zwönitz", ["Name", "abbrechen"]),
            ("Erika Muster", ["Kommune"]),
            ("Zwönitz", ["Rolle"]),
            ("Smart-City-Team", ["Hinweise"]),
            ("-", ["Für andere Teilnehmende sichtbar sein?", "1) Ja, ich bin einverstanden"]),
            ("nein", ["ja/nein"]),
            ("ja", ["Wir freuen uns auf Sie", "24. Regionalkonferenz"]),
            ("Bin ich eigentlich angemeldet?", ["Regionalkonferenz Zwönitz", "Status: angemeldet"]),
            ("Ich schaffe es doch nicht, können Sie mich austragen?", ["abgemeldet"]),
            ("Bin ich noch angemeldet?", ["für keine Konferenz angemeldet"]),
        ],
    )


def test_a_form_can_be_left_and_consent_refused(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("Ich möchte mich für Zwönitz anmelden", ["Name"]),
            ("abbrechen", ["Abgebrochen – ich habe nichts gespeichert."]),
            ("anmelden 24", ["Name"]),
            ("Erika Muster", ["Kommune"]),
            ("Zwönitz", ["Rolle"]),
            ("Kämmerei", ["Hinweise"]),
            ("-", ["sichtbar"]),
            ("ja", ["ja/nein"]),
            ("nein", ["ohne Ihre Einwilligung speichere ich nichts"]),
            ("meine", ["für keine Konferenz angemeldet"]),
            ("abbrechen", ["Gerade ist nichts offen, das ich abbrechen könnte."]),
        ],
    )


def test_a_command_word_starting_a_sentence_is_not_the_command(services: Services) -> None:
    answer = ask(services, "Meine Gemeinde plant eine Datenplattform, wer hat das schon?")
    assert "für keine Konferenz angemeldet" not in answer
    assert "Konferenz Halle" not in ask(services, "Konferenz Halle")
    assert "Organisatorinnen" not in ask(services, "Konferenz Halle")
    assert "22. Regionalkonferenz" in ask(services, "Konferenz Halle")


def test_greetings_and_thanks_are_acknowledged_and_the_question_answered(
    services: Services,
) -> None:
    answer = ask(services, "Moin, wann ist die nächste Regionalkonferenz?")
    assert answer.startswith("Hallo!")
    assert NEXT in answer
    answer = ask(services, "Hallo zusammen, gibt es schon Lösungen für Starkregen-Warnungen?")
    assert answer.startswith("Hallo!")
    assert "Starkregen" in answer
    assert ask(services, "Vielen Dank!").startswith("Gern geschehen!")
    assert ask(services, "Tschüss, bis bald").startswith("Auf Wiedersehen")


def test_small_talk_is_not_a_search(services: Services) -> None:
    for question in ("Wer bist du?", "Bist du ein Mensch?", "Wie geht's?"):
        assert ask(services, question).startswith("Ich bin ein Bot – kein Mensch"), question
    assert ask(services, "Wie wird das Wetter morgen?").startswith("Dabei kann ich leider")


def test_numbers_months_and_follow_ups(services: Services) -> None:
    assert "22. Regionalkonferenz" in ask(services, "regionalkonferenz 22")
    verify_dialog(
        services,
        [
            ("Wann ist die 23. Regionalkonferenz?", [NEXT, "24. September 2025"]),
            ("Wo findet sie statt?", ["Konstanz"]),
            ("und danach?", ["Smart Country Convention"]),
            ("Welche Konferenzen gibt es im November?", ["Konferenzen im November", "Kiel"]),
        ],
    )
    assert "Zwönitz" not in ask(services, "Welche Konferenzen gibt es im November?")


def test_places_by_longest_name_and_membership(services: Services) -> None:
    assert "Sachsen-Anhalt" in ask(services, "Welche Modellprojekte gibt es in Sachsen-Anhalt?")
    assert "Zwönitz" not in ask(services, "Welche Modellprojekte gibt es in Sachsen-Anhalt?")
    assert ask(services, "Ist Bamberg ein Modellprojekt?").startswith("Ja, Bamberg (Bayern)")
    assert "Landkreis Hof" in ask(services, "Was macht der Landkreis Hof?")


def test_the_last_conference_does_not_hijack_other_questions(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("Was sind die Themen der 23. Regionalkonferenz?", ["Themen"]),
            ("Wer hat eine Lösung für Hitze in der Innenstadt?", ["Lösungen"]),
        ],
    )
    assert "23. Regionalkonferenz" not in ask(services, "thema: mobilität")


def test_the_reply_follows_the_language_of_the_message(services: Services) -> None:
    assert ask(services, "Erinnerung an").startswith("Ihre Erinnerungen sind eingeschaltet")
    assert ask(services, "reminders off").startswith("All right")


def test_choices_are_picked_by_number_and_deletion_confirmed_by_yes(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("Bitte löschen Sie alle meine Daten", ["1) ", "Nummer"]),
            ("nein", ["ich habe nichts geändert"]),
            ("Bitte löschen Sie alle meine Daten", ["1) "]),
            ("ja", ["gelöscht"]),
        ],
    )


def test_registering_for_a_conference_that_does_not_exist_says_so(services: Services) -> None:
    answer = ask(services, "Melden Sie mich bitte für die Konferenz im Jahr 2031 an")
    assert "2031" in answer
    assert "Name" not in answer


def test_seats_deadline_and_waitlist_place_in_plain_words(services: Services) -> None:
    with services.context("UORG") as ctx:
        conference = get_conference(ctx.session, "rk24-2025-zwoenitz")
        assert conference is not None
        conference.capacity = 1
    for user in ("U1", "U2"):
        form = Submission("registration", "rk24-2025-zwoenitz", {**FORM, "name": user})
        services.reply(user, lambda ctx, form=form: submit(ctx, form))
    assert ask(services, "Gibt es für Zwönitz noch freie Plätze?").startswith(SEATS_FULL)
    assert ask(services, "Welcher Platz auf der Warteliste bin ich?", user="U2").startswith(
        "Bei der 24. Regionalkonferenz stehen Sie auf Platz 1 der Warteliste."
    )
    assert ask(services, "Bis wann kann ich mich für Zwönitz anmelden?").startswith(DEADLINE)
    assert ask(services, "Gibt es für Konstanz noch Plätze?").startswith(
        "Bei der 23. Regionalkonferenz ist die Zahl der Plätze nicht begrenzt."
    )
