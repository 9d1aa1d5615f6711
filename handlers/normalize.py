"""Text normalisation for German (and English) matching: case, umlauts, punctuation."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Casefold and spell umlauts out, so that "Zwönitz", "ZWOENITZ" and "zwoenitz" agree."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_UMLAUTS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped ("Halle (Saale)" -> halle, saale)."""
    return _WORD.findall(fold(text))
