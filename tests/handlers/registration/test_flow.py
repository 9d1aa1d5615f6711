"""Registration as members and organizers use it, through the command handlers."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.dispatcher import reminder_settings
from bot.render_text import render_text
from bot.scheduler import purge_personal_data
from bot.services import Services, build_services
from handlers.conferences.feed import calendar_link
from handlers.conversation.incoming import Message, Submission
from handlers.conversation.router import handle
from handlers.reminders.reminders import plan_reminders
from handlers.replies import FormErrors, Reply
from storage.models import Base, OutboxMessage, Registration
from tests.chat import command
from tests.conftest import berlin

ZWOENITZ = "rk24-2025-zwoenitz"
FORM = {
    "name": "Erika Muster",
    "municipality": "Zwönitz",
    "role": "Smart-City-Team",
    "notes": "vegetarisch",
    "consent": "yes",
}


def submit(services: Services, user: str = "U100", **changes: str) -> Reply | FormErrors:
    values = {**FORM, **changes}
    return services.reply(
        user, lambda ctx: handle(ctx, Submission("registration", ZWOENITZ, values))
    )


def set_capacity(services: Services, seats: int) -> None:
    organizer = dataclasses.replace(
        services,
        config=dataclasses.replace(
            services.config, organizers=OrganizersSection(user_ids=("UORG",))
        ),
    )
    answer = command(organizer, f"konferenz {ZWOENITZ} kapazitaet {seats}", user="UORG")
    assert answer == f"Kapazität der 24. Regionalkonferenz: {seats}."


@pytest.fixture
def organizer(engine: Engine, config: Config, clock: FixedClock) -> Services:
    config = dataclasses.replace(config, organizers=OrganizersSection(user_ids=("UORG",)))
    return build_services(config, clock=clock)


def test_the_command_opens_the_form_for_the_named_conference(services: Services) -> None:
    reply = services.reply(
        "U100", lambda ctx: handle(ctx, Message(can_open_forms=True, text="anmelden zwönitz"))
    )
    assert reply.form is not None
    assert reply.form.context == ZWOENITZ
    assert [f.name for f in reply.form.fields] == [
        "name",
        "municipality",
        "role",
        "notes",
        "visible",
        "consent",
    ]
    assert "90 Tage nach der Veranstaltung gelöscht" in reply.form.fields[-1].hint


def test_registering_confirms_with_a_calendar_entry_and_twice_changes_nothing(
    services: Services,
) -> None:
    reply = submit(services)
    assert isinstance(reply, Reply)
    assert reply.text.startswith(
        "Sie sind zur 24. Regionalkonferenz am Donnerstag, "
        "4. Dezember 2025, 9:30–17:00 Uhr angemeldet."
    )
    [ics] = reply.attachments
    body = ics.content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20251204T093000" in body
    # the time zone as it is in the conference's year: a calendar program reads 8:30 UTC
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert event.decoded("dtstart").astimezone(UTC) == datetime(2025, 12, 4, 8, 30, tzinfo=UTC)
    [zone] = Calendar.from_ical(body).walk("VTIMEZONE")
    assert datetime(2025, 12, 4, 9, 30, tzinfo=zone.to_tz()).utcoffset() == timedelta(hours=1)
    uid = next(line for line in body.splitlines() if line.startswith("UID:"))
    again = submit(services)
    assert isinstance(again, Reply)
    assert again.text == "Sie sind bereits zur 24. Regionalkonferenz angemeldet."
    assert command(services, "meine") == (
        "Ihre Anmeldungen:\n\n  Regionalkonferenz Zwönitz\n"
        "    Wann: Donnerstag, 4. Dezember 2025, 9:30–17:00 Uhr\n"
        "    Status: angemeldet\n\n"
        "  1) Abmelden – Regionalkonferenz Zwönitz\n"
        "Antworten Sie mit der Nummer (z. B. „1“) oder dem Namen."
    )
    # A later confirmation (e.g. after moving up) updates the same calendar entry.
    command(services, "abmelden zwönitz")
    resent = submit(services)
    assert isinstance(resent, Reply)
    assert uid in resent.attachments[0].content.decode()


def test_invalid_fields_are_reported_per_field_and_nothing_is_stored(services: Services) -> None:
    result = submit(services, name="", role="x" * 151, consent="")
    assert isinstance(result, FormErrors)
    assert result.errors == {
        "name": "Bitte ausfüllen.",
        "role": "Bitte höchstens 150 Zeichen.",
        "consent": "Ohne Einwilligung können wir Sie leider nicht anmelden.",
    }
    assert "für keine Konferenz angemeldet" in command(services, "meine")


def test_full_conference_waitlists_in_order_and_promotes_on_cancel(services: Services) -> None:
    set_capacity(services, 1)
    submit(services, user="U1")
    second = submit(services, user="U2")
    third = submit(services, user="U3")
    assert isinstance(second, Reply) and isinstance(third, Reply)
    assert "Warteliste auf Platz 1" in second.text
    assert "Warteliste auf Platz 2" in third.text
    assert "Warteliste, Platz 2" in command(services, "meine", user="U3")
    cancelled = services.reply(
        "U1", lambda ctx: handle(ctx, Message(can_open_forms=True, text="abmelden"))
    )
    assert cancelled.text == "Sie sind von der 24. Regionalkonferenz abgemeldet."
    [message] = cancelled.direct_messages
    assert message.user_id == "U2"
    assert message.reply.text.startswith("Gute Nachricht: Bei der 24. Regionalkonferenz")
    assert message.reply.attachments[0].filename == f"{ZWOENITZ}.ics"
    assert "Warteliste, Platz 1" in command(services, "meine", user="U3")


def test_bad_input_gets_a_clear_message_and_changes_nothing(services: Services) -> None:
    assert "Meinten Sie: „Regionalkonferenz Zwönitz“" in command(services, "anmelden Zwitz")
    assert "Eine Konferenz „xyzzy“ kenne ich nicht." in command(services, "anmelden xyzzy")
    assert "Meinten Sie: „23. Regionalkonferenz" in command(services, "anmelden konstanz 2024")
    assert "hat bereits stattgefunden" in command(services, "anmelden osnabrück")
    assert "für keine Konferenz angemeldet" in command(services, "meine")


def test_registration_window(services: Services, clock: FixedClock, organizer: Services) -> None:
    assert "ist geschlossen" in command(organizer, f"konferenz {ZWOENITZ} schliessen", user="UORG")
    assert "Die Anmeldung zur 24. Regionalkonferenz ist geschlossen." in command(
        services, "anmelden zwönitz"
    )
    command(organizer, f"konferenz {ZWOENITZ} oeffnen", user="UORG")
    clock.now = berlin("2025-12-04T10:00")
    assert "hat bereits stattgefunden" in command(services, "anmelden zwönitz")


def test_organizer_commands_are_refused_for_members(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    answer = command(services, f"teilnehmende {ZWOENITZ}", user="U100")
    assert answer.startswith("Das dürfen nur die Organisatorinnen und Organisatoren")
    assert "U100 tried the organizer command" in caplog.text


def test_organizer_sees_counts_list_and_gets_a_csv(services: Services, organizer: Services) -> None:
    set_capacity(services, 1)
    submit(services, user="U1")
    submit(services, user="U2", name="Max Beispiel")
    reply = organizer.reply(
        "UORG", lambda ctx: handle(ctx, Message(can_open_forms=True, text="teilnehmende zwönitz"))
    )
    assert reply.text == (
        "Regionalkonferenz Zwönitz: 1 angemeldet, 1 auf der Warteliste, 0 freie Plätze."
    )
    assert "2. Max Beispiel (Zwönitz, Smart-City-Team) – Warteliste, Platz 1" in reply.notes
    [export] = reply.direct_messages
    csv_text = export.reply.attachments[0].content.decode("utf-8-sig")
    assert csv_text.splitlines()[2].startswith("waitlisted,1,Max Beispiel,Zwönitz")


def test_deleting_my_data_leaves_no_trace_and_promotes_the_waitlist(
    services: Services, engine: Engine
) -> None:
    set_capacity(services, 1)
    submit(services, user="UDEL", name="Dora Löschmich")
    submit(services, user="U2")
    command(services, "Wo ist die Konferenz in Zwönitz?", user="UDEL")
    with services.context("planner") as ctx:  # a reminder to UDEL waits in the outbox
        assert plan_reminders(ctx, reminder_settings(services.config)) >= 1
    command(services, "erinnerungen aus", user="UDEL")
    services.reply("UDEL", lambda ctx: calendar_link(ctx, base_url="https://bot.example.org"))
    exported = services.reply(
        "UDEL", lambda ctx: handle(ctx, Message(can_open_forms=True, text="meine-daten"))
    )
    assert b"Dora L\xc3\xb6schmich" in exported.attachments[0].content
    assert "wirklich alle Ihre Daten" in command(services, "daten-loeschen", user="UDEL")
    deleted = services.reply(
        "UDEL", lambda ctx: handle(ctx, Message(can_open_forms=True, text="daten-loeschen ja"))
    )
    assert deleted.text.startswith("Erledigt")
    assert [m.user_id for m in deleted.direct_messages] == ["U2"]
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if not inspect(connection).has_table(table.name):
                continue
            for row in connection.execute(select(table)):
                flat = " ".join(str(value) for value in row)
                assert "UDEL" not in flat and "Dora" not in flat, (table.name, row)
        count = connection.execute(text("SELECT count(*) FROM registrations")).scalar()
    assert count == 2  # the cancelled row stays, anonymised, for statistics


def test_personal_data_is_purged_after_the_configured_days(
    services: Services, clock: FixedClock, engine: Engine
) -> None:
    submit(services, user="U1")
    with services.context("planner") as ctx:
        assert plan_reminders(ctx, reminder_settings(services.config)) >= 1
    clock.now = berlin("2026-03-01T04:00")  # 87 days after the conference
    assert purge_personal_data(services) == 0
    clock.now = berlin("2026-03-05T04:00")
    assert purge_personal_data(services) == 1
    with Session(engine) as session:
        [row] = session.scalars(select(Registration)).all()
        assert (row.name, row.anonymised, row.status) == ("", True, "confirmed")
        recipients = set(session.scalars(select(OutboxMessage.recipient)))
        assert recipients == {"geloescht"}


def test_console_style_rendering_of_a_form(services: Services) -> None:
    reply = services.reply(
        "U100", lambda ctx: handle(ctx, Message(can_open_forms=True, text="anmelden zwönitz"))
    )
    assert render_text(reply).startswith("Anmeldung zur 24. Regionalkonferenz")
