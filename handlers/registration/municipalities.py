"""Type-ahead over the model projects for the registration form; free text stays allowed."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from handlers.context import Context
from handlers.normalize import fold
from storage.projects import all_projects

SUGGESTIONS = 20


def suggest_municipalities(ctx: Context, typed: str) -> list[str]:
    """What the user typed first (free text), then the best-matching model projects."""
    typed = typed.strip()
    names = [project.name for project in all_projects(ctx.session)]
    if not typed:
        return names[:SUGGESTIONS]
    matches = process.extract(
        typed, names, scorer=fuzz.WRatio, processor=fold, limit=SUGGESTIONS, score_cutoff=60
    )
    found = [name for name, _, _ in matches]
    return [typed, *[name for name in found if name != typed]][:SUGGESTIONS]
