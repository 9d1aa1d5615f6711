"""The text catalogues: complete, used, compiled; plurals by the language's rule; fallbacks."""

from __future__ import annotations

import dataclasses

import pytest

from bot.catalogues import problems
from bot.services import Services
from handlers.texts import EASY_GERMAN, t, tn
from tests.chat import ask


def test_the_catalogues_are_complete_used_and_compiled() -> None:
    assert problems() == []


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("de", 1, "1 freier Platz"),
        ("de", 0, "0 freie Plätze"),
        ("de", 12, "12 freie Plätze"),
        ("en", 1, "1 seat free"),
        ("en", 2, "2 seats free"),
    ],
)
def test_a_count_takes_the_singular_or_plural_its_language_needs(
    language: str, count: int, expected: str
) -> None:
    assert tn(language, "digest.free", "digest.free.plural", count, free=count) == expected


def test_a_language_without_a_catalogue_and_a_text_easy_german_lacks_fall_back_to_german() -> None:
    german = t("de", "rem.off", command="")
    assert t("fr", "rem.off", command="") == german
    assert t(EASY_GERMAN, "rem.off", command="") == german
    assert t(EASY_GERMAN, "help.hilfe") != t("de", "help.hilfe")


def test_a_key_in_no_catalogue_is_an_error_not_shown_as_its_name() -> None:
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        t("en", "no.such.key")
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        tn("de", "no.such.key", "no.such.keys", 2)


def test_einfach_shows_the_help_in_leichte_sprache(services: Services) -> None:
    assert "Die Hilfe in Leichter Sprache: Schreiben Sie „einfach“." in ask(services, "hilfe")

    easy = ask(services, "einfach")

    assert easy.startswith("Ich bin ein Computer·programm")
    assert "• anmelden – Sie melden sich für eine Konferenz an. Zum Beispiel: anmelden 24" in easy
    assert easy.endswith("Sie möchten diese Hilfe noch einmal lesen? Dann schreiben Sie: einfach")


def test_texts_name_commands_as_they_are_typed_in_the_console(services: Services) -> None:
    assert ask(services, "erinnerungen aus") == (
        "In Ordnung: Sie bekommen keine Erinnerungen und keine Hinweise auf neue Konferenzen "
        "oder Anmeldestarts mehr. Wieder einschalten mit „erinnerungen an“."
    )


def test_the_context_translates_in_its_language_with_its_transports_prefix(
    services: Services,
) -> None:
    with services.context("U1", prefix="/smartcity ") as ctx:
        assert ctx.t("kb.ask") == (
            "Wonach suchen Sie? Zum Beispiel: „/smartcity loesungen Starkregen-Warnung“"
        )
        english = dataclasses.replace(ctx, language="en", prefix="")
        assert (
            english.t("kb.ask") == "What are you looking for? For example: “loesungen heavy rain”"
        )
