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
    tokens = tuple(dict.fromkeys(words(text)))
    phrasings = load_cues()
    found = _found_words(tokens, _cue_words(phrasings))
    best = dict.fromkeys(intents, 0.0)
    for phrasing in phrasings:
        score = _phrasing_score(phrasing.words, found)
        if score > best.get(phrasing.intent, 1.0):
            best[phrasing.intent] = score
    return [best[intent] for intent in intents]


@cache
def _cue_words(phrasings: tuple[Phrasing, ...]) -> frozenset[str]:
    return frozenset(word for phrasing in phrasings for word in phrasing.words)


def _phrasing_score(phrase: tuple[str, ...], found: dict[str, bool]) -> float:
    """Share of the phrasing's words found in the message; a partial phrase scores less."""
    if not phrase:
        return 0.0
    share = sum(found[word] for word in phrase) / len(phrase)
    return share if share == 1.0 else share * 0.5


def _found_words(tokens: tuple[str, ...], cue_words: frozenset[str]) -> dict[str, bool]:
    """Which cue words occur: exactly, or for words over four letters with a typo."""
    found = dict.fromkeys(cue_words, False)
    long_words = _long_words(cue_words)
    for token in tokens:
        if token in found:
            found[token] = True
        if len(token) > 4:
            for word, _, _ in process.extract(
                token, long_words, scorer=fuzz.ratio, score_cutoff=_MIN_WORD_SCORE, limit=None
            ):
                found[word] = True
    return found


@cache
def _long_words(cue_words: frozenset[str]) -> tuple[str, ...]:
    # short words must match exactly: "wo" is not "wie"
    return tuple(sorted(word for word in cue_words if len(word) > 4))
