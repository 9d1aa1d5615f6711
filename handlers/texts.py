"""Every sentence the bot says, per language. German is the default."""

from __future__ import annotations

from typing import Any

from handlers.texts_calendar import CALENDAR_TEXTS
from handlers.texts_conversation import CONVERSATION_TEXTS
from handlers.texts_knowledge import KNOWLEDGE_TEXTS
from handlers.texts_notify import NOTIFY_TEXTS
from handlers.texts_organizer import ORGANIZER_TEXTS
from handlers.texts_registration import REGISTRATION_TEXTS
from handlers.texts_reminders import REMINDER_TEXTS

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "kind.regionalkonferenz": "Regionalkonferenz",
        "kind.kongress": "Kongress",
        "kind.other": "Veranstaltung",
        "kind.any": "Konferenz",
        "field.when": "Wann",
        "field.where": "Wo",
        "field.motto": "Motto",
        "field.topics": "Themen",
        "field.programme": "Programm",
        "button.details": "Details",
        "link.source": "Mehr Informationen",
        "time.range": "{start}–{end} Uhr",
        "time.from": "ab {start} Uhr",
        "where.unknown": "Veranstaltungsort noch nicht bekannt",
        "lead.relative": "{Relative} ist am {when}{place}.",
        "lead.relative_past": "{Relative} war am {when}{place}.",
        "lead.future": "{Name} ist am {when}{place}.",
        "lead.past": "{Name} war am {when}{place}.",
        "lead.place": " in {city}",
        "lead.where": "{Name} findet hier statt: {where}.",
        "lead.where_past": "{Name} fand hier statt: {where}.",
        "lead.motto": "Das Motto {name_gen}: „{motto}“",
        "lead.no_motto": "Für {name} ist kein Motto bekannt. Der Titel lautet: {title}",
        "lead.topics": "Die Themen {name_gen}: {topics}.",
        "lead.no_topics": "Für {name} sind noch keine Themen bekannt.",
        "lead.programme": "Das Programm {name_gen}:",
        "lead.no_programme": "Ein detailliertes Programm {name_gen} liegt mir nicht vor.{topics}",
        "lead.no_programme_topics": " Die Themen: {topics}.",
        "lead.registration": "Zur Anmeldung {name_gen}: einfach auf „Anmelden“ klicken oder "
        "„/smartcity anmelden {slug}“ schreiben.",
        "lead.overview": "Hier sind die Details {name_zu}:",
        "relative.next.regionalkonferenz": "die nächste Regionalkonferenz",
        "relative.next.kongress": "der nächste Kongress",
        "relative.next.other": "die nächste Veranstaltung",
        "relative.next.any": "die nächste Konferenz",
        "relative.last.regionalkonferenz": "die letzte Regionalkonferenz",
        "relative.last.kongress": "der letzte Kongress",
        "relative.last.other": "die letzte Veranstaltung",
        "relative.last.any": "die letzte Konferenz",
        "none_upcoming.regionalkonferenz": "Im Moment ist keine weitere Regionalkonferenz "
        "eingetragen.",
        "none_upcoming.kongress": "Im Moment ist kein weiterer Kongress eingetragen.",
        "none_upcoming.other": "Im Moment ist keine weitere Veranstaltung eingetragen.",
        "none_upcoming.any": "Im Moment ist keine weitere Konferenz eingetragen.",
        "none_upcoming_last": " Zuletzt fand {name} statt, am {when}{place}.",
        "none_past": "Es ist noch keine frühere Konferenz eingetragen.",
        "not_found": "Zu „{query}“ habe ich keine Konferenz gefunden.",
        "not_found_hint": " Fragen Sie zum Beispiel nach einer Stadt, einer Nummer "
        "(„die 23. Regionalkonferenz“) oder einem Monat.",
        "list.year": "Konferenzen im Jahr {year}:",
        "list.upcoming": "Anstehende Konferenzen:",
        "list.none_year": "Für {year} sind keine Konferenzen eingetragen.",
        "list.none_upcoming": "Im Moment sind keine weiteren Konferenzen eingetragen. "
        "Die letzten waren:",
        "list.item": "{date} – {title} ({city})",
        "error": "Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es "
        "gleich noch einmal.",
        "error.database": "Entschuldigung, ich komme gerade nicht an meine Daten. Bitte versuchen "
        "Sie es später noch einmal.",
        "error.database_short": "Gerade nicht erreichbar – bitte später noch einmal",
        "error.replayed": "Diesen Befehl habe ich schon ausgeführt; ich führe ihn nicht ein "
        "zweites Mal aus.",
        "error.form": "Das Formular ließ sich nicht öffnen. Bitte tippen Sie auf den Knopf, um "
        "es noch einmal zu versuchen.",
        "error.long": "Ihre Nachricht ist sehr lang; ich habe nur den Anfang gelesen.",
        "console.welcome": "Smart-Cities-Bot (Konsole). Stellen Sie Ihre Frage; "
        "„exit“ beendet das Gespräch.",
        "home.title": "Anstehende Konferenzen",
        "home.none": "Im Moment sind keine weiteren Konferenzen eingetragen.",
        "home.help": "Schreiben Sie mir eine Direktnachricht oder nutzen Sie {command}.",
    },
    "en": {
        "kind.regionalkonferenz": "regional conference",
        "kind.kongress": "congress",
        "kind.other": "event",
        "kind.any": "conference",
        "field.when": "When",
        "field.where": "Where",
        "field.motto": "Motto",
        "field.topics": "Topics",
        "field.programme": "Programme",
        "button.details": "Details",
        "link.source": "More information",
        "time.range": "{start}–{end}",
        "time.from": "from {start}",
        "where.unknown": "venue not yet announced",
        "lead.relative": "{Relative} is on {when}{place}.",
        "lead.relative_past": "{Relative} was on {when}{place}.",
        "lead.future": "{Name} is on {when}{place}.",
        "lead.past": "{Name} was on {when}{place}.",
        "lead.place": " in {city}",
        "lead.where": "{Name} takes place at: {where}.",
        "lead.where_past": "{Name} took place at: {where}.",
        "lead.motto": "The motto {name_gen}: “{motto}”",
        "lead.no_motto": "No motto is known for {name}. Its title is: {title}",
        "lead.topics": "The topics {name_gen}: {topics}.",
        "lead.no_topics": "No topics are known yet for {name}.",
        "lead.programme": "The programme {name_gen}:",
        "lead.no_programme": "I do not have a detailed programme {name_gen}.{topics}",
        "lead.no_programme_topics": " Its topics: {topics}.",
        "lead.registration": "To register for {name}, click “Register” or type "
        "“/smartcity anmelden {slug}”.",
        "lead.overview": "Here are the details {name_zu}:",
        "relative.next.regionalkonferenz": "the next regional conference",
        "relative.next.kongress": "the next congress",
        "relative.next.other": "the next event",
        "relative.next.any": "the next conference",
        "relative.last.regionalkonferenz": "the last regional conference",
        "relative.last.kongress": "the last congress",
        "relative.last.other": "the last event",
        "relative.last.any": "the last conference",
        "none_upcoming.regionalkonferenz": "No further regional conference is scheduled yet.",
        "none_upcoming.kongress": "No further congress is scheduled yet.",
        "none_upcoming.other": "No further event is scheduled yet.",
        "none_upcoming.any": "No further conference is scheduled yet.",
        "none_upcoming_last": " The most recent was {name}, on {when}{place}.",
        "none_past": "No earlier conference is listed yet.",
        "not_found": "I could not find a conference matching “{query}”.",
        "not_found_hint": " Try a city, a number (“the 23rd regional conference”) or a month.",
        "list.year": "Conferences in {year}:",
        "list.upcoming": "Upcoming conferences:",
        "list.none_year": "No conferences are listed for {year}.",
        "list.none_upcoming": "No further conferences are scheduled at the moment. "
        "The most recent ones were:",
        "list.item": "{date} – {title} ({city})",
        "error": "Sorry, something went wrong on my side. Please try again in a moment.",
        "error.database": "Sorry, I cannot reach my data right now. Please try again later.",
        "error.database_short": "Not reachable right now – please try again later",
        "error.replayed": "I have already carried out this command; I will not do it twice.",
        "error.form": "The form could not be opened. Please press the button to try again.",
        "error.long": "Your message is very long; I have read only its beginning.",
        "console.welcome": "Smart Cities bot (console). Ask your question; “exit” ends the chat.",
        "home.title": "Upcoming conferences",
        "home.none": "No further conferences are scheduled at the moment.",
        "home.help": "Send me a direct message or use {command}.",
    },
}


for _extra in (
    REGISTRATION_TEXTS,
    KNOWLEDGE_TEXTS,
    REMINDER_TEXTS,
    CONVERSATION_TEXTS,
    CALENDAR_TEXTS,
    NOTIFY_TEXTS,
    ORGANIZER_TEXTS,
):
    for _language, _texts in _extra.items():
        TEXTS[_language].update(_texts)


def t(language: str, key: str, **values: Any) -> str:
    """The sentence `key` in `language` (German if unknown), with `values` filled in."""
    catalogue = TEXTS.get(language, TEXTS["de"])
    return catalogue.get(key, TEXTS["de"][key]).format(**values)
