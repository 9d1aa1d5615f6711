"""A registration stored directly, so a Matrix test can start from someone already registered."""

from __future__ import annotations

from sqlalchemy import select

from bot.services import Services
from storage.models import Conference
from storage.registrations import Details, lock_conference, register

ERIKA = Details(name="Erika Muster", municipality="Ulm", role="Digitallotsin", notes="")


def register_for_konstanz(services: Services, user_id: str) -> None:
    """Erika Muster from Ulm, registered for the conference in Konstanz."""
    with services.sessions.begin() as session:
        konstanz = session.scalars(select(Conference).where(Conference.city == "Konstanz")).one()
        register(
            session, lock_conference(session, konstanz.id), user_id, ERIKA, now=services.clock()
        )
