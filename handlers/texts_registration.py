"""Sentences of registration, organizer commands and data protection, per language."""

from __future__ import annotations

REGISTRATION_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "form.close": "Abbrechen",
        "form.consent_option": "Ich willige ein",
        "reg.button": "Anmelden",
        "reg.cancel_button": "Abmelden",
        "reg.form_title": "Anmeldung",
        "reg.form_submit": "Anmelden",
        "reg.form_intro": "Anmeldung {name_zu}, {when}.",
        "reg.field_name": "Name",
        "reg.field_municipality": "Kommune",
        "reg.hint_municipality": "Tippen Sie, um ein Modellprojekt zu finden; jede andere "
        "Kommune geht auch.",
        "reg.field_role": "Rolle / Organisation",
        "reg.field_notes": "Hinweise zu Barrierefreiheit oder Verpflegung (optional)",
        "reg.field_consent": "Einwilligung",
        "reg.consent_text": "Ich willige ein, dass Name, Kommune, Rolle und Hinweise zur "
        "Organisation der Veranstaltung gespeichert werden. Sie werden {days} Tage nach der "
        "Veranstaltung gelöscht; mit „/smartcity daten-loeschen“ jederzeit früher.",
        "reg.error_required": "Bitte ausfüllen.",
        "reg.error_too_long": "Bitte höchstens {max} Zeichen.",
        "reg.error_consent": "Ohne Einwilligung können wir Sie leider nicht anmelden.",
        "reg.confirmed": "Sie sind {name_zu} am {when} angemeldet. Wir freuen uns auf Sie!",
        "reg.waitlisted": "{Name} ist leider ausgebucht. Sie stehen auf der Warteliste "
        "auf Platz {position}; rückt jemand nach, bekommen Sie sofort Bescheid.",
        "reg.already": "Sie sind bereits {name_zu} angemeldet.",
        "reg.already_waitlisted": "Sie stehen bereits auf der Warteliste {name_gen}, "
        "auf Platz {position}.",
        "reg.calendar_note": "Im Anhang finden Sie einen Kalendereintrag (.ics).",
        "reg.cancel_hint": "Abmelden: /smartcity abmelden {slug}",
        "reg.promoted": "Gute Nachricht: Bei {name_dat} am {when} ist ein Platz frei "
        "geworden. Sie sind jetzt verbindlich angemeldet.",
        "reg.cancelled": "Sie sind von {name_dat} abgemeldet.",
        "reg.not_registered": "Sie sind nicht {name_zu} angemeldet.",
        "reg.none": "Sie sind derzeit für keine Konferenz angemeldet.",
        "reg.mine": "Ihre Anmeldungen:",
        "reg.status_confirmed": "angemeldet",
        "reg.status_waitlisted": "Warteliste, Platz {position}",
        "reg.field_status": "Status",
        "reg.pick": "Für welche Konferenz? Bitte wählen Sie:",
        "reg.pick_cancel": "Von welcher Konferenz möchten Sie sich abmelden?",
        "reg.none_open": "Im Moment ist keine Konferenz zur Anmeldung geöffnet.",
        "reg.past": "{Name} hat bereits stattgefunden; eine Anmeldung ist nicht mehr möglich.",
        "reg.closed": "Die Anmeldung {name_zu} ist geschlossen.",
        "reg.not_yet": "Die Anmeldung {name_zu} öffnet am {opens}.",
        "reg.deadline": "Die Anmeldefrist {name_gen} ist am {deadline} abgelaufen.",
        "reg.unknown": "Eine Konferenz „{query}“ kenne ich nicht.",
        "reg.did_you_mean": " Meinten Sie: {suggestions}?",
        "reg.form_needed": "Zur Anmeldung gehört ein Formular: Bitte nutzen Sie dafür Slack "
        "oder die Konsole (smartcity-bot console).",
        "org.refused": "Das dürfen nur die Organisatorinnen und Organisatoren des Netzwerks. "
        "Wenn Sie dazugehören, wenden Sie sich bitte an die Transferstelle.",
        "org.participants": "{title}: {confirmed} angemeldet, {waitlisted} auf der "
        "Warteliste, {free} freie Plätze.",
        "org.unlimited": "unbegrenzt",
        "org.export_sent": "Die Teilnehmendenliste {name_gen} ist als CSV-Datei angehängt.",
        "org.usage": "So geht es: /smartcity konferenz <slug> kapazitaet <zahl>, "
        "/smartcity konferenz <slug> oeffnen oder /smartcity konferenz <slug> schliessen.",
        "org.capacity_set": "Kapazität {name_gen}: {capacity}.",
        "org.capacity_promoted": " {count} Personen sind von der Warteliste nachgerückt.",
        "org.capacity_too_low": "Die Kapazität kann nicht unter {confirmed} sinken: so viele "
        "Plätze sind bereits bestätigt.",
        "org.opened": "Die Anmeldung {name_zu} ist geöffnet.",
        "org.closed": "Die Anmeldung {name_zu} ist geschlossen.",
        "privacy.export": "Hier sind alle Daten, die ich über Sie gespeichert habe (JSON).",
        "privacy.confirm": "Möchten Sie wirklich alle Ihre Daten löschen? Ihre Anmeldungen "
        "werden dabei storniert. Das lässt sich nicht rückgängig machen.",
        "privacy.confirm_button": "Ja, alles löschen",
        "privacy.deleted": "Erledigt: Ihre Daten sind gelöscht und Ihre Anmeldungen storniert.",
        "wl.left": "Sie stehen nicht mehr auf der Warteliste {name_gen}.",
        "wl.confirmed": "Bei {name_dat} haben Sie einen bestätigten Platz, keinen "
        "Wartelistenplatz. Absagen mit „abmelden {slug}“.",
        "wl.not_waiting": "Sie stehen nicht auf der Warteliste {name_gen}.",
        "wl.pick": "Sie stehen auf mehreren Wartelisten. Welche möchten Sie verlassen? Zum "
        "Beispiel: warteliste-verlassen 24",
        "wl.leave_button": "Warteliste verlassen",
        "help.warteliste_verlassen": "eine Warteliste verlassen (der Platz in der Reihe verfällt)",
        "offer.text": "Ein Platz bei {name_dat} ist frei geworden und für Sie reserviert. "
        "Bitte nehmen Sie ihn bis {until} an; danach geht er an die nächste Person auf der "
        "Warteliste.",
        "offer.accept": "Platz annehmen",
        "offer.status": "Platz für Sie reserviert bis {until}",
        "offer.accepted": "Ihr Platz bei {name_dat} am {when} ist bestätigt.",
        "offer.decline": "Ablehnen",
        "offer.gone": "Bei {name_dat} liegt für Sie kein offenes Platzangebot (mehr) vor.",
    },
    "en": {
        "form.close": "Cancel",
        "form.consent_option": "I agree",
        "reg.button": "Register",
        "reg.cancel_button": "Cancel registration",
        "reg.form_title": "Registration",
        "reg.form_submit": "Register",
        "reg.form_intro": "Registration for {name}, {when}.",
        "reg.field_name": "Name",
        "reg.field_municipality": "Municipality",
        "reg.hint_municipality": "Type to find a model project; any other municipality works.",
        "reg.field_role": "Role / organisation",
        "reg.field_notes": "Accessibility or dietary notes (optional)",
        "reg.field_consent": "Consent",
        "reg.consent_text": "I agree that name, municipality, role and notes are stored to "
        "organise the event. They are deleted {days} days after the event, or earlier with "
        "“/smartcity daten-loeschen”.",
        "reg.error_required": "Please fill this in.",
        "reg.error_too_long": "Please use at most {max} characters.",
        "reg.error_consent": "We cannot register you without your consent.",
        "reg.confirmed": "You are registered for {name} on {when}. We look forward to seeing you!",
        "reg.waitlisted": "Sorry, {name} is fully booked. You are number {position} on the "
        "waitlist; we will tell you at once when a seat frees up.",
        "reg.already": "You are already registered for {name}.",
        "reg.already_waitlisted": "You are already on the waitlist for {name}, "
        "at number {position}.",
        "reg.calendar_note": "A calendar entry (.ics) is attached.",
        "reg.cancel_hint": "To cancel: /smartcity abmelden {slug}",
        "reg.promoted": "Good news: a seat has become free at {name_dat} on {when}. "
        "You are now registered.",
        "reg.cancelled": "Your registration for {name} is cancelled.",
        "reg.not_registered": "You are not registered for {name}.",
        "reg.none": "You are not registered for any conference.",
        "reg.mine": "Your registrations:",
        "reg.status_confirmed": "registered",
        "reg.status_waitlisted": "waitlist, number {position}",
        "reg.field_status": "Status",
        "reg.pick": "Which conference? Please choose:",
        "reg.pick_cancel": "Which registration would you like to cancel?",
        "reg.none_open": "No conference is open for registration at the moment.",
        "reg.past": "{Name} has already taken place; registration has closed.",
        "reg.closed": "Registration for {name} is closed.",
        "reg.not_yet": "Registration for {name} opens on {opens}.",
        "reg.deadline": "The registration deadline for {name} passed on {deadline}.",
        "reg.unknown": "I do not know a conference “{query}”.",
        "reg.did_you_mean": " Did you mean: {suggestions}?",
        "reg.form_needed": "Registering needs a form: please use Slack or the console "
        "(smartcity-bot console).",
        "org.refused": "Only the network's organizers may do this. If you are one, please "
        "contact the transfer office.",
        "org.participants": "{title}: {confirmed} registered, {waitlisted} on the waitlist, "
        "{free} seats free.",
        "org.unlimited": "unlimited",
        "org.export_sent": "The participant list of {name} is attached as a CSV file.",
        "org.usage": "Usage: /smartcity konferenz <slug> kapazitaet <number>, "
        "/smartcity konferenz <slug> oeffnen or /smartcity konferenz <slug> schliessen.",
        "org.capacity_set": "Capacity of {name}: {capacity}.",
        "org.capacity_promoted": " {count} people moved up from the waitlist.",
        "org.capacity_too_low": "Capacity cannot go below {confirmed}: that many seats are "
        "already confirmed.",
        "org.opened": "Registration for {name} is open.",
        "org.closed": "Registration for {name} is closed.",
        "privacy.export": "Here is everything I have stored about you (JSON).",
        "privacy.confirm": "Do you really want to delete all your data? Your registrations "
        "will be cancelled. This cannot be undone.",
        "privacy.confirm_button": "Yes, delete everything",
        "privacy.deleted": "Done: your data is deleted and your registrations are cancelled.",
        "wl.left": "You have left the waitlist {name_gen}.",
        "wl.confirmed": "You have a confirmed seat at {name}, not a waitlist place. Cancel "
        "with “abmelden {slug}”.",
        "wl.not_waiting": "You are not on the waitlist {name_gen}.",
        "wl.pick": "You are on several waitlists. Which one do you want to leave? For "
        "example: leave-waitlist 24",
        "wl.leave_button": "Leave the waitlist",
        "help.warteliste_verlassen": "leave a waitlist (your place in the queue is given up)",
        "offer.text": "A seat at {name} has become free and is held for you. Please accept "
        "it by {until}; after that it goes to the next person on the waitlist.",
        "offer.accept": "Accept the seat",
        "offer.status": "seat held for you until {until}",
        "offer.accepted": "Your seat at {name} on {when} is confirmed.",
        "offer.decline": "Decline",
        "offer.gone": "There is no open seat offer for you at {name} (any more).",
    },
}
