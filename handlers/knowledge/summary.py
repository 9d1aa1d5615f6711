"""A summary's first sentence for a result card, cut at a real sentence or word boundary:
never after an abbreviation ("u.", "Mio.", "ca.") or a date ("Am 16.")."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "u a z b d h i o s ca mio mrd bzw ggf usw etc nr st dr prof inkl evtl vgl rd sog ff abs "
    "str tel jan feb febr mär apr jun jul aug sep sept okt nov dez lt std min max bspw zb".split()
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"„(]?[A-ZÄÖÜ0-9])")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_DAY = 2  # "16." is a day or an ordinal, "2019." ends a sentence


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence, or as many whole words of it as fit in `limit` characters."""
    text = " ".join(text.split())
    sentence = text
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation(text[: match.start()]):
            sentence = text[: match.end()]
            break
    if len(sentence) <= limit:
        return sentence if not sentence or sentence[-1] in ".!?…" else sentence + "."
    return _shorten(sentence, limit)


def _is_abbreviation(before: str) -> bool:
    match = _LAST_WORD.search(before)
    if match is None:
        return False
    word = match.group(1)
    return word.casefold() in ABBREVIATIONS or (word.isdigit() and len(word) <= _DAY)


def _shorten(sentence: str, limit: int) -> str:
    cut = sentence[: limit - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    while cut and (_is_abbreviation(cut) and cut.endswith(".")):
        cut = cut[: cut.rfind(" ")] if " " in cut else ""
    return cut.rstrip(" ,;:–-") + " …"
