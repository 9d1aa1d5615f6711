"""What the dispatcher hands a transport, and how a transport says a send went wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.replies import Attachment, Reply

# How a failed send is treated: never again, pause everything, wait as told, try again, or
# try again only after checking it did not arrive (the request went out, no answer came).
PERMANENT, AUTH, RATE_LIMITED, TRANSIENT, AMBIGUOUS = (
    "permanent",
    "auth",
    "rate_limited",
    "transient",
    "ambiguous",
)


class SendError(Exception):
    """A send failed; `kind` says whether and when to try again."""

    def __init__(self, reason: str, *, kind: str, retry_after: float = 0.0) -> None:
        super().__init__(reason)
        self.reason, self.kind, self.retry_after = reason, kind, retry_after


@dataclass(frozen=True)
class Outgoing:
    """One outbox row ready to go: a message (maybe in a thread) and/or files."""

    key: str
    recipient: str
    reply: Reply | None
    thread_ts: str | None = None
    files: tuple[Attachment, ...] = ()


class Sender(Protocol):
    """A transport the outbox sends through (Slack, Matrix, or both by recipient)."""

    def send(self, message: Outgoing) -> None:
        """Deliver, or raise SendError."""

    def delivered(self, message: Outgoing) -> bool:
        """Whether a send of `message` whose answer was lost did arrive after all."""

    def auth_problem(self) -> str | None:
        """None when the credentials work, else the error."""

    def cost(self, message: Outgoing) -> int:
        """API calls the send takes, for pacing."""

    def transports(self) -> frozenset[str]:
        """The transports it can post to now (`storage.recipients`): a dispatcher claims only
        rows to these, and leaves the others to a replica that reaches them."""
