""" "Tell me when": a member who finds nothing scheduled asks to be told, and is told once when
a conference is published (in chat, by the command line or an import) or registration opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.cli import main
from bot.config import Config
from bot.services import Services
from handlers.conferences.editing import add_conference
from handlers.replies import FormErrors
from storage.conferences import get_conference
from storage.models import NoticeSubscription, OutboxMessage
from storage.subscriptions import registration_subject
from tests.bot.outbox_helpers import dispatch, fast, services_at
from tests.bot.slack_harness import SlackHarness
from tests.chat import ask, verify_dialog
from tests.fake_slack import FakeSlack
from tests.slack_requests import block_actions, slash_command

JENA = {
    "slug": "rk30-2027-jena", "kind": "regionalkonferenz", "number": "30",
    "title": "30. Regionalkonferenz", "date": "2027-03-30", "start_time": "09:30",
    "end_time": "13:00", "venue": "Volkshaus", "city": "Jena",
}  # fmt: skip
OFFER = "Soll ich Ihnen Bescheid geben, sobald eine neue Regionalkonferenz eingetragen ist?"


@pytest.fixture
def later(engine: Engine, slack_config: Config) -> Services:
    """The bot on a day when nothing is scheduled any more."""
    return services_at(fast(slack_config), "2027-01-10T10:00")


def publish(services: Services, **changes: str) -> int:
    with services.context("UORG") as ctx:
        saved = add_conference(ctx, {**JENA, **changes})
        assert not isinstance(saved, FormErrors), saved
        return saved.informed


def posts(fake: FakeSlack) -> list[tuple[str, str]]:
    return [(c.params["channel"], c.params["text"]) for c in fake.calls_to("chat.postMessage")]


def test_slack_button_subscribes_and_one_notice_follows_the_publication(
    later: Services, fake_slack: FakeSlack, slack_config: Config
) -> None:
    harness = SlackHarness.start(later, fake_slack)
    answer = json.loads(harness.send(slash_command("Wann ist die nächste Regionalkonferenz?")).body)
    sections = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]
    buttons = [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert OFFER in sections
    assert [(b["action_id"], b["value"], b.get("style")) for b in buttons] == [
        ("notify_new", "regionalkonferenz", "primary")
    ]
    harness.send(block_actions("notify_new", "regionalkonferenz", user="U100", channel="D100"))
    harness.settle()
    assert posts(fake_slack) == [
        (
            "D100",
            "Gern – ich gebe Ihnen Bescheid, sobald eine neue Regionalkonferenz eingetragen "
            "ist. Abbestellen mit „bescheid aus“.",
        )
    ]
    harness.settle()

    assert publish(later, slug="kongress-2027", kind="kongress", title="Kongress 2027") == 0
    assert publish(later) == 1
    assert dispatch(later) == {"sent": 1}
    assert dispatch(later) == {}
    assert posts(fake_slack)[-1] == (
        "U100",
        "Neu eingetragen: Die 30. Regionalkonferenz am Dienstag, 30. März 2027, "
        "9:30–13:00 Uhr in Jena.\n• 30. Regionalkonferenz",
    )


@pytest.fixture
def command_line(monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    """`smartcity-bot` commands run against the test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("SMARTCITY_CONFIG", raising=False)


