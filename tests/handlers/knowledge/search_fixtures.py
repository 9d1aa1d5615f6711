"""The search index over the shipped sample data, without a database."""

from __future__ import annotations

from functools import cache

from bot.config import PROJECT_ROOT
from handlers.knowledge.index import Document, SearchIndex
from handlers.knowledge.index_cache import state_lookup, state_of
from storage.models import ModelProject
from storage.projects import read_project_file
from storage.solutions import read_solution_file

DATA = PROJECT_ROOT / "data"


def sample_documents() -> list[Document]:
    projects = [ModelProject(**row) for row in read_project_file(DATA / "model_projects.csv")]
    states = state_lookup(projects)
    return [
        Document(
            id=row["id"],
            title=row["title"],
            municipality=row["municipality"],
            topics=tuple(row["topics"]),
            summary=row["summary"],
            status=row["status"],
            state=state_of(row["municipality"], states),
            source_url=row["source_url"],
        )
        for row in read_solution_file(DATA / "solutions.csv")
    ]


@cache
def sample_index() -> SearchIndex:
    return SearchIndex(sample_documents())
