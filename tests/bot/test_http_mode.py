"""`smartcity-bot run --http` as operators start it: a real process, real HTTP, fake Web API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from tests.fake_slack import FakeSlack
from tests.slack_requests import (
    SIGNING_SECRET,
    app_mention,
    event_callback,
    signed_headers,
    slash_command,
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _wait_until_serving(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)  # the server process is still starting; this is not the scheduler
    raise AssertionError("the bot did not start serving within 30 s")


@pytest.fixture
def http_bot(database_url: str, engine: Engine, fake_slack: FakeSlack) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.base_url,
    }
    env.pop("SLACK_APP_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--http", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process)
        yield base + "/slack/events"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_http_mode_answers_commands_and_mentions_and_rejects_forgeries(
    http_bot: str, fake_slack: FakeSlack
) -> None:
    body = slash_command("Wo findet die 23. Regionalkonferenz statt?")
    status, text = _post(http_bot, body, signed_headers(body))
    assert status == 200
    assert "Bodenseeforum Konstanz" in json.loads(text)["text"]

    forged_body = slash_command("Wann ist die nächste Konferenz?")
    assert _post(http_bot, forged_body, signed_headers(forged_body, secret="wrong"))[0] == 401

    event = event_callback(app_mention("Wann ist die 23. Regionalkonferenz?"), event_id="EvHttp")
    for retry in range(4):
        extra = {"x-slack-retry-num": str(retry)} if retry else {}
        assert _post(http_bot, event, signed_headers(event, **extra))[0] == 200
    [post] = fake_slack.wait_for("chat.postMessage")
    assert "24. September 2025" in post.params["text"]
