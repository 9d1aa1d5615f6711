"""Outbox messages to Matrix: rate limits waited out, each outbox key posted once."""

from __future__ import annotations

import time
import urllib.parse

from mautrix.types import UserID

from bot.matrix.bot import MatrixBot
from bot.matrix.sender import MatrixSender
from bot.sending import Outgoing
from handlers.replies import Attachment, Reply
from tests.matrix.client import MatrixUser
from tests.matrix.synapse import Account, RateLimit, Synapse, limit_messages


def test_a_rate_limited_burst_arrives_whole_and_a_resent_key_posts_nothing_new(
    matrix_bot: MatrixBot, member: MatrixUser, synapse: Synapse, synapse_admin: Account
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    sender = MatrixSender(matrix_bot)
    limit_messages(synapse, synapse_admin, bot, RateLimit(per_second=2, burst_count=2))
    try:
        for n in range(1, 7):
            sender.send(Outgoing(f"reminder:ulm:{n}", room, Reply(f"Erinnerung {n}")))
        # sent again after a crash
        sender.send(Outgoing("reminder:ulm:1", room, Reply("Erinnerung 1")))
    finally:
        limit_messages(synapse, synapse_admin, bot, None)

    assert sender.rate_limited > 0
    received = [member.next_message_from(bot, room)["content"]["body"] for _ in range(6)]
    assert received == [f"Erinnerung {n}" for n in range(1, 7)]
    member.say(room, "meine")
    assert member.next_message_from(bot, room)["content"]["body"].startswith("Sie sind")


def test_a_message_to_a_user_goes_to_their_direct_chat_with_the_bot(
    matrix_bot: MatrixBot, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)

    MatrixSender(matrix_bot).send(
        Outgoing("promotion:ulm:1", member.user_id, Reply("Sie haben einen Platz bekommen."))
    )

    answer = member.next_message_from(bot, room)["content"]
    assert answer == {
        "msgtype": "m.notice",
        "body": "Sie haben einen Platz bekommen.",
        "format": "org.matrix.custom.html",
        "formatted_body": "<p>Sie haben einen Platz bekommen.</p>",
    }


def test_an_outbox_message_with_a_file_posts_it_once_even_when_sent_again(
    matrix_bot: MatrixBot, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    calendar = Attachment("konferenz.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "Kalender")
    reply = Reply("Sie sind angemeldet.", attachments=(calendar,))
    sender = MatrixSender(matrix_bot)

    sender.send(Outgoing("confirmation:ulm:1", member.user_id, reply))
    sender.send(Outgoing("confirmation:ulm:1", member.user_id, reply))  # again, after a crash
    sender.send(Outgoing("marker", member.user_id, Reply("Ende")))

    received = [member.next_message_from(bot, room)["content"] for _ in range(3)]
    assert [content["body"] for content in received] == [
        "Sie sind angemeldet.",
        "konferenz.ics",
        "Ende",
    ]
    assert received[1]["info"] == {"mimetype": "text/calendar", "size": 32}
    assert member.download(received[1]["url"]) == calendar.content


def test_answers_that_meet_the_rate_limit_wait_for_it_instead_of_being_lost(
    matrix_bot: MatrixBot, member: MatrixUser, synapse: Synapse, synapse_admin: Account
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    limit_messages(synapse, synapse_admin, bot, RateLimit(per_second=2, burst_count=1))
    try:
        for _ in range(4):
            member.say(room, "hilfe")
        answers = [member.next_message_from(bot, room)["content"]["body"] for _ in range(4)]
    finally:
        limit_messages(synapse, synapse_admin, bot, None)

    assert matrix_bot.poster.rate_limited > 0
    assert all(a.startswith("Ich bin der Bot des Netzwerks") for a in answers)


def test_once_the_member_left_the_direct_chat_it_is_no_longer_used(
    matrix_bot: MatrixBot, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    user = UserID(member.user_id)
    assert matrix_bot.run(matrix_bot.direct_room(user)) == room  # found, and remembered

    member.request("POST", f"/rooms/{urllib.parse.quote(room)}/leave", {})

    deadline = time.monotonic() + 15
    while (found := matrix_bot.run(matrix_bot.direct_room(user))) == room:
        assert time.monotonic() < deadline, "the bot kept the room its member had left"
        time.sleep(0.1)  # until the bot's sync has seen the member leave
    assert found != room
