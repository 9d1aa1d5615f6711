"""The operators' subcommands, run in-process: organizers, exports, conference settings,
imports, the outbox, `db upgrade` and `check`, with their messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.dispatcher import reminder_settings
from bot.services import Services
from handlers.reminders.reminders import plan_reminders
from storage.conferences import get_conference
from storage.models import ModelProject, OutboxMessage
from storage.outbox import claim_next
from tests.bot.outbox_helpers import add_conference, register_users, services_at
from tests.fake_slack import FakeSlack

ZWOENITZ = "rk24-2025-zwoenitz"
SECRETS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SMARTCITY_CONFIG")


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch, database_url: str, services: Services) -> None:
    """The test database with the sample data; no Slack tokens unless a test sets them."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    for name in SECRETS:
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The message argparse prints for wrong arguments (exit code 2)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def config_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.toml"
    data = str(PROJECT_ROOT / "data")
    path.write_text(f"[bot]\ndata_dir = {data!r}\n{text}", encoding="utf-8")
    return str(path)


def registered(services: Services, *users: str, slug: str = ZWOENITZ) -> None:
    with services.sessions() as session:
        conference = get_conference(session, slug)
        assert conference is not None
    register_users(services, conference.id, *users)


def test_organizers_are_added_listed_and_removed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = config_file(tmp_path, '[organizers]\nuser_ids = ["UCFG"]\n')
    assert run(capsys, "--config", config, "organizers", "add", "U1") == (0, "U1 added\n", "")
    assert run(capsys, "--config", config, "organizers", "add", "U1")[1] == (
        "U1 was already an organizer\n"
    )
    assert run(capsys, "--config", config, "organizers", "list")[1] == (
        "U1\tdatabase\nUCFG\tconfig\n"
    )
    code, _, err = run(capsys, "--config", config, "organizers", "remove", "UCFG")
    assert code == 2
    assert err == (
        "smartcity-bot: UCFG is listed in organizers.user_ids in the config file; remove it there\n"
    )
    assert run(capsys, "--config", config, "organizers", "remove", "U1")[1] == "U1 removed\n"
    assert run(capsys, "--config", config, "organizers", "remove", "U1")[1] == (
        "U1 was not an organizer\n"
    )
    assert run(capsys, "--config", config, "organizers", "list")[1] == "UCFG\tconfig\n"


def test_an_added_organizer_may_use_organizer_commands(capsys: pytest.CaptureFixture[str]) -> None:
    command = ("ask", "--user", "U7", f"konferenz {ZWOENITZ} kapazitaet 50")
    assert run(capsys, *command)[1].startswith("Das dürfen nur die Organisatorinnen")
    run(capsys, "organizers", "add", "U7")
    assert run(capsys, *command)[1] == "Kapazität der 24. Regionalkonferenz: 50.\n"


def test_participants_are_exported_as_csv_and_json(
    services: Services, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    registered(services, "U1", "U2")
    assert main(["export", "participants", ZWOENITZ]) == 0
    table = capsysbinary.readouterr().out.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(r["user_id"], r["status"], r["name"]) for r in rows] == [
        ("U1", "confirmed", "Erika Muster"),
        ("U2", "confirmed", "Erika Muster"),
    ]

    output = tmp_path / "teilnehmende.json"
    command = ["export", "participants", ZWOENITZ, "--format", "json", "--output", str(output)]
    assert main(command) == 0
    assert capsysbinary.readouterr().out.decode() == f"wrote 2 participants to {output}\n"
    assert [r["user_id"] for r in json.loads(output.read_text(encoding="utf-8"))] == ["U1", "U2"]


