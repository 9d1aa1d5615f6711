"""What the fan-out benchmarks share: running dispatchers until the outbox is empty, and a
Synapse to send to."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from bot.dispatcher import Dispatcher
from storage.models import OutboxMessage
from storage.outbox import PENDING, SENDING
from tests.matrix.synapse import RateLimit, Synapse, synapse_python


def until_done(dispatcher: Dispatcher) -> Counter[str]:
    """Dispatch until no row is pending or being sent (rate-limited ones are due again a
    moment later)."""
    while True:
        outcomes = dispatcher.run_once()
        with dispatcher.services.sessions() as session:
            left = session.scalar(
                select(func.count()).where(OutboxMessage.status.in_((PENDING, SENDING)))
            )
        if not left:
            return outcomes
        time.sleep(0.2)


def started_synapse(folder: Path, rc_message: RateLimit) -> Synapse:
    """A running Synapse in `folder`, or the process ends saying how to install one."""
    python = synapse_python()
    if python is None:
        sys.exit(
            "Synapse is not installed: python3 -m venv .synapse-venv && "
            ".synapse-venv/bin/pip install matrix-synapse"
        )
    synapse = Synapse(folder, python, rc_message=rc_message)
    synapse.start()
    return synapse