@pytest.mark.usefixtures("command_line")
def test_console_typed_yes_subscribes_and_an_import_tells_once(
    later: Services, fake_slack: FakeSlack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verify_dialog(
        later,
        [
            (
                "Wann ist die nächste Konferenz?",
                ["Soll ich Ihnen Bescheid geben, sobald eine neue Konferenz eingetragen ist?"],
            ),
            ("ja", ["Gern – ich gebe Ihnen Bescheid, sobald eine neue Konferenz eingetragen"]),
            ("Wann ist die nächste Konferenz?", ["Das habe ich schon vorgemerkt"]),
        ],
        user="U5",
    )
    file = tmp_path / "conferences.toml"
    file.write_text(
        '[[conference]]\nslug = "kongress-2027"\nkind = "kongress"\n'
        'title = "Kongress 2027"\ndate = 2027-06-10\ncity = "Berlin"\n',
        encoding="utf-8",
    )
    for _ in range(2):
        assert main(["import", "conferences", str(file)]) == 0
    assert "1 notices" in capsys.readouterr().out
    with later.sessions() as session:
        keys = session.scalars(select(OutboxMessage.key).where(OutboxMessage.recipient == "U5"))
        assert [key.split(":")[0] for key in keys] == ["new_conference"]
    assert dispatch(later) == {"sent": 1}
    assert posts(fake_slack)[0][1].startswith(
        "Neu eingetragen: Der Kongress in Berlin am Donnerstag, 10. Juni 2027"
    )


def test_registration_opening_is_told_once_and_only_while_wanted(
    engine: Engine, slack_config: Config, fake_slack: FakeSlack
) -> None:
    before = services_at(fast(slack_config), "2027-01-10T10:00")
    publish(before, registration_opens="2027-01-15 09:00")
    verify_dialog(
        before,
        [
            (
                "anmelden rk30-2027-jena",
                [
                    "Soll ich Ihnen Bescheid geben, sobald die Anmeldung "
                    "zur 30. Regionalkonferenz öffnet?"
                ],
            ),
            (
                "ja",
                [
                    "Gern – ich gebe Ihnen Bescheid, sobald die Anmeldung zur 30. "
                    "Regionalkonferenz öffnet."
                ],
            ),
        ],
        user="U7",
    )
    assert "Bescheid, sobald die Anmeldung" in ask(before, "bescheid rk30-2027-jena", user="U8")
    assert ask(before, "bescheid aus", user="U8").startswith("In Ordnung – ich habe alle")
    assert dispatch(before) == {}
    opened = services_at(fast(slack_config), "2027-01-15T09:30")
    assert dispatch(opened) == {"sent": 1}
    assert dispatch(opened) == {}
    assert posts(fake_slack) == [
        ("U7", "Die Anmeldung zur 30. Regionalkonferenz ist jetzt geöffnet.\n"
               "• 30. Regionalkonferenz"),
    ]  # fmt: skip
    with opened.sessions() as session:
        assert session.scalars(select(NoticeSubscription)).all() == []


def test_reminders_off_silences_notices_and_deleting_data_forgets_the_wish(
    later: Services, fake_slack: FakeSlack
) -> None:
    ask(later, "bescheid alle", user="U1")
    ask(later, "bescheid kongress", user="U2")
    exported = later.message("U2", "meine-daten", can_open_forms=True).attachments[0].content
    assert [w["subject"] for w in json.loads(exported)["notices_wanted"]] == ["new:kongress"]
    ask(later, "erinnerungen aus", user="U1")
    ask(later, "daten-loeschen ja", user="U2")
    assert publish(later, slug="kongress-2027", kind="kongress", title="Kongress 2027") == 1
    assert dispatch(later) == {"skipped": 1}
    assert posts(fake_slack) == []
    with later.sessions() as session:
        assert session.scalars(select(NoticeSubscription.user_id)).all() == ["U1"]


def test_english_offer_and_wishes_list(later: Services) -> None:
    answer = ask(later, "When is the next congress?")
    assert "Shall I let you know as soon as a new congress is published?" in answer
    assert "Yes, let me know" in answer
    ask(later, "notify all")
    assert ask(later, "bescheid") == (
        "Ich gebe Ihnen Bescheid, sobald:\n• eine neue Konferenz eingetragen ist\n\n\n"
        "  1) Alle abbestellen\nAntworten Sie mit der Nummer (z. B. „1“) oder dem Namen."
    )


def test_asking_about_registration_before_it_opens_offers_the_notice(later: Services) -> None:
    publish(later, registration_opens="2027-01-15 09:00")
    verify_dialog(
        later,
        [
            (
                "Wann startet die Anmeldung zur 30. Regionalkonferenz?",
                [
                    "Die Anmeldung zur 30. Regionalkonferenz öffnet am Freitag, 15. Januar 2027",
                    "Soll ich Ihnen Bescheid geben, sobald die Anmeldung zur 30. Regionalkonferenz "
                    "öffnet?",
                ],
            ),
            ("ja", ["Gern – ich gebe Ihnen Bescheid, sobald die Anmeldung"]),
        ],
        user="U6",
    )


def test_asking_to_be_told_in_words_orders_the_notice_the_sentence_means(
    later: Services,
) -> None:
    publish(later, registration_opens="2027-01-15 09:00")
    verify_dialog(
        later,
        [
            (
                "Sag mir Bescheid, wenn es eine neue Konferenz gibt",
                ["Gern – ich gebe Ihnen Bescheid, sobald eine neue Konferenz eingetragen ist."],
            ),
            (
                "Bitte informieren Sie mich, wenn ein neuer Kongress angekündigt wird",
                ["Gern – ich gebe Ihnen Bescheid, sobald ein neuer Kongress eingetragen ist."],
            ),
            (
                "Geben Sie mir Bescheid, sobald die Anmeldung für die Konferenz in Jena öffnet?",
                ["Gern – ich gebe Ihnen Bescheid, sobald die Anmeldung zur 30. "
                 "Regionalkonferenz öffnet."],
            ),
            (
                "Let me know when there is a new conference",
                ["Already noted: you'll hear from me as soon as a new conference is published."],
            ),
        ],
        user="U7",
    )  # fmt: skip
    with later.sessions() as session:
        jena = get_conference(session, JENA["slug"])
        assert jena is not None
        wishes = session.scalars(select(NoticeSubscription.subject)).all()
    assert sorted(wishes) == ["new:any", "new:kongress", registration_subject(jena.id)]


def test_reminders_on_in_words_still_offers_new_dates(services: Services) -> None:
    answer = ask(services, "Erinnerungen bitte wieder einschalten", user="U7")
    assert answer.startswith("Ihre Erinnerungen sind eingeschaltet.")
    assert "Soll ich Ihnen Bescheid geben, sobald eine neue Konferenz eingetragen ist?" in answer


def test_asked_in_words_after_the_offer_the_offered_kind_is_ordered(later: Services) -> None:
    verify_dialog(
        later,
        [
            ("Wann ist die nächste Regionalkonferenz?", [OFFER]),
            (
                "Sag mir Bescheid, wenn es eine neue gibt",
                ["Gern – ich gebe Ihnen Bescheid, sobald eine neue Regionalkonferenz eingetragen"],
            ),
        ],
        user="U9",
    )
    with later.sessions() as session:
        wishes = session.scalars(select(NoticeSubscription.subject)).all()
    assert wishes == ["new:regionalkonferenz"]
