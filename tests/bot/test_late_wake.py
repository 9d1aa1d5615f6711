"""A sender that wakes well after its send slot (the process was busy) takes a new slot
instead of going at once: every sender that slept through the same pause would otherwise go
in one burst, which Slack answers with 429 and a second's pause for everyone."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.dispatcher import Dispatcher
from bot.sending import Outgoing
from bot.services import Services
from bot.slack_sender import SlackSender
from handlers.replies import Reply
from storage.outbox import Claim

INTERVAL = timedelta(seconds=0.1)


class ScriptedPace:
    """Slots one interval apart from a start a second ahead, or from the wall clock once it
    is later; with `busy`, every slot lies a second ahead (others took the ones before)."""

    interval = INTERVAL

    def __init__(self, wall: list[datetime], *, busy: bool) -> None:
        self.wall, self.busy, self.given = wall, busy, list[datetime]()
        self.next = wall[0] + timedelta(seconds=1)

    def slot(self, cost: int) -> datetime:
        floor = self.wall[0] + timedelta(seconds=1) if self.busy else self.wall[0] - INTERVAL
        self.next = max(self.next, floor)
        slot, self.next = self.next, self.next + INTERVAL * cost
        self.given.append(slot)
        return slot


def take_turn(
    services: Services, lateness: list[float], *, busy: bool = False
) -> tuple[list[datetime], datetime]:
    """The slots a send was given, and when it went; each sleep oversleeps by `lateness`."""
    wall = [services.clock()]

    def sleep(seconds: float) -> None:
        wall[0] += timedelta(seconds=seconds + (lateness.pop(0) if lateness else 0.0))

    dispatcher = Dispatcher(
        services, SlackSender.from_config(services.config), wall=lambda: wall[0], sleep=sleep
    )
    pace = ScriptedPace(wall, busy=busy)
    dispatcher.pacing = pace  # type: ignore[assignment]
    claim = Claim(1, 1, "reminder", "U1", uncertain=False, claimed_at=services.clock())
    assert dispatcher._take_turn(claim, Outgoing(key="k", recipient="U1", reply=Reply("x")))
    return pace.given, wall[0]


def test_a_sender_on_time_keeps_its_slot(services: Services) -> None:
    given, sent_at = take_turn(services, [])
    assert len(given) == 1 and sent_at == given[0]


def test_a_sender_that_overslept_takes_a_new_slot(services: Services) -> None:
    given, sent_at = take_turn(services, [2.0])  # woke two seconds after its slot
    assert len(given) == 2
    assert given[1] > given[0] + timedelta(seconds=1)  # a slot of now, not the missed one
    assert sent_at - given[1] <= INTERVAL


def test_a_sender_that_keeps_oversleeping_goes_in_the_end(services: Services) -> None:
    given, _sent_at = take_turn(services, [2.0, 2.0, 2.0, 2.0], busy=True)
    assert len(given) == 3  # LATE_WAKE_TRIES, then it sends rather than wait for ever
