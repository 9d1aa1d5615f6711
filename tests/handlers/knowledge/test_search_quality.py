"""Ranking quality on a labelled query set: top-3 hit rate >= 95 %, MRR >= 0.85."""

from __future__ import annotations

from handlers.knowledge.answers import rank
from tests.handlers.knowledge.search_fixtures import sample_index
from tests.handlers.knowledge.search_queries import QUERIES


def reciprocal_rank(question: str, relevant: set[str]) -> float:
    ids = [hit.document.id for hit in rank(sample_index(), question, limit=10)]
    return next((1.0 / n for n, found in enumerate(ids, start=1) if found in relevant), 0.0)


def test_the_query_set_is_large_and_labelled_with_known_ids() -> None:
    known = {document.id for document in sample_index().documents}
    assert len(QUERIES) >= 60
    for question, relevant in QUERIES:
        assert relevant <= known, question


def test_top3_hit_rate_and_mean_reciprocal_rank() -> None:
    ranks = {question: reciprocal_rank(question, relevant) for question, relevant in QUERIES}
    misses = [question for question, rr in ranks.items() if rr < 1 / 3]
    hit_rate = 1 - len(misses) / len(QUERIES)
    mrr = sum(ranks.values()) / len(QUERIES)
    assert hit_rate >= 0.95, f"top-3 hit rate {hit_rate:.2f}; missed: {misses}"
    assert mrr >= 0.85, f"MRR {mrr:.3f}"