def test_an_unknown_conference_exits_2_and_names_the_slug(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in (["export", "participants", "nope"], ["conference", "nope", "--close"]):
        assert run(capsys, *command) == (
            2,
            "",
            "smartcity-bot: no conference with slug 'nope'\n",
        )
    assert "invalid choice: 'xml'" in usage_error(
        capsys, "export", "participants", ZWOENITZ, "--format", "xml"
    )


def test_capacity_moves_the_waitlist_up_and_cannot_go_below_the_confirmed(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    registered(services, "U1")
    assert run(capsys, "conference", ZWOENITZ, "--capacity", "1")[1] == (
        f"{ZWOENITZ}: capacity 1, registration open, 0 moved up from the waitlist, "
        "0 told of the change\n"
    )
    registered(services, "U2", "U3")
    assert run(capsys, "conference", ZWOENITZ, "--capacity", "2")[1] == (
        f"{ZWOENITZ}: capacity 2, registration open, 1 moved up from the waitlist, "
        "0 told of the change\n"
    )
    assert run(capsys, "conference", ZWOENITZ, "--capacity", "1") == (
        2,
        "",
        "smartcity-bot: nothing saved - capacity: is below the 2 seats already confirmed\n",
    )
    assert run(capsys, "conference", ZWOENITZ, "--capacity", "0") == (
        2,
        "",
        "smartcity-bot: nothing saved - capacity: must be a positive whole number\n",
    )


def test_registration_is_closed_and_opened(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "conference", ZWOENITZ, "--close")[1] == (
        f"{ZWOENITZ}: capacity unlimited, registration closed, 0 moved up from the waitlist, "
        "0 told of the change\n"
    )
    closed = run(capsys, "ask", "--now", "2025-11-01T10:00", "anmelden zwönitz")[1]
    assert closed.startswith(
        "Die Anmeldung zur 24. Regionalkonferenz ist geschlossen.\n\n"
        "    Soll ich Ihnen Bescheid geben, sobald die Anmeldung zur 24. Regionalkonferenz öffnet?"
    )
    assert "registration open" in run(capsys, "conference", ZWOENITZ, "--open")[1]
    assert "not allowed with argument" in usage_error(
        capsys, "conference", ZWOENITZ, "--open", "--close"
    )


def test_reminders_due_shows_what_a_dispatch_would_do_and_changes_nothing(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    register_users(services, add_conference(services, "2026-03-30T14:00"), "U1")
    assert run(capsys, "reminders", "due", "--now", "2026-03-23T13:00")[1] == ("nothing is due\n")
    assert run(capsys, "reminders", "due", "--now", "2026-03-23T15:00")[1] == (
        "2026-03-23 14:00  reminder 7d before rk40-2026-test  to U1  -> send (late by 1:00:00)\n"
    )
    assert run(capsys, "reminders", "due", "--now", "2026-03-23T21:00")[1] == (
        "2026-03-23 14:00  reminder 7d before rk40-2026-test  to U1  "
        "-> SKIP: missed by 7.0 h (grace 6:00:00)\n"
    )
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_dispatch_sends_what_is_due_once(
    services: Services,
    fake_slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_users(services, add_conference(services, "2026-03-30T14:00"), "U1", "U2")
    assert run(capsys, "dispatch", "--now", "2026-03-23T14:00") == (
        2,
        "",
        "smartcity-bot: SLACK_BOT_TOKEN is not set: dispatch sends through Slack\n",
    )
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.base_url)
    assert run(capsys, "dispatch", "--now", "2026-03-23T14:00")[1] == "dispatch done: 2 sent\n"
    assert run(capsys, "dispatch", "--now", "2026-03-23T14:01")[1] == (
        "dispatch done: nothing was due\n"
    )
    assert sorted(c.params["channel"] for c in fake_slack.calls_to("chat.postMessage")) == [
        "U1",
        "U2",
    ]


def test_db_upgrade_on_an_up_to_date_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "db", "upgrade") == (0, "database schema is up to date\n", "")


def test_imports_report_what_they_wrote(
    services: Services, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    projects = tmp_path / "projects.csv"
    projects.write_text(
        "name,state,cohort_year,category,notes,source_url\n"
        "Neustadt,Bayern,2021,Mittelstadt,,https://example.org/neustadt\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", "projects", str(projects))[1] == (
        f"imported {projects}: 1 projects written\n"
    )
    with services.sessions() as session:
        neustadt = session.get(ModelProject, "Neustadt")
        assert neustadt is not None
        assert neustadt.state == "Bayern"

    conferences = tmp_path / "conferences.toml"
    conferences.write_text(
        '[[conference]]\nslug = "rk99-2027-test"\nkind = "regionalkonferenz"\n'
        'title = "99. Regionalkonferenz"\ndate = 2027-03-30\ncity = "Teststadt"\n',
        encoding="utf-8",
    )
    for created, updated in ((1, 0), (0, 1)):
        assert run(capsys, "import", "conferences", str(conferences))[1] == (
            f"imported {conferences}: {created} new, {updated} updated conferences; "
            "0 notices to members who asked to hear of new ones\n"
        )

    missing = tmp_path / "missing.csv"
    code, _, err = run(capsys, "import", "solutions", str(missing))
    assert code == 2
    assert err.startswith(f"smartcity-bot: {missing}: cannot read the file")


def test_search_prints_score_id_title_and_municipality(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "search", "--limit", "1", "Starkregen Frühwarnung")
    assert code == 0
    score, rest = out.split("  ", 1)
    assert float(score) > 0
    assert rest == (
        "eichenzell-starkregen-fruehwarnsystem  Starkregen-Frühwarnsystem (Eichenzell)\n"
    )
    assert "'0' is not a positive whole number" in usage_error(
        capsys, "search", "--limit", "0", "x"
    )


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"},
            "can start: Socket Mode (`smartcity-bot run`)",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"},
            "can start: HTTP (`smartcity-bot run --http`)",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1"},
            "slack: bot token set, but neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET",
        ),
    ],
)
def test_check_names_the_slack_modes_the_tokens_allow(
    tokens: dict[str, str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in tokens.items():
        monkeypatch.setenv(name, value)
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert any(line.endswith(expected) for line in out.splitlines()), out


def test_check_fails_on_missing_data_and_an_unreachable_database(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[bot]\ndata_dir = "nowhere"\n', encoding="utf-8")
    code, out, _ = run(capsys, "--config", str(config), "check")
    assert code == 1
    assert f"data: {tmp_path / 'nowhere' / 'solutions.csv'} MISSING" in out.splitlines()

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/no/such/dir/bot.sqlite3")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert f"database: sqlite:///{tmp_path}/no/such/dir/bot.sqlite3 UNREACHABLE" in out


def test_a_database_that_cannot_be_opened_exits_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/no/such/dir/bot.sqlite3")
    code, out, err = run(capsys, "organizers", "list")
    assert (code, out) == (1, "")
    assert err == "smartcity-bot: cannot use the database: unable to open database file\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run"], "SLACK_APP_TOKEN is not set: Socket Mode needs it (or use --http)"),
        (["run", "--http"], "SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify"),
    ],
)
def test_run_names_the_missing_token_for_the_chosen_mode(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(f"smartcity-bot: {message}")


def test_check_says_a_new_sqlite_database_is_migrated_on_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/new.sqlite3"
    monkeypatch.setenv("DATABASE_URL", url)
    code, out, _ = run(capsys, "check")
    assert code == 0
    [line] = [line for line in out.splitlines() if line.startswith("database:")]
    assert re.fullmatch(
        rf"database: {re.escape(url)} - [1-9][0-9]* migration\(s\) will run on start", line
    )


def test_reminders_due_names_a_message_left_behind_by_a_crashed_dispatcher(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    register_users(services, add_conference(services, "2026-03-30T14:00"), "U1")
    crashed = services_at(services.config, "2026-03-23T14:00")
    with crashed.context("dispatcher") as ctx:
        assert plan_reminders(ctx, reminder_settings(crashed.config)) == 3  # 7d, 1d, 2h
        assert claim_next(ctx.session, now=ctx.now) is not None  # and then the process died
    assert run(capsys, "reminders", "due", "--now", "2026-03-23T14:10")[1].splitlines() == [
        "2026-03-23 14:00  reminder 7d before rk40-2026-test  to U1  "
        "-> RESEND: claimed by a dispatcher that did not finish",
    ]
