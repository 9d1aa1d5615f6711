"""A member talks to the bot on Matrix, as in Element: a DM, a command, a mention in a room."""

from __future__ import annotations

import json

from bot.matrix.bot import MatrixBot
from bot.matrix.shortcuts import shortcuts_for, with_hint
from bot.render_matrix import render_matrix
from bot.services import Services
from handlers.conversation.incoming import Message
from handlers.conversation.router import answer_message
from tests.matrix.client import MatrixUser
from tests.matrix.registrations import register_for_konstanz
from tests.matrix.synapse import Synapse


def expected_body(services: Services, user_id: str, text: str) -> str:
    """What the handlers answer, rendered for Matrix with the reaction shortcuts' line
    (computed without changing anything)."""
    with services.preview(user_id) as ctx:
        reply = answer_message(ctx, Message(text))
    shortcuts = shortcuts_for(reply)
    rendered = render_matrix(reply)
    return (with_hint(rendered, shortcuts, reply.language) if shortcuts else rendered).body


def test_a_question_in_a_direct_chat_gets_the_answer_as_a_notice(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    question = "Wann ist die nächste Konferenz?"
    expected = expected_body(matrix_services, member.user_id, question)

    member.say(room, question)

    answer = member.next_message_from(bot, room)["content"]
    assert answer["msgtype"] == "m.notice"
    assert answer["body"] == expected
    assert answer["body"].startswith("Die nächste Konferenz ist am Mittwoch, 24. September 2025")
    assert answer["formatted_body"].startswith(
        "<p>Die nächste Konferenz ist am Mittwoch, 24. September 2025"
    )
    assert "m.relates_to" not in answer


def test_meine_lists_the_members_registrations(
    matrix_bot: MatrixBot, matrix_services: Services, synapse: Synapse
) -> None:
    # Matrix ids are longer than Slack's; 255 characters fit wherever a user id is stored.
    member = MatrixUser(synapse.url, synapse.register("erika.mustermann.smart-city-team.ulm"))
    register_for_konstanz(matrix_services, member.user_id)
    room = member.open_direct_chat(matrix_bot.client.mxid)

    member.say(room, "meine")

    answer = member.next_message_from(matrix_bot.client.mxid, room)["content"]
    assert answer["body"] == expected_body(matrix_services, member.user_id, "meine")
    assert "Konstanz" in answer["body"]


def test_in_a_room_the_bot_answers_a_mention_as_a_reply_and_nothing_else(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser, colleague: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_room_with("Smart City Ulm", bot=bot, others=[colleague])
    member.say(room, "Hallo zusammen, wer fährt nach Konstanz?")

    question = member.say(
        room, "smartcity: Wann ist die nächste Konferenz?", **{"m.mentions": {"user_ids": [bot]}}
    )

    answer = member.next_message_from(bot, room)["content"]
    assert answer["m.relates_to"] == {"m.in_reply_to": {"event_id": question}}
    assert answer["body"] == expected_body(
        matrix_services, member.user_id, "Wann ist die nächste Konferenz?"
    )


def test_my_data_arrives_as_a_file_in_the_direct_chat(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)
    member.say(room, "Erinnerungen aus")  # something stored about the member
    member.next_message_from(bot, room)

    member.say(room, "meine-daten")

    notice = member.next_message_from(bot, room)["content"]
    file = member.next_message_from(bot, room)["content"]
    assert notice["body"] == "Hier sind alle Daten, die ich über Sie gespeichert habe (JSON)."
    assert {key: file[key] for key in ("msgtype", "body", "filename")} == {
        "msgtype": "m.file",
        "body": "meine-daten.json",
        "filename": "meine-daten.json",
    }
    assert file["info"]["mimetype"] == "application/json"
    exported = json.loads(member.download(file["url"]))
    assert file["info"]["size"] == len(member.download(file["url"]))
    assert exported["user_id"] == member.user_id
    assert exported["reminders_off_since"] is not None
