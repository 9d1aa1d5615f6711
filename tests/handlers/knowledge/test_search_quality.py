"""Ranking quality on the labelled query set; the held-out part is printed (pytest -s), both
parts by `benchmarks/search.py` (the tuning part asserts nothing, so the test does not spend
its 200 embeddings on it).

The held-out part (never tuned on) must keep top-3 >= 0.92 and MRR >= 0.87. The goal for
top-3 is 0.95; measured once after the fusion was re-tuned on the tuning part: 0.935 (MRR
0.884; before: 0.913 and 0.870). The bar is what was reached less one question's worth, so it
guards against regressions without tuning on it. A failure names only the figures, never the
held-out questions."""

from __future__ import annotations

from handlers.knowledge.answers import rank
from tests.handlers.knowledge.quality import measure
from tests.handlers.knowledge.search_fixtures import sample_index
from tests.handlers.knowledge.search_queries import HELD_OUT, TUNING, pairs


def ranked_ids(question: str) -> list[str]:
    return [hit.document.id for hit in rank(sample_index(), question, limit=10)]


def is_everyday_question(question: str) -> bool:
    return question.endswith("?") and len(question.split()) >= 5


def test_the_query_set_is_large_varied_and_labelled_with_known_ids() -> None:
    known = {document.id for document in sample_index().lexical.documents}
    everything = TUNING + HELD_OUT
    assert len(everything) >= 150
    assert sum(is_everyday_question(q.text) for q in everything) >= len(everything) / 3
    assert sum(q.lang == "en" for q in everything) >= 20
    assert not {q.text for q in TUNING} & {q.text for q in HELD_OUT}
    for query in everything:
        assert query.ids <= known, query.text


def test_top3_hit_rate_and_mean_reciprocal_rank_on_the_held_out_part() -> None:
    held_out = measure(ranked_ids, pairs(HELD_OUT))
    print(f"\n{held_out.line('held out')}")
    assert held_out.hit3 >= 0.92, f"top-3 {held_out.hit3:.3f}"
    assert held_out.mrr >= 0.87, f"MRR {held_out.mrr:.3f}"
