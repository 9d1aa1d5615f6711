"""Dispatch signed requests through the real Bolt app against the fake Web API."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App, BoltResponse
from slack_bolt.request import BoltRequest

from bot.services import Services
from bot.slack_app import create_app
from bot.slack_wiring import InFlight
from tests.bot.outbox_helpers import dispatcher
from tests.fake_slack import FakeSlack
from tests.slack_requests import signed_headers


@dataclass
class SlackHarness:
    app: App
    api: FakeSlack
    executor: ThreadPoolExecutor
    couriers: ThreadPoolExecutor
    submissions: InFlight

    @classmethod
    def start(cls, services: Services, api: FakeSlack) -> SlackHarness:
        """The real app; listeners and the sending of what requests queued run on executors
        that `settle` waits for."""
        executor, couriers = ThreadPoolExecutor(max_workers=4), ThreadPoolExecutor(max_workers=4)
        submissions = InFlight()
        # Paced on the test's clock, as the tests' own dispatch runs are: one pace for both.
        app = create_app(
            services,
            listener_executor=executor,
            courier_executor=couriers,
            dispatcher=dispatcher(services),
            submissions=submissions,
        )
        return cls(app, api, executor, couriers, submissions)

    def send(self, body: str, **headers: str) -> BoltResponse:
        """Deliver a correctly signed request, as Slack would."""
        return self.app.dispatch(BoltRequest(body=body, headers=signed_headers(body, **headers)))

    def send_raw(self, body: str, headers: dict[str, str]) -> BoltResponse:
        return self.app.dispatch(BoltRequest(body=body, headers=headers))

    def settle(self) -> None:
        """Wait until every listener Bolt ran in the background, and every send it queued,
        has finished."""
        self.executor.shutdown(wait=True)
        self.couriers.shutdown(wait=True)
