"""Sentences of "tell me when": offers, wishes and the notices sent, per language."""

from __future__ import annotations

NOTIFY_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "help.bescheid": "Bescheid bekommen, wenn eine neue Konferenz eingetragen wird oder die "
        "Anmeldung öffnet („bescheid alle“, „bescheid kongress“, „bescheid 24“, „bescheid aus“)",
        "notify.what.any": "eine neue Konferenz eingetragen ist",
        "notify.what.regionalkonferenz": "eine neue Regionalkonferenz eingetragen ist",
        "notify.what.kongress": "ein neuer Kongress eingetragen ist",
        "notify.what.other": "eine neue Veranstaltung eingetragen ist",
        "notify.what.registration": "die Anmeldung {name_zu} öffnet",
        "notify.offer": "Soll ich Ihnen Bescheid geben, sobald {what}?",
        "notify.button": "Ja, Bescheid geben",
        "notify.subscribed": "Gern – ich gebe Ihnen Bescheid, sobald {what}. Abbestellen mit "
        "„bescheid aus“.",
        "notify.already": "Das habe ich schon vorgemerkt: Sie hören von mir, sobald {what}.",
        "notify.open_now": "Die Anmeldung {name_zu} ist schon geöffnet – Sie können sich "
        "gleich anmelden.",
        "notify.too_late": "Für {name} ist keine Anmeldung mehr möglich.",
        "notify.unknown": "„{query}“ verstehe ich hier nicht. Möglich sind: bescheid alle, "
        "bescheid regionalkonferenz, bescheid kongress, bescheid <Konferenz>, bescheid aus.",
        "notify.list": "Ich gebe Ihnen Bescheid, sobald:",
        "notify.choose": "Sie haben noch keine Hinweise bestellt. Worüber soll ich Ihnen "
        "Bescheid geben?",
        "notify.button.any": "Alle neuen Konferenzen",
        "notify.button.regionalkonferenz": "Neue Regionalkonferenzen",
        "notify.button.kongress": "Neue Kongresse",
        "notify.button.stop": "Alle abbestellen",
        "notify.stopped": "In Ordnung – ich habe alle Hinweise abbestellt.",
        "notify.stopped_none": "Sie hatten keine Hinweise bestellt.",
        "notice.new": "Neu eingetragen: {Name} am {when}{place}.",
        "notice.registration": "Die Anmeldung {name_zu} ist jetzt geöffnet.",
        "notice.stop_hint": "Keine solchen Hinweise mehr: „bescheid aus“.",
    },
    "en": {
        "help.bescheid": "be told when a new conference is published or registration opens "
        "(“notify all”, “notify kongress”, “notify 24”, “notify off”)",
        "notify.what.any": "a new conference is published",
        "notify.what.regionalkonferenz": "a new regional conference is published",
        "notify.what.kongress": "a new congress is published",
        "notify.what.other": "a new event is published",
        "notify.what.registration": "registration opens for {name}",
        "notify.offer": "Shall I let you know as soon as {what}?",
        "notify.button": "Yes, let me know",
        "notify.subscribed": "Will do – I'll let you know as soon as {what}. To stop: "
        "“notify off”.",
        "notify.already": "Already noted: you'll hear from me as soon as {what}.",
        "notify.open_now": "Registration for {name} is already open – you can register now.",
        "notify.too_late": "Registration for {name} is no longer possible.",
        "notify.unknown": "I don't understand “{query}” here. Try: notify all, notify "
        "regionalkonferenz, notify kongress, notify <conference>, notify off.",
        "notify.list": "I'll let you know as soon as:",
        "notify.choose": "You have not asked for any notices yet. What shall I tell you about?",
        "notify.button.any": "All new conferences",
        "notify.button.regionalkonferenz": "New regional conferences",
        "notify.button.kongress": "New congresses",
        "notify.button.stop": "Stop all notices",
        "notify.stopped": "All right – I have stopped all notices.",
        "notify.stopped_none": "You had not asked for any notices.",
        "notice.new": "Just published: {Name} on {when}{place}.",
        "notice.registration": "Registration for {name} is now open.",
        "notice.stop_hint": "No more such notices: “notify off”.",
    },
}
