"""What names in a message can refer to - conferences, model projects, states - kept in memory
per database and rebuilt only when the data changes.

Each message first reads the conferences' signature (count, newest `updated_at`, highest id;
every write moves `updated_at` forward) and the model projects' names and states, two small
queries; only when either differs from what the cache has seen are the conferences read again.
So an organizer's edit is understood with the very next message, on any replica.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from handlers.places import state_names
from storage.conferences import all_conferences, conference_signature
from storage.models import Conference
from storage.projects import project_places


@dataclass(frozen=True)
class ConferenceNames:
    """The words a conference can be named by, detached from any database session."""

    slug: str
    city: str
    title: str
    motto: str
    topics: tuple[str, ...]

    @classmethod
    def of(cls, conference: Conference) -> ConferenceNames:
        """The names of a stored conference."""
        return cls(
            conference.slug,
            conference.city,
            conference.title,
            conference.motto,
            tuple(conference.topics),
        )


@dataclass(frozen=True)
class World:
    """What names in a message can refer to: the conferences, model projects and states."""

    conferences: Sequence[ConferenceNames]
    municipalities: tuple[str, ...]
    states: tuple[str, ...]


_Signature = tuple[tuple[int, datetime | None, int], tuple[tuple[str, str], ...]]
_worlds: dict[str, tuple[_Signature, World]] = {}
_lock = threading.Lock()


def world_of(session: Session) -> World:
    """The current conferences and model projects of this session's database."""
    key = str(session.get_bind().engine.url)
    places = tuple(project_places(session))
    signature = (conference_signature(session), places)
    with _lock:
        cached = _worlds.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
    world = World(
        tuple(ConferenceNames.of(conference) for conference in all_conferences(session)),
        tuple(name for name, _ in places),
        tuple(state_names([state for _, state in places])),
    )
    with _lock:
        _worlds[key] = (signature, world)
    return world
