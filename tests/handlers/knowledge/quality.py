"""hit@1, hit@3 and mean reciprocal rank of a ranker on a labelled query set."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Quality:
    queries: int
    hit1: float
    hit3: float
    mrr: float
    misses: tuple[str, ...]

    def line(self, name: str) -> str:
        return (
            f"{name:<24} queries={self.queries:>3} hit@1={self.hit1:.3f} "
            f"hit@3={self.hit3:.3f} mrr={self.mrr:.3f}"
        )


def measure(ranker: Ranker, queries: Sequence[tuple[str, set[str]]]) -> Quality:
    ranks: dict[str, int | None] = {}
    for question, relevant in queries:
        ids = ranker(question)
        ranks[question] = next((n for n, found in enumerate(ids, 1) if found in relevant), None)
    count = len(ranks)
    return Quality(
        queries=count,
        hit1=sum(r == 1 for r in ranks.values()) / count,
        hit3=sum(r is not None and r <= 3 for r in ranks.values()) / count,
        mrr=sum(1 / r for r in ranks.values() if r) / count,
        misses=tuple(q for q, r in ranks.items() if r is None or r > 3),
    )
