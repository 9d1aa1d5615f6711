"""Encrypted direct chats, as Element and BundesMessenger open them by default."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from bot.matrix.bot import MatrixBot
from bot.services import Services
from tests.matrix.encrypted_member import EncryptedMember


def test_an_encrypted_question_gets_an_encrypted_answer(
    matrix_bot: MatrixBot, encrypted_member: EncryptedMember
) -> None:
    bot = matrix_bot.client.mxid
    room = encrypted_member.open_encrypted_chat(bot)

    encrypted_member.say(room, "hilfe")

    answer = encrypted_member.next_message_from(bot, room)
    assert answer.encrypted
    assert answer.content["msgtype"] == "m.notice"
    assert answer.content["body"].startswith(
        "Ich bin der Bot des Netzwerks Modellprojekte Smart Cities"
    )


def test_after_a_restart_the_same_device_reads_what_was_sent_while_it_was_down(
    matrix_services: Services, encrypted_member: EncryptedMember
) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        before = MatrixBot(matrix_services, executor=pool)
        before.start()
        bot, device = before.client.mxid, before.device_id
        room = encrypted_member.open_encrypted_chat(bot)
        encrypted_member.say(room, "hilfe")
        encrypted_member.next_message_from(bot, room)
        before.stop()

        encrypted_member.forget_outbound_session(room)
        encrypted_member.say(room, "meine")

        after = MatrixBot(matrix_services, executor=pool)
        after.start()
        try:
            answer = encrypted_member.next_message_from(bot, room)
            assert after.device_id == device
        finally:
            after.stop()
    assert answer.encrypted
    assert answer.content["body"] == "Sie sind derzeit für keine Konferenz angemeldet."


def test_a_message_it_cannot_decrypt_gets_one_explanation_per_room(
    matrix_bot: MatrixBot, encrypted_member: EncryptedMember
) -> None:
    matrix_bot.key_wait_seconds = 0.2
    bot = matrix_bot.client.mxid
    room = encrypted_member.open_encrypted_chat(bot)

    encrypted_member.say_unreadable(room)
    explanation = encrypted_member.next_message_from(bot, room)
    encrypted_member.say_unreadable(room)
    encrypted_member.say(room, "meine")

    assert explanation.content["body"] == (
        "Ich kann die verschlüsselten Nachrichten in diesem Raum nicht lesen, weil mir der "
        "Schlüssel fehlt. Bitte schreiben Sie mir erneut, oder verifizieren Sie mein Gerät."
    )
    next_answer = encrypted_member.next_message_from(bot, room)
    assert next_answer.content["body"] == "Sie sind derzeit für keine Konferenz angemeldet."


def test_in_an_encrypted_chat_a_file_is_uploaded_encrypted_and_opens_with_its_key(
    matrix_bot: MatrixBot, encrypted_member: EncryptedMember
) -> None:
    bot = matrix_bot.client.mxid
    room = encrypted_member.open_encrypted_chat(bot)

    encrypted_member.say(room, "meine-daten")

    encrypted_member.next_message_from(bot, room)
    file = encrypted_member.next_message_from(bot, room)
    assert file.encrypted
    assert file.content["msgtype"] == "m.file"
    assert "url" not in file.content  # only the encrypted upload's address, inside `file`
    exported = json.loads(encrypted_member.download_decrypted(file.content["file"]))
    assert exported["user_id"] == encrypted_member.user_id
