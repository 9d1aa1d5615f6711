"""Which language a message is written in: German or English, German when it does not tell."""

from __future__ import annotations

import re

from handlers.normalize import words

_GERMAN = frozenset(
    """
    wann wo was wie wer wen wem welche welcher welches welchen ist sind bin bist sein war
    die der das den dem des ein eine einen einem einer es ich mich mir mein meine meinen
    meiner du dich dir sie ihr ihnen uns wir man gibt findet statt naechste naechsten
    letzte letzten und oder aber im am an auf aus bei bis fuer mit nach noch nicht kein
    keine zur zum vom von zu bitte danke gern gerne schon auch doch mal ja nein nee
    koennen kann koennten moechte moechten will wollen muss soll sollte wuerde haette hat
    habe haben mehr alle alles etwas nichts heute morgen jetzt dann dort da hier gut
    erinnerung erinnerungen anmelden abmelden anmeldung konferenz regionalkonferenz kongress
    daten loeschen meine platz plaetze warteliste frei freie loesung loesungen gemeinde stadt
    landkreis kreis thema themen programm ablauf wetter hallo moin servus tschuess hilfe
    aus an ab ueber unter vor hinter zwischen ob dass weil wenn als denn wieviel wieviele
    """.split()
)
_ENGLISH = frozenset(
    """
    when where what which who whom how is are be been the a an there this that these
    do does did i me my mine you your we our it its of for to from on at by with please
    thanks thank can could would should want like need any anyone anything some
    next last upcoming register registration sign cancel unregister seats free left full
    remind reminders reminder stop off data delete my solution solutions conference
    conferences congress event events programme program schedule agenda topics venue
    address help hello hi hey bye goodbye yes no not have has got get more about still
    waiting list position projects project model town city county state
    """.split()
)
_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)


def detect_language(text: str, *, fallback: str = "de") -> str:
    """German or English by function and domain words; `fallback` when they are even."""
    tokens = words(text)
    german = sum(token in _GERMAN for token in tokens) + 2 * bool(_GERMAN_LETTERS.search(text))
    english = sum(token in _ENGLISH for token in tokens)
    if german == english:
        return fallback
    return "de" if german > english else "en"
