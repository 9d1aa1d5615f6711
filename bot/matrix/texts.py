"""What the Matrix adapter itself says (everything else comes from the handlers)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "undecryptable": (
            "Ich kann die verschlüsselten Nachrichten in diesem Raum nicht lesen, weil mir der "
            "Schlüssel fehlt. Bitte schreiben Sie mir erneut, oder verifizieren Sie mein Gerät."
        ),
        "reactions": "Oder tippen Sie auf eine Reaktion unter dieser Nachricht: {keys}",
    },
    "en": {
        "undecryptable": (
            "I cannot read the encrypted messages in this room because I lack the key. "
            "Please write to me again, or verify my device."
        ),
        "reactions": "Or tap a reaction below this message: {keys}",
    },
}


def matrix_text(language: str, key: str) -> str:
    return TEXTS.get(language, TEXTS["de"])[key]
