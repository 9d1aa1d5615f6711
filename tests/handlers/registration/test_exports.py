"""Participant exports open safely in a spreadsheet, whatever people typed into the form."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.services import Services, build_services
from handlers.registration.exports import COLUMNS, to_csv
from tests.handlers.registration.test_flow import submit


@pytest.fixture
def organizer(engine: Engine, config: Config, clock: FixedClock) -> Services:
    config = dataclasses.replace(config, organizers=OrganizersSection(user_ids=("UORG",)))
    return build_services(config, clock=clock)


def _table(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_exported_as_text(
    services: Services, organizer: Services
) -> None:
    submit(services, user="U1", name='=HYPERLINK("http://evil.example","Klick")', notes="+1 Gast")
    submit(services, user="U2", name="@SUM(A1)", notes="-2 Plätze")
    submit(services, user="U3", name="Erika Muster", notes="a = b")

    reply = organizer.message("UORG", "teilnehmende zwönitz")

    [export] = reply.direct_messages
    rows = _table(export.reply.attachments[0].content)
    assert [(row["name"], row["notes"]) for row in rows] == [
        ('\'=HYPERLINK("http://evil.example","Klick")', "'+1 Gast"),
        ("'@SUM(A1)", "'-2 Plätze"),
        ("Erika Muster", "a = b"),
    ]


def test_a_leading_tab_or_carriage_return_is_defused_too() -> None:
    row = dict.fromkeys(COLUMNS, "") | {"name": "\t=1+1", "notes": "\r=1+1"}
    [exported] = _table(to_csv([row]))
    assert (exported["name"], exported["notes"]) == ("'\t=1+1", "'\r=1+1")
