"""Fusion and the answer decision on a tiny collection whose similarities are set by hand:
meaning decides, a strong lexical match lifts, the bar is for the question, not each hit."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from handlers.embedding import Vectors
from handlers.knowledge.answers import Bar, answer, good
from handlers.knowledge.hybrid import KnowledgeIndex
from handlers.knowledge.index import Document, Hit


def at_similarity(cosine: float) -> Vectors:
    """A unit vector with the given cosine similarity to the question's vector (1, 0, 0)."""
    return np.asarray([cosine, math.sqrt(1 - cosine * cosine), 0.0], dtype=np.float32)


class OneQuestionEmbedder:
    """Every question is the vector (1, 0, 0); passages are not embedded here."""

    name = "one-question"
    dim = 3

    def queries(self, texts: Sequence[str]) -> Vectors:
        return np.tile(np.asarray([1.0, 0.0, 0.0], dtype=np.float32), (len(texts), 1))

    def passages(self, texts: Sequence[str]) -> Vectors:
        raise AssertionError("passages are given with the documents")


def document(key: str, title: str, summary: str = "") -> Document:
    return Document(key, title, "Ulm", (), summary, "pilot")


def index_of(*entries: tuple[Document, float | None]) -> KnowledgeIndex:
    pairs = [(doc, None if cos is None else at_similarity(cos)) for doc, cos in entries]
    return KnowledgeIndex(pairs, OneQuestionEmbedder())


def ids(hits: list[Hit]) -> list[str]:
    return [hit.document.id for hit in hits]


def test_meaning_decides_when_no_word_matches() -> None:
    index = index_of(
        (document("near", "Pegelsonden am Bach"), 0.86),
        (document("far", "Sitzbänke im Park"), 0.79),
    )
    assert ids(index.search("Wann tritt der Fluss über die Ufer?")) == ["near", "far"]


def test_a_title_match_lifts_a_slightly_less_similar_solution() -> None:
    index = index_of(
        (document("similar", "Pegelsonden am Bach"), 0.83),
        (document("named", "Quallenwarnung an Badestellen"), 0.82),
    )
    found = index.search("Quallenwarnung")
    assert ids(found) == ["named", "similar"]
    assert found[0].lexical > 0.5 and found[0].semantic == np.float32(0.82)


def test_one_word_found_only_in_a_summary_does_not_lift() -> None:
    index = index_of(
        (document("similar", "Pegelsonden am Bach"), 0.83),
        (document("mentions", "Sitzbänke im Park", "Auch Quallen wurden gesehen."), 0.82),
    )
    assert ids(index.search("Quallen Hochwasserschutz")) == ["similar", "mentions"]


def test_a_solution_without_a_vector_yet_is_found_by_its_title() -> None:
    index = index_of(
        (document("fresh", "Quallenwarnung an Badestellen"), None),
        (document("other", "Pegelsonden am Bach"), 0.83),
        (document("third", "Sitzbänke im Park"), 0.79),
    )
    found = index.search("Quallenwarnung")
    assert ids(found)[0] == "fresh"
    assert found[0].semantic == 0.0  # not compared by meaning, so judged by words alone


def hit(key: str, score: float, *, lexical: float = 0.0, semantic: float = 0.0) -> Hit:
    return Hit(document(key, key), score, lexical=lexical, semantic=semantic)


def test_a_good_first_hit_keeps_the_close_ones_behind_it() -> None:
    found = [
        hit("clear", 0.86, semantic=0.86),
        hit("close", 0.82, semantic=0.82),  # below every bar on its own
        hit("far", 0.80, semantic=0.80),  # further than MARGIN behind the first
    ]
    assert ids(answer(found)) == ["clear", "close"]


def test_nothing_good_among_the_best_means_no_answer() -> None:
    assert answer([hit("vague", 0.83, semantic=0.83), hit("less", 0.82, semantic=0.82)]) == []


def test_english_questions_meet_a_lower_bar_of_meaning() -> None:
    english = Bar.for_question("How do towns warn people about floods?")
    german = Bar.for_question("Wie warnen Städte vor Hochwasser?")
    modest = hit("modest", 0.82, semantic=0.82)
    assert good(modest, english)
    assert not good(modest, german)


def test_scores_apart_by_arithmetic_noise_keep_the_stored_order() -> None:
    # 0.84468 vs 0.84466: what another CPU's last digits make of one similarity
    index = index_of(
        (document("first", "Rufbus auf Abruf"), 0.84466),
        (document("second", "Bürgerbus"), 0.84468),
        (document("third", "Carsharing"), 0.80),
    )
    assert ids(index.semantic_search("Mobilität", limit=2)) == ["first", "second"]
    assert ids(index.search("xyz", limit=3)) == ["first", "second", "third"]


def test_scores_a_thousandth_apart_decide() -> None:
    index = index_of(
        (document("lower", "Rufbus auf Abruf"), 0.842),
        (document("higher", "Bürgerbus"), 0.845),
    )
    assert ids(index.semantic_search("Mobilität", limit=2)) == ["higher", "lower"]
