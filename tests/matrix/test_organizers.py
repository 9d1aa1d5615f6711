"""Organizers listed by their Matrix ids run the organizer commands from Matrix."""

from __future__ import annotations

import csv
import io

from bot.matrix.bot import MatrixBot
from bot.services import Services
from storage.organizers import add_organizer
from tests.matrix.client import MatrixUser
from tests.matrix.registrations import register_for_konstanz


def test_an_organizer_on_matrix_gets_the_participant_list_as_a_csv_file(
    matrix_bot: MatrixBot, matrix_services: Services, member: MatrixUser, colleague: MatrixUser
) -> None:
    with matrix_services.sessions.begin() as session:
        add_organizer(session, member.user_id, now=matrix_services.clock())
    register_for_konstanz(matrix_services, colleague.user_id)
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)

    member.say(room, "teilnehmende konstanz")

    listing = member.next_message_from(bot, room)["content"]["body"]
    assert "1. Erika Muster (Ulm, Digitallotsin)" in listing
    note = member.next_message_from(bot, room)["content"]
    file = member.next_message_from(bot, room)["content"]
    assert note["msgtype"] == "m.notice"
    assert file["msgtype"] == "m.file"
    assert file["body"].endswith(".csv")
    [row] = csv.DictReader(io.StringIO(member.download(file["url"]).decode("utf-8-sig")))
    assert (row["name"], row["municipality"]) == ("Erika Muster", "Ulm")


def test_a_member_who_is_no_organizer_is_refused_on_matrix_too(
    matrix_bot: MatrixBot, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)

    member.say(room, "teilnehmende konstanz")

    answer = member.next_message_from(bot, room)["content"]
    assert answer["msgtype"] == "m.notice"
    assert "Organisator" in answer["body"]
