"""Two replicas share one Matrix account: one syncs and answers, the other takes over."""

from __future__ import annotations

from datetime import timedelta

from bot.matrix.runner import MatrixRunner
from bot.services import Services
from storage.matrix_devices import find_device
from tests.matrix.client import MatrixUser

QUICK = timedelta(milliseconds=100)


def test_the_second_replica_waits_then_takes_over_with_the_same_device(
    matrix_services: Services, member: MatrixUser
) -> None:
    first = MatrixRunner(matrix_services, renew_every=QUICK)
    second = MatrixRunner(matrix_services, renew_every=QUICK)
    first.start()
    assert first.syncing.wait(60)
    second.start()
    bot = matrix_services.config.matrix.user_id
    room = member.open_direct_chat(bot)
    member.say(room, "meine")
    assert member.next_message_from(bot, room)["content"]["body"].startswith("Sie sind")
    assert not second.syncing.is_set()
    with matrix_services.sessions() as session:
        device = find_device(session, bot)

    first.stop()
    member.say(room, "hilfe")

    assert second.syncing.wait(60)
    answer = member.next_message_from(bot, room)["content"]["body"]
    assert answer.startswith("Ich bin der Bot des Netzwerks Modellprojekte Smart Cities")
    with matrix_services.sessions() as session:
        assert find_device(session, bot) == device
    second.stop()
    assert first.error is None
    assert second.error is None
