"""Waitlist offer mode (registration.promotion = "offer"): a freed seat is held for the first
person waiting, offered once through the outbox, confirmed on acceptance, passed on if not."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select

from bot.config import Config, RegistrationSection
from bot.services import Services
from handlers.registration.offers import lapse_offers
from storage.models import Conference, Registration
from storage.registrations import ACTIVE, WAITLISTED
from tests.bot.outbox_helpers import add_conference, dispatch, fast, register_users, services_at
from tests.bot.slack_harness import SlackHarness
from tests.chat import ask
from tests.fake_slack import FakeSlack
from tests.slack_requests import block_actions

SLUG = "rk40-2026-test"


@pytest.fixture
def offer_config(slack_config: Config) -> Config:
    registration = RegistrationSection(promotion="offer", offer_hours=24)
    return dataclasses.replace(fast(slack_config), registration=registration)


@pytest.fixture
def bot(engine: Engine, offer_config: Config) -> Services:
    """Capacity 1: U1 has the seat, U2 and U3 wait."""
    services = services_at(offer_config, "2026-11-25T10:00")
    conference = add_conference(services, "2026-12-10T10:00", capacity=1)
    register_users(services, conference, "U1", "U2", "U3")
    return services


def statuses(bot: Services) -> dict[str, str]:
    with bot.sessions() as session:
        rows = session.execute(select(Registration.user_id, Registration.status)).all()
        return {user: status for user, status in rows if user.startswith("U")}


def counters_match(bot: Services) -> bool:
    with bot.sessions() as session:
        conference = session.scalars(select(Conference).where(Conference.slug == SLUG)).one()
        held = session.scalar(
            select(func.count()).where(
                Registration.conference_id == conference.id,
                Registration.status.in_(ACTIVE),
                Registration.status != WAITLISTED,
            )
        )
        return held == conference.confirmed_count


def harness(bot: Services, fake: FakeSlack) -> tuple[SlackHarness, ThreadPoolExecutor]:
    slack = SlackHarness.start(bot, fake)
    return slack, slack.executor


def test_slack_the_freed_seat_is_offered_once_held_and_accepted(
    bot: Services, fake_slack: FakeSlack
) -> None:
    assert ask(bot, f"abmelden {SLUG}", user="U1") == (
        "Sie sind von der 40. Regionalkonferenz abgemeldet."
    )
    assert statuses(bot) == {"U1": "cancelled", "U2": "offered", "U3": "waitlisted"}
    register_users(bot, _conference_id(bot), "U4")  # nobody jumps the queue for a held seat
    assert statuses(bot)["U4"] == "waitlisted" and counters_match(bot)
    assert dispatch(bot) == {"sent": 1}
    assert dispatch(bot) == {}
    [offer] = fake_slack.calls_to("chat.postMessage")
    assert offer.params["channel"] == "U2"
    assert offer.params["text"].startswith(
        "Ein Platz bei der 40. Regionalkonferenz ist frei geworden und für Sie reserviert. "
        "Bitte nehmen Sie ihn bis Donnerstag, 26. November 2026, 10:00 an"
    )
    buttons = [e for b in offer.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        ("accept_seat", SLUG),
        ("cancel_registration", SLUG),
    ]
    mine = ask(bot, "meine", user="U2")
    assert "Status: Platz für Sie reserviert bis Donnerstag, 26. November 2026, 10:00" in mine
    assert "1) Platz annehmen" in mine
    slack, executor = harness(bot, fake_slack)
    slack.send(block_actions("accept_seat", SLUG, user="U2", channel="DU2"))
    slack.settle()
    executor.shutdown(wait=True)
    reply = fake_slack.calls_to("chat.postMessage")[-1]
    assert reply.params["channel"] == "DU2"
    assert reply.params["text"].startswith(
        "Ihr Platz bei der 40. Regionalkonferenz am Donnerstag, 10. Dezember 2026"
    )
    assert statuses(bot)["U2"] == "confirmed" and counters_match(bot)


def test_an_offer_not_accepted_in_time_passes_to_the_next(
    bot: Services, offer_config: Config, fake_slack: FakeSlack
) -> None:
    ask(bot, f"abmelden {SLUG}", user="U1")
    dispatch(bot)
    later = services_at(offer_config, "2026-11-26T10:30")
    assert dispatch(later) == {"sent": 2}
    assert statuses(later) == {"U1": "cancelled", "U2": "cancelled", "U3": "offered"}
    sent = [c.params["channel"] for c in fake_slack.calls_to("chat.postMessage")]
    assert sent == ["U2", "U2", "U3"]  # U2's offer, U2 told it lapsed, U3's offer
    slack, executor = harness(later, fake_slack)
    slack.send(block_actions("accept_seat", SLUG, user="U2", channel="DU2"))
    slack.settle()
    executor.shutdown(wait=True)
    assert fake_slack.calls_to("chat.postMessage")[-1].params["text"] == (
        "Bei der 40. Regionalkonferenz liegt für Sie kein offenes Platzangebot (mehr) vor."
    )
    assert counters_match(later)


def _conference_id(bot: Services) -> int:
    with bot.sessions() as session:
        return session.scalars(select(Conference.id).where(Conference.slug == SLUG)).one()


LAPSED = (
    "Das für Sie reservierte Platzangebot bei der 40. Regionalkonferenz ist verfallen, weil es "
    "nicht rechtzeitig angenommen wurde; der Platz geht an die nächste Person auf der "
    "Warteliste. Sie stehen damit nicht mehr auf der Warteliste. Wenn Sie weiterhin teilnehmen "
    "möchten, melden Sie sich gern erneut an („anmelden rk40-2026-test“); Sie "
    "kommen dann wieder an das Ende der Warteliste."
)


def test_whose_offer_lapsed_is_told_so_exactly_once(
    bot: Services, offer_config: Config, fake_slack: FakeSlack
) -> None:
    ask(bot, f"abmelden {SLUG}", user="U1")
    dispatch(bot)  # U2's offer
    for moment in ("2026-11-26T10:30", "2026-11-26T10:31", "2026-11-26T12:00"):
        dispatch(services_at(offer_config, moment))
    to_u2 = [c.params["text"] for c in fake_slack.calls_to("chat.postMessage")
             if c.params["channel"] == "U2"]  # fmt: skip
    assert len(to_u2) == 2 and to_u2[1] == LAPSED
    assert statuses(bot)["U2"] == "cancelled"


def test_an_offer_accepted_in_time_or_declined_brings_no_lapse_message(
    bot: Services, offer_config: Config, fake_slack: FakeSlack
) -> None:
    ask(bot, f"abmelden {SLUG}", user="U1")
    dispatch(bot)
    ask(bot, f"abmelden {SLUG}", user="U2")  # declines: U3 gets the offer
    dispatch(bot)
    dispatch(services_at(offer_config, "2026-11-27T11:00"))  # U3's offer lapses, nobody waits
    texts = [
        (c.params["channel"], c.params["text"]) for c in fake_slack.calls_to("chat.postMessage")
    ]
    assert [channel for channel, text in texts if text == LAPSED] == ["U3"]


def test_who_registered_again_before_the_notice_went_out_is_not_told_off_the_list(
    bot: Services, offer_config: Config, fake_slack: FakeSlack
) -> None:
    ask(bot, f"abmelden {SLUG}", user="U1")
    dispatch(bot)
    later = services_at(offer_config, "2026-11-26T10:30")
    with later.context("WORKER") as ctx:
        lapse_offers(ctx)
    register_users(later, _conference_id(later), "U2")  # back on the waitlist at once
    assert dispatch(later) == {"sent": 1, "skipped": 1}
    assert LAPSED not in [c.params["text"] for c in fake_slack.calls_to("chat.postMessage")]
