"""The one mapping from stored solutions to search documents, used by the bot, the tests and
the benchmark, and the text of a solution that its vector is computed from."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from handlers.knowledge.index import Document
from handlers.normalize import fold
from storage.models import ModelProject, Solution

_STATE_MATCH = 88.0


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
    """Everything a result card and the filters need, from a stored (or parsed) row."""
    return Document(
        id=row.id,
        title=row.title,
        municipality=row.municipality,
        topics=tuple(row.topics or ()),
        summary=row.summary or "",
        status=row.status,
        state=state_of(row.municipality, states),
        source_url=row.source_url or "",
        contact_hint=row.contact_hint or "",
    )


def passage_text(document: Document) -> str:
    """What the sentence embedding of a solution is computed from."""
    topics = ", ".join(document.topics)
    return f"{document.title}. {document.municipality}. {topics}. {document.summary}".strip()
