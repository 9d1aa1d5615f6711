"""Solution vectors are data: computed when a solution is imported or edited, stored with it,
and kept while the text they were computed from is unchanged (the key says which text)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

import numpy as np
from sqlalchemy.orm import Session

from handlers.embedding import Embedder, Vectors, shared_embedder
from handlers.knowledge.documents import passage_text, to_document
from storage.models import Solution
from storage.solutions import (
    solutions_changed_since,
    solutions_page,
    store_vectors,
)

BATCH = 32
PAGE = 512


def vector_key(embedder: Embedder, text: str) -> str:
    """Which model embedded which text: a vector with another key is stale."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return f"{embedder.name[:38]}:{digest}"


def row_key(embedder: Embedder, row: Solution) -> str:
    """What a stored vector must have been computed from: this model and this text."""
    return vector_key(embedder, passage_text(to_document(row, {})))


def stored_vector(row: Solution, key: str) -> Vectors | None:
    """The row's vector, if it was computed from the row's current text by this model."""
    if row.vector is None or row.vector_key != key:
        return None
    return np.frombuffer(row.vector, dtype=np.float32)


def embed_solutions(
    session: Session,
    embedder: Embedder,
    rows: Iterable[Solution],
    *,
    known: Mapping[str, Vectors] | None = None,
) -> int:
    """Compute and store the vectors these rows lack (a vector in `known` under the same key
    is taken as it is); returns how many rows got a new vector."""
    missing: list[tuple[str, str, str]] = []
    for row in rows:
        document = to_document(row, {})
        key = vector_key(embedder, passage_text(document))
        if stored_vector(row, key) is None:
            missing.append((row.id, passage_text(document), key))
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        computed = _vectors_for(embedder, chunk, known or {})
        pairs = zip(chunk, computed, strict=True)
        store_vectors(session, {sid: (vec.tobytes(), key) for (sid, _, key), vec in pairs})
    return len(missing)


def _vectors_for(
    embedder: Embedder, chunk: Sequence[tuple[str, str, str]], known: Mapping[str, Vectors]
) -> list[Vectors]:
    todo = [text for _, text, key in chunk if key not in known]
    fresh = iter(embedder.passages(todo))
    return [known[key] if key in known else next(fresh) for _, _, key in chunk]


def refresh_vectors(
    begin: Callable[[], AbstractContextManager[Session]],
    embedder: Embedder,
    *,
    progress: Callable[[int], None] | None = None,
    known: Mapping[str, Vectors] | None = None,
) -> int:
    """Bring every solution's vector up to date, one page per transaction: an interrupted run
    keeps what it stored and the next run computes only what is still missing."""
    computed, done, after = 0, 0, ""
    while True:
        with begin() as session:
            page = solutions_page(session, after_id=after, limit=PAGE)
            if not page:
                return computed
            computed += embed_solutions(session, embedder, page, known=known)
            after, done = page[-1].id, done + len(page)
        if progress:
            progress(done)


def read_vector_file(path: Path) -> dict[str, Vectors]:
    """Vectors shipped with data (key -> vector), e.g. for the sample solutions."""
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as stored:
        return dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))


def write_vector_file(path: Path, vectors: Mapping[str, Vectors]) -> None:
    """Save vectors by key (the shipped sample vectors)."""
    keys = sorted(vectors)
    matrix = np.stack([vectors[key] for key in keys]) if keys else np.zeros((0, 0))
    np.savez_compressed(path, keys=np.asarray(keys), vectors=matrix.astype(np.float32))


def embed_samples(session: Session, shipped: Path) -> int:
    """Vectors for the sample solutions: those shipped in `shipped` are taken as they are
    (start-up stays fast), any others are computed; nothing without the model."""
    embedder = shared_embedder()
    if embedder is None:
        return 0
    rows = solutions_changed_since(session, -1)
    return embed_solutions(session, embedder, rows, known=read_vector_file(shipped))
