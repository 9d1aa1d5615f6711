"""Conference form values: German problems per field, and a conference read back unchanged
from the values a form would show."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.services import Services
from handlers.conferences.form_values import conference_values, parse_values
from handlers.replies import FormErrors
from storage.conferences import all_conferences
from tests.conftest import BERLIN


def test_problems_are_named_per_field_in_german() -> None:
    values = {
        "slug": "rk30-2027-jena",
        "kind": "regionalkonferenz",
        "title": "",
        "date": "31.02.2027",
        "start_time": "25:00",
        "end_time": "17:00",
        "registration_opens": "2027-03-01",
        "registration_deadline": "2027-02-01",
    }
    assert parse_values(values, tz=BERLIN, language="de") == FormErrors(
        {
            "title": "ist erforderlich",
            "date": "muss ein Datum sein, z. B. 2027-03-30 oder 30.03.2027",
            "start_time": "muss eine Uhrzeit sein, z. B. 09:30",
            "registration_deadline": "muss nach der Öffnung der Anmeldung liegen",
        }
    )


def test_every_shipped_conference_reads_back_from_its_form_values(services: Services) -> None:
    with Session(services.engine) as session:
        conferences = all_conferences(session)
        for conference in conferences:
            record = parse_values(conference_values(conference, BERLIN), tz=BERLIN, language="de")
            assert not isinstance(record, FormErrors), (conference.slug, record)
            stored = (
                conference.starts_at,
                conference.ends_at,
                conference.times_known,
                conference.venue,
                conference.topics,
                [(i.starts_at, i.ends_at, i.title, i.speaker) for i in conference.agenda],
            )
            read = (
                record.starts_at,
                record.ends_at,
                record.times_known,
                record.venue,
                list(record.topics),
                [(i.starts_at, i.ends_at, i.title, i.speaker) for i in record.agenda],
            )
            assert read == stored, conference.slug
            assert record.registration_deadline == conference.registration_deadline
    assert len(conferences) > 20


def test_programme_lines_take_the_speakers_after_a_bar_or_a_spaced_dash() -> None:
    values = {
        "slug": "rk30-2027-jena",
        "kind": "regionalkonferenz",
        "title": "30. Regionalkonferenz",
        "date": "2027-03-30",
        "programme": "09:30 Begrüßung - Oberbürgermeisterin Nora Beispiel\n"
        "10:00-11:00 Datenplattform - Teil 2 | Team Jena\n"
        "11:15 Smart City - Strategie |\n"
        "12:00 Mittagspause",
    }
    record = parse_values(values, tz=BERLIN, language="de")
    assert not isinstance(record, FormErrors)
    assert [(item.title, item.speaker) for item in record.agenda] == [
        ("Begrüßung", "Oberbürgermeisterin Nora Beispiel"),
        ("Datenplattform - Teil 2", "Team Jena"),
        ("Smart City - Strategie", ""),
        ("Mittagspause", ""),
    ]
