"""What the outbox guarantees when things go wrong: a crash after a change, Slack away while
someone registers, a lost answer, a lost lease, a bad token, an outage, quiet hours,
planning that draws no ids, and a record that is pruned and forgets people."""

from __future__ import annotations

from collections import Counter, deque
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine, event, select, text

from bot.checks import describe
from bot.cli import main
from bot.clock import FixedClock, system_clock
from bot.config import Config
from bot.dispatcher import Dispatcher
from bot.services import Services
from bot.slack_sender import SlackSender
from storage.models import OutboxFile, OutboxMessage
from storage.outbox import LEASE, SENT, claim_next, finish, prune
from storage.personal_data import delete_user_data
from tests.bot.outbox_helpers import add_conference, dispatch, fast, register_users, services_at
from tests.bot.slack_harness import SlackHarness
from tests.conftest import berlin
from tests.fake_slack import FakeSlack
from tests.slack_requests import direct_message, event_callback

START = "2026-03-30T14:00"
SLUG = "rk40-2026-test"


@pytest.fixture
def bot(engine: Engine, slack_config: Config) -> Services:
    return services_at(fast(slack_config), "2026-03-01T10:00")


def at(services: Services, iso: str) -> Services:
    assert isinstance(services.clock, FixedClock)
    services.clock.now = berlin(iso)
    return services


def dms(fake: FakeSlack) -> Counter[str]:
    return Counter(call.params["channel"] for call in fake.calls_to("chat.postMessage"))


