"""Lexical cues: how well a message matches each intent's cue phrasings (0 to 1).

A phrasing scores when its words occur in the message, typos tolerated for longer words; the
score of an intent is its best phrasing's. These scores are features of the intent model and
the whole of it when no embedding model is installed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from handlers.normalize import words

CUES = Path(__file__).resolve().parent / "intents.toml"
_MIN_WORD_SCORE = 80.0


@dataclass(frozen=True)
class Phrasing:
    """A typical wording of an intent, as folded words."""

    intent: str
    words: tuple[str, ...]


@cache
def load_cues(path: Path = CUES) -> tuple[Phrasing, ...]:
    """All cue phrasings, folded into words."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Phrasing(intent, tuple(words(text)))
        for intent, languages in document.items()
        for texts in languages.values()
        for text in texts
    )


def cue_scores(text: str, intents: tuple[str, ...]) -> list[float]:
    """Per intent (in the given order) the best phrasing score, 0 to 1."""
    table = _table(load_cues())
    found = np.zeros(len(table.words), dtype=np.float32)
    for word in _found_words(tuple(dict.fromkeys(words(text))), table):
        found[table.column[word]] = 1.0
    share = table.membership @ found
    scores = np.where(share >= 1.0 - 1e-6, 1.0, share * 0.5)
    return [
        float(scores[start:end].max()) if (start, end) != (0, 0) else 0.0
        for start, end in (table.rows.get(intent, (0, 0)) for intent in intents)
    ]


@dataclass(frozen=True)
class _Table:
    """The phrasings compiled once: which words each has (weighted by 1/length), where each
    intent's rows are, and the words a typo may stand for."""

    words: tuple[str, ...]
    column: dict[str, int]
    membership: npt.NDArray[np.float32]
    rows: dict[str, tuple[int, int]]
    long_words: tuple[str, ...]


@cache
def _table(phrasings: tuple[Phrasing, ...]) -> _Table:
    ordered = sorted((p for p in phrasings if p.words), key=lambda p: p.intent)
    vocabulary = tuple(sorted({word for phrasing in ordered for word in phrasing.words}))
    column = {word: index for index, word in enumerate(vocabulary)}
    membership = np.zeros((len(ordered), len(vocabulary)), dtype=np.float32)
    rows: dict[str, tuple[int, int]] = {}
    for row, phrasing in enumerate(ordered):
        for word in phrasing.words:
            membership[row, column[word]] += 1.0 / len(phrasing.words)
        start, _ = rows.get(phrasing.intent, (row, row))
        rows[phrasing.intent] = (start, row + 1)
    # short words must match exactly: "wo" is not "wie"
    long_words = tuple(word for word in vocabulary if len(word) > 4)
    return _Table(vocabulary, column, membership, rows, long_words)


def _found_words(tokens: tuple[str, ...], table: _Table) -> set[str]:
    """Which cue words occur: exactly, or for words over four letters with a typo."""
    found = {token for token in tokens if token in table.column}
    for token in tokens:
        if len(token) > 4:
            for word, _, _ in process.extract(
                token, table.long_words, scorer=fuzz.ratio, score_cutoff=_MIN_WORD_SCORE, limit=None
            ):
                found.add(word)
    return found
