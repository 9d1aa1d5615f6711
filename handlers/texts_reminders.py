"""Sentences of reminders, announcements and the weekly digest, per language."""

from __future__ import annotations

REMINDER_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "rem.text": "Erinnerung: {Name} beginnt {left} – am {when}. Ort: {where}.",
        "rem.waitlist": " Sie stehen auf Platz {position} der Warteliste; rückt jemand nach, "
        "bekommen Sie sofort Bescheid.",
        "rem.cancel": "Abmelden: /smartcity abmelden {slug} · Keine Erinnerungen mehr: "
        "/smartcity erinnerungen aus",
        "rem.off": "In Ordnung: Sie bekommen keine Erinnerungen und keine Hinweise auf neue "
        "Konferenzen oder Anmeldestarts mehr. Wieder einschalten mit "
        "/smartcity erinnerungen an.",
        "rem.on": "Erinnerungen sind wieder eingeschaltet.",
        "rem.usage": "Bitte: /smartcity erinnerungen aus oder /smartcity erinnerungen an.",
        "ann.form_title": "Ankündigung",
        "ann.form_submit": "Planen",
        "ann.intro": "Eine Ankündigung an den Kanal, die Angemeldeten oder die Warteliste "
        "einer Konferenz.",
        "ann.field_text": "Text",
        "ann.field_audience": "An wen?",
        "ann.field_when": "Wann? (leer = sofort; z. B. „morgen 9 Uhr“, „Freitag 14:30“)",
        "ann.audience_channel": "Ankündigungskanal",
        "ann.audience_registrants": "Angemeldete: {title}",
        "ann.audience_waitlist": "Warteliste: {title}",
        "ann.bad_when": "Diese Zeitangabe verstehe ich nicht; z. B. „morgen 9 Uhr“.",
        "ann.past_when": "Dieser Zeitpunkt liegt in der Vergangenheit.",
        "ann.no_channel": "Es ist kein Ankündigungskanal eingerichtet "
        "(slack.announcement_channel).",
        "ann.usage": "So geht es: /smartcity ankuendigen (Formular) oder /smartcity ankuendigen "
        "kanal|angemeldete <konferenz>|warteliste <konferenz> [Zeit]: Text",
        "ann.scheduled": "Geplant für {when}: „{text}“ an {audience}. Sie bekommen danach "
        "einen Zustellbericht.",
        "ann.list": "Geplante Ankündigungen:",
        "ann.none": "Es sind keine Ankündigungen geplant.",
        "ann.cancel_button": "Absagen",
        "ann.cancelled": "Die Ankündigung ist abgesagt und wird nicht gesendet.",
        "ann.not_found": "Diese Ankündigung gibt es nicht oder sie ist schon versendet.",
        "ann.report": "Zustellbericht Ihrer Ankündigung „{text}“: {sent} gesendet, "
        "{failed} fehlgeschlagen, {skipped} übersprungen.",
        "ann.report_failure": " Fehlgeschlagen: {details}.",
        "digest.title": "Wochenüberblick: anstehende Konferenzen",
        "digest.free": "{free} freie Plätze",
        "digest.unlimited": "Plätze frei",
        "digest.none": "Wochenüberblick: In nächster Zeit sind keine Konferenzen eingetragen.",
    },
    "en": {
        "rem.text": "Reminder: {Name} starts {left} – on {when}. Venue: {where}.",
        "rem.waitlist": " You are number {position} on the waitlist; we will tell you at once "
        "when a seat frees up.",
        "rem.cancel": "Cancel: /smartcity abmelden {slug} · No more reminders: "
        "/smartcity erinnerungen aus",
        "rem.off": "All right: no more reminders, and no notices of new conferences or opening "
        "registration. Switch them back on with "
        "/smartcity erinnerungen an.",
        "rem.on": "Reminders are on again.",
        "rem.usage": "Please: /smartcity erinnerungen aus or /smartcity erinnerungen an.",
        "ann.form_title": "Announcement",
        "ann.form_submit": "Schedule",
        "ann.intro": "An announcement to the channel, a conference's registrants or its waitlist.",
        "ann.field_text": "Text",
        "ann.field_audience": "To whom?",
        "ann.field_when": "When? (empty = now; e.g. “tomorrow 9am”, “Friday 14:30”)",
        "ann.audience_channel": "announcement channel",
        "ann.audience_registrants": "registrants: {title}",
        "ann.audience_waitlist": "waitlist: {title}",
        "ann.bad_when": "I do not understand this time; e.g. “tomorrow 9am”.",
        "ann.past_when": "This time is in the past.",
        "ann.no_channel": "No announcement channel is set up (slack.announcement_channel).",
        "ann.usage": "Usage: /smartcity ankuendigen (form) or /smartcity ankuendigen "
        "kanal|angemeldete <conference>|warteliste <conference> [time]: text",
        "ann.scheduled": "Scheduled for {when}: “{text}” to {audience}. You will get a "
        "delivery report afterwards.",
        "ann.list": "Scheduled announcements:",
        "ann.none": "No announcements are scheduled.",
        "ann.cancel_button": "Cancel",
        "ann.cancelled": "The announcement is cancelled and will not be sent.",
        "ann.not_found": "This announcement does not exist or has already been sent.",
        "ann.report": "Delivery report of your announcement “{text}”: {sent} sent, "
        "{failed} failed, {skipped} skipped.",
        "ann.report_failure": " Failed: {details}.",
        "digest.title": "Weekly overview: upcoming conferences",
        "digest.free": "{free} seats free",
        "digest.unlimited": "seats available",
        "digest.none": "Weekly overview: no conferences are scheduled in the near future.",
    },
}
