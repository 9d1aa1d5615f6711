"""Organizer files as they come from Excel: other encodings, semicolons, a BOM - or a clear
message saying what to change. A broken file is still rejected whole, with row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.errors import DataFileError
from storage.projects import read_project_file
from storage.solutions import read_solution_file

PROJECT_HEADER = "name;state;cohort_year;category;notes;source_url"
PROJECTS = (
    "Münster;Nordrhein-Westfalen;2021;Großstadt;„Smart City Münster“, 15 Mio. €;\r\n"
    "Gießen;Hessen;2021;Mittelstadt;;https://www.giessen.de\r\n"
)


def write(tmp_path: Path, text: str, encoding: str, name: str = "liste.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8", "utf-16"])
def test_a_semicolon_list_from_excel_is_read_in_its_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, f"{PROJECT_HEADER}\r\n{PROJECTS}", encoding)
    rows = read_project_file(path)
    assert [row["name"] for row in rows] == ["Münster", "Gießen"]
    assert rows[0]["notes"] == "„Smart City Münster“, 15 Mio. €"
    assert rows[1]["cohort_year"] == 2021


def test_latin1_with_tabs_is_read(tmp_path: Path) -> None:
    text = f"{PROJECT_HEADER}\n{PROJECTS}".replace(";", "\t").replace(" €", "")
    path = write(tmp_path, text.replace("„", '"').replace("“", '"'), "latin-1")
    assert read_project_file(path)[1]["name"] == "Gießen"


def test_a_broken_windows_file_is_rejected_with_row_and_column(tmp_path: Path) -> None:
    text = f"{PROJECT_HEADER}\r\n{PROJECTS.replace('Hessen;2021', 'Hessen;2031')}"
    path = write(tmp_path, text, "cp1252")
    with pytest.raises(DataFileError, match=r"row 3, column 'cohort_year': must be one of"):
        read_project_file(path)


def test_solution_topics_keep_their_semicolons_inside_quotes(tmp_path: Path) -> None:
    text = (
        "id;title;municipality;topics;summary;status;contact_hint;source_url\r\n"
        'gie-starkregen;Starkregenkarte;Gießen;"starkregen;klima";Karte für Bürger;pilot;;\r\n'
    )
    rows = read_solution_file(write(tmp_path, text, "cp1252"))
    assert rows[0]["topics"] == ["starkregen", "klima"]
    assert rows[0]["municipality"] == "Gießen"


def test_a_wrong_header_says_which_columns_are_missing(tmp_path: Path) -> None:
    path = write(tmp_path, "Name;Bundesland\r\nGießen;Hessen\r\n", "cp1252")
    with pytest.raises(DataFileError) as error:
        read_project_file(path)
    assert str(error.value) == (
        f"{path}, row 1: missing column(s) name, state, cohort_year, category, notes, "
        "source_url; the first row must name the columns name, state, cohort_year, category, "
        "notes, source_url, separated by ',' or ';'"
    )


def test_an_excel_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    with pytest.raises(DataFileError, match="Excel workbook; save it from Excel as 'CSV UTF-8"):
        read_project_file(path)
