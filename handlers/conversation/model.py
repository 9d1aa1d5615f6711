"""The intent model: a softmax regression over the sentence embedding, lexical cues and facts.

Trained by `python -m handlers.conversation.train` on examples.toml and shipped as model.npz,
so answering needs no training and no network. Two variants are stored: one with the embedding
and a lexical one for a machine where the embedding model is not installed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

HERE = Path(__file__).resolve().parent
MODEL_FILE = HERE / "model.npz"
TRAINING_FILES = (HERE / "examples.toml", HERE / "intents.toml")
FEATURE_VERSION = "2"
INTENTS = (
    "conference", "when", "where", "motto", "topics", "programme", "list",
    "registration_info", "deadline", "free_seats", "register", "cancel", "my_registrations",
    "waitlist_position", "reminders_off", "reminders_on", "notify_me", "my_data", "delete_data",
    "fellows", "hide_me", "knowledge", "directory_state", "directory_place",
    "directory_member", "help", "greeting", "thanks", "goodbye", "smalltalk", "none",
)  # fmt: skip
FACTS = (
    "number", "place", "month", "year", "relative", "kind", "refers_back", "municipality",
    "state", "question", "one_word", "short", "long", "greeted", "thanked", "said_goodbye",
)  # fmt: skip
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class IntentModel:
    """Standardised features times weights, plus bias, through a softmax."""

    mean: Matrix
    scale: Matrix
    weights: Matrix
    bias: Matrix

    def probabilities(self, features: Matrix) -> Matrix:
        """One row of intent probabilities (in INTENTS order) per row of features."""
        logits = ((features - self.mean) / self.scale) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)


def fit(
    features: Matrix, labels: npt.NDArray[np.int64], *, l2: float = 0.02, steps: int = 600
) -> IntentModel:
    """Full-batch gradient descent on the cross-entropy; deterministic."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-3
    x = (features - mean) / scale
    n, classes = len(x), len(INTENTS)
    target = np.eye(classes, dtype=np.float32)[labels]
    weights = np.zeros((x.shape[1], classes), dtype=np.float32)
    bias = np.zeros(classes, dtype=np.float32)
    model = IntentModel(mean, scale, weights, bias)
    for _ in range(steps):
        error = model.probabilities(features) - target
        weights -= 0.5 * (x.T @ error / n + l2 * weights)
        bias -= 0.5 * error.mean(axis=0)
    return model


def training_digest() -> str:
    """Changes whenever the examples, the cues or the features change: the model is stale."""
    digest = hashlib.sha256(FEATURE_VERSION.encode())
    for path in TRAINING_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save_models(models: dict[str, IntentModel], path: Path = MODEL_FILE) -> None:
    """Write the trained models with a digest of what they were trained on."""
    arrays: dict[str, npt.NDArray[np.generic]] = {"digest": np.array(training_digest())}
    for name, model in models.items():
        for part in ("mean", "scale", "weights", "bias"):
            arrays[f"{name}.{part}"] = getattr(model, part)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


@cache
def load_models(path: Path = MODEL_FILE) -> tuple[dict[str, IntentModel], str]:
    """The stored variants by name ("semantic", "lexical") and the digest they were built from."""
    with np.load(path) as stored:
        names = {key.split(".")[0] for key in stored.files if "." in key}
        models = {
            name: IntentModel(
                *(stored[f"{name}.{part}"] for part in ("mean", "scale", "weights", "bias"))
            )
            for name in names
        }
        return models, str(stored["digest"])
