"""Card summaries end at a real sentence end, never after an abbreviation or a date."""

from __future__ import annotations

from handlers.knowledge.summary import first_sentence


def test_a_date_and_an_abbreviation_do_not_end_the_sentence() -> None:
    text = (
        "Am 16. Oktober 2025 eröffnete in St. Wendel ein Bürgerlabor; dort kommt u. a. "
        "Minecraft zum Einsatz. Der zweite Satz fehlt auf der Karte."
    )
    assert first_sentence(text) == (
        "Am 16. Oktober 2025 eröffnete in St. Wendel ein Bürgerlabor; dort kommt u. a. "
        "Minecraft zum Einsatz."
    )


def test_amounts_with_mio_stay_in_the_sentence() -> None:
    text = "Köln nutzt rund 11 Mio. Euro Fördermittel. Ein Gremium wählt aus."
    assert first_sentence(text) == "Köln nutzt rund 11 Mio. Euro Fördermittel."


def test_a_year_can_end_a_sentence() -> None:
    assert first_sentence("Die App gibt es seit 2019. Sie wächst.") == "Die App gibt es seit 2019."


def test_a_long_sentence_is_cut_after_a_whole_word_not_after_an_abbreviation() -> None:
    text = "Sensoren messen " + "Wasserstände und Temperaturen " * 4 + "u. a. an Seen."
    short = first_sentence(text, limit=80)
    assert short.endswith(" …") and len(short) <= 80
    assert short.removesuffix(" …").split()[-1] in {"und", "Temperaturen", "Wasserstände"}


def test_a_summary_without_a_full_stop_gets_one() -> None:
    assert first_sentence("Anrufe bei Hitze") == "Anrufe bei Hitze."
    assert first_sentence("") == ""
