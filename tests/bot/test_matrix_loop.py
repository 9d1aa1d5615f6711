"""A send that finds the Matrix loop ended (the sync lease was lost, the bot stopped) is a
passing failure of the outbox row, and leaves no coroutine behind that never ran."""

from __future__ import annotations

import inspect
from types import SimpleNamespace
from typing import Any, cast

import pytest

from bot.matrix.loop import LoopThread
from bot.matrix.sender import MatrixSender
from bot.sending import TRANSIENT, Outgoing, SendError
from handlers.replies import Reply


async def answer() -> int:
    return 42


def ended_loop() -> LoopThread:
    loop = LoopThread("test-loop")
    loop.start()
    assert loop.run(answer()) == 42
    loop.stop()
    return loop


def test_a_coroutine_for_an_ended_loop_is_closed_and_refused() -> None:
    loop = ended_loop()
    coroutine = answer()
    with pytest.raises(RuntimeError):
        loop.run(coroutine)
    assert inspect.getcoroutinestate(coroutine) == inspect.CORO_CLOSED


def test_the_sender_reports_an_ended_connection_as_passing() -> None:
    loop = ended_loop()
    bot = SimpleNamespace(client=None, run=loop.run)
    sender = MatrixSender(cast(Any, bot))
    with pytest.raises(SendError) as raised:
        sender.send(Outgoing(key="k1", recipient="@erika:example.org", reply=Reply("Hallo")))
    assert raised.value.kind == TRANSIENT
    assert raised.value.reason.startswith("the Matrix connection has ended")
