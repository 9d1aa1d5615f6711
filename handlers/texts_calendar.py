"""Sentences of conference editing, change notices and calendar feeds, per language."""

from __future__ import annotations

CALENDAR_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "edit.required": "ist erforderlich",
        "edit.slug": "nur Kleinbuchstaben, Ziffern und „-“, z. B. rk30-2027-jena",
        "edit.slug_taken": "gibt es schon; bitte einen anderen wählen",
        "edit.kind": "muss eines von {kinds} sein",
        "edit.count": "muss eine positive ganze Zahl sein",
        "edit.too_long": "ist länger als {limit} Zeichen",
        "edit.url": "muss mit https:// oder http:// beginnen",
        "edit.date": "muss ein Datum sein, z. B. 2027-03-30 oder 30.03.2027",
        "edit.end_date": "darf nicht vor dem ersten Tag liegen",
        "edit.time": "muss eine Uhrzeit sein, z. B. 09:30",
        "edit.both_times": "Beginn und Ende bitte beide angeben oder beide leer lassen",
        "edit.end_time": "muss nach dem Beginn liegen",
        "edit.deadline_order": "muss nach der Öffnung der Anmeldung liegen",
        "edit.capacity_low": "ist kleiner als die {confirmed} schon bestätigten Plätze",
        "edit.item": "Zeile {line}: bitte „09:30-10:15 Titel | Vortragende“, "
        "bei mehreren Tagen mit Datum davor",
        "edit.item_day": "Zeile {line}: dieser Tag gehört nicht zur Konferenz",
        "change.moved": "Geänderter Termin: {Name} findet jetzt am {when} statt "
        "(bisher: {before}).",
        "change.relocated": "Geänderter Ort: {Name} findet jetzt hier statt: {where} "
        "(bisher: {before}).",
        "change.online": "Neuer Online-Zugang für {name}: {link}",
        "change.cancelled": "Abgesagt: {Name} am {when} findet nicht statt. Ihre Anmeldung "
        "ist damit hinfällig; den Kalendereintrag können Sie löschen.",
        "change.calendar": "Der angehängte Kalendereintrag ersetzt den bisherigen.",
        "feed.title": "Modellprojekte Smart Cities: Konferenzen",
        "feed.mine": "Meine Konferenzen (Smart Cities)",
        "feed.cancelled": "ABGESAGT: {title}",
        "feed.link": "Ihr persönlicher Kalender-Link (geheim halten; in Outlook oder "
        "Thunderbird als Internetkalender abonnieren): {url}",
        "feed.no_base": "Persönliche Kalender-Links gibt es nur, wenn der Bot über HTTP "
        "erreichbar ist (bot.public_url).",
        "feed.revoked": "Ihr persönlicher Kalender-Link ist gelöscht und funktioniert nicht mehr.",
        "feed.none": "Sie hatten keinen persönlichen Kalender-Link.",
    },
    "en": {
        "edit.required": "is required",
        "edit.slug": "lower-case letters, digits and '-' only, e.g. rk30-2027-jena",
        "edit.slug_taken": "is already taken; please choose another",
        "edit.kind": "must be one of {kinds}",
        "edit.count": "must be a positive whole number",
        "edit.too_long": "is longer than {limit} characters",
        "edit.url": "must start with https:// or http://",
        "edit.date": "must be a date such as 2027-03-30 or 30.03.2027",
        "edit.end_date": "must not be before the first day",
        "edit.time": "must be a time such as 09:30",
        "edit.both_times": "give both start and end time, or neither",
        "edit.end_time": "must be after the start",
        "edit.deadline_order": "must be after registration opens",
        "edit.capacity_low": "is below the {confirmed} seats already confirmed",
        "edit.item": "line {line}: please write '09:30-10:15 Title | Speakers', with the "
        "date in front on a multi-day conference",
        "edit.item_day": "line {line}: that day is not one of the conference's days",
        "change.moved": "New date: {Name} now takes place on {when} (before: {before}).",
        "change.relocated": "New venue: {Name} now takes place at {where} (before: {before}).",
        "change.online": "New online access for {name}: {link}",
        "change.cancelled": "Cancelled: {Name} on {when} will not take place. Your "
        "registration lapses; you can delete the calendar entry.",
        "change.calendar": "The attached calendar entry replaces the previous one.",
        "feed.title": "Modellprojekte Smart Cities: conferences",
        "feed.mine": "My conferences (Smart Cities)",
        "feed.cancelled": "CANCELLED: {title}",
        "feed.link": "Your personal calendar link (keep it secret; subscribe to it in Outlook "
        "or Thunderbird as an internet calendar): {url}",
        "feed.no_base": "Personal calendar links need the bot to be reachable over HTTP "
        "(bot.public_url).",
        "feed.revoked": "Your personal calendar link is deleted and no longer works.",
        "feed.none": "You had no personal calendar link.",
    },
}
