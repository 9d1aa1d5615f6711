"""`smartcity-bot conference add|edit|cancel`: the calendar kept current without a file."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.cli import main
from bot.cli_conferences import legacy_argv
from storage.conferences import count_conferences, get_conference
from tests.conftest import BERLIN, berlin

JENA = [
    "conference", "add", "--slug", "rk30-2027-jena", "--kind", "regionalkonferenz",
    "--number", "30", "--title", "30. Regionalkonferenz", "--motto", "Daten teilen",
    "--date", "30.03.2027", "--end-date", "2027-03-31", "--start", "9:30", "--end", "13:00",
    "--venue", "Volkshaus", "--address", "Carl-Zeiß-Platz 15, 07743 Jena", "--city", "Jena",
    "--topics", "Daten; Klimaanpassung", "--capacity", "120",
    "--registration-opens", "2027-01-15", "--registration-deadline", "2027-03-20 12:00",
    "--online-url", "https://meet.example.org/rk30",
    "--item", "09:30-10:00 Begrüßung | Oberbürgermeister",
    "--item", "2027-03-31 09:30-12:00 Werkstätten",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, database_url: str, engine: Engine) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("SMARTCITY_CONFIG", raising=False)


def local(moment: datetime | None) -> str:
    assert moment is not None
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def test_a_conference_over_two_days_is_added_with_its_programme(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(JENA) == 0
    assert capsys.readouterr().out == (
        "added rk30-2027-jena: 30. Regionalkonferenz "
        "(0 told who asked to hear of new conferences)\n"
    )
    with Session(engine) as session:
        jena = get_conference(session, "rk30-2027-jena")
        assert jena is not None
        assert (local(jena.starts_at), local(jena.ends_at)) == (
            "2027-03-30 09:30",
            "2027-03-31 13:00",
        )
        assert (jena.capacity, jena.topics, jena.online_url) == (
            120,
            ["Daten", "Klimaanpassung"],
            "https://meet.example.org/rk30",
        )
        assert local(jena.registration_opens_at) == "2027-01-15 00:00"
        assert local(jena.registration_deadline) == "2027-03-20 12:00"
        assert [(local(i.starts_at), i.title, i.speaker) for i in jena.agenda] == [
            ("2027-03-30 09:30", "Begrüßung", "Oberbürgermeister"),
            ("2027-03-31 09:30", "Werkstätten", ""),
        ]
    assert main(["ask", "--now", "2027-02-01T10:00", "Wo ist die 30. Regionalkonferenz?"]) == 0
    assert "Volkshaus, Carl-Zeiß-Platz 15, 07743 Jena" in capsys.readouterr().out


def test_every_wrong_field_is_named_and_nothing_is_saved(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "hallo"]) == 0
    with Session(engine) as session:
        before = count_conferences(session)
    wrong = [
        "conference", "add", "--slug", "RK 30", "--kind", "tagung", "--title", "Test",
        "--date", "2027-03-30", "--start", "17:00", "--end", "09:00", "--capacity", "0",
        "--online-url", "meet.example.org", "--item", "Begrüßung um neun",
    ]  # fmt: skip
    assert main(wrong) == 2
    assert capsys.readouterr().err == (
        "smartcity-bot: nothing saved - slug: lower-case letters, digits and '-' only, e.g. "
        "rk30-2027-jena; kind: must be one of regionalkonferenz, kongress, other; capacity: "
        "must be a positive whole number; online_url: must start with https:// or http://; "
        "end_time: must be after the start\n"
    )
    with Session(engine) as session:
        assert count_conferences(session) == before


def test_a_taken_slug_and_a_bad_programme_line_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(JENA) == 0
    assert main(JENA) == 2
    assert "slug: is already taken" in capsys.readouterr().err
    assert main(["conference", "edit", "rk30-2027-jena", "--item", "Mittag"]) == 2
    assert "programme: line 1: please write '09:30-10:15 Title | Speakers'" in (
        capsys.readouterr().err
    )


def test_edit_changes_only_what_is_given_and_cancel_closes(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    main(JENA)
    capsys.readouterr()
    assert main(["conference", "edit", "rk30-2027-jena", "--venue", "Rathaus", "--motto", ""]) == 0
    assert capsys.readouterr().out == (
        "rk30-2027-jena: capacity 120, registration open, 0 moved up from the waitlist, "
        "0 told of the change\n"
    )
    assert main(["conference", "cancel", "rk30-2027-jena"]) == 0
    assert (
        capsys.readouterr().out
        == "rk30-2027-jena: cancelled, 0 registered or waiting will be told\n"
    )
    with Session(engine) as session:
        jena = get_conference(session, "rk30-2027-jena")
        assert jena is not None
        assert (jena.venue, jena.motto, jena.title, jena.city) == (
            "Rathaus",
            "",
            "30. Regionalkonferenz",
            "Jena",
        )
        assert jena.cancelled_at is not None and not jena.registration_open
        assert len(jena.agenda) == 2


def test_the_older_form_still_sets_capacity_and_closes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(JENA)
    capsys.readouterr()
    assert main(["conference", "rk30-2027-jena", "--capacity", "80", "--close"]) == 0
    assert capsys.readouterr().out.startswith(
        "rk30-2027-jena: capacity 80, registration closed, 0 moved up from the waitlist"
    )
    assert main(["conference", "nope", "--open"]) == 2
    assert "no conference with slug 'nope'" in capsys.readouterr().err


def test_a_new_date_moves_the_programme_along_across_the_clock_change(engine: Engine) -> None:
    main(JENA)
    assert main(["conference", "edit", "rk30-2027-jena", "--date", "27.03.2027"]) == 0
    with Session(engine) as session:
        jena = get_conference(session, "rk30-2027-jena")
        assert jena is not None
        # 27 March is still winter time, 28 March summer time: wall times stay as entered.
        assert jena.starts_at == berlin("2027-03-27T09:30")
        assert local(jena.ends_at) == "2027-03-28 13:00"
        assert [local(item.starts_at) for item in jena.agenda] == [
            "2027-03-27 09:30",
            "2027-03-28 09:30",
        ]


def test_only_the_command_word_conference_takes_the_older_form() -> None:
    assert legacy_argv(["-v", "--config", "c.toml", "conference", "rk1", "--open"]) == [
        "-v", "--config", "c.toml", "conference", "edit", "rk1", "--open",
    ]  # fmt: skip
    assert legacy_argv(["conference", "cancel", "rk1"]) == ["conference", "cancel", "rk1"]
    assert legacy_argv(["ask", "conference", "rk1"]) == ["ask", "conference", "rk1"]
    assert legacy_argv(["--config", "conference", "check"]) == ["--config", "conference", "check"]
