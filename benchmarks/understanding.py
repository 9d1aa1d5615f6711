"""Understanding: accuracy per intent and the confusions on the held-out corpus (never tuned
on), the lexical-only fallback beside it, the time to answer a message in-process, and the
cold start of `smartcity-bot ask`.

    python benchmarks/understanding.py [--messages 300] [--cold-starts 5] [--speed-only]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config
from bot.services import Services, build_services
from handlers.conversation.model import INTENTS
from handlers.conversation.world import world_of
from handlers.embedding import E5Embedder, shared_embedder
from tests.handlers.conversation.corpus import HELD_OUT, TRAINING, Score, load, score

ROOT = Path(__file__).resolve().parent.parent


def report(name: str, result: Score, *, details: bool) -> None:
    print(f"\n{name}: intent accuracy {result.accuracy:.3f} ({result.correct}/{result.total}), "
          f"language {result.right_language / result.total:.3f}")  # fmt: skip
    entities = ", ".join(
        f"{key} {result.right_entities[key]}/{count}" for key, count in result.entities.items()
    )
    print(f"  entities read right: {entities}")
    if not details:
        return
    for intent in INTENTS:
        print(
            f"  {intent:18} {result.intent_accuracy(intent):.2f}  (n={result.per_intent[intent]})"
        )
    print("  confusions (expected -> understood: count):")
    for (expected, got), count in result.confusions.most_common(15):
        print(f"    {expected} -> {got}: {count}")


def latency(services: Services, messages: list[str]) -> None:
    """Wall time per message, and the process's CPU time beside it: on a shared machine the
    wall time includes waiting for a core, the CPU time is what the bot itself spends."""
    walls, cpus = [], []
    embedder = shared_embedder()
    for index, text in enumerate(messages):
        if isinstance(embedder, E5Embedder):
            embedder.forget()  # a message asked before must not find its vector kept
        started, cpu_started = time.perf_counter(), time.process_time()
        services.message(f"U{index % 50}", text)
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu_started) * 1000)
    print("\nanswer a message in-process (router, understanding, answer, SQLite), "
          f"over {len(messages)}:")  # fmt: skip
    for name, times in (("wall", walls), ("CPU", cpus)):
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"  {name}: p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms")


def cold_start(runs: int, folder: str) -> None:
    program = str(Path(sys.executable).parent / "smartcity-bot")
    command = [
        program,
        "ask",
        "--now",
        "2025-09-01T10:00",
        "Wann ist die nächste Regionalkonferenz?",
    ]
    environment = {"DATABASE_URL": f"sqlite:///{folder}/cold.sqlite3", "PATH": "/usr/bin"}
    subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"`smartcity-bot ask` cold start (database exists): median {median:.2f} s, "
          f"max {max(times):.2f} s over {runs} runs")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--cold-starts", type=int, default=5)
    parser.add_argument("--speed-only", action="store_true", help="time, without accuracy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        config = load_config(environ={"DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"})
        services = build_services(config)
        held_out, training = load(HELD_OUT), load(TRAINING)
        if not args.speed_only:
            accuracy(services, held_out, training)
        texts = [example["text"] for example in held_out + training][: args.messages]
        latency(services, texts)
        cold_start(args.cold_starts, folder)


def accuracy(
    services: Services, held_out: list[dict[str, Any]], training: list[dict[str, Any]]
) -> None:
    """Intent accuracy on the held-out corpus, with and without the embedding model, and on
    the training examples."""
    with services.sessions() as session:
        world = world_of(session)
    embedder = shared_embedder()
    report("held-out (never tuned on)", score(held_out, world, embedder), details=True)
    report("held-out, lexical only (no embedding model)", score(held_out, world, None),
           details=False)  # fmt: skip
    report("training examples (what the model was fitted on)",
           score(training, world, embedder), details=False)  # fmt: skip


if __name__ == "__main__":
    main()
