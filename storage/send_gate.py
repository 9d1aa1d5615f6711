"""Sending state shared by every replica: one pace for the workspace, and the pause after an
authentication error. Both live in one row, locked for the moment of each change."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import SendGate

GATE = "slack"
_EPOCH = datetime.fromisoformat("2000-01-01T00:00:00+00:00")


def _gate(session: Session) -> SendGate:
    insert = insert_for(session, SendGate).values(name=GATE, next_slot_at=_EPOCH, paused_reason="")
    session.execute(insert.on_conflict_do_nothing())  # a text key: no sequence is drawn
    gate = session.get(SendGate, GATE, with_for_update=True, populate_existing=True)
    assert gate is not None
    return gate


def take_slot(session: Session, *, now: datetime, interval: timedelta) -> datetime:
    """The moment this sender may send: the next free slot of the shared pace, at least now."""
    gate = _gate(session)
    slot = max(gate.next_slot_at, now)
    gate.next_slot_at = slot + interval
    return slot


def hold_off(session: Session, *, until: datetime) -> None:
    """Nobody sends before `until` (Slack asked to wait, e.g. with Retry-After)."""
    gate = _gate(session)
    gate.next_slot_at = max(gate.next_slot_at, until)


def pause(session: Session, reason: str, *, now: datetime) -> None:
    """Stop all sending (the token was refused) until `resume`."""
    gate = _gate(session)
    if not gate.paused_reason:
        gate.paused_reason, gate.paused_at = reason[:300], now


def resume(session: Session) -> None:
    """Send again after a pause."""
    gate = _gate(session)
    gate.paused_reason, gate.paused_at = "", None


def paused(session: Session) -> tuple[str, datetime] | None:
    """Why and since when sending is paused, or None."""
    gate = session.get(SendGate, GATE)
    if gate is None or not gate.paused_reason or gate.paused_at is None:
        return None
    return gate.paused_reason, gate.paused_at
