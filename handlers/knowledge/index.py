"""An in-memory inverted index over solutions, ranked with field weights, synonyms, compounds
and typo tolerance. Postings are NumPy arrays, so a query touches only the documents that
share a term with it; an edit is an append plus a tombstone, not a rebuild."""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from handlers.knowledge.text import CONCEPT, QueryWord, query_words, terms
from handlers.normalize import fold

FIELD_WEIGHTS = (("title", 3.0), ("topics", 3.0), ("municipality", 2.0), ("summary", 1.0))
_MORE_FIELDS = 0.1
BEST_FIELD = 3.0 + _MORE_FIELDS * (3.0 + 2.0 + 1.0)
FACETS = ("municipality", "topics", "status", "state")
_EXACT, _SYNONYM, _INSIDE, _PART, _TYPO = 1.0, 0.9, 0.7, 0.6, 0.8
_MAX_INSIDE = 25


@dataclass(frozen=True)
class Document:
    """One solution as search sees it: the fields it matches and the card shows."""

    id: str
    title: str
    municipality: str
    topics: tuple[str, ...]
    summary: str
    status: str
    state: str = ""
    source_url: str = ""
    contact_hint: str = ""

    def field_text(self, name: str) -> str:
        """A field as text (topics joined by spaces)."""
        value = getattr(self, name)
        return " ".join(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class Hit:
    """A found document; `score` orders hits, `lexical` and `semantic` say how well it matched
    by words (0..1) and by meaning (cosine similarity, 0 when not compared)."""

    document: Document
    score: float
    lexical: float = 0.0
    semantic: float = 0.0


class _Postings:
    """Document positions and weights of one term: NumPy arrays plus compact arrays of
    additions not yet merged (merged on the next read)."""

    __slots__ = ("ids", "new_ids", "new_weights", "weights")

    def __init__(self) -> None:
        self.ids = np.zeros(0, dtype=np.int32)
        self.weights = np.zeros(0, dtype=np.float32)
        self.new_ids = array("i")
        self.new_weights = array("f")

    def add(self, doc: int, weight: float) -> None:
        self.new_ids.append(doc)
        self.new_weights.append(weight)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        if self.new_ids:
            ids = np.frombuffer(self.new_ids, dtype=np.int32)
            weights = np.frombuffer(self.new_weights, dtype=np.float32)
            self.ids = np.concatenate([self.ids, ids])
            self.weights = np.concatenate([self.weights, weights])
            self.new_ids, self.new_weights = array("i"), array("f")
        return self.ids, self.weights

    def __len__(self) -> int:
        return len(self.ids) + len(self.new_ids)


class SearchIndex:
    """Documents by position; `upsert` replaces a document by id."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self.documents: list[Document] = []
        self.position: dict[str, int] = {}
        self.alive = np.zeros(0, dtype=bool)
        self.postings: dict[str, _Postings] = defaultdict(_Postings)
        self.facets: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in FACETS}
        self.labels: dict[str, str] = {}
        self._vocabulary: list[str] | None = None
        self._expansions: dict[str, list[tuple[str, float]]] = {}
        alive: list[bool] = []
        for document in documents:
            self._add(document)
            alive.append(True)
        self.alive = np.asarray(alive, dtype=bool)
        self._drop_replaced()
        for postings in self.postings.values():
            postings.arrays()  # merge now, so the build's Python lists are freed

    def __len__(self) -> int:
        return int(self.alive.sum())

    def upsert(self, document: Document) -> None:
        """Add or replace one document; searchable at once."""
        self._add(document)
        self.alive = np.append(self.alive, True)
        self._drop_replaced()

    def _drop_replaced(self) -> None:
        keep = np.zeros(len(self.documents), dtype=bool)
        keep[list(self.position.values())] = True
        self.alive &= keep

    def _add(self, document: Document) -> None:
        index = len(self.documents)
        self.documents.append(document)
        self.position[document.id] = index
        found: dict[str, list[float]] = defaultdict(list)
        for name, weight in FIELD_WEIGHTS:
            for term in set(terms(document.field_text(name))):
                found[term].append(weight)
        # The best field counts fully, further fields a little: title and topics beat topics.
        best = {t: max(w) + _MORE_FIELDS * (sum(w) - max(w)) for t, w in found.items()}
        for term, weight in best.items():
            if term not in self.postings:
                self._vocabulary = None
            self.postings[term].add(index, weight)
        for name in FACETS:
            values = document.topics if name == "topics" else (getattr(document, name),)
            for value in values:
                if value:
                    self.facets[name][fold(value)].append(index)
                    self.labels[fold(value)] = value
        self._expansions.clear()

    @property
    def vocabulary(self) -> list[str]:
        """Every indexed word (not the concept tokens), for typo correction."""
        if self._vocabulary is None:
            self._vocabulary = [t for t in self.postings if not t.startswith(CONCEPT)]
        return self._vocabulary

    def search(
        self, text: str, *, filters: dict[str, str] | None = None, limit: int = 5
    ) -> list[Hit]:
        """Best documents for the question, score in 0..1 (share of the best possible)."""
        words = query_words(text)
        mask = self.filter_mask(filters or {})
        if not words:
            if not filters:
                return []
            chosen = np.nonzero(mask)[0][:limit]
            return [Hit(self.documents[i], 1.0, lexical=1.0) for i in chosen]
        total = np.zeros(len(self.documents), dtype=np.float32)
        possible = 0.0
        for word in words:
            if not self._expand(word):
                continue  # a word the collection does not know cannot count against it
            word_scores, best = self._score_word(word)
            total += word_scores
            possible += best
        if possible == 0.0:
            return []
        total[~mask] = 0.0
        return self._top(total / max(possible, 1e-9), limit)

    def _score_word(self, word: QueryWord) -> tuple[np.ndarray, float]:
        scores = np.zeros(len(self.documents), dtype=np.float32)
        best_idf = 0.0
        for term, weight in self._expand(word):
            ids, field_weights = self.postings[term].arrays()
            idf = self._idf(len(ids))
            best_idf = max(best_idf, idf)
            np.maximum.at(scores, ids, field_weights * (weight * idf))
        return scores, BEST_FIELD * (best_idf or self._idf(1))

    def _idf(self, frequency: int) -> float:
        return math.log(1.0 + len(self.documents) / max(frequency, 1))

    def _expand(self, word: QueryWord) -> list[tuple[str, float]]:
        key = f"{word.stem}|{word.concept}"
        if key not in self._expansions:
            self._expansions[key] = self._expansions_of(word)
        return self._expansions[key]

    def _expansions_of(self, word: QueryWord) -> list[tuple[str, float]]:
        found: dict[str, float] = {}
        stem = word.stem
        if stem in self.postings:
            found[stem] = _EXACT
        if word.concept and word.concept in self.postings:
            found[word.concept] = _SYNONYM
        if " " not in stem and len(stem) >= 4:
            self._compounds(stem, found)
        if not found and " " not in stem and len(stem) >= 4:
            for term, score, _ in process.extract(
                stem, self.vocabulary, scorer=fuzz.ratio, limit=3, score_cutoff=80
            ):
                found.setdefault(term, _TYPO * score / 100)
        return list(found.items())

    def _compounds(self, stem: str, found: dict[str, float]) -> None:
        """German compounds both ways: words containing the query word ("sperr" ->
        "wegesperrung", "hitze" -> "hitzeaktionsplan"), and the parts of a query compound
        ("hitzeschutz" -> "hitze", "muellroboter" -> "muellsammelroboter")."""
        for term in self._containing(stem):
            found.setdefault(term, _INSIDE)
        if stem in self.postings:
            return
        heads = [
            t
            for t in self.vocabulary
            if len(t) >= 4 and t != stem and (stem.startswith(t) or stem.endswith(t))
        ]
        for term in sorted(heads, key=len, reverse=True)[:2]:
            found.setdefault(term, _PART * len(term) / len(stem) + 0.2)
        for split in range(4, len(stem) - 3):
            left, right = self._containing(stem[:split]), self._containing(stem[split:])
            for term in set(left) & set(right):
                found.setdefault(term, _PART)

    def _containing(self, part: str) -> list[str]:
        if len(part) >= 5:
            matches = [t for t in self.vocabulary if part in t and t != part]
        else:
            matches = [
                t for t in self.vocabulary if t != part and (t.startswith(part) or t.endswith(part))
            ]
        return sorted(matches, key=len)[:_MAX_INSIDE]

    def filter_mask(self, filters: dict[str, str]) -> np.ndarray:
        """Which live documents match every filter (`land`, `ort`, `status`, `thema`)."""
        mask = self.alive.copy()
        for name, wanted in filters.items():
            wanted_folded = fold(wanted)
            chosen = np.zeros(len(self.documents), dtype=bool)
            for value, ids in self.facets[name].items():
                if _facet_matches(name, value, wanted_folded):
                    chosen[ids] = True
            mask &= chosen
        return mask

    def _top(self, scores: np.ndarray, limit: int) -> list[Hit]:
        candidates = np.nonzero(scores > 0)[0]
        if len(candidates) > limit:
            part = np.argpartition(-scores[candidates], limit)[:limit]
            candidates = candidates[part]
        order = sorted(candidates.tolist(), key=lambda i: (-float(scores[i]), i))
        return [Hit(self.documents[i], float(scores[i]), float(scores[i])) for i in order[:limit]]


def _facet_matches(name: str, value: str, wanted: str) -> bool:
    """A state is one of the ";"-separated states exactly (Sachsen is not Niedersachsen);
    other facets match a part ("kusel" finds "landkreis kusel")."""
    if name == "state":
        return wanted in (part.strip() for part in value.split(";"))
    return wanted in value
