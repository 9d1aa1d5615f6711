"""Conference questions, as members ask them, on the shipped sample data."""

from __future__ import annotations

from bot.clock import FixedClock
from bot.services import Services
from tests.chat import ask, command, verify_dialog
from tests.conftest import berlin


def test_next_regional_conference_names_date_time_venue_address_and_motto(
    services: Services,
) -> None:
    verify_dialog(
        services,
        [
            (
                "Wann ist die nächste Regionalkonferenz?",
                [
                    "Die nächste Regionalkonferenz ist am Mittwoch, 24. September 2025, "
                    "9:30–17:15 Uhr in Konstanz.",
                    "Bodenseeforum Konstanz, Reichenaustr. 21, 78462 Konstanz",
                    "Smart Cities im Dialog: Kooperation und Innovation",
                ],
            ),
        ],
    )


def test_the_same_question_in_english_is_answered_in_english(services: Services) -> None:
    answer = ask(services, "When is the next regional conference?")
    assert answer.startswith("The next regional conference is on Wednesday, September 24, 2025")
    assert "9:30 AM–5:15 PM" in answer
    assert "Where: Bodenseeforum Konstanz" in answer


def test_follow_up_questions_refer_to_the_conference_just_discussed(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("Was ist mit der Konferenz in Zwönitz?", ["Regionalkonferenz Zwönitz"]),
            ("Wo findet sie statt?", ["Buntspeicher, Speicherstraße 1, 08297 Zwönitz"]),
            ("Was ist das Motto?", ["„Digitalisierung ist Strukturpolitik"]),
            (
                "Was ist das Programm?",
                ["Ein detailliertes Programm der 24. Regionalkonferenz", "Strukturwandel"],
            ),
        ],
    )


def test_next_moves_with_the_clock(services: Services, clock: FixedClock) -> None:
    clock.now = berlin("2025-09-24T18:00")
    assert "4. Dezember 2025" in ask(services, "Wann ist die nächste Regionalkonferenz?")


def test_a_conference_by_city_number_or_month(services: Services) -> None:
    verify_dialog(
        services,
        [
            ("Wann war die Konferenz in Osnabrück?", ["5. Februar 2025", "OsnabrückHalle"]),
            ("die 21. Regionalkonferenz", ["Europäische Akademie Otzenhausen"]),
            ("Wo war die Regionalkonferenz im Juni 2024?", ["Institut für Holztechnologie"]),
            ("Wann war der 7. Kongress?", ["Dienstag, 18. November 2025"]),
            ("Wo war die Konferenz in Monchengladbach?", ["Redbox am Nordpark"]),
        ],
    )


def test_last_conference_and_past_tense(services: Services) -> None:
    answer = ask(services, "Wann war die letzte Regionalkonferenz?")
    assert answer.startswith("Die letzte Regionalkonferenz war am Dienstag, 3. Juni 2025")


def test_list_of_a_year(services: Services) -> None:
    answer = ask(services, "Welche Konferenzen gibt es 2026?")
    assert answer.startswith("Konferenzen im Jahr 2026:")
    assert "8. Kongress der Modellprojekte Smart Cities" in answer
    assert "Konstanz" not in answer


def test_no_upcoming_conference_says_so_and_names_the_last(
    services: Services, clock: FixedClock
) -> None:
    clock.now = berlin("2026-11-25T12:00")
    answer = ask(services, "Wann ist die nächste Regionalkonferenz?")
    assert answer.startswith("Im Moment ist keine weitere Regionalkonferenz eingetragen.")
    assert "Zwönitz" in answer


def test_unknown_conference_and_unrelated_question_get_a_friendly_answer(
    services: Services,
) -> None:
    assert "keine Konferenz gefunden" in ask(services, "die Konferenz im Jahr 2031")
    answer = ask(services, "Erzähl mir einen Witz über Giraffen")
    assert answer.startswith("Dabei kann ich leider nicht helfen.")
    assert "„hilfe“ zeigt Beispiele" in answer


def test_help_by_command_and_question(services: Services) -> None:
    assert "Schreiben Sie mir einfach" in command(services, "hilfe")
    assert "Just write what you would like to know" in command(services, "help")
    assert "Schreiben Sie mir einfach" in ask(services, "Was kannst du?")


def test_slash_command_with_a_question_answers_it(services: Services) -> None:
    assert "Bodenseeforum Konstanz" in command(services, "Wo ist die nächste Konferenz?")
