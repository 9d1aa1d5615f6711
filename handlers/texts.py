"""Every sentence the bot says, from the gettext catalogues in `handlers/locale/`.

Message ids are short keys ("reg.confirmed"); German is the source language and the fallback of
every other catalogue, so a text not yet translated is said in German, never as its key.
`de@leicht` holds texts in Leichte Sprache and falls back to German. Placeholders are named
(`{slug}`); `{command}` is what the member types before a short command on their transport
("/smartcity " on Slack, nothing in the console or on Matrix). How to change a text or add a
language: README, "Texts and languages".
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "smartcity"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "de"
EASY_GERMAN = "de@leicht"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of `language`, falling back to German for what it lacks."""
    german = gettext.translation(DOMAIN, LOCALE_DIR, languages=[SOURCE_LANGUAGE])
    if language == SOURCE_LANGUAGE:
        return german
    catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    catalogue.add_fallback(german)
    return catalogue


def t(language: str, key: str, **values: Any) -> str:
    """The sentence `key` in `language` (German if unknown), with `values` filled in."""
    text = translations(language).gettext(key)
    if text == key:
        raise KeyError(f"no text {key!r} in the catalogues")
    return text.format(**values)


def tn(language: str, key: str, plural_key: str, count: int, **values: Any) -> str:
    """The singular or plural form for `count` (the language's own rule), `count` filled in."""
    text = translations(language).ngettext(key, plural_key, count)
    if text in (key, plural_key):
        raise KeyError(f"no text {key!r} in the catalogues")
    return text.format(count=count, **values)
