"""A conference that moves, changes place or is cancelled: everyone registered or waiting is
told once, with a calendar entry that replaces theirs; nobody else is."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from sqlalchemy import Engine, select

from bot.config import Config
from bot.services import Services
from handlers.conferences.changes import change_reply
from handlers.conferences.editing import cancel_conference, edit_conference
from handlers.replies import FormErrors
from storage.conferences import get_conference, upcoming_conferences
from storage.models import OutboxMessage, Registration
from storage.registrations import cancel
from tests.bot.outbox_helpers import add_conference, dispatch, fast, register_users, services_at
from tests.fake_slack import FakeSlack

SLUG = "rk40-2026-test"


@pytest.fixture
def bot(engine: Engine, slack_config: Config) -> Services:
    return services_at(fast(slack_config), "2026-11-25T10:00")


def edit(bot: Services, **changes: str) -> int:
    with bot.context("UORG") as ctx:
        conference = get_conference(ctx.session, SLUG, for_update=True)
        assert conference is not None
        saved = edit_conference(ctx, conference, changes)
        assert not isinstance(saved, FormErrors), saved
        return saved.informed


def direct_messages(fake: FakeSlack) -> list[tuple[str, str]]:
    return [(c.params["channel"], c.params["text"]) for c in fake.calls_to("chat.postMessage")]


def with_people(bot: Services) -> int:
    """Two confirmed (U1, U2), one waiting (U3), one who cancelled (U4); U9 elsewhere."""
    conference = add_conference(bot, "2026-12-10T10:00", capacity=2)
    other = add_conference(bot, "2026-12-16T10:00", slug="rk41-2026-test")
    register_users(bot, conference, "U1", "U4", "U2", "U3")
    register_users(bot, other, "U9")
    with bot.sessions.begin() as session:
        cancel(session, conference, "U4", now=bot.clock())
    return conference


def test_a_new_date_reaches_exactly_the_registrants_and_the_waitlist_once(
    bot: Services, fake_slack: FakeSlack
) -> None:
    with_people(bot)
    assert edit(bot, date="2026-12-11", start_time="09:00", end_time="16:00") == 3
    assert edit(bot, date="2026-12-11", start_time="09:00", end_time="16:00") == 0
    assert dispatch(bot) == {"sent": 3}
    assert dispatch(bot) == {}
    sent = direct_messages(fake_slack)
    assert sorted(channel for channel, _ in sent) == ["U1", "U2", "U3"]
    assert sent[0][1] == (
        "Geänderter Termin: Die 40. Regionalkonferenz findet jetzt am Freitag, "
        "11. Dezember 2026, 9:00–16:00 Uhr statt (bisher: Donnerstag, 10. Dezember 2026, "
        "10:00–16:00 Uhr)."
    )


def test_the_calendar_entry_keeps_the_registration_uid(bot: Services) -> None:
    conference = with_people(bot)
    edit(bot, venue="Stadthaus", address="Münsterplatz 50, 89073 Ulm")
    with bot.context("dispatcher") as ctx:
        registration = ctx.session.scalars(
            select(Registration).where(
                Registration.conference_id == conference, Registration.user_id == "U3"
            )
        ).one()
        message = ctx.session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == "U3")
        ).one()
        reply = change_reply(ctx, message)
    assert not isinstance(reply, str)
    assert reply.text == (
        "Geänderter Ort: Die 40. Regionalkonferenz findet jetzt hier statt: Stadthaus, "
        "Münsterplatz 50, 89073 Ulm (bisher: Rathaus, Marktplatz 1, 89073 Ulm, Ulm)."
    )
    [event] = Calendar.from_ical(reply.attachments[0].content).walk("VEVENT")
    assert str(event["uid"]) == f"registration-{registration.id}@smartcity-bot"
    assert str(event["location"]) == "Stadthaus, Münsterplatz 50, 89073 Ulm"


def test_a_cancellation_is_told_once_and_stops_reminders(
    bot: Services, fake_slack: FakeSlack
) -> None:
    with_people(bot)
    with bot.context("UORG") as ctx:
        conference = get_conference(ctx.session, SLUG, for_update=True)
        assert conference is not None
        assert cancel_conference(ctx, conference).informed == 3
        assert cancel_conference(ctx, conference).informed == 0
        assert [c.slug for c in upcoming_conferences(ctx.session, ctx.now)] == ["rk41-2026-test"]
    assert dispatch(bot) == {"sent": 3}
    assert {text for _, text in direct_messages(fake_slack)} == {
        "Abgesagt: Die 40. Regionalkonferenz am Donnerstag, 10. Dezember 2026, 10:00–16:00 Uhr "
        "findet nicht statt. Ihre Anmeldung ist damit hinfällig; den Kalendereintrag können "
        "Sie löschen."
    }
    # A week ahead U9 is reminded of the other conference; nobody of the cancelled one,
    # whose reminder a day ahead would be due now.
    assert dispatch(services_at(bot.config, "2026-12-09T10:00")) == {"sent": 1}
    assert direct_messages(fake_slack)[-1][0] == "U9"


def test_a_change_of_title_or_topics_tells_nobody(bot: Services) -> None:
    with_people(bot)
    assert edit(bot, title="40. Regionalkonferenz Ulm", topics="Daten; Klima") == 0
    assert dispatch(bot) == {}


def test_two_edits_before_sending_become_one_message_against_what_was_told(
    bot: Services, fake_slack: FakeSlack
) -> None:
    with_people(bot)
    assert edit(bot, start_time="11:00") == 3
    assert edit(bot, start_time="12:00", venue="Stadthaus") == 3
    assert dispatch(bot) == {"sent": 3}
    texts = {text for _, text in direct_messages(fake_slack)}
    assert texts == {
        "Geänderter Termin: Die 40. Regionalkonferenz findet jetzt am Donnerstag, "
        "10. Dezember 2026, 12:00–16:00 Uhr statt (bisher: Donnerstag, 10. Dezember 2026, "
        "10:00–16:00 Uhr).\nGeänderter Ort: Die 40. Regionalkonferenz findet jetzt hier "
        "statt: Stadthaus, Marktplatz 1, 89073 Ulm (bisher: Rathaus, Marktplatz 1, "
        "89073 Ulm, Ulm)."
    }
    # Moved back before anyone was told: nothing to say, nothing sent.
    assert edit(bot, start_time="13:00") == 3
    assert edit(bot, start_time="12:00") == 0
    assert dispatch(bot) == {}
