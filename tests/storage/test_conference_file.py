"""Conference TOML import: the shipped file loads; a bad file is rejected whole, by name."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.config import PROJECT_ROOT
from storage.conference_file import read_conference_file
from storage.conferences import all_conferences, get_conference, upsert_conferences
from storage.errors import DataFileError
from tests.conftest import BERLIN, berlin

NOW = berlin("2026-11-25T10:00")
SAMPLE = PROJECT_ROOT / "data" / "conferences.toml"

GOOD = """
[[conference]]
slug = "rk99-2027-test"
kind = "regionalkonferenz"
number = 99
title = "99. Regionalkonferenz"
date = 2027-03-30
start_time = 09:00:00
end_time = 17:00:00
city = "Teststadt"
capacity = 80

[[conference.agenda]]
start = 09:00:00
end = 09:30:00
title = "Begrüßung"
"""


def test_the_shipped_sample_is_valid_and_stored_in_utc() -> None:
    records = read_conference_file(SAMPLE, BERLIN)
    konstanz = next(r for r in records if r.slug == "rk23-2025-konstanz")
    assert konstanz.starts_at.isoformat() == "2025-09-24T07:30:00+00:00"
    assert konstanz.ends_at.astimezone(BERLIN).strftime("%H:%M") == "17:15"
    assert len(records) == 26


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('kind = "regionalkonferenz"', 'kind = "party"'),
            "line 2 ([[conference]] #1), key 'kind'",
        ),
        (("date = 2027-03-30", 'date = "bald"'), "key 'date'"),
        (("number = 99", "number = -1"), "key 'number': must be a positive whole number"),
        (('city = "Teststadt"', 'stadt = "Teststadt"'), "key 'stadt': unknown key"),
        (("end_time = 17:00:00", "end_time = 08:00:00"), "key 'end_time'"),
        (('title = "Begrüßung"', 'title = ""'), "key 'agenda'"),
        (('slug = "rk99-2027-test"', 'slug = "Mit Leerzeichen"'), "key 'slug'"),
        (('title = "99. Regionalkonferenz"', 'title = " "'), "key 'title': required and not"),
        (('city = "Teststadt"', 'topics = ["ok", " "]'), "key 'topics': must be a list of non-"),
        (("date = 2027-03-30", "date = 2027-03-30\nend_date = 2027-03-29"), "key 'end_date'"),
        (("end = 09:30:00", 'end = 09:30:00\nraum = "A"'), "key 'agenda': each item needs"),
        (("start = 09:00:00", 'start = "neun"'), "key 'agenda': 'day' must be a date"),
        (("capacity = 80", 'capacity = "80"'), "key 'capacity': expected int, got '80'"),
    ],
)
def test_a_bad_entry_is_named_by_line_and_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)):
        read_conference_file(path, BERLIN)


def test_registration_dates_are_read_in_berlin_time_unless_they_name_an_offset(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.toml"
    dates = "registration_opens = 2027-01-15\nregistration_deadline = 2027-03-20T12:00:00\n"
    path.write_text(GOOD.replace("capacity = 80\n", dates), encoding="utf-8")
    [record] = read_conference_file(path, BERLIN)
    assert record.registration_opens_at == datetime(2027, 1, 14, 23, 0, tzinfo=UTC)
    assert record.registration_deadline == datetime(2027, 3, 20, 11, 0, tzinfo=UTC)
    path.write_text(
        GOOD.replace("capacity = 80\n", "registration_deadline = 2027-03-20T12:00:00Z\n"),
        encoding="utf-8",
    )
    [record] = read_conference_file(path, BERLIN)
    assert record.registration_deadline == datetime(2027, 3, 20, 12, 0, tzinfo=UTC)


def test_a_missing_or_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    with pytest.raises(DataFileError, match=r"none\.toml: cannot read the file"):
        read_conference_file(path, BERLIN)
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"none\.toml: no \[\[conference\]\] tables found"):
        read_conference_file(path, BERLIN)


def test_broken_toml_and_duplicate_slugs_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[conference]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid TOML"):
        read_conference_file(path, BERLIN)
    path.write_text(
        GOOD + GOOD.replace("[[conference.agenda]]", "[[conference.agenda]]"), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="appears twice"):
        read_conference_file(path, BERLIN)


def test_reimport_updates_by_slug_and_keeps_an_organizers_capacity(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(GOOD, encoding="utf-8")
    with Session(engine) as session, session.begin():
        assert upsert_conferences(session, read_conference_file(path, BERLIN), now=NOW) == (1, 0)
        conference = get_conference(session, "rk99-2027-test")
        assert conference is not None
        assert [item.title for item in conference.agenda] == ["Begrüßung"]
        conference.capacity = 120
    path.write_text(
        GOOD.replace("Teststadt", "Neustadt").replace("capacity = 80\n", ""), encoding="utf-8"
    )
    with Session(engine) as session, session.begin():
        assert upsert_conferences(session, read_conference_file(path, BERLIN), now=NOW) == (0, 1)
        [conference] = [c for c in all_conferences(session) if c.slug == "rk99-2027-test"]
        assert (conference.city, conference.capacity) == ("Neustadt", 120)
        assert conference.starts_at.tzinfo is not None
