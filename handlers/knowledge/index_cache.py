"""Keeps one search index per database in step with the solutions table.

Each search first compares the table's (count, newest revision) with what the index has seen:
changed rows are upserted with their stored vectors (so an edit on any replica is found at
once), and anything else, such as deleted rows, rebuilds the index.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from handlers.embedding import Embedder, Vectors, shared_embedder
from handlers.knowledge.documents import state_lookup, to_document
from handlers.knowledge.hybrid import KnowledgeIndex
from handlers.knowledge.index import Document
from handlers.knowledge.vectors import row_key, stored_vector
from storage.models import Solution
from storage.projects import all_projects
from storage.solutions import solution_signature, solutions_changed_since


@dataclass
class _Synced:
    index: KnowledgeIndex
    count: int
    newest: int
    states: dict[str, str]


_indexes: dict[str, _Synced] = {}
_lock = threading.Lock()


def current_index(session: Session, embedder: Embedder | None = None) -> KnowledgeIndex:
    """The index for this session's database, brought up to date (the shared model by
    default; without it, the index is lexical only)."""
    embedder = embedder or shared_embedder()
    key = f"{session.get_bind().engine.url}|{embedder.name if embedder else ''}"
    count, newest = solution_signature(session)
    with _lock:
        synced = _indexes.get(key)
        if synced is not None and (synced.count, synced.newest) == (count, newest):
            return synced.index
        if synced is not None and count >= synced.count:
            changed = solutions_changed_since(session, synced.newest)
            for document, vector in entries(changed, synced.states, embedder):
                synced.index.upsert(document, vector)
            if len(synced.index) == count:
                synced.count, synced.newest = count, newest
                return synced.index
        states = state_lookup(all_projects(session))
        rows = solutions_changed_since(session, -1)
        index = KnowledgeIndex(entries(rows, states, embedder), embedder)
        _indexes[key] = _Synced(index, count, newest, states)
        return index


def entries(
    rows: Sequence[Solution], states: dict[str, str], embedder: Embedder | None
) -> Iterator[tuple[Document, Vectors | None]]:
    """Documents with their stored vectors (None when missing or stale)."""
    for row in rows:
        vector = stored_vector(row, row_key(embedder, row)) if embedder else None
        yield to_document(row, states), vector
