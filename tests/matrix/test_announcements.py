"""An organizer on Matrix announces to a Matrix room by its alias: the bot joins it, the room
gets the notice once (also when the row is sent again after a crash), and the organizer gets
a delivery report that counts Matrix. The weekly digest reaches the announcement room and
the members who asked for it."""

from __future__ import annotations

import dataclasses
import itertools
import urllib.parse
from datetime import timedelta

from sqlalchemy import update

from bot.dispatcher import Dispatcher
from bot.matrix.bot import MatrixBot
from bot.matrix.sender import MatrixSender
from bot.routing import RoutingSender
from bot.scheduler import weekly_digest
from bot.services import Services, build_services
from storage.models import OutboxMessage
from storage.organizers import add_organizer
from storage.outbox import LEASE, SENDING
from tests.matrix.client import MatrixUser
from tests.matrix.synapse import SERVER_NAME

_rooms = itertools.count(1)


def _dispatcher(services: Services, bot: MatrixBot) -> Dispatcher:
    """The dispatcher of the replica that syncs, with a Matrix sender that has joined nothing."""
    sender = RoutingSender(matrix=MatrixSender(bot))
    return Dispatcher(services, sender, wall=services.clock, sleep=lambda _seconds: None)


def _public_room_with_alias(owner: MatrixUser) -> tuple[str, str]:
    name = f"ankuendigungen{next(_rooms)}"
    body = {"name": "Ankündigungen", "room_alias_name": name, "preset": "public_chat"}
    room = owner.request("POST", "/createRoom", body)["room_id"]
    return str(room), f"#{name}:{SERVER_NAME}"


def _notices_from(user: MatrixUser, room: str, sender: str) -> list[str]:
    path = f"/rooms/{urllib.parse.quote(room)}/messages?dir=b&limit=100"
    events = user.request("GET", path)["chunk"]
    return [
        e["content"]["body"]
        for e in events
        if e["sender"] == sender and e["type"] == "m.room.message"
    ]


def _as_if_crashed_after_sending(services: Services) -> None:
    """The room's row is `sending` again with an expired lease: as if the process that sent
    it had died before recording the outcome."""
    with services.sessions.begin() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.kind == "announcement")
            .values(status=SENDING, claimed_at=services.clock() - LEASE - timedelta(minutes=1))
        )


def test_an_announcement_to_a_room_alias_arrives_once_and_is_reported(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser, colleague: MatrixUser
) -> None:
    with matrix_services.sessions.begin() as session:
        add_organizer(session, member.user_id, now=matrix_services.clock())
    bot = matrix_bot.client.mxid
    room, alias = _public_room_with_alias(colleague)
    direct = member.open_direct_chat(bot)

    member.say(direct, f"ankuendigen {alias}: Die Anmeldung für 2027 ist offen")
    planned = member.next_message_from(bot, direct)["content"]["body"]
    assert planned.startswith("Geplant für")
    assert f"an Matrix-Raum {alias}." in planned
    _dispatcher(matrix_services, matrix_bot).run_once()

    notice = colleague.next_message_from(bot, room)["content"]
    assert (notice["msgtype"], notice["body"]) == ("m.notice", "Die Anmeldung für 2027 ist offen")
    report = member.next_message_from(bot, direct)["content"]["body"]
    assert report == (
        "Zustellbericht Ihrer Ankündigung „Die Anmeldung für 2027 ist offen“: 1 gesendet, "
        "0 fehlgeschlagen, 0 übersprungen. Slack: 0 von 0 gesendet; Matrix: 1 von 1 gesendet."
    )

    _as_if_crashed_after_sending(matrix_services)
    assert _dispatcher(matrix_services, matrix_bot).run_once()["sent"] == 1
    assert _notices_from(colleague, room, bot) == ["Die Anmeldung für 2027 ist offen"]


def test_the_weekly_digest_reaches_the_announcement_room(
    matrix_bot: MatrixBot, matrix_services: Services, colleague: MatrixUser
) -> None:
    room, alias = _public_room_with_alias(colleague)
    config = matrix_services.config
    with_room = dataclasses.replace(
        config, matrix=dataclasses.replace(config.matrix, announcement_room=alias)
    )
    services = build_services(with_room, clock=matrix_services.clock)

    weekly_digest(services)
    _dispatcher(services, matrix_bot).run_once()

    digest = colleague.next_message_from(matrix_bot.client.mxid, room)["content"]
    assert digest["msgtype"] == "m.notice"
    assert digest["body"].startswith("Wochenüberblick: anstehende Konferenzen")
    assert "Regionalkonferenz" in digest["body"]


def test_a_member_who_asks_for_the_digest_gets_it_in_the_direct_chat(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)

    member.say(room, "bescheid wochenüberblick")
    assert member.next_message_from(bot, room)["content"]["body"] == (
        "Gern – ich gebe Ihnen Bescheid, sobald der Wochenüberblick erscheint (montags, mit den "
        "anstehenden Konferenzen und freien Plätzen). Abbestellen mit „bescheid aus“."
    )
    weekly_digest(matrix_services)
    _dispatcher(matrix_services, matrix_bot).run_once()

    digest = member.next_message_from(bot, room)["content"]
    assert digest["msgtype"] == "m.notice"
    assert digest["body"].startswith("Wochenüberblick: anstehende Konferenzen")
