"""Cross-validation of the intent model on the training examples alone (examples.toml): each
fold is held back, the model fitted on the rest, and the fold understood as `understand` would.
This is what to tune on; the held-out corpus stays unread.

    python benchmarks/understanding_cv.py [--folds 5] [--cache /tmp/understand_emb.npz]
        [--lexical] [--misses FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.conversation.model import INTENTS, fit
from handlers.conversation.social import split_social
from handlers.conversation.train import CachedEmbedder, feature_rows, load_examples, sample_world
from handlers.conversation.understand import about_people, decide, filter_query
from handlers.embedding import Embedder, shared_embedder


def rule_intent(text: str) -> str | None:
    """What `understand` decides before the model: a greeting alone, a filter query."""
    social = split_social(text)
    if social.alone:
        return social.alone
    return "knowledge" if filter_query(social.rest) else None


def cross_validate(
    examples: list[dict[str, Any]], rows: np.ndarray, folds: int
) -> list[tuple[str, str, str]]:
    """(expected, understood, text) for every example, each understood by a model that never
    saw it."""
    labels = np.array([INTENTS.index(example["intent"]) for example in examples])
    order = np.random.default_rng(0).permutation(len(examples))
    results = []
    for fold in range(folds):
        test = order[fold::folds]
        train = np.setdiff1d(order, test)
        model = fit(rows[train], labels[train])
        for index in test:
            text = examples[index]["text"]
            understood = rule_intent(text) or about_people(decide(model, rows[index]), text)
            results.append((examples[index]["intent"], understood, text))
    return results


def report(results: list[tuple[str, str, str]], misses: Path | None) -> None:
    total = Counter(expected for expected, _, _ in results)
    right = Counter(expected for expected, got, _ in results if expected == got)
    print(f"cross-validated accuracy {sum(right.values()) / len(results):.3f} "
          f"({sum(right.values())}/{len(results)})")  # fmt: skip
    for intent in sorted(INTENTS, key=lambda i: right[i] / total[i]):
        print(f"  {intent:18} {right[intent] / total[intent]:.2f}  (n={total[intent]})")
    confusions = Counter((e, g) for e, g, _ in results if e != g)
    print("  confusions (expected -> understood: count):")
    for (expected, got), count in confusions.most_common(25):
        print(f"    {expected} -> {got}: {count}")
    if misses:
        lines = [f"{e} -> {g}: {t}" for e, g, t in sorted(results) if e != g]
        misses.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="a file of example vectors to reuse")
    parser.add_argument("--lexical", action="store_true", help="without the embedding model")
    parser.add_argument("--misses", type=Path, help="write every miss to this file")
    args = parser.parse_args()
    embedder: Embedder | None = None
    if not args.lexical:
        embedder = shared_embedder()
        if embedder is not None and args.cache:
            embedder = CachedEmbedder(embedder, args.cache)
    examples = load_examples()
    rows = feature_rows(examples, sample_world(), embedder)
    if isinstance(embedder, CachedEmbedder):
        embedder.save()
    report(cross_validate(examples, rows, args.folds), args.misses)


if __name__ == "__main__":
    main()
