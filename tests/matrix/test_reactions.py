"""Reactions as shortcuts: one tap answers what typing "1" or "ja" answers, never the only way."""

from __future__ import annotations

from bot.matrix.bot import MatrixBot
from bot.matrix.incoming import MatrixMessage
from bot.matrix.shortcuts import CONFIRM, KEYCAPS, Offer, Offers, shortcuts_for
from handlers.replies import Button, Card, Reply
from tests.matrix.client import MatrixUser
from tests.matrix.encrypted_member import EncryptedMember

DELETED = "Erledigt: Ihre Daten sind gelöscht und Ihre Anmeldungen storniert."


def test_a_tap_on_the_offered_check_mark_confirms_like_a_typed_yes(
    matrix_bot: MatrixBot, member: MatrixUser
) -> None:
    bot = matrix_bot.client.mxid
    room = member.open_direct_chat(bot)

    member.say(room, "daten-loeschen")

    question = member.next_message_from(bot, room)
    offered = member.next_message_from(bot, room)
    assert question["content"]["body"].endswith(
        "\n1) Ja, alles löschen\n"
        "Antworten Sie mit der Nummer (z. B. „1“) oder dem Namen.\n"
        "Oder tippen Sie auf eine Reaktion unter dieser Nachricht: ✅"
    )
    assert offered["type"] == "m.reaction"
    assert offered["content"]["m.relates_to"] == {
        "rel_type": "m.annotation",
        "event_id": question["event_id"],
        "key": CONFIRM,
    }
    member.react(room, question["event_id"], "👍")  # not a shortcut: no request
    member.react(room, question["event_id"], CONFIRM)
    assert member.next_message_from(bot, room)["content"]["body"] == DELETED


def test_in_an_encrypted_direct_chat_the_check_mark_confirms_as_well(
    matrix_bot: MatrixBot, encrypted_member: EncryptedMember
) -> None:
    bot = matrix_bot.client.mxid
    room = encrypted_member.open_encrypted_chat(bot)

    encrypted_member.say(room, "daten-loeschen")

    question = encrypted_member.next_message_from(bot, room)
    assert question.encrypted
    assert question.content["body"].endswith(
        "Oder tippen Sie auf eine Reaktion unter dieser Nachricht: ✅"
    )
    encrypted_member.react(room, question.event_id, CONFIRM)
    answer = encrypted_member.next_message_from(bot, room)
    assert answer.encrypted
    assert answer.content["body"] == DELETED


def test_a_reply_with_several_choices_offers_numbered_keycaps() -> None:
    buttons = tuple(Button(f"Anmelden {n}", "register", f"rk-{n}") for n in range(1, 4))
    reply = Reply("Welche Konferenz?", cards=(Card("Konferenzen", buttons=buttons),))
    assert shortcuts_for(reply) == {KEYCAPS[0]: "1", KEYCAPS[1]: "2", KEYCAPS[2]: "3"}
    assert KEYCAPS[0] == "1️⃣"
    assert shortcuts_for(Reply("Nichts zu wählen")) == {}
    many = tuple(Button(f"Nr. {n}", "details", str(n)) for n in range(10))
    assert shortcuts_for(Reply("Zu viele", cards=(Card("", buttons=many),))) == {}


def test_only_the_member_answered_can_use_the_offer_and_only_on_that_message() -> None:
    offers = Offers()
    answered = MatrixMessage("!room", "$ask", "@erika:example.org", "daten-loeschen", direct=True)
    offers.offer("!room", Offer("$question", "@erika:example.org", {CONFIRM: "1"}, answered))
    assert (
        offers.take("!room", sender="@max:example.org", reacted_to="$question", key=CONFIRM) is None
    )
    assert offers.take("!room", sender="@erika:example.org", reacted_to="$old", key=CONFIRM) is None
    assert (
        offers.take("!room", sender="@erika:example.org", reacted_to="$question", key="👍") is None
    )
    taken = offers.take("!room", sender="@erika:example.org", reacted_to="$question", key=CONFIRM)
    assert taken is not None and taken.keys[CONFIRM] == "1"
    offers.offer("!room", Offer("$next", "@erika:example.org", {}, answered))
    assert (
        offers.take("!room", sender="@erika:example.org", reacted_to="$next", key=CONFIRM) is None
    )
