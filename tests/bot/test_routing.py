"""One outbox, two transports: rows go to Matrix or Slack by the recipient's id."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.routing import RoutingSender, is_matrix_id
from bot.sending import TRANSIENT, Outgoing, SendError
from handlers.replies import Reply


@dataclass
class Recording:
    """A transport that remembers what it was given."""

    sent: list[str] = field(default_factory=list)
    problem: str | None = None
    reaches: str = "slack"

    def send(self, message: Outgoing) -> None:
        self.sent.append(message.recipient)

    def delivered(self, message: Outgoing) -> bool:
        return False

    def auth_problem(self) -> str | None:
        return self.problem

    def cost(self, message: Outgoing) -> int:
        return 7

    def transports(self) -> frozenset[str]:
        return frozenset({self.reaches})


def row(recipient: str) -> Outgoing:
    return Outgoing(f"reply:{recipient}", recipient, Reply("Hallo"))


def test_matrix_ids_carry_their_server_and_slack_ids_do_not() -> None:
    assert is_matrix_id("@erika:stadt-ulm.de")
    assert is_matrix_id("!AbCdEf:matrix.bund.de")
    assert not is_matrix_id("U012ABCDEF")
    assert not is_matrix_id("C100")
    assert not is_matrix_id("@here")


def test_each_row_goes_to_the_transport_of_its_recipient() -> None:
    slack, matrix = Recording(), Recording()
    sender = RoutingSender(slack=slack, matrix=matrix)
    for recipient in ("U100", "@erika:stadt-ulm.de", "C100", "!raum:bund.de"):
        sender.send(row(recipient))
    assert slack.sent == ["U100", "C100"]
    assert matrix.sent == ["@erika:stadt-ulm.de", "!raum:bund.de"]
    assert sender.cost(row("@erika:stadt-ulm.de")) == 7


def test_without_the_matrix_connection_a_matrix_row_is_tried_again_not_failed() -> None:
    sender = RoutingSender(slack=Recording())
    with pytest.raises(SendError) as raised:
        sender.send(row("@erika:stadt-ulm.de"))
    assert raised.value.kind == TRANSIENT
    assert sender.cost(row("@erika:stadt-ulm.de")) == 1


def test_a_refused_token_of_either_transport_is_reported() -> None:
    assert RoutingSender(slack=Recording(), matrix=Recording()).auth_problem() is None
    matrix = Recording(problem="M_UNKNOWN_TOKEN")
    assert RoutingSender(slack=Recording(), matrix=matrix).auth_problem() == "M_UNKNOWN_TOKEN"
