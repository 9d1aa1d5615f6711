"""Which transport a recipient id belongs to: Matrix ids carry their server, Slack ids do not.

`@name:server` is a Matrix user, `!id:server` a room and `#alias:server` a room's alias; every
other id (`U…`, `C…`, a channel name) is Slack's. The outbox needs this twice: to hand a row to
the right transport, and to let a replica claim only the rows it can send.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import false, not_, or_, true

from storage.models import OutboxMessage

SLACK, MATRIX = "slack", "matrix"
TRANSPORTS = (SLACK, MATRIX)
_MATRIX_SIGILS = ("@", "!", "#")


def is_matrix_id(recipient: str) -> bool:
    """`@name:server`, `!room:server` or `#alias:server`."""
    return recipient[:1] in _MATRIX_SIGILS and ":" in recipient[1:]


def is_matrix_room(recipient: str) -> bool:
    """`!room:server` or `#alias:server`: a room, not a person."""
    return is_matrix_id(recipient) and not recipient.startswith("@")


def transport_of(recipient: str) -> str:
    """`matrix` or `slack`."""
    return MATRIX if is_matrix_id(recipient) else SLACK


def for_transports(transports: Collection[str]) -> Any:
    """An outbox condition: the row's recipient is reached through one of `transports`."""
    if set(TRANSPORTS) <= set(transports):
        return true()
    recipient = OutboxMessage.recipient
    # The same test as `is_matrix_id`, in SQL: a sigil, then a colon somewhere after it.
    matrix = or_(*(recipient.like(f"{sigil}%:%") for sigil in _MATRIX_SIGILS))
    if MATRIX in transports:
        return matrix
    return not_(matrix) if SLACK in transports else false()
