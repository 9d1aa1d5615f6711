"""Sentences of the conversation itself: help, small talk, dialogs, seats and deadlines."""

from __future__ import annotations

CONVERSATION_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "help.intro": "Ich bin der Bot des Netzwerks Modellprojekte Smart Cities. Schreiben Sie "
        "mir einfach, was Sie wissen möchten, zum Beispiel:\n"
        "• „Wann ist die nächste Regionalkonferenz?“ – „Wo findet sie statt?“\n"
        "• „Melden Sie mich bitte für die nächste Konferenz an.“ – „Bin ich angemeldet?“\n"
        "• „Wer hat schon eine Lösung für Starkregen-Warnungen?“\n"
        "• „Welche Modellprojekte gibt es in Sachsen?“",
        "help.commands": "Kurzbefehle ({prefix} davor, im Chat auch ohne):",
        "help.organizer": "Für Organisatorinnen und Organisatoren:",
        "help.anmelden": "sich für eine Konferenz anmelden (z. B. „anmelden 24“)",
        "help.abmelden": "eine Anmeldung zurückziehen",
        "help.meine": "die eigenen Anmeldungen und Wartelistenplätze",
        "help.erinnerungen": "Erinnerungen aus- oder wieder einschalten („erinnerungen aus“)",
        "help.meine-daten": "alles, was über Sie gespeichert ist, als Datei",
        "help.daten-loeschen": "Ihre Daten löschen (mit Rückfrage)",
        "help.loesungen": "in den Lösungen der Modellprojekte suchen",
        "help.loesung-neu": "eine Lösung eintragen",
        "help.teilnehmende": "Teilnehmendenliste einer Konferenz, mit CSV-Datei",
        "help.konferenz": "Kapazität setzen, Anmeldung öffnen oder schließen",
        "help.ankuendigen": "eine Ankündigung planen",
        "help.ankuendigungen": "geplante Ankündigungen ansehen und absagen",
        "help.hilfe": "diese Hilfe",
        "ack.greeting": "Hallo!",
        "ack.thanks": "Gern geschehen!",
        "talk.greeting": "Hallo! Schön, dass Sie da sind. Fragen Sie mich zu Konferenzen, "
        "Anmeldungen oder Lösungen anderer Modellprojekte – „hilfe“ zeigt, was ich kann.",
        "talk.thanks": "Gern geschehen! Melden Sie sich einfach, wenn Sie noch etwas brauchen.",
        "talk.goodbye": "Auf Wiedersehen und einen schönen Tag!",
        "talk.smalltalk": "Ich bin ein Bot – kein Mensch – und helfe dem Netzwerk Modellprojekte "
        "Smart Cities: bei Fragen zu Regionalkonferenzen und Kongress, beim An- und Abmelden und "
        "bei der Suche nach Lösungen anderer Kommunen. Mir geht es gut, danke der Nachfrage!",
        "talk.none": "Dabei kann ich leider nicht helfen. Ich kenne mich mit den Konferenzen des "
        "Netzwerks, Anmeldungen, Erinnerungen und den Lösungen der Modellprojekte aus – "
        "„hilfe“ zeigt Beispiele.",
        "empty_text": "Bitte schreiben Sie mir eine Frage, zum Beispiel: "
        "„Wann ist die nächste Regionalkonferenz?“",
        "choice.hint": "Antworten Sie mit der Nummer (z. B. „1“) oder dem Namen.",
        "choice.declined": "Alles klar, ich habe nichts geändert.",
        "form.start": "{title}: Ich frage die Angaben nacheinander ab; mit „abbrechen“ hören "
        "Sie jederzeit auf.",
        "form.yes_no": "(ja/nein)",
        "form.optional": "(freiwillig – „-“ überspringt)",
        "form.keep": "(bisher: „{value}“ – „-“ behält es)",
        "form.required": "Diese Angabe brauche ich.",
        "form.yes_no_only": "Bitte antworten Sie mit „ja“ oder „nein“.",
        "form.bad_choice": "Das ist keine der Möglichkeiten – bitte die Nummer oder den Namen.",
        "form.cancelled": "Abgebrochen – ich habe nichts gespeichert.",
        "form.nothing_open": "Gerade ist nichts offen, das ich abbrechen könnte. Womit kann ich "
        "helfen?",
        "form.declined": "In Ordnung – ohne Ihre Einwilligung speichere ich nichts. Sie können "
        "jederzeit neu beginnen.",
        "seats.free": "{Name} hat noch {free} von {capacity} Plätzen frei.",
        "seats.full": "{Name} ist ausgebucht (Warteliste: {waiting}). Wer sich jetzt anmeldet, "
        "kommt auf die Warteliste und rückt automatisch nach.",
        "seats.unlimited": "Bei {name_dat} ist die Zahl der Plätze nicht begrenzt.",
        "seats.past": "{Name} ist schon vorbei.",
        "deadline.until": "Anmelden können Sie sich {name_zu} bis {day}.",
        "deadline.passed": "Der Anmeldeschluss {name_gen} war am {day}.",
        "deadline.none": "Bei {name_dat} ist kein Anmeldeschluss angegeben; die Anmeldung ist "
        "offen.",
        "list.month": "Konferenzen im {month}:",
        "list.none_month": "Im {month} ist keine Konferenz eingetragen.",
        "wait.none": "Sie stehen auf keiner Warteliste.",
        "wait.position": "Bei {name_dat} stehen Sie auf Platz {position} der Warteliste.",
        "wait.confirmed": "Bei {name_dat} ist Ihr Platz bestätigt – Sie stehen nicht auf der "
        "Warteliste.",
        "dir.member": "Ja, {name} ({state}) ist eines der Modellprojekte Smart Cities.",
        "dir.not_member": "{name} habe ich nicht unter den Modellprojekten Smart Cities gefunden. "
        "Fragen Sie z. B. „Welche Modellprojekte gibt es in Bayern?“",
        "dir.ask_place": "Welche Kommune meinen Sie? Zum Beispiel: „Was macht Ulm?“",
    },
    "en": {
        "help.intro": "I am the bot of the Modellprojekte Smart Cities network. Just write what "
        "you would like to know, for example:\n"
        "• “When is the next regional conference?” – “Where is it?”\n"
        "• “Please register me for the next conference.” – “Am I registered?”\n"
        "• “Who has a solution for heavy rain warnings?”\n"
        "• “Which model projects are in Saxony?”",
        "help.commands": "Short commands ({prefix} in front, in a chat also without):",
        "help.organizer": "For organizers:",
        "help.anmelden": "register for a conference (e.g. “register 24”)",
        "help.abmelden": "cancel a registration",
        "help.meine": "your registrations and waiting-list places",
        "help.erinnerungen": "switch reminders off or on again (“reminders off”)",
        "help.meine-daten": "everything stored about you, as a file",
        "help.daten-loeschen": "delete your data (asks first)",
        "help.loesungen": "search the model projects' solutions",
        "help.loesung-neu": "add a solution",
        "help.teilnehmende": "participant list of a conference, with a CSV file",
        "help.konferenz": "set the capacity, open or close registration",
        "help.ankuendigen": "schedule an announcement",
        "help.ankuendigungen": "see and cancel scheduled announcements",
        "help.hilfe": "this help",
        "ack.greeting": "Hello!",
        "ack.thanks": "You're welcome!",
        "talk.greeting": "Hello! Nice to have you here. Ask me about conferences, registrations "
        "or other model projects' solutions – “help” shows what I can do.",
        "talk.thanks": "You're welcome! Just write if you need anything else.",
        "talk.goodbye": "Goodbye and have a nice day!",
        "talk.smalltalk": "I am a bot – not a human – helping the Modellprojekte Smart Cities "
        "network: with questions about the regional conferences and the congress, registering "
        "and cancelling, and finding other municipalities' solutions. I'm fine, thanks for asking!",
        "talk.none": "I'm afraid I can't help with that. I know about the network's "
        "conferences, registrations, reminders and the model projects' solutions – “help” shows "
        "examples.",
        "empty_text": "Please write me a question, for example: “When is the next regional "
        "conference?”",
        "choice.hint": "Answer with the number (e.g. “1”) or the name.",
        "choice.declined": "All right, I have changed nothing.",
        "form.start": "{title}: I will ask for the details one by one; “cancel” stops at any time.",
        "form.yes_no": "(yes/no)",
        "form.optional": "(optional – “-” skips)",
        "form.keep": "(so far: “{value}” – “-” keeps it)",
        "form.required": "I need this.",
        "form.yes_no_only": "Please answer “yes” or “no”.",
        "form.bad_choice": "That is not one of the options – please the number or the name.",
        "form.cancelled": "Cancelled – nothing was stored.",
        "form.nothing_open": "There is nothing open to cancel right now. How can I help?",
        "form.declined": "All right – without your consent I store nothing. You can start again "
        "at any time.",
        "seats.free": "{Name} has {free} of {capacity} seats left.",
        "seats.full": "{Name} is fully booked (waiting list: {waiting}). Whoever registers now "
        "joins the waiting list and moves up automatically.",
        "seats.unlimited": "{Name} has no limit on seats.",
        "seats.past": "{Name} is already over.",
        "deadline.until": "You can register for {name} until {day}.",
        "deadline.passed": "The registration deadline for {name} was {day}.",
        "deadline.none": "{Name} has no registration deadline; registration is open.",
        "list.month": "Conferences in {month}:",
        "list.none_month": "No conference is scheduled in {month}.",
        "wait.none": "You are not on any waiting list.",
        "wait.position": "For {name} you are number {position} on the waiting list.",
        "wait.confirmed": "For {name} your seat is confirmed – you are not on the waiting list.",
        "dir.member": "Yes, {name} ({state}) is one of the Modellprojekte Smart Cities.",
        "dir.not_member": "I did not find {name} among the Modellprojekte Smart Cities. Try "
        "“Which model projects are in Bavaria?”",
        "dir.ask_place": "Which municipality do you mean? For example: “What does Ulm do?”",
    },
}
