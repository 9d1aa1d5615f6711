"""Sentences of the organizers' conference form, cancelling and the overview, per language."""

from __future__ import annotations

ORGANIZER_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "help.konferenz_neu": "eine Konferenz anlegen (Formular)",
        "help.konferenz_bearbeiten": "eine Konferenz ändern "
        "(„konferenz-bearbeiten rk30-2027-jena“)",
        "help.konferenz_absagen": "eine Konferenz absagen; Angemeldete und Wartende werden "
        "informiert",
        "help.uebersicht": "Übersicht: Plätze, Warteliste, Anmeldefristen, letzte Ankündigungen",
        "cf.title_new": "Neue Konferenz",
        "cf.title_edit": "Konferenz ändern",
        "cf.submit": "Speichern",
        "cf.intro_new": "Eine neue Konferenz anlegen. Pflicht sind Kurzname, Art, Titel und "
        "erster Tag; alles andere kann später folgen.",
        "cf.intro_edit": "{title} ({slug}) ändern. Wer angemeldet ist oder wartet, erfährt von "
        "einer Änderung von Zeit oder Ort.",
        "cf.slug": "Kurzname (z. B. rk30-2027-jena)",
        "cf.kind": "Art",
        "cf.kind.regionalkonferenz": "Regionalkonferenz",
        "cf.kind.kongress": "Kongress",
        "cf.kind.other": "Andere Veranstaltung",
        "cf.number": "Nummer (23 für die 23.)",
        "cf.title": "Titel",
        "cf.motto": "Motto",
        "cf.date": "Erster Tag (z. B. 30.03.2027)",
        "cf.end_date": "Letzter Tag (bei mehreren Tagen)",
        "cf.start_time": "Beginn am ersten Tag (z. B. 09:30)",
        "cf.end_time": "Ende am letzten Tag (z. B. 17:00)",
        "cf.venue": "Veranstaltungsort",
        "cf.address": "Adresse",
        "cf.city": "Stadt",
        "cf.topics": "Themen (mit ; getrennt)",
        "cf.capacity": "Plätze (leer: unbegrenzt)",
        "cf.registration": "Anmeldung",
        "cf.registration.open": "offen (ab dem Öffnungstermin)",
        "cf.registration.closed": "geschlossen",
        "cf.registration_opens": "Anmeldung öffnet (z. B. 2027-01-15 09:00)",
        "cf.registration_deadline": "Anmeldeschluss (z. B. 2027-03-20 12:00)",
        "cf.online_url": "Online-Link (hybride Veranstaltung)",
        "cf.programme": "Programm (je Zeile „09:30-10:15 Titel | Vortragende“)",
        "cf.added": "Gespeichert: {title} ({slug}). {told} Mitglieder, die auf neue "
        "Konferenzen warten, bekommen Bescheid.",
        "cf.edited": "Geändert: {title} ({slug}). {informed} Angemeldete und Wartende werden "
        "informiert; {promoted} sind von der Warteliste nachgerückt.",
        "cf.unknown": "Eine Konferenz „{slug}“ gibt es nicht.",
        "cf.usage": "Bitte mit Kurznamen: {command} {slug}",
        "cf.cancel_confirm": "{title} ({slug}) wirklich absagen? {people} Angemeldete und "
        "Wartende werden informiert, Erinnerungen entfallen.",
        "cf.cancel_button": "Ja, absagen",
        "cf.cancelled": "Abgesagt: {title}. {informed} Angemeldete und Wartende werden informiert.",
        "cf.already_cancelled": "{title} ist bereits abgesagt.",
    },
    "en": {
        "help.konferenz_neu": "add a conference (form)",
        "help.konferenz_bearbeiten": "change a conference (“edit-conference rk30-2027-jena”)",
        "help.konferenz_absagen": "cancel a conference; registrants and the waitlist are told",
        "help.uebersicht": "overview: seats, waitlist, registration dates, last announcements",
        "cf.title_new": "New conference",
        "cf.title_edit": "Edit conference",
        "cf.submit": "Save",
        "cf.intro_new": "Add a new conference. Short name, kind, title and first day are "
        "required; everything else can follow later.",
        "cf.intro_edit": "Change {title} ({slug}). Registrants and the waitlist are told of a "
        "new time or place.",
        "cf.slug": "Short name (e.g. rk30-2027-jena)",
        "cf.kind": "Kind",
        "cf.kind.regionalkonferenz": "Regional conference",
        "cf.kind.kongress": "Congress",
        "cf.kind.other": "Other event",
        "cf.number": "Number (23 for the 23rd)",
        "cf.title": "Title",
        "cf.motto": "Motto",
        "cf.date": "First day (e.g. 2027-03-30)",
        "cf.end_date": "Last day (if several days)",
        "cf.start_time": "Start on the first day (e.g. 09:30)",
        "cf.end_time": "End on the last day (e.g. 17:00)",
        "cf.venue": "Venue",
        "cf.address": "Address",
        "cf.city": "City",
        "cf.topics": "Topics (separated by ;)",
        "cf.capacity": "Seats (empty: unlimited)",
        "cf.registration": "Registration",
        "cf.registration.open": "open (from the opening date)",
        "cf.registration.closed": "closed",
        "cf.registration_opens": "Registration opens (e.g. 2027-01-15 09:00)",
        "cf.registration_deadline": "Registration deadline (e.g. 2027-03-20 12:00)",
        "cf.online_url": "Online link (hybrid event)",
        "cf.programme": "Programme (one line each: “09:30-10:15 Title | Speakers”)",
        "cf.added": "Saved: {title} ({slug}). {told} members waiting for new conferences "
        "will be told.",
        "cf.edited": "Changed: {title} ({slug}). {informed} registrants and waiting people "
        "will be told; {promoted} moved up from the waitlist.",
        "cf.unknown": "There is no conference “{slug}”.",
        "cf.usage": "Please give the short name: {command} {slug}",
        "cf.cancel_confirm": "Really cancel {title} ({slug})? {people} registrants and waiting "
        "people will be told; reminders stop.",
        "cf.cancel_button": "Yes, cancel it",
        "cf.cancelled": "Cancelled: {title}. {informed} registrants and waiting people will be "
        "told.",
        "cf.already_cancelled": "{title} is already cancelled.",
    },
}
