"""The directory of model projects: projects by federal state, solutions by municipality."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from handlers.context import Context
from handlers.knowledge.answers import solution_card
from handlers.knowledge.index_cache import current_index
from handlers.knowledge.natural import STATE_ALIASES
from handlers.normalize import fold, words
from handlers.replies import Card, Reply
from handlers.texts import t
from storage.models import ModelProject
from storage.projects import all_projects

_MATCH = 85.0


def states_of(projects: Sequence[ModelProject]) -> list[str]:
    return sorted({state.strip() for p in projects for state in p.state.split(";")})


def find_state(text: str, states: Sequence[str]) -> str | None:
    """The federal state a question names, by name, common abbreviation or English name."""
    folded = fold(text)
    for alias, state in sorted(STATE_ALIASES.items(), key=lambda item: -len(item[0])):
        if alias in words(folded) or (" " in alias and alias in folded):
            return state
    choices = {fold(state): state for state in states}
    for word in words(text):
        if len(word) >= 4:
            found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=_MATCH)
            if found:
                return choices[found[0]]
    found = process.extractOne(folded, list(choices), scorer=fuzz.partial_ratio, score_cutoff=95)
    return choices[found[0]] if found else None


def state_reply(ctx: Context, text: str) -> Reply | None:
    """ "Welche Modellprojekte gibt es in Bayern?" """
    projects = all_projects(ctx.session)
    state = find_state(text, states_of(projects))
    if state is None:
        return None
    inside = [p for p in projects if state in [s.strip() for s in p.state.split(";")]]
    if not inside:
        return Reply(t(ctx.language, "dir.state_none", state=state), language=ctx.language)
    notes = tuple(
        t(ctx.language, "dir.project", name=p.name, category=p.category, cohort=p.cohort_year)
        for p in inside
    )
    return Reply(t(ctx.language, "dir.state", state=state), notes=notes, language=ctx.language)


def find_project(text: str, projects: Sequence[ModelProject]) -> ModelProject | None:
    names = {fold(p.name): p for p in projects}
    candidates = [w for w in words(text) if len(w) >= 4]
    for word in candidates:
        found = process.extractOne(word, list(names), scorer=fuzz.partial_ratio, score_cutoff=90)
        if found and len(found[0]) <= 3 * len(word):
            return names[found[0]]
    return None


def place_reply(ctx: Context, text: str) -> Reply | None:
    """ "Was macht Konstanz?": the model project and the solutions it built."""
    project = find_project(text, all_projects(ctx.session))
    if project is None:
        return None
    index = current_index(ctx.session)
    place = project.name.split("(")[0].split("/")[0].strip()
    hits = index.search("", filters={"municipality": place}, limit=10)
    cards = tuple(solution_card(ctx, hit.document) for hit in hits)
    info = t(
        ctx.language,
        "dir.project",
        name=project.name,
        category=project.category,
        cohort=project.cohort_year,
    )
    key = "dir.solutions" if cards else "dir.no_solutions"
    lead = f"{info} {t(ctx.language, key, name=project.name)}"
    return Reply(lead, cards=cards or (Card("", body=project.notes),), language=ctx.language)
