"""Golden transcripts: one short console chat per feature area, compared whole, so that any
change to what a member reads shows up as a readable diff.

Each `transcripts/*.txt` holds the member's lines (starting with "> ") and, after each, the
bot's answer exactly as the console prints it, except the size of an attached file, which
differs between databases (an id inside it) and is shown as "… Bytes". After an intended
change of replies, regenerate them and review the diff:

    UPDATE_GOLDEN=1 pytest tests/golden
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.services import Services
from tests.chat import ask

_SIZE = re.compile(r", [\d.]+ Bytes\]")
TRANSCRIPTS = sorted((Path(__file__).resolve().parent / "transcripts").glob("*.txt"))


def member_lines(transcript: str) -> list[str]:
    """What the member typed, in order."""
    return [line[2:] for line in transcript.splitlines() if line.startswith("> ")]


def replay(services: Services, lines: list[str]) -> str:
    """The transcript the bot produces today for these lines."""
    return "".join(
        f"> {line}\n{_SIZE.sub(', … Bytes]', ask(services, line))}\n\n" for line in lines
    )


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[path.stem for path in TRANSCRIPTS])
def test_the_chat_reads_as_recorded(services: Services, path: Path) -> None:
    recorded = path.read_text(encoding="utf-8")
    produced = replay(services, member_lines(recorded))
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(produced, encoding="utf-8")
    assert produced == recorded


def test_every_feature_area_has_a_transcript() -> None:
    areas = {path.stem for path in TRANSCRIPTS}
    assert areas >= {
        "conferences", "registration", "knowledge", "directory", "reminders",
        "personal_data", "conversation",
    }  # fmt: skip
