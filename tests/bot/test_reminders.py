"""Reminders sent through the dispatcher to the fake Slack: on time, once, never stale."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, select

from bot.clock import FixedClock
from bot.config import Config
from bot.services import Services
from handlers.conversation.incoming import Message
from handlers.conversation.router import handle
from storage.models import OutboxMessage, SendGate
from tests.bot.outbox_helpers import (
    add_conference,
    dispatch,
    fast,
    register_users,
    services_at,
)
from tests.conftest import berlin
from tests.fake_slack import FakeSlack

START = "2026-03-30T14:00"  # the Monday after summer time begins


@pytest.fixture
def config_(slack_config: Config) -> Config:
    return fast(slack_config)


@pytest.fixture
def bot(engine: Engine, config_: Config) -> Services:
    return services_at(config_, "2026-03-01T10:00")


def dms(fake: FakeSlack) -> Counter[str]:
    return Counter(call.params["channel"] for call in fake.calls_to("chat.postMessage"))


def texts(fake: FakeSlack, user: str) -> list[str]:
    return [
        c.params["text"] for c in fake.calls_to("chat.postMessage") if c.params["channel"] == user
    ]


def at(services: Services, iso: str) -> Services:
    assert isinstance(services.clock, FixedClock)
    services.clock.now = berlin(iso)
    return services


def test_each_reminder_is_sent_once_at_its_time(bot: Services, fake_slack: FakeSlack) -> None:
    conference = add_conference(bot, START)
    register_users(bot, conference, "U1", "U2")
    assert dispatch(at(bot, "2026-03-23T13:59")) == {}
    assert dispatch(at(bot, "2026-03-23T14:00")) == {"sent": 2}
    assert dispatch(bot) == {}
    assert dms(fake_slack) == {"U1": 1, "U2": 1}
    [text] = texts(fake_slack, "U1")
    assert text.startswith(
        "Erinnerung: Die 40. Regionalkonferenz beginnt in 7 Tagen – am "
        "Montag, 30. März 2026, 14:00–20:00 Uhr."
    )
    assert "Ort: Rathaus, Marktplatz 1, 89073 Ulm" in text
    assert dispatch(at(bot, "2026-03-29T14:00")) == {"sent": 2}
    assert "beginnt in 1 Tag" in texts(fake_slack, "U1")[1]
    assert dispatch(at(bot, "2026-03-30T12:00")) == {"sent": 2}
    assert dms(fake_slack) == {"U1": 3, "U2": 3}


def test_two_dispatchers_at_once_send_every_message_once(
    bot: Services, config_: Config, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, START)
    users = [f"U{n}" for n in range(40)]
    register_users(bot, conference, *users)
    replicas = [services_at(config_, "2026-03-23T14:00") for _ in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(dispatch, replicas))
    assert sum(result.get("sent", 0) for result in results) == 40
    assert dms(fake_slack) == dict.fromkeys(users, 1)


def test_who_registers_after_a_reminder_time_does_not_get_it(
    bot: Services, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, START)
    register_users(at(bot, "2026-03-25T10:00"), conference, "ULATE")
    assert dispatch(bot) == {}
    assert dispatch(at(bot, "2026-03-29T14:00")) == {"sent": 1}
    assert "beginnt in 1 Tag" in texts(fake_slack, "ULATE")[0]


def test_the_waitlist_gets_the_one_day_reminder_with_its_position(
    bot: Services, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, START, capacity=1)
    register_users(bot, conference, "U1", "U2")
    dispatch(at(bot, "2026-03-23T14:00"))
    assert dms(fake_slack) == {"U1": 1}
    dispatch(at(bot, "2026-03-29T14:00"))
    assert "Sie stehen auf Platz 1 der Warteliste" in texts(fake_slack, "U2")[0]


def test_after_downtime_recent_reminders_go_out_late_and_old_ones_are_skipped(
    bot: Services, engine: Engine, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, START)
    register_users(bot, conference, "U1")
    outcome = dispatch(at(bot, "2026-03-29T17:00"))  # the 1-day reminder is 3 h late
    assert outcome == {"sent": 1, "skipped": 1}
    assert "beginnt in 21 Stunden" in texts(fake_slack, "U1")[0]
    with engine.connect() as connection:
        skipped = connection.execute(
            select(OutboxMessage.key, OutboxMessage.error).where(OutboxMessage.status == "skipped")
        ).all()
    assert [(key.split(":")[2], error.split(" (")[0]) for key, error in skipped] == [
        ("7d", "missed by 146.0 h")  # 6 days and 3 hours, less the DST hour
    ]


def test_members_can_switch_reminders_off_and_on(bot: Services, fake_slack: FakeSlack) -> None:
    conference = add_conference(bot, START)
    register_users(bot, conference, "U1", "U2")
    off = bot.reply(
        "U1", lambda ctx: handle(ctx, Message(can_open_forms=True, text="erinnerungen aus"))
    )
    assert off.text.startswith("In Ordnung: Sie bekommen keine Erinnerungen und keine Hinweise")
    dispatch(at(bot, "2026-03-23T14:00"))
    assert dms(fake_slack) == {"U2": 1}
    bot.reply("U1", lambda ctx: handle(ctx, Message(can_open_forms=True, text="erinnerungen an")))
    dispatch(at(bot, "2026-03-29T14:00"))
    assert dms(fake_slack) == {"U1": 1, "U2": 2}


def test_rate_limits_are_waited_out_and_a_blocked_member_does_not_stop_the_run(
    bot: Services, engine: Engine, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, START)
    register_users(bot, conference, "U1", "U2", "U3")
    fake_slack.script(
        "chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"}
    )
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "user_not_found"})
    first = dispatch(at(bot, "2026-03-23T14:00"))
    assert first == {"sent": 1, "failed": 1, "retried": 1}
    # Every replica holds back as long as Retry-After said; the message is due again then.
    with engine.connect() as connection:
        held = connection.execute(select(SendGate.next_slot_at)).scalar_one()
    assert held == berlin("2026-03-23T14:00:07")
    assert dispatch(at(bot, "2026-03-23T14:00:06")) == {}
    assert dispatch(at(bot, "2026-03-23T14:00:07")) == {"sent": 1}
    assert sum(dms(fake_slack).values()) == 2
    with engine.connect() as connection:
        failed = connection.execute(
            select(OutboxMessage.recipient, OutboxMessage.error).where(
                OutboxMessage.status == "failed"
            )
        ).all()
    assert [error for _, error in failed] == ["user_not_found"]


def test_a_passing_error_is_retried_later(bot: Services, fake_slack: FakeSlack) -> None:
    conference = add_conference(bot, START)
    register_users(bot, conference, "U1")
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "internal_error"})
    assert dispatch(at(bot, "2026-03-23T14:00")) == {"retried": 1}
    assert dispatch(at(bot, "2026-03-23T14:01")) == {"sent": 1}
    assert dms(fake_slack) == {"U1": 1}
