"""Text analysis for the knowledge base: German-friendly terms, synonyms and filler words."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from handlers.normalize import words

VOCABULARY = Path(__file__).resolve().parent / "vocabulary.toml"
CONCEPT = "~"  # prefix of synonym-group terms, which no word can start with
_SUFFIXES = ("ungen", "innen", "en", "er", "es", "e", "n", "s")


def stem(word: str) -> str:
    """A light German stemmer: "Warnungen" and "Warnung", "Sensoren" and "Sensor" agree."""
    if len(word) < 6 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("ung" if suffix == "ungen" else "")
    return word


@dataclass(frozen=True)
class Vocabulary:
    """Filler words, synonyms mapped to shared concepts, and multi-word phrases."""

    filler: frozenset[str]
    concept_of: dict[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]


@cache
def vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    """The search vocabulary from its TOML file, stemmed as the index stems."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    filler = frozenset(stem(word) for word in words(document["filler"]))
    concept_of: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for group in document["synonyms"]:
        concept = CONCEPT + "_".join(stem(w) for w in words(group[0]))
        for member in group:
            parts = tuple(stem(word) for word in words(member))
            if len(parts) == 1:
                concept_of[parts[0]] = concept
            else:
                phrases.append((parts, concept))
    return Vocabulary(filler, concept_of, tuple(phrases))


@lru_cache(maxsize=65536)
def terms(text: str) -> tuple[str, ...]:
    """Stemmed words of a text followed by the synonym concepts they belong to (cached:
    municipalities and topics repeat across documents)."""
    vocab = vocabulary()
    stems = [stem(word) for word in words(text)]
    concepts = {vocab.concept_of[s] for s in stems if s in vocab.concept_of}
    concepts |= {concept for parts, concept in vocab.phrases if _contains(stems, parts)}
    return (*stems, *sorted(concepts))


@dataclass(frozen=True)
class QueryWord:
    """One meaningful word of a question and the synonym concept it (or its phrase) names."""

    stem: str
    concept: str | None


def query_words(text: str) -> list[QueryWord]:
    """The meaningful words of a question; words of a known phrase become one concept."""
    vocab = vocabulary()
    stems = [stem(word) for word in words(text)]
    found: list[QueryWord] = []
    covered: set[int] = set()
    for parts, concept in vocab.phrases:
        start = _find(stems, parts)
        if start is not None:
            covered |= set(range(start, start + len(parts)))
            found.append(QueryWord(" ".join(parts), concept))
    for index, word in enumerate(stems):
        if index not in covered and word not in vocab.filler and len(word) > 1:
            found.append(QueryWord(word, vocab.concept_of.get(word)))
    return found


def _contains(stems: list[str], parts: tuple[str, ...]) -> bool:
    return _find(stems, parts) is not None


def _find(stems: list[str], parts: tuple[str, ...]) -> int | None:
    for start in range(len(stems) - len(parts) + 1):
        if tuple(stems[start : start + len(parts)]) == parts:
            return start
    return None
