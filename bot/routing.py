"""One outbox, two transports: each row goes to Matrix or Slack by its recipient's id.

Matrix ids carry their server (`@name:server` for people, `!id:server` and `#alias:server` for
rooms); Slack ids do not (`storage.recipients`). Only the replica that syncs the Matrix account
can post there: elsewhere (or before the bot is connected) it claims no Matrix rows, and one
that reaches it anyway is given back to be tried again. Only where a transport is not
configured at all are its rows failed at once, with the reason, as no replica will send them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Config
from bot.sending import PERMANENT, TRANSIENT, Outgoing, Sender, SendError
from storage.recipients import MATRIX, SLACK, is_matrix_id

__all__ = ["RoutingSender", "is_matrix_id", "unconfigured_transports"]


def unconfigured_transports(config: Config) -> frozenset[str]:
    """The transports this deployment has no credentials for (every replica is configured
    alike, so none of them will send those rows)."""
    missing = set()
    if not config.secrets.bot_token:
        missing.add(SLACK)
    if not config.matrix_configured:
        missing.add(MATRIX)
    return frozenset(missing)


@dataclass
class RoutingSender:
    """A `Sender` that hands each row to the transport of its recipient. `matrix` is set
    while this process syncs the Matrix account, and None otherwise."""

    slack: Sender | None = None
    matrix: Sender | None = None
    # Rows to these are claimed and failed with the reason instead of waiting for ever.
    unconfigured: frozenset[str] = frozenset()

    def send(self, message: Outgoing) -> None:
        """Deliver through the recipient's transport, or raise SendError."""
        self._for(message).send(message)

    def delivered(self, message: Outgoing) -> bool:
        """Asked of the recipient's transport."""
        return self._for(message).delivered(message)

    def auth_problem(self) -> str | None:
        """The first transport whose credentials fail, if any."""
        for sender in (self.slack, self.matrix):
            problem = sender.auth_problem() if sender else None
            if problem:
                return problem
        return None

    def cost(self, message: Outgoing) -> int:
        """API calls, as the recipient's transport counts them (1 when it is not here)."""
        sender = self.matrix if is_matrix_id(message.recipient) else self.slack
        return sender.cost(message) if sender else 1

    def transports(self) -> frozenset[str]:
        """Those connected now (without the Matrix sync, Slack alone), and those not
        configured at all, whose rows fail here."""
        reached = self.unconfigured
        for sender in (self.slack, self.matrix):
            if sender is not None:
                reached |= sender.transports()
        return reached

    def _for(self, message: Outgoing) -> Sender:
        matrix = is_matrix_id(message.recipient)
        sender = self.matrix if matrix else self.slack
        if sender is None and (MATRIX if matrix else SLACK) in self.unconfigured:
            name = "Matrix" if matrix else "Slack"
            raise SendError(f"{name} is not configured for this bot", kind=PERMANENT)
        if sender is None:
            where = (
                "Matrix (another replica syncs it, or it is not connected yet)"
                if matrix
                else "Slack"
            )
            raise SendError(f"not connected to {where}", kind=TRANSIENT)
        return sender
