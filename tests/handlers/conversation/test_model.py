"""The intent model's mechanics: it learns, it round-trips through its file, and training
reuses vectors it has computed before."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from handlers.conversation.model import INTENTS, fit, load_models, save_models, training_digest
from handlers.conversation.train import CachedEmbedder
from handlers.embedding import Vectors


def _two_intents() -> tuple[Vectors, np.ndarray]:
    rng = np.random.default_rng(7)
    features = np.concatenate([rng.normal(-1, 0.3, (20, 5)), rng.normal(1, 0.3, (20, 5))])
    labels = np.array([INTENTS.index("when")] * 20 + [INTENTS.index("where")] * 20)
    return features.astype(np.float32), labels


def test_the_model_separates_what_its_examples_separate() -> None:
    features, labels = _two_intents()
    model = fit(features, labels)
    predicted = model.probabilities(features).argmax(axis=1)
    assert (predicted == labels).all()


def test_a_saved_model_answers_the_same_and_knows_what_it_was_trained_on(tmp_path: Path) -> None:
    features, labels = _two_intents()
    model = fit(features, labels)
    path = tmp_path / "model.npz"
    save_models({"lexical": model}, path)
    loaded, digest = load_models(path)
    assert digest == training_digest()
    assert np.allclose(loaded["lexical"].probabilities(features), model.probabilities(features))


class CountingEmbedder:
    name, dim = "counting", 3

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def queries(self, texts: Sequence[str]) -> Vectors:
        self.embedded += texts
        return np.array([[len(text), 1.0, 0.0] for text in texts], dtype=np.float32)

    def passages(self, texts: Sequence[str]) -> Vectors:
        return self.queries(texts)


def test_training_embeds_each_example_once_across_runs(tmp_path: Path) -> None:
    counting = CountingEmbedder()
    cache = CachedEmbedder(counting, tmp_path / "vectors.npz")
    first = cache.queries(["wann", "wo ist das"])
    cache.save()
    again = CachedEmbedder(counting, tmp_path / "vectors.npz").queries(["wo ist das", "wann"])
    assert counting.embedded == ["wann", "wo ist das"]
    assert np.array_equal(again, first[::-1])