def rows(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as connection:
        query = select(OutboxMessage.recipient, OutboxMessage.status, OutboxMessage.error)
        return [tuple(row) for row in connection.execute(query.order_by(OutboxMessage.id))]


def patient(bot: Services, client: WebClient) -> Dispatcher:
    return Dispatcher(bot, SlackSender(client), wall=bot.clock, sleep=lambda _: None)


def test_capacity_raised_on_the_cli_tells_everyone_promoted_even_if_the_process_dies(
    bot: Services, database_url: str, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command line runs on the real clock: a conference after it.
    start = (system_clock() + timedelta(days=60)).astimezone(bot.config.tz)
    conference = add_conference(bot, start.strftime("%Y-%m-%dT14:00"), capacity=1)
    register_users(bot, conference, "U1", "U2", "U3")  # U2 and U3 wait
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["conference", SLUG, "--capacity", "3"]) == 0
    # The command line sends nothing itself (as if killed right after its commit): the news
    # is in the outbox with the change, and the dispatcher delivers it.
    assert fake_slack.calls_to("chat.postMessage") == []
    bot.clock = FixedClock(system_clock() + timedelta(minutes=1))
    assert dispatch(bot) == {"sent": 4}  # a message and an .ics each
    assert dms(fake_slack) == {"U2": 1, "U3": 1}
    assert len(fake_slack.calls_to("files.completeUploadExternal")) == 2
    assert fake_slack.calls_to("chat.postMessage")[0].params["text"].startswith("Gute Nachricht")


def test_a_registration_while_slack_is_away_is_confirmed_with_its_file_afterwards(
    slack: SlackHarness, slack_services: Services, engine: Engine
) -> None:
    from tests.bot.test_slack_registration import ZWOENITZ, form_values
    from tests.slack_requests import view_submission

    slack.api.outage_status = 503
    response = slack.send(view_submission("form:registration", ZWOENITZ, form_values()))
    assert response.status == 200
    slack.settle()
    # Confirmation and .ics wait in the outbox, written with the registration.
    assert [(r[0], r[1]) for r in rows(engine)] == [("U100", "pending"), ("U100", "pending")]
    with engine.connect() as connection:
        assert connection.execute(select(OutboxFile.filename)).scalars().all() != []
    slack.api.outage_status = None
    assert isinstance(slack_services.clock, FixedClock)
    slack_services.clock.now += timedelta(minutes=5)
    # On the real wall clock, as the request's own delivery paced by it.
    later = Dispatcher(
        fast_services(slack_services), SlackSender.from_config(slack_services.config)
    )
    assert dict(later.run_once()) == {"sent": 2}
    assert dms(slack.api) == {"U100": 1}
    assert len(slack.api.calls_to("upload")) == 1


def fast_services(services: Services) -> Services:
    """The same services with reminder settings that do not pace the test down."""
    return Services(fast(services.config), services.engine, services.sessions, services.clock)


def test_the_answer_to_a_direct_message_is_an_outbox_row_sent_at_once(
    slack: SlackHarness, engine: Engine
) -> None:
    slack.send(event_callback(direct_message("Wann ist die nächste Regionalkonferenz?")))
    slack.settle()
    assert dms(slack.api) == {"D100": 1}
    assert rows(engine) == [("D100", "sent", "")]


def test_a_send_whose_answer_was_lost_is_not_sent_again(
    bot: Services, fake_slack: FakeSlack
) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    fake_slack.stalls["chat.postMessage"] = deque([2.0])
    impatient = WebClient(base_url=fake_slack.base_url, timeout=1, retry_handlers=[])
    assert patient(at(bot, "2026-03-23T14:00"), impatient).run_once() == {"retried": 1}
    assert dms(fake_slack) == {"U1": 1}  # Slack had it, the answer never came
    assert dict(patient(at(bot, "2026-03-23T14:01"), impatient).run_once()) == {"sent": 1}
    assert dms(fake_slack) == {"U1": 1}
    assert [m.method for m in fake_slack.calls][-1] == "conversations.history"


def test_a_dispatcher_whose_lease_ran_out_cannot_overwrite_the_outcome(
    bot: Services, engine: Engine
) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    Dispatcher(bot, SlackSender(WebClient())).plan()
    first_claim_at = berlin("2026-03-23T14:00")
    with bot.sessions.begin() as session:
        slow = claim_next(session, now=first_claim_at)
    with bot.sessions.begin() as session:
        assert claim_next(session, now=first_claim_at + LEASE / 2) is None
        taken_over = claim_next(session, now=first_claim_at + LEASE + timedelta(seconds=1))
    assert slow is not None and taken_over is not None and taken_over.uncertain
    with bot.sessions.begin() as session:
        assert finish(session, taken_over, SENT, now=first_claim_at + LEASE)
        assert not finish(session, slow, "failed", now=first_claim_at + LEASE, error="late")
    assert rows(engine)[0][1:] == ("sent", "")


def test_the_client_gives_up_long_before_the_lease_and_never_waits_out_429_itself(
    slack_config: Config,
) -> None:
    client = SlackSender.from_config(slack_config).client
    assert client.timeout * 3 < LEASE.total_seconds()
    assert client.retry_handlers == []


def test_a_revoked_token_pauses_sending_and_alerts_instead_of_failing(
    bot: Services, engine: Engine, fake_slack: FakeSlack, slack_config: Config
) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "token_revoked"})
    assert dispatch(at(bot, "2026-03-23T14:00")) == {"paused": 1, "released": 1}
    assert {status for _, status, _ in rows(engine)} == {"pending"}
    lines, _ = describe(slack_config)
    assert any("SENDING PAUSED" in line and "token_revoked" in line for line in lines)
    fake_slack.script("auth.test", 200, {"ok": False, "error": "token_revoked"})
    assert dispatch(at(bot, "2026-03-23T14:05")) == {}  # still refused: nothing is tried
    assert dispatch(at(bot, "2026-03-23T14:10")) == {"sent": 1}  # the token works again
    assert not any("PAUSED" in line for line in describe(slack_config)[0])


def test_a_ten_minute_outage_delays_but_does_not_fail_messages(
    bot: Services, engine: Engine, fake_slack: FakeSlack
) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    fake_slack.outage_status = 503
    clock, tries = bot.clock, 0
    assert isinstance(clock, FixedClock)
    clock.now = berlin("2026-03-23T14:00")
    while clock.now < berlin("2026-03-23T14:10"):
        tries += dispatch(bot).get("retried", 0)
        with engine.connect() as connection:
            query = select(OutboxMessage.due_at).where(OutboxMessage.offset_minutes == 10080)
            clock.now = connection.execute(query).scalar_one()
    fake_slack.outage_status = None
    assert dispatch(bot) == {"sent": 1}
    assert tries == 5  # after 30 s, 1, 2, 4 and 8 minutes
    assert dms(fake_slack) == {"U1": 1}


