"""Which Matrix messages the bot takes up, and the question it reads from them."""

from __future__ import annotations

from typing import Any

from bot.matrix.incoming import BotIdentity, MatrixMessage, read_message

BOT = BotIdentity("@smartcity:example.org", names=("smartcity", "Smart-City-Bot"))


def read(content: dict[str, Any], *, direct: bool = False) -> MatrixMessage | None:
    return read_message(
        room_id="!room:example.org",
        event_id="$question",
        sender="@erika:example.org",
        content={"msgtype": "m.text", **content},
        bot=BOT,
        direct=direct,
        answer_everything=False,
    )


def test_in_a_direct_chat_every_text_is_a_question() -> None:
    assert read({"body": "meine"}, direct=True) == MatrixMessage(
        "!room:example.org", "$question", "@erika:example.org", "meine", direct=True
    )


def test_in_a_room_only_a_mention_counts_and_the_name_is_not_part_of_the_question() -> None:
    assert read({"body": "Hallo zusammen"}) is None
    assert read({"body": "Smart-City-Bot: Wann ist die nächste Konferenz?"}) == MatrixMessage(
        "!room:example.org",
        "$question",
        "@erika:example.org",
        "Wann ist die nächste Konferenz?",
        direct=False,
    )
    pill = {"body": "smartcity hilfe", "m.mentions": {"user_ids": ["@smartcity:example.org"]}}
    assert read(pill) is not None
    assert read(pill).text == "hilfe"  # type: ignore[union-attr]


def test_a_question_in_a_thread_is_answered_in_that_thread() -> None:
    message = read(
        {
            "body": "smartcity: meine",
            "m.relates_to": {"rel_type": "m.thread", "event_id": "$root"},
        }
    )
    assert message is not None
    assert message.thread_root == "$root"


def test_edits_notices_and_the_bots_own_messages_are_left_alone() -> None:
    edit = {"body": "* meine", "m.relates_to": {"rel_type": "m.replace", "event_id": "$x"}}
    assert read(edit, direct=True) is None
    assert read({"msgtype": "m.notice", "body": "meine"}, direct=True) is None
    own = read_message(
        room_id="!r:example.org",
        event_id="$e",
        sender=BOT.user_id,
        content={"msgtype": "m.text", "body": "meine"},
        bot=BOT,
        direct=True,
        answer_everything=True,
    )
    assert own is None
