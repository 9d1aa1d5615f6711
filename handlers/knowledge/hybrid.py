"""Hybrid search: the semantic ranking by sentence embeddings (meaning without shared words)
decides, and the lexical index (exact for names, abbreviations and typos) lifts the solutions
it matches strongly - by a title, topic or municipality word, not by one summary word."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from handlers.embedding import Embedder, Vectors
from handlers.knowledge.index import Document, Hit, SearchIndex
from handlers.knowledge.semantic import VectorIndex

POOL = 30  # lexical candidates that may be lifted
# Tuned on the tuning queries (a broad plateau: 0.02-0.05 and 0.2-0.3 score alike). A full
# lexical match adds 0.03 to a cosine similarity; the similarities of a question's best
# solutions typically lie 0.01-0.05 apart, so words decide between close meanings only.
LEXICAL_WEIGHT = 0.03
# Share of the best lexical score from which words count: a word of the question in a title,
# topic or municipality reaches it; in a question of two or more words, one found only in a
# summary does not (1/3.6 of a word's best, shared among the words).
STRONG_LEXICAL = 0.2
# Score differences below 0.001 are noise of the arithmetic, not of meaning (see top_positions).
TIE_DECIMALS = 3


class KnowledgeIndex:
    """Lexical postings plus a vector per document position; `upsert` updates both."""

    def __init__(
        self,
        entries: Iterable[tuple[Document, Vectors | None]],
        embedder: Embedder | None = None,
    ) -> None:
        vectors: list[Vectors | None] = []

        def documents() -> Iterable[Document]:
            for document, vector in entries:
                vectors.append(vector)
                yield document

        self.lexical = SearchIndex(documents())
        self.embedder = embedder
        self.vectors = VectorIndex(vectors, embedder.dim) if embedder else None
        self._names: tuple[list[str], list[str]] | None = None

    def __len__(self) -> int:
        return len(self.lexical)

    @property
    def semantic(self) -> bool:
        """Whether questions are also compared by meaning (the model is installed)."""
        return self.vectors is not None

    @property
    def facets(self) -> dict[str, dict[str, list[int]]]:
        """Filter values and their documents, from the lexical index."""
        return self.lexical.facets

    @property
    def labels(self) -> dict[str, str]:
        """How each filter value is written, from the lexical index."""
        return self.lexical.labels

    def names(self) -> tuple[list[str], list[str]]:
        """The federal states and the municipalities of the collection, as written."""
        if self._names is None:
            labels = self.lexical.labels
            states = {
                part.strip() for key in self.facets["state"] for part in labels[key].split(";")
            }
            places = [labels[key] for key in self.facets["municipality"]]
            self._names = (sorted(states), places)
        return self._names

    def upsert(self, document: Document, vector: Vectors | None = None) -> None:
        """Add or replace a document and its vector; searches see it at once."""
        self._names = None
        self.lexical.upsert(document)
        if self.vectors is not None:
            self.vectors.append(vector)

    def search(
        self,
        text: str,
        *,
        filters: dict[str, str] | None = None,
        limit: int = 5,
        question: str | None = None,
    ) -> list[Hit]:
        """Best first: similarity of meaning, lifted by a strong lexical match. `text` is
        matched by words; `question` (default: `text`) is the sentence compared by meaning,
        as written, since the model reads whole sentences better than filtered words."""
        lexical = self.lexical.search(text, filters=filters, limit=POOL)
        sentence = question if question is not None else text
        if self.vectors is None or self.embedder is None or not sentence.strip():
            return lexical[:limit]
        query = self.embedder.queries([sentence])[0]
        similarity = self.vectors.similarities(query)
        return fuse(self.lexical, lexical, similarity, filters or {}, limit)

    def semantic_search(
        self, text: str, *, filters: dict[str, str] | None = None, limit: int = 5
    ) -> list[Hit]:
        """Documents by cosine similarity of their vector to the question's."""
        if self.vectors is None or self.embedder is None:
            return []
        query = self.embedder.queries([text])[0]
        scores = self.vectors.similarities(query)
        scores[~self.lexical.filter_mask(filters or {})] = -1.0
        documents = self.lexical.documents
        return [
            Hit(documents[i], float(scores[i]), semantic=float(scores[i]))
            for i in top_positions(scores, limit)
            if scores[i] > -1.0
        ]


def fuse(
    index: SearchIndex,
    lexical: list[Hit],
    similarity: Vectors,
    filters: dict[str, str],
    limit: int,
) -> list[Hit]:
    """Similarity plus LEXICAL_WEIGHT times each strong lexical score; each hit keeps both
    scores for the thresholds. A solution without a vector (not computed yet) counts as
    averagely similar, so a strong lexical match still finds it."""
    mask = index.filter_mask(filters)
    present = similarity > -1.0
    known = mask & present
    neutral = float(similarity[known].mean()) if known.any() else 0.0
    scores = np.where(present, similarity, neutral)
    lexical_score = np.zeros(len(scores), dtype=np.float32)
    for hit in lexical:
        lexical_score[index.position[hit.document.id]] = hit.lexical
    scores += np.where(lexical_score >= STRONG_LEXICAL, LEXICAL_WEIGHT * lexical_score, 0.0)
    scores[~mask] = -np.inf
    documents = index.documents
    return [
        Hit(
            documents[i],
            float(scores[i]),
            lexical=float(lexical_score[i]),
            semantic=float(similarity[i]) if present[i] else 0.0,
        )
        for i in top_positions(scores, limit)
        if scores[i] > -np.inf
    ]


def top_positions(scores: Vectors, limit: int) -> list[int]:
    """The positions of the `limit` highest scores, best first (one partial sort). Scores are
    compared to three decimals, ties in stored order: the last digits of a vector differ from
    one CPU to another, and every replica should give the same question the same order."""
    if limit <= 0 or not len(scores):
        return []
    rounded = np.round(scores, TIE_DECIMALS)
    if limit < len(rounded):
        cut = rounded[np.argpartition(-rounded, limit - 1)[limit - 1]]
        candidates = np.flatnonzero(rounded >= cut)
    else:
        candidates = np.arange(len(rounded))
    return sorted((int(i) for i in candidates), key=lambda i: (-float(rounded[i]), i))[:limit]
