"""Solution vectors in one float32 matrix, by the lexical index's document positions; a
question's similarity to every solution is one matrix-vector product."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from handlers.embedding import Vectors

_GROWTH = 8  # a full matrix grows by an eighth: rare copies, little unused memory
_MIN_GROWTH = 1024


class VectorIndex:
    """Rows grow in steps, so an edit appends without copying the matrix every time (and
    without doubling 150 MB at 100,000 entries for one edit)."""

    def __init__(self, vectors: Sequence[Vectors | None], dim: int) -> None:
        self.dim = dim
        self.size = len(vectors)
        self.matrix = np.zeros((max(self.size, 1), dim), dtype=np.float32)
        self.present = np.zeros(max(self.size, 1), dtype=bool)
        for position, vector in enumerate(vectors):
            if vector is not None:
                self.matrix[position] = vector
                self.present[position] = True

    def append(self, vector: Vectors | None) -> None:
        """The vector of the document just appended to the lexical index (None: no vector)."""
        if self.size == len(self.matrix):
            extra = max(self.size // _GROWTH, _MIN_GROWTH)
            self.matrix = np.concatenate([self.matrix, np.zeros((extra, self.dim), np.float32)])
            self.present = np.concatenate([self.present, np.zeros(extra, dtype=bool)])
        if vector is not None:
            self.matrix[self.size] = vector
            self.present[self.size] = True
        self.size += 1

    def similarities(self, query: Vectors) -> Vectors:
        """Cosine similarity of the query to every position (-1 where there is no vector)."""
        scores = self.matrix[: self.size] @ query
        scores[~self.present[: self.size]] = -1.0
        return scores
