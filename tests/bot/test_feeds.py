"""Calendar feeds over HTTP: the network's conferences at /kalender.ics, a member's own
registrations behind a secret link; cacheable, and valid iCalendar (round-tripped)."""

from __future__ import annotations

import dataclasses
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config
from bot.feed_http import feed_route
from bot.http import make_server
from bot.services import Services, build_services
from bot.slack_app import create_app
from handlers.conferences.editing import cancel_conference, edit_conference
from handlers.conferences.feed import calendar_link, revoke_calendar_link
from storage.conference_ics import read_ics_file
from storage.conferences import count_conferences, get_conference
from tests.bot.outbox_helpers import register_users
from tests.conftest import BERLIN, berlin

KONSTANZ = "rk23-2025-konstanz"


@pytest.fixture
def bot(engine: Engine, slack_config: Config, clock: FixedClock) -> Services:
    bot = dataclasses.replace(slack_config.bot, public_url="https://bot.example.org/")
    return build_services(dataclasses.replace(slack_config, bot=bot), clock=clock)


@pytest.fixture
def base(bot: Services) -> Iterator[str]:
    server = make_server(create_app(bot), bot, host="127.0.0.1", port=0, feeds=feed_route(bot))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    # Closed from inside its loop, woken at once: closed from outside, the loop would only
    # notice at the end of its one-second poll.
    server.trigger.pull_trigger(server.close)
    thread.join(timeout=5)
    assert not thread.is_alive()


def get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def events(body: bytes) -> dict[str, Calendar]:
    calendar = Calendar.from_ical(body)
    assert calendar.to_ical() == body  # what a calendar program reads, it can write back
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_network_feed_lists_every_conference(bot: Services, base: str) -> None:
    status, headers, body = get(base + "/kalender.ics")
    assert status == 200
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    with bot.sessions() as session:
        assert len(events(body)) == count_conferences(session)
    konstanz = events(body)[f"conference-{KONSTANZ}@smartcity-bot"]
    assert konstanz.decoded("dtstart") == berlin("2025-09-24T09:30")
    assert konstanz.decoded("dtstart").tzinfo.key == "Europe/Berlin"
    assert str(konstanz["location"]).startswith("Bodenseeforum Konstanz, Reichenaustr. 21")
    assert Calendar.from_ical(body)["x-wr-calname"] == "Modellprojekte Smart Cities: Konferenzen"


def test_the_feed_is_cacheable_until_a_conference_changes(bot: Services, base: str) -> None:
    _, headers, _ = get(base + "/kalender.ics")
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert modified == "Mon, 01 Sep 2025 08:00:00 GMT"  # the import, by the pinned clock
    assert get(base + "/kalender.ics", **{"If-None-Match": etag})[0] == 304
    assert get(base + "/kalender.ics", **{"If-Modified-Since": modified})[0] == 304
    bot.clock = FixedClock(berlin("2025-09-02T12:00"))
    with bot.context("UORG") as ctx:
        konstanz = get_conference(ctx.session, KONSTANZ, for_update=True)
        assert konstanz is not None
        cancel_conference(ctx, konstanz)
    status, headers, body = get(base + "/kalender.ics", **{"If-None-Match": etag})
    assert status == 200 and headers["ETag"] != etag
    assert headers["Last-Modified"] == "Tue, 02 Sep 2025 10:00:00 GMT"
    cancelled = events(body)[f"conference-{KONSTANZ}@smartcity-bot"]
    assert str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["summary"]).startswith("ABGESAGT: 23. Regionalkonferenz")


def test_a_personal_link_shows_only_my_registrations_until_revoked(
    bot: Services, base: str
) -> None:
    with bot.sessions() as session:
        konstanz = get_conference(session, KONSTANZ)
        assert konstanz is not None
    register_users(bot, konstanz.id, "U1", "U2")
    link = bot.reply("U1", lambda ctx: calendar_link(ctx, base_url=bot.config.bot.public_url))
    url = link.text.rsplit(" ", 1)[1]
    assert url.startswith("https://bot.example.org/kalender/") and url.endswith(".ics")
    again = bot.reply("U1", lambda ctx: calendar_link(ctx, base_url=bot.config.bot.public_url))
    assert again.text == link.text
    local = url.replace("https://bot.example.org", base)
    status, headers, body = get(local)
    assert status == 200 and headers["Cache-Control"] == "private, max-age=300"
    [(uid, event)] = events(body).items()
    assert uid.startswith("registration-") and "Regionalkonferenz" in str(event["summary"])
    assert bot.reply("U1", revoke_calendar_link).text.startswith("Ihr persönlicher Kalender-Link")
    assert get(local)[0] == 404
    assert (
        bot.reply("U1", revoke_calendar_link).text
        == "Sie hatten keinen persönlichen Kalender-Link."
    )


def test_the_feed_imports_back_as_the_same_conferences(
    bot: Services, base: str, tmp_path: Path
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_bytes(get(base + "/kalender.ics")[2])
    records = {record.slug: record for record in read_ics_file(path, BERLIN)}
    with bot.sessions() as session:
        konstanz = get_conference(session, KONSTANZ)
        assert konstanz is not None
    again = records[KONSTANZ]
    assert (again.starts_at, again.ends_at, again.city) == (
        konstanz.starts_at,
        konstanz.ends_at,
        konstanz.city,
    )


def test_an_edit_within_the_same_clock_tick_still_changes_the_feed(
    bot: Services, base: str
) -> None:
    _, headers, _ = get(base + "/kalender.ics")  # the clock stands still in this test
    with bot.context("UORG") as ctx:
        konstanz = get_conference(ctx.session, KONSTANZ, for_update=True)
        assert konstanz is not None
        edit_conference(ctx, konstanz, {"venue": "Konzil Konstanz"})
    status, again, body = get(base + "/kalender.ics", **{"If-None-Match": headers["ETag"]})
    assert status == 200 and again["ETag"] != headers["ETag"]
    event = events(body)[f"conference-{KONSTANZ}@smartcity-bot"]
    assert str(event["location"]).startswith("Konzil Konstanz")
