"""CSV imports refuse a broken file whole and say where it breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.errors import DataFileError
from storage.projects import read_project_file

HEADER = "name,state,cohort_year,category,notes,source_url\n"
ROW = "Neustadt,Bayern,2021,Mittelstadt,,https://example.org/neustadt\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"name,state\n" + ROW.encode(), "row 1: missing column(s) cohort_year, category"),
        ((HEADER + "Neustadt,Bayern,2021\n").encode(), "row 2: wrong number of fields"),
        ((HEADER + ROW.replace(",,", ",x,y,")).encode(), "row 2: wrong number of fields"),
    ],
)
def test_a_broken_projects_file_is_refused_with_its_place(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as refused:
        read_project_file(path)
    assert str(refused.value).startswith(f"{path}")
    assert problem in str(refused.value)


def test_a_good_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes((HEADER + ROW).encode("utf-8-sig"))
    [project] = read_project_file(path)
    assert (project["name"], project["cohort_year"]) == ("Neustadt", 2021)
