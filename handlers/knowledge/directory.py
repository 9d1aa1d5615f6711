"""The directory of model projects: projects by federal state, solutions by municipality."""

from __future__ import annotations

from handlers.context import Context
from handlers.knowledge.answers import solution_card
from handlers.knowledge.index_cache import current_index
from handlers.replies import Card, Reply
from handlers.texts import t
from storage.projects import all_projects, get_project

_NOT_PLACES = (
    "Ist Is Gehört Modellprojekt Modellprojekte Smart City Cities Stadt Landkreis Kreis "
    "Gemeinde Die Der Das Sind Wir Auch Und"
)


def state_reply(ctx: Context, state: str) -> Reply:
    """ "Welche Modellprojekte gibt es in Bayern?" """
    projects = all_projects(ctx.session)
    inside = [p for p in projects if state in [s.strip() for s in p.state.split(";")]]
    if not inside:
        return Reply(ctx.t("dir.state_none", state=state), language=ctx.language)
    notes = tuple(
        ctx.t("dir.project", name=p.name, category=p.category, cohort=p.cohort_year) for p in inside
    )
    return Reply(ctx.t("dir.state", state=state), notes=notes, language=ctx.language)


def place_reply(ctx: Context, name: str) -> Reply:
    """ "Was macht Konstanz?": the model project and the solutions it built."""
    project = get_project(ctx.session, name)
    if project is None:
        return Reply(ctx.t("dir.ask_place"), language=ctx.language)
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
    lead = f"{info} {ctx.t(key, name=project.name)}"
    return Reply(lead, cards=cards or (Card("", body=project.notes),), language=ctx.language)


def member_reply(ctx: Context, name: str | None, text: str) -> Reply:
    """ "Ist Bamberg ein Modellprojekt?": yes with its state, or honestly no."""
    project = get_project(ctx.session, name) if name else None
    if project is not None:
        return Reply(
            ctx.t("dir.member", name=project.name, state=project.state),
            language=ctx.language,
        )
    asked = _asked_place(text)
    if not asked:
        return Reply(ctx.t("dir.ask_place"), language=ctx.language)
    return Reply(ctx.t("dir.not_member", name=asked), language=ctx.language)


def _asked_place(text: str) -> str:
    """The capitalised word a member asks about ("Ist Stuttgart auch dabei?" -> Stuttgart)."""
    skip = set(_NOT_PLACES.split())
    found = [word.strip("?!.,") for word in text.split() if word[:1].isupper()]
    return next((word for word in found if word not in skip), "")
