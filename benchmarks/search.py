"""Knowledge-base search: quality against a naive baseline, then speed and memory at scale.

Quality: hit@1, hit@3 and MRR on the labelled query set (tests/handlers/search_queries.py)
for our ranker and for rapidfuzz WRatio over the concatenated fields.
Scale: 1,000, 10,000 and 100,000 solutions made by recombining the real ones; index build
time, p50/p99 query latency, process RSS, the baseline's latency, and how long a single
edit takes to become searchable.

    python benchmarks/search.py [--sizes 1000 10000 100000] [--baseline-queries 10]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from handlers.knowledge.answers import rank
from handlers.knowledge.index import Document, SearchIndex
from handlers.normalize import fold
from tests.handlers.knowledge.search_fixtures import sample_documents
from tests.handlers.knowledge.search_queries import QUERIES

Ranker = Callable[[str], list[str]]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1_000_000


def quality(name: str, ranker: Ranker) -> None:
    ranks = []
    for question, relevant in QUERIES:
        ids = ranker(question)
        ranks.append(next((n for n, found in enumerate(ids, 1) if found in relevant), None))
    hit1 = sum(r == 1 for r in ranks) / len(ranks)
    hit3 = sum(r is not None and r <= 3 for r in ranks) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    print(f"quality {name:<9} queries={len(ranks)} hit@1={hit1:.3f} hit@3={hit3:.3f} mrr={mrr:.3f}")


def baseline_strings(documents: Sequence[Document]) -> list[str]:
    return [fold(f"{d.title} {' '.join(d.topics)} {d.municipality} {d.summary}") for d in documents]


def baseline_ranker(documents: Sequence[Document]) -> Ranker:
    strings = baseline_strings(documents)

    def search(question: str) -> list[str]:
        found = process.extract(fold(question), strings, scorer=fuzz.WRatio, limit=10)
        return [documents[index].id for _, _, index in found]

    return search


def recombined(real: Sequence[Document], size: int) -> list[Document]:
    """Synthetic solutions mixing title, topics, municipality and summary of real ones."""
    pick = random.Random(size).choice
    return [
        Document(
            id=f"{base.id}-{n}",
            title=base.title,
            municipality=pick(real).municipality,
            topics=base.topics[:2] + pick(real).topics[:2],
            summary=pick(real).summary,
            status=base.status,
            state=base.state,
        )
        for n, base in ((n, real[n % len(real)]) for n in range(size))
    ]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def scale(real: Sequence[Document], size: int, baseline_queries: int) -> None:
    documents = recombined(real, size)
    before = rss_mb()
    started = time.perf_counter()
    index = SearchIndex(documents)
    build = time.perf_counter() - started
    questions = [q for q, _ in QUERIES]
    for question in questions:
        rank(index, question)  # warm the expansion cache as a running bot would be
    latencies = []
    for _ in range(3):
        for question in questions:
            started = time.perf_counter()
            rank(index, question)
            latencies.append((time.perf_counter() - started) * 1000)
    rss = rss_mb()
    edit = Document(
        id="edit-probe",
        title="Quallenwarnsystem fuer Badestellen",
        municipality="Ulm",
        topics=("quallen",),
        summary="",
        status="pilot",
    )
    started = time.perf_counter()
    index.upsert(edit)
    found = [h.document.id for h in rank(index, "Quallenwarnsystem")]
    edit_ms = (time.perf_counter() - started) * 1000
    assert found and found[0] == "edit-probe"
    strings = baseline_strings(documents)
    base_latencies = []
    for question in questions[:baseline_queries]:
        started = time.perf_counter()
        process.extract(fold(question), strings, scorer=fuzz.WRatio, limit=10)
        base_latencies.append((time.perf_counter() - started) * 1000)
    ours_p50, base_p50 = statistics.median(latencies), statistics.median(base_latencies)
    print(
        f"scale {size:>7}: build {build:6.2f} s  ours p50 {ours_p50:6.2f} ms "
        f"p99 {percentile(latencies, 0.99):6.2f} ms  RSS {rss:6.0f} MB "
        f"(index +{rss - before:5.0f} MB)  edit visible {edit_ms:6.1f} ms  "
        f"baseline p50 {base_p50:8.1f} ms  speed-up x{base_p50 / ours_p50:6.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--baseline-queries", type=int, default=10)
    args = parser.parse_args()
    real = sample_documents()
    index = SearchIndex(real)
    quality("ours", lambda q: [h.document.id for h in rank(index, q, limit=10)])
    quality("baseline", baseline_ranker(real))
    for size in args.sizes:
        scale(real, size, args.baseline_queries)


if __name__ == "__main__":
    main()
