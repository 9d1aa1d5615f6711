"""The labelled knowledge-search queries, kept as data in queries/: the tuning part (weights,
thresholds and vocabulary are tuned on it) and the held-out part (never tuned on; only its
aggregate figures are measured, by the quality test and the benchmark)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


@dataclass(frozen=True)
class LabelledQuery:
    """A question and the ids of the solutions that answer it."""

    text: str
    ids: frozenset[str]
    lang: str = "de"


def load(name: str) -> list[LabelledQuery]:
    """The queries of queries/<name>.toml, in file order."""
    document = tomllib.loads((QUERIES_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    return [
        LabelledQuery(entry["text"], frozenset(entry["ids"]), entry.get("lang", "de"))
        for entry in document["query"]
    ]


def pairs(queries: list[LabelledQuery]) -> list[tuple[str, set[str]]]:
    """(question, relevant ids) as the quality measure takes them."""
    return [(query.text, set(query.ids)) for query in queries]


TUNING = load("tuning")
HELD_OUT = load("held_out")
