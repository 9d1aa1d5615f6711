"""Filters inside a question: `thema:`, `ort:`, `land:`, `status:` (quotes allow spaces)."""

from __future__ import annotations

import re
from dataclasses import dataclass

FILTER_KEYS = {
    "thema": "topics",
    "topic": "topics",
    "ort": "municipality",
    "kommune": "municipality",
    "place": "municipality",
    "land": "state",
    "bundesland": "state",
    "state": "state",
    "status": "status",
}
_FILTER = re.compile(r'\b(\w+):(?:"([^"]*)"|(\S+))', re.UNICODE)


@dataclass(frozen=True)
class ParsedQuery:
    """A query with its `feld:wert` filters taken out."""

    text: str
    filters: dict[str, str]


def parse_query(raw: str) -> ParsedQuery:
    """Split "Hochwasser status:pilot ort:\"Bad Belzig\"" into text and known filters;
    an unknown `key:` stays part of the text."""
    filters: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        field = FILTER_KEYS.get(match.group(1).casefold())
        if field is None:
            return match.group(0)
        filters[field] = (match.group(2) or match.group(3) or "").strip()
        return " "

    text = _FILTER.sub(take, raw)
    return ParsedQuery(" ".join(text.split()), {k: v for k, v in filters.items() if v})
