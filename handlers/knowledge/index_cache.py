"""Keeps one search index per database in step with the solutions table.

Each search first compares the table's (count, newest revision) with what the index has seen:
changed rows are upserted (so an edit on any replica is found at once), and anything else,
such as deleted rows, rebuilds the index.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from handlers.knowledge.index import Document, SearchIndex
from handlers.normalize import fold
from storage.models import ModelProject, Solution
from storage.projects import all_projects
from storage.solutions import solution_signature, solutions_changed_since

_STATE_MATCH = 88.0


@dataclass
class _Synced:
    index: SearchIndex
    count: int
    newest: int
    states: dict[str, str]


_indexes: dict[str, _Synced] = {}
_lock = threading.Lock()


def current_index(session: Session) -> SearchIndex:
    """The index for this session's database, brought up to date."""
    key = str(session.get_bind().engine.url)
    count, newest = solution_signature(session)
    with _lock:
        synced = _indexes.get(key)
        if synced is not None and (synced.count, synced.newest) == (count, newest):
            return synced.index
        if synced is not None and count >= synced.count:
            changed = solutions_changed_since(session, synced.newest)
            for row in changed:
                synced.index.upsert(to_document(row, synced.states))
            if len(synced.index) == count:
                synced.count, synced.newest = count, newest
                return synced.index
        states = state_lookup(all_projects(session))
        index = SearchIndex(
            to_document(row, states) for row in solutions_changed_since(session, -1)
        )
        _indexes[key] = _Synced(index, count, newest, states)
        return index


def state_lookup(projects: Sequence[ModelProject]) -> dict[str, str]:
    """Folded project name -> federal state, for the `land:` filter."""
    return {fold(project.name): project.state for project in projects}


def state_of(municipality: str, states: dict[str, str]) -> str:
    """The state of the model project a solution's municipality names, or ""."""
    if not states:
        return ""
    found = process.extractOne(
        fold(municipality), list(states), scorer=fuzz.token_set_ratio, score_cutoff=_STATE_MATCH
    )
    return states[found[0]] if found else ""


def to_document(row: Solution, states: dict[str, str]) -> Document:
    return Document(
        id=row.id,
        title=row.title,
        municipality=row.municipality,
        topics=tuple(row.topics),
        summary=row.summary,
        status=row.status,
        state=state_of(row.municipality, states),
    )
