"""Greetings, thanks and goodbyes around a request: recognised, acknowledged and taken off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from handlers.normalize import fold, words

_GREETINGS = (
    "hallo zusammen",
    "hallo ihr lieben",
    "hallo liebes team",
    "hallo team",
    "hallo bot",
    "hallihallo",
    "halloechen",
    "huhu",
    "gruess dich",
    "gruss dich",
    "mahlzeit",
    "hallo",
    "hello there",
    "hello",
    "hi zusammen",
    "hi there",
    "hi",
    "hey",
    "moin moin",
    "moin zusammen",
    "moin",
    "servus",
    "gruess gott",
    "gruss gott",
    "gruezi",
    "guten morgen",
    "guten tag",
    "guten abend",
    "good morning",
    "good afternoon",
    "good evening",
    "tach",
    "tag zusammen",
    "tag auch",
    "hello everyone",
    "hi all",
    "liebe kolleginnen und kollegen",
    "liebes transferteam",
    "sehr geehrte damen und herren",
)
_THANKS = (
    "vielen lieben dank",
    "vielen dank",
    "herzlichen dank",
    "besten dank",
    "danke schoen",
    "danke sehr",
    "dankeschoen",
    "danke dir",
    "danke ihnen",
    "ich danke ihnen",
    "ich danke dir",
    "dank ihnen",
    "dank dir",
    "tausend dank",
    "merci vielmals",
    "merci vielmols",
    "danke",
    "merci",
    "thank you",
    "thanks a lot",
    "many thanks",
    "thanks",
    "thx",
    "cheers",
    "much appreciated",
    "super danke",
    "top danke",
    "prima danke",
)
_GOODBYES = (
    "tschuess",
    "tschues",
    "ciao",
    "bis bald",
    "bis dann",
    "bis spaeter",
    "auf wiedersehen",
    "gute nacht",
    "bis morgen",
    "bis zum naechsten mal",
    "wir sehen uns",
    "pfiat di",
    "pfiat eich",
    "tschau",
    "mit freundlichen gruessen",
    "freundliche gruesse",
    "viele gruesse",
    "beste gruesse",
    "schoenen tag noch",
    "schoenes wochenende",
    "schoenen feierabend",
    "mach's gut",
    "machs gut",
    "mach es gut",
    "goodbye",
    "bye",
    "see you",
    "have a nice day",
    "ade",
    "adieu",
)
_TOKEN = re.compile(r"\w+(?:'\w+)?")
_CONNECTORS = frozenset({"und", "and", "u"})
_FILLERS = frozenset(
    "und and u top super prima klasse toll perfekt ok okay cool great nochmal auch bot "
    "zusammen allerseits euch dir ihnen wa leute all everyone there mate".split()
)
_FOR = frozenset({"fuer", "for", "fur"})
# Where what was thanked for ends and a request may begin: "Danke für die Info, aber …",
# "Danke für die Erinnerung! Wann …"
_THANKED_FOR_END = re.compile(
    r"[.!?;:]+\s+|\s+[–—-]\s+|,?\s+(?:aber|but|allerdings|jedoch|doch)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Social:
    """The request without its social frame, and which frame there was."""

    rest: str
    greeting: bool = False
    thanks: bool = False
    goodbye: bool = False

    @property
    def alone(self) -> str | None:
        """The intent of a message that is nothing but social: goodbye, thanks or greeting."""
        if words(self.rest) and not set(words(self.rest)) <= _FILLERS:
            return None
        if self.goodbye:
            return "goodbye"
        if self.thanks:
            return "thanks"
        return "greeting" if self.greeting else None

    @property
    def kind(self) -> str | None:
        """The one to acknowledge in front of an answer: thanks before greeting."""
        if self.thanks:
            return "thanks"
        return "greeting" if self.greeting else None


def split_social(text: str) -> Social:
    """Take greetings off the front, thanks off either end and goodbyes off the end."""
    rest, greeting = _strip(text, _GREETINGS, front=True)
    rest, thanks = _strip(rest, _THANKS, front=True)
    if thanks and fold(rest).split(" ")[0] in _FOR:  # "Danke für die schnelle Antwort!"
        rest = _after_thanked_for(rest)
    goodbye = False
    for _ in range(3):  # "Danke und tschüss", "tschüss, danke"
        rest, bye = _strip(rest, _GOODBYES, front=False)
        rest, thanked = _strip(rest, _THANKS, front=False)
        goodbye, thanks = goodbye or bye, thanks or thanked
        if not (bye or thanked):
            break
    if not goodbye:
        after, goodbye = _strip(rest, _GOODBYES, front=True)
        rest = after if goodbye else rest
    return Social(rest.strip(), greeting, thanks, goodbye)


def _after_thanked_for(text: str) -> str:
    """What follows the thing thanked for, if anything."""
    end = _THANKED_FOR_END.search(text)
    return text[end.end() :] if end else ""


def _strip(text: str, phrases: tuple[str, ...], *, front: bool) -> tuple[str, bool]:
    tokens = list(_TOKEN.finditer(text))
    folded = [fold(token.group()) for token in tokens]
    for phrase in _longest_first(phrases):
        size = len(phrase)
        if size > len(tokens):
            continue
        if front and folded[:size] == phrase:
            return text[tokens[size - 1].end() :].lstrip(" ,.;:!-–—"), True
        if not front and folded[-size:] == phrase and _only_punctuation(text, tokens[-1].end()):
            cut = len(tokens) - size
            while cut > 0 and folded[cut - 1] in _CONNECTORS:
                cut -= 1
            end = tokens[cut - 1].end() if cut else 0
            return text[:end] + _question_mark(text[end : tokens[-size].start()]), True
    return text, False


@cache
def _longest_first(phrases: tuple[str, ...]) -> tuple[list[str], ...]:
    """The phrases as folded words, longest first, so "hallo zusammen" wins over "hallo"."""
    return tuple(sorted((fold(p).split() for p in phrases), key=len, reverse=True))


def _only_punctuation(text: str, start: int) -> bool:
    return not any(ch.isalnum() for ch in text[start:])


def _question_mark(between: str) -> str:
    return "?" if "?" in between else ""
