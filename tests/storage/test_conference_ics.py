"""`import conferences` also reads an .ics file, as calendar programs export it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.cli import main
from storage.conference_ics import read_ics_file
from storage.conferences import get_conference
from storage.errors import DataFileError
from tests.conftest import BERLIN, berlin

OUTLOOK_EXPORT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E008
SUMMARY:31. Regionalkonferenz Modellprojekte Smart Cities
DTSTART;TZID=Europe/Berlin:20270615T093000
DTEND;TZID=Europe/Berlin:20270615T170000
LOCATION:Volkshaus, Carl-Zeiß-Platz 15, 07743 Jena
CATEGORIES:Daten,Klimaanpassung
URL:https://www.smart-city-dialog.de/rk31
END:VEVENT
BEGIN:VEVENT
UID:kongress-2027@example.org
SUMMARY:Smart-City-Kongress 2027
DTSTART;VALUE=DATE:20271012
DTEND;VALUE=DATE:20271014
LOCATION:Berlin
END:VEVENT
END:VCALENDAR
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "termine.ics"
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_an_outlook_export_becomes_conferences(tmp_path: Path) -> None:
    jena, congress = read_ics_file(write(tmp_path, OUTLOOK_EXPORT), BERLIN)
    assert (jena.slug, jena.kind, jena.number) == (
        "2027-06-15-31-regionalkonferenz-modellprojekte-smart-cities",
        "regionalkonferenz",
        31,
    )
    assert (jena.starts_at, jena.ends_at, jena.times_known) == (
        berlin("2027-06-15T09:30"),
        berlin("2027-06-15T17:00"),
        True,
    )
    assert (jena.venue, jena.address, jena.city) == (
        "Volkshaus",
        "Carl-Zeiß-Platz 15, 07743 Jena",
        "Jena",
    )
    assert jena.topics == ("Daten", "Klimaanpassung")
    assert (congress.kind, congress.times_known, congress.city) == ("kongress", False, "")
    assert (congress.starts_at, congress.ends_at) == (
        berlin("2027-10-12T00:00"),
        berlin("2027-10-14T00:00"),
    )


def test_an_event_without_a_start_is_rejected_by_number_and_property(tmp_path: Path) -> None:
    broken = OUTLOOK_EXPORT.replace("DTSTART;VALUE=DATE:20271012\n", "")
    with pytest.raises(DataFileError, match=r"VEVENT #2, property DTSTART: required"):
        read_ics_file(write(tmp_path, broken), BERLIN)


def test_not_a_calendar_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not a valid iCalendar file"):
        read_ics_file(write(tmp_path, "slug,title\n"), BERLIN)


def test_the_cli_imports_an_ics_file_whole(
    tmp_path: Path,
    engine: Engine,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("SMARTCITY_CONFIG", raising=False)
    assert main(["import", "conferences", str(write(tmp_path, OUTLOOK_EXPORT))]) == 0
    assert "2 new, 0 updated conferences" in capsys.readouterr().out
    with Session(engine) as session:
        congress = get_conference(session, "2027-10-12-smart-city-kongress-2027")
        assert congress is not None and congress.title == "Smart-City-Kongress 2027"
