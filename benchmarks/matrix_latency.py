"""Time to first answer for a DM question on Matrix, against a real Synapse on 127.0.0.1.

Starts Synapse (from `.synapse-venv/`), the bot (SQLite in a temporary folder, or PostgreSQL
with --postgres), and a member who asks questions one after another in an unencrypted DM and
then in an encrypted one; each time runs from sending the question to the member's client
receiving the answer. Prints p50/p99 per kind of chat.

    python benchmarks/matrix_latency.py [--questions 50] [--postgres URL]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.drain import started_synapse  # noqa: E402
from bot.config import DatabaseSection, MatrixSection, load_config  # noqa: E402
from bot.matrix.bot import MatrixBot  # noqa: E402
from bot.services import build_services  # noqa: E402
from tests.matrix.client import MatrixUser  # noqa: E402
from tests.matrix.encrypted_member import EncryptedMember  # noqa: E402
from tests.matrix.synapse import RateLimit, Synapse  # noqa: E402

QUESTIONS = (
    "Wann ist die nächste Konferenz?",
    "meine",
    "Wo findet die Konferenz in Konstanz statt?",
    "hilfe",
    "Welche Konferenzen gibt es 2026?",
)


def timed(ask: Callable[[str], None], questions: int) -> list[float]:
    seconds = []
    for question in islice(cycle(QUESTIONS), questions):
        start = time.perf_counter()
        ask(question)
        seconds.append(time.perf_counter() - start)
    return seconds


def report(kind: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    print(
        f"{kind:>11}: {len(ms)} questions, p50 {statistics.median(ms):.0f} ms, "
        f"p99 {p99:.0f} ms, max {ms[-1]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--postgres", help="database URL instead of a temporary SQLite file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matrix-latency-"))
    synapse = started_synapse(folder, RateLimit(per_second=1000, burst_count=1000))
    try:
        run(synapse, folder, args)
    finally:
        synapse.stop()


def run(synapse: Synapse, folder: Path, args: argparse.Namespace) -> None:
    account = synapse.register("smartcity")
    base = load_config(environ={})
    config = dataclasses.replace(
        base,
        database=DatabaseSection(url=args.postgres or f"sqlite:///{folder / 'bot.sqlite3'}"),
        matrix=MatrixSection(homeserver=synapse.url, user_id=account.user_id),
        secrets=dataclasses.replace(base.secrets, matrix_password=account.password),
    )
    with ThreadPoolExecutor(max_workers=8) as pool:
        bot = MatrixBot(build_services(config), executor=pool)
        bot.start()
        try:
            member = MatrixUser(synapse.url, synapse.register("erika"))
            room = member.open_direct_chat(account.user_id)

            def ask(question: str) -> None:
                member.say(room, question)
                member.next_message_from(account.user_id, room)

            report("plain DM", timed(ask, args.questions))
            secret = EncryptedMember(synapse.url, synapse.register("max"), folder)
            secret_room = secret.open_encrypted_chat(account.user_id)

            def ask_encrypted(question: str) -> None:
                secret.say(secret_room, question)
                secret.next_message_from(account.user_id, secret_room)

            report("encrypted", timed(ask_encrypted, args.questions))
            secret.close()
        finally:
            bot.stop()


if __name__ == "__main__":
    main()
