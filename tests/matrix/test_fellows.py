"""'Who else is coming' on Matrix: the registration's text dialog asks for the consent, and a
member with a seat learns who else agreed to be shown."""

from __future__ import annotations

from bot.matrix.bot import MatrixBot
from bot.services import Services
from storage.conferences import get_conference
from storage.registrations import Details, lock_conference, register
from tests.matrix.client import MatrixUser
from tests.matrix.registrations import register_for_konstanz
from tests.matrix.synapse import Synapse

KONSTANZ = "rk23-2025-konstanz"


def test_a_registered_member_hears_who_else_agreed_to_be_shown(
    matrix_bot: MatrixBot, matrix_services: Services, synapse: Synapse
) -> None:
    member = MatrixUser(synapse.url, synapse.register("anna.fragend"))
    register_for_konstanz(matrix_services, member.user_id)
    for user, name, visible in (("@b:x", "Ben Brunnen", True), ("@h:x", "Hans Verborgen", False)):
        with matrix_services.sessions.begin() as session:
            konstanz = get_conference(session, KONSTANZ)
            assert konstanz is not None
            details = Details(name, "Gera", "Bauamt", "", visible=visible)
            locked = lock_conference(session, konstanz.id)
            register(session, locked, user, details, now=matrix_services.clock())
    room = member.open_direct_chat(matrix_bot.client.mxid)

    member.say(room, "Wer kommt noch zur nächsten Konferenz?")

    body = member.next_message_from(matrix_bot.client.mxid, room)["content"]["body"]
    assert "Ben Brunnen, Bauamt, Gera" in body
    assert "Hans" not in body
    assert "Genannt werden nur Teilnehmende, die der Anzeige zugestimmt haben" in body