def test_a_reminder_gives_up_when_its_conference_has_started(
    bot: Services, engine: Engine, fake_slack: FakeSlack
) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    fake_slack.outage_status = 503
    # The 7- and 1-day reminders are long missed; the 2-hour one meets the outage.
    assert dispatch(at(bot, "2026-03-30T12:00")) == {"skipped": 2, "retried": 1}
    assert dispatch(at(bot, "2026-03-30T13:59:30")) == {"failed": 1}
    [(_, status, error)] = [row for row in rows(engine) if row[1] != "skipped"]
    assert (status, error) == ("failed", "gave up after 2 attempts: service_unavailable")


def test_retries_keep_quiet_hours(bot: Services, engine: Engine, fake_slack: FakeSlack) -> None:
    register_users(bot, add_conference(bot, START), "U1")
    Dispatcher(bot, SlackSender(WebClient())).plan()
    with bot.sessions.begin() as session:
        message = session.scalars(select(OutboxMessage).order_by(OutboxMessage.due_at)).first()
        assert message is not None
        message.due_at = berlin("2026-03-23T19:59:50")
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "internal_error"})
    assert dispatch(at(bot, "2026-03-23T19:59:50")) == {"retried": 1}
    with engine.connect() as connection:
        due = connection.execute(
            select(OutboxMessage.due_at).where(OutboxMessage.error == "internal_error")
        ).scalar_one()
    assert due == berlin("2026-03-24T08:00")


def test_a_late_reminder_waits_for_the_morning(bot: Services, fake_slack: FakeSlack) -> None:
    register_users(bot, add_conference(bot, "2026-03-24T19:30"), "U1")
    # The bot was down from 19:00 to 23:30: the 1-day reminder (due 19:30) is within grace,
    # but it is night now (the 7-day one is long missed).
    assert dispatch(at(bot, "2026-03-23T23:30")) == {"skipped": 1, "deferred": 1}
    assert dms(fake_slack) == {}
    assert dispatch(at(bot, "2026-03-24T08:00")) == {"sent": 1}
    assert "beginnt in 12 Stunden" in fake_slack.calls_to("chat.postMessage")[0].params["text"]


def test_planning_again_inserts_nothing_so_no_ids_are_drawn(
    bot: Services, engine: Engine, fake_slack: FakeSlack
) -> None:
    register_users(bot, add_conference(bot, START), *(f"U{n}" for n in range(20)))
    dispatcher = Dispatcher(bot, SlackSender(WebClient(base_url=fake_slack.base_url)))
    dispatcher.plan()
    inserts: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO OUTBOX"):
            inserts.append(statement)

    before = _last_id(engine)
    event.listen(bot.engine, "before_cursor_execute", count)
    try:
        for minute in range(10):
            at(bot, f"2026-03-02T10:{minute:02d}")
            dispatcher.plan()
    finally:
        event.remove(bot.engine, "before_cursor_execute", count)
    assert _last_id(engine) == before
    assert inserts == []
    if bot.engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            kind = connection.execute(
                text(
                    "SELECT data_type FROM information_schema.columns "
                    "WHERE table_name = 'outbox' AND column_name = 'id'"
                )
            ).scalar_one()
            assert kind == "bigint"


def test_the_record_is_pruned_and_keeps_no_user_ids_after_deletion(
    bot: Services, engine: Engine
) -> None:
    register_users(bot, add_conference(bot, START), "U1", "U2")
    assert dispatch(at(bot, "2026-03-23T14:00")) == {"sent": 2}
    with bot.sessions.begin() as session:
        delete_user_data(session, "U1", now=bot.clock())
    with engine.connect() as connection:
        keys = connection.execute(select(OutboxMessage.key)).scalars().all()
    assert not any("U1" in key for key in keys) and any("U2" in key for key in keys)
    with bot.sessions.begin() as session:
        assert prune(session, before=berlin("2026-03-23T14:00")) == 0  # not old enough
        assert prune(session, before=berlin("2026-04-23T14:00")) == 2
    assert rows(engine) == [("U2", "pending", "")] * 2  # its 1-day and 2-hour reminders


def _last_id(engine: Engine) -> int:
    """The id sequence's position (PostgreSQL), or the highest id SQLite handed out."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            return int(
                connection.execute(text("SELECT last_value FROM outbox_id_seq")).scalar_one()
            )
        return int(connection.execute(text("SELECT coalesce(max(id), 0) FROM outbox")).scalar_one())
