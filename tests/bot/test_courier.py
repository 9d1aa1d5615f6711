"""The courier sends what a request queued at once, and what arrives while it is busy in one
round after: a rush becomes a few batched deliveries, not one per request."""

from __future__ import annotations

import threading
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

from bot.courier import Courier


class SlowDispatcher:
    """Records the ids of each delivery; the first waits until the test lets it go."""

    def __init__(self) -> None:
        self.rounds: list[list[int]] = []
        self.started, self.go_on = threading.Event(), threading.Event()

    def deliver(self, ids: Collection[int]) -> None:
        self.rounds.append(sorted(ids))
        self.started.set()
        assert self.go_on.wait(timeout=10)
        if len(self.rounds) == 1:
            raise RuntimeError("Slack away")  # the courier goes on; the dispatcher sends later


def test_rows_handed_in_while_busy_go_out_together_in_the_next_round() -> None:
    dispatcher = SlowDispatcher()
    executor = ThreadPoolExecutor(1)
    courier = Courier(cast(Any, dispatcher), executor)
    courier([1])
    assert dispatcher.started.wait(timeout=10)
    courier([2])
    courier([3, 4])
    dispatcher.go_on.set()
    executor.shutdown(wait=True)
    assert dispatcher.rounds == [[1], [2, 3, 4]]
    assert not courier.running and courier.waiting == set()
