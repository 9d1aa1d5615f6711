"""Hybrid search: the lexical index (exact for names, abbreviations and typos) and the
semantic ranking by sentence embeddings (meaning without shared words), fused by rank."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from handlers.embedding import Embedder, Vectors
from handlers.knowledge.index import Document, Hit, SearchIndex
from handlers.knowledge.semantic import VectorIndex

POOL = 30  # candidates taken from each ranking before fusing
RRF_K = 3.0  # reciprocal rank fusion: 1 / (RRF_K + rank); tuned on the tuning queries
LEXICAL_WEIGHT = 0.8
SEMANTIC_WEIGHT = 1.0


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
        return self.lexical.facets

    @property
    def labels(self) -> dict[str, str]:
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
        self._names = None
        self.lexical.upsert(document)
        if self.vectors is not None:
            self.vectors.append(vector)

    def search(
        self, text: str, *, filters: dict[str, str] | None = None, limit: int = 5
    ) -> list[Hit]:
        """Both rankings fused by reciprocal rank, best first."""
        lexical = self.lexical.search(text, filters=filters, limit=POOL)
        if self.vectors is None or not text.strip():
            return lexical[:limit]
        semantic = self.semantic_search(text, filters=filters, limit=POOL)
        return fuse(lexical, semantic)[:limit]

    def semantic_search(
        self, text: str, *, filters: dict[str, str] | None = None, limit: int = 5
    ) -> list[Hit]:
        """Documents by cosine similarity of their vector to the question's."""
        if self.vectors is None or self.embedder is None:
            return []
        query = self.embedder.queries([text])[0]
        scores = self.vectors.similarities(query)
        scores[~self.lexical.filter_mask(filters or {})] = -1.0
        top = np.argpartition(-scores, min(limit, len(scores) - 1))[:limit]
        order = sorted(top.tolist(), key=lambda i: -float(scores[i]))
        documents = self.lexical.documents
        return [
            Hit(documents[i], float(scores[i]), semantic=float(scores[i]))
            for i in order
            if scores[i] > -1.0
        ]


def fuse(lexical: list[Hit], semantic: list[Hit]) -> list[Hit]:
    """Reciprocal rank fusion; each hit keeps both of its scores for the thresholds."""
    fused: dict[str, float] = {}
    lexical_score: dict[str, float] = {}
    semantic_score: dict[str, float] = {}
    documents: dict[str, Document] = {}
    for weight, hits, scores in (
        (LEXICAL_WEIGHT, lexical, lexical_score),
        (SEMANTIC_WEIGHT, semantic, semantic_score),
    ):
        for rank, hit in enumerate(hits, start=1):
            key = hit.document.id
            documents[key] = hit.document
            scores[key] = hit.score
            fused[key] = fused.get(key, 0.0) + weight / (RRF_K + rank)
    order = sorted(fused, key=lambda key: -fused[key])
    return [
        Hit(
            documents[key],
            fused[key],
            lexical=lexical_score.get(key, 0.0),
            semantic=semantic_score.get(key, 0.0),
        )
        for key in order
    ]
