"""The command line, run in-process: answers, exit codes, clear messages, nothing changed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.cli import main
from storage.conferences import count_conferences
from storage.models import ModelProject


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, database_url: str, engine: Engine) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SMARTCITY_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def test_ask_answers_once_with_a_pinned_clock(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "--now", "2025-09-01T10:00", "Wann ist die nächste Regionalkonferenz?"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Mittwoch, 24. September 2025, 9:30–17:15 Uhr" in out
    assert "Bodenseeforum Konstanz, Reichenaustr. 21" in out


def test_ask_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "--now", "2025-09-01T10:00", "next conference?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["language"] == "en"
    assert reply["cards"][0]["title"].startswith("23. Regionalkonferenz")


def test_console_answers_each_line_until_end_of_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Wann ist die nächste Konferenz?\n\nexit\nhallo\n")
    )
    assert main(["console", "--now", "2025-09-01T10:00"]) == 0
    out = capsys.readouterr().out
    assert "24. September 2025" in out
    assert "Hallo!" not in out


def test_no_subcommand_and_no_tokens_opens_the_console(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("hilfe\n"))
    assert main([]) == 0
    assert "Schreiben Sie mir einfach" in capsys.readouterr().out


def test_wrong_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ask", "--now", "gestern", "x"])
    assert exit_info.value.code == 2
    assert "is not an ISO date-time" in capsys.readouterr().err


def test_bad_import_file_exits_2_names_the_problem_and_changes_nothing(
    tmp_path: Path, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "hallo"]) == 0
    with Session(engine) as session:
        before = count_conferences(session)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[conference]]\nslug = "ok-slug"\nkind = "party"\n', encoding="utf-8")
    assert main(["import", "conferences", str(bad)]) == 2
    assert f"{bad}, line 1 ([[conference]] #1), key 'kind'" in capsys.readouterr().err
    with Session(engine) as session:
        assert count_conferences(session) == before


def test_bad_config_value_is_named_with_the_allowed_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[bot]\nlanguage = "fr"\n', encoding="utf-8")
    assert main(["--config", str(config), "check"]) == 2
    assert "bot.language must be one of de, en, not 'fr'" in capsys.readouterr().err


def test_check_says_what_would_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "schema up to date" in out
    assert "would open the local console" in out


def test_run_without_tokens_explains_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--http"]) == 2
    assert "SLACK_BOT_TOKEN is not set" in capsys.readouterr().err


def test_search_json_lists_ids_in_rank_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--json", "--limit", "2", "Starkregen Frühwarnung"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["id"] == "eichenzell-starkregen-fruehwarnsystem"
    assert set(results[0]) == {"id", "title", "municipality", "score"}
    assert len(results) == 2


def test_a_bad_solutions_file_is_rejected_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (Path(__file__).parents[2] / "data" / "solutions.csv").read_text(encoding="utf-8")
    lines = source.splitlines()
    bad = tmp_path / "solutions.csv"
    changed = lines[2].replace(",pilot,", ",fertig,").replace(",umsetzung,", ",fertig,")
    bad.write_text(
        "\n".join([lines[0], lines[1].replace("Hochwasser-", "NEU Hochwasser-"), changed]) + "\n",
        encoding="utf-8",
    )
    assert main(["import", "solutions", str(bad)]) == 2
    assert "row 3, column 'status': must be one of" in capsys.readouterr().err
    assert main(["search", "--json", "NEU Hochwasser"]) == 0
    assert "NEU" not in capsys.readouterr().out


def test_export_into_a_missing_folder_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nicht-da" / "teilnehmende.csv"
    assert main(["export", "participants", "rk23-2025-konstanz", "--output", str(target)]) == 2
    assert f"the folder {target.parent} does not exist" in capsys.readouterr().err
    assert not target.parent.exists()


def test_an_empty_organizer_id_is_refused(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["organizers", "add", ""])
    assert exit_info.value.code == 2
    assert "'' is not a user id" in capsys.readouterr().err
    assert main(["organizers", "list"]) == 0
    assert capsys.readouterr().out == ""


def test_check_with_a_missing_config_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "konfig.toml"
    assert main(["--config", str(missing), "check"]) == 2
    captured = capsys.readouterr()
    assert f"{missing}: config file not found" in captured.err
    assert "config: ok" not in captured.out


def test_a_windows_semicolon_projects_file_imports(
    tmp_path: Path, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "modellprojekte.csv"
    text = (
        "name;state;cohort_year;category;notes;source_url\r\n"
        "Neustadt an der Weinstraße;Rheinland-Pfalz;2021;Mittelstadt;Förderung 8 Mio. €;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    assert main(["import", "projects", str(path)]) == 0
    assert "1 projects written" in capsys.readouterr().out
    with Session(engine) as session:
        project = session.get(ModelProject, "Neustadt an der Weinstraße")
        assert project is not None
        assert project.notes == "Förderung 8 Mio. €"


def test_calendar_link_and_revoke_for_a_member(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    data = Path(__file__).parents[2] / "data"
    config.write_text(
        f'[bot]\npublic_url = "https://bot.example.org"\ndata_dir = "{data}"\n', encoding="utf-8"
    )
    assert main(["--config", str(config), "calendar", "link", "U1"]) == 0
    link = capsys.readouterr().out
    assert "https://bot.example.org/kalender/" in link
    assert main(["--config", str(config), "calendar", "link", "U1"]) == 0
    assert capsys.readouterr().out == link
    assert main(["--config", str(config), "calendar", "revoke", "U1"]) == 0
    assert "gelöscht" in capsys.readouterr().out
    assert main(["calendar", "link", "U1"]) == 0
    assert "bot.public_url" in capsys.readouterr().out
