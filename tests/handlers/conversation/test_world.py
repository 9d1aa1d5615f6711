"""The names understanding knows are read once per data revision, and an edit is seen with the
very next message."""

from __future__ import annotations

from bot.clock import FixedClock
from bot.services import Services
from handlers.conversation.understand import names_in
from handlers.conversation.world import world_of
from storage.conferences import all_conferences, touch
from storage.models import ModelProject


def test_the_world_is_reused_while_nothing_changes(services: Services) -> None:
    with services.sessions() as session:
        first = world_of(session)
    with services.sessions() as session:
        assert world_of(session) is first


def test_a_conference_moved_to_another_city_is_understood_at_once(
    services: Services, clock: FixedClock
) -> None:
    with services.sessions() as session:
        assert names_in("Konferenz in Quedlinburg", world_of(session)).ref.places is None
        conference = all_conferences(session)[-1]
        conference.city = "Quedlinburg"
        touch(conference, now=clock())
        session.commit()
    with services.sessions() as session:
        places = names_in("Konferenz in Quedlinburg", world_of(session)).ref.places
    assert places == frozenset({conference.slug})


def test_a_new_model_project_is_understood_at_once(services: Services) -> None:
    with services.sessions() as session:
        assert names_in("Was macht Quedlinburg?", world_of(session)).municipality is None
        session.add(
            ModelProject(
                name="Quedlinburg",
                state="Sachsen-Anhalt",
                cohort_year=2021,
                category="Kleinstadt und Landgemeinde",
                notes="",
                source_url="",
            )
        )
        session.commit()
    with services.sessions() as session:
        assert names_in("Was macht Quedlinburg?", world_of(session)).municipality == "Quedlinburg"
