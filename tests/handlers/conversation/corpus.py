"""The labelled corpus: the held-out part (never tuned on) and the training examples, and how
understanding is scored on them - shared by the quality test and the benchmark."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handlers.conversation.model import HERE
from handlers.conversation.understand import understand
from handlers.conversation.world import World
from handlers.embedding import Embedder

HELD_OUT = Path(__file__).resolve().parent / "heldout.toml"
TRAINING = HERE / "examples.toml"
# Entities compared when the example names them: the value read must be the labelled one.
_ENTITY_KEYS = ("number", "month", "year", "kind", "municipality", "state")


def load(path: Path) -> list[dict[str, Any]]:
    """The examples of a corpus file."""
    examples: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["example"]
    return examples


@dataclass
class Score:
    """Intent accuracy overall and per intent, the confusions, entity and language accuracy."""

    total: int = 0
    correct: int = 0
    per_intent: Counter[str] = field(default_factory=Counter)
    right_per_intent: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    right_entities: Counter[str] = field(default_factory=Counter)
    right_language: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total

    def intent_accuracy(self, intent: str) -> float:
        return self.right_per_intent[intent] / self.per_intent[intent]


def score(examples: list[dict[str, Any]], world: World, embedder: Embedder | None) -> Score:
    """Understand every example and compare with its labels."""
    result = Score()
    for example in examples:
        meaning = understand(example["text"], world, embedder=embedder)
        expected = example["intent"]
        result.total += 1
        result.per_intent[expected] += 1
        result.right_language += meaning.language == example["lang"]
        if meaning.intent == expected:
            result.correct += 1
            result.right_per_intent[expected] += 1
        else:
            result.confusions[(expected, meaning.intent)] += 1
            result.misses.append((expected, meaning.intent, example["text"]))
        _entities(result, example.get("entities", {}), meaning)
    return result


def _entities(result: Score, labelled: dict[str, Any], meaning: Any) -> None:
    found = {
        "number": meaning.ref.number,
        "month": meaning.ref.month,
        "year": meaning.ref.year,
        "kind": meaning.ref.kind,
        "municipality": meaning.municipality,
        "state": meaning.state,
    }
    for key in _ENTITY_KEYS:
        if key in labelled:
            result.entities[key] += 1
            result.right_entities[key] += found[key] == labelled[key]
