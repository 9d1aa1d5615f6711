"""A replica claims only the outbox rows it can send: without the Matrix sync it leaves Matrix
rows untouched (no attempt, no backoff) for the replica that syncs, and that one sends them.
Where a transport is not configured at all, its rows fail at once with the reason."""

from __future__ import annotations

from sqlalchemy import Engine, select

from bot.config import Config
from bot.dispatcher import Dispatcher
from bot.routing import RoutingSender, unconfigured_transports
from bot.services import Services
from handlers.outgoing import reply_to_data
from handlers.replies import Reply
from storage.models import OutboxMessage
from storage.outbox import FAILED, PENDING, SENT, queue
from storage.recipients import for_transports, is_matrix_id
from tests.bot.outbox_helpers import fast, services_at
from tests.bot.test_routing import Recording

SLACK_IDS = ("U100", "C200", "#allgemein", "@here", "geloescht:U100")
MATRIX_IDS = ("@erika:stadt-ulm.de", "!AbCd:bund.de", "#ankuendigungen:bund.de")


def _queue_for_everyone(services: Services) -> None:
    with services.context("test") as ctx:
        for recipient in (*SLACK_IDS, *MATRIX_IDS):
            payload = {"reply": reply_to_data(Reply(f"Hallo {recipient}"))}
            queue(ctx.session, kind="message", recipient=recipient, payload=payload, now=ctx.now)


def _rows(services: Services) -> dict[str, tuple[str, int]]:
    with services.sessions.begin() as session:
        query = select(OutboxMessage.recipient, OutboxMessage.status, OutboxMessage.attempts)
        return {
            recipient: (status, attempts) for recipient, status, attempts in session.execute(query)
        }


def _replica(services: Services, *, syncs_matrix: bool) -> tuple[Dispatcher, Recording, Recording]:
    slack, matrix = Recording(reaches="slack"), Recording(reaches="matrix")
    sender = RoutingSender(slack=slack, matrix=matrix if syncs_matrix else None)
    dispatcher = Dispatcher(services, sender, wall=services.clock, sleep=lambda _seconds: None)
    return dispatcher, slack, matrix


def test_a_replica_without_matrix_leaves_matrix_rows_to_the_one_that_syncs(
    engine: Engine, config: Config
) -> None:
    services = services_at(fast(config), "2026-03-01T10:00")
    _queue_for_everyone(services)

    slack_only, slack, matrix = _replica(services, syncs_matrix=False)
    slack_only.run_once()
    assert sorted(slack.sent) == sorted(SLACK_IDS)
    assert matrix.sent == []
    untouched = {recipient: _rows(services)[recipient] for recipient in MATRIX_IDS}
    assert untouched == dict.fromkeys(MATRIX_IDS, (PENDING, 0))  # not tried, so no backoff

    syncing, slack, matrix = _replica(services, syncs_matrix=True)
    syncing.run_once()
    assert sorted(matrix.sent) == sorted(MATRIX_IDS)
    assert slack.sent == []  # already sent by the other replica, not twice
    assert {status for status, _ in _rows(services).values()} == {SENT}


def test_the_claim_filter_reads_ids_as_the_router_does(engine: Engine, config: Config) -> None:
    services = services_at(fast(config), "2026-03-01T10:00")
    _queue_for_everyone(services)
    with services.sessions.begin() as session:
        for transports, wanted in (
            ({"matrix"}, set(MATRIX_IDS)),
            ({"slack"}, set(SLACK_IDS)),
            ({"slack", "matrix"}, {*SLACK_IDS, *MATRIX_IDS}),
            (set(), set()),
        ):
            query = select(OutboxMessage.recipient).where(for_transports(transports))
            assert set(session.scalars(query)) == wanted
    assert all(map(is_matrix_id, MATRIX_IDS))
    assert not any(map(is_matrix_id, SLACK_IDS))


def test_rows_to_a_transport_this_bot_has_no_credentials_for_fail_with_the_reason(
    engine: Engine, config: Config
) -> None:
    services = services_at(fast(config), "2026-03-01T10:00")
    _queue_for_everyone(services)
    assert unconfigured_transports(config) == {"matrix"}  # a Slack token, no Matrix account
    slack = Recording(reaches="slack")
    sender = RoutingSender(slack=slack, unconfigured=unconfigured_transports(config))

    Dispatcher(services, sender, wall=services.clock, sleep=lambda _seconds: None).run_once()

    assert sorted(slack.sent) == sorted(SLACK_IDS)
    with services.sessions.begin() as session:
        query = select(OutboxMessage.recipient, OutboxMessage.status, OutboxMessage.error)
        failed = {r: (s, e) for r, s, e in session.execute(query) if r in MATRIX_IDS}
    assert failed == dict.fromkeys(MATRIX_IDS, (FAILED, "Matrix is not configured for this bot"))
