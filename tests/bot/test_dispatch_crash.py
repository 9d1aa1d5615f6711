"""A dispatcher killed with SIGKILL in the middle of a fan-out loses nothing when restarted,
and repeats nothing: the messages in flight at the kill are looked up in the conversation's
history (by their outbox key) before they are sent again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.config import PROJECT_ROOT, Config
from tests.bot.outbox_helpers import add_conference, fast, register_users, services_at
from tests.fake_slack import FakeSlack

USERS = [f"U{n:02d}" for n in range(30)]


@pytest.fixture
def unpaced_config(tmp_path: Path) -> Path:
    """A config file without the fan-out pace: here Slack's own slowness sets the speed."""
    path = tmp_path / "config.toml"
    path.write_text(
        f"[bot]\ndata_dir = {str(PROJECT_ROOT / 'data')!r}\n"
        "[reminders]\nmessages_per_second = 1000\n",
        encoding="utf-8",
    )
    return path


def run_dispatch(
    database_url: str, api_url: str, now: str, config: Path
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": api_url,
        "SMARTCITY_CONFIG": str(config),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "dispatch", "--now", now],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def registered(engine: Engine, slack_config: Config) -> None:
    """30 members registered for a conference whose 7-day reminders are due."""
    bot = services_at(fast(slack_config), "2026-03-01T10:00")
    register_users(bot, add_conference(bot, "2026-03-30T14:00"), *USERS)


@pytest.mark.usefixtures("registered")
def test_sigkill_mid_fan_out_then_restart_delivers_everything(
    database_url: str, fake_slack: FakeSlack, unpaced_config: Path
) -> None:
    # From the ninth message on, Slack posts but does not answer: the kill lands mid-way.
    fake_slack.hold_answers("chat.postMessage", after=8)
    first = run_dispatch(database_url, fake_slack.base_url, "2026-03-23T14:00", unpaced_config)
    fake_slack.wait_for("chat.postMessage", count=9, timeout=60)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    fake_slack.release()
    delivered_before = len(fake_slack.calls_to("chat.postMessage"))
    assert 8 < delivered_before < len(USERS)

    # Restarted after the claim lease of the message in flight has run out.
    second = run_dispatch(database_url, fake_slack.base_url, "2026-03-23T14:10", unpaced_config)
    assert second.wait(timeout=120) == 0, second.stderr.read() if second.stderr else ""
    counts = Counter(c.params["channel"] for c in fake_slack.calls_to("chat.postMessage"))
    assert set(counts) == set(USERS)
    assert sum(counts.values()) == len(USERS)


@pytest.mark.usefixtures("registered")
def test_two_dispatch_processes_at_once_send_each_message_once(
    database_url: str, fake_slack: FakeSlack, unpaced_config: Path
) -> None:
    fake_slack.delay_seconds = 0.01
    processes = [
        run_dispatch(database_url, fake_slack.base_url, "2026-03-23T14:00", unpaced_config)
        for _ in range(2)
    ]
    for process in processes:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    counts = Counter(c.params["channel"] for c in fake_slack.calls_to("chat.postMessage"))
    assert counts == dict.fromkeys(USERS, 1)
