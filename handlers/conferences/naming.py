"""How the bot names a conference in a sentence, with German articles and cases."""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import Conference

# kind -> (nominative, genitive, dative article, "zu" + dative, noun, genitive noun)
_GERMAN = {
    "regionalkonferenz": ("die", "der", "der", "zur", "Regionalkonferenz", "Regionalkonferenz"),
    "kongress": ("der", "des", "dem", "zum", "Kongress", "Kongresses"),
    "other": ("die", "der", "der", "zur", "Veranstaltung", "Veranstaltung"),
}
_ENGLISH = {"regionalkonferenz": "regional conference", "kongress": "congress", "other": "event"}


@dataclass(frozen=True)
class Names:
    """The forms a sentence template may need: {name}, {Name}, {name_gen}, {name_dat},
    {name_zu}."""

    name: str
    name_gen: str
    name_dat: str
    name_zu: str

    def as_values(self) -> dict[str, str]:
        """The forms as template values, with {Name} capitalised for the start of a sentence."""
        capitalised = self.name[:1].upper() + self.name[1:]
        return {
            "name": self.name,
            "Name": capitalised,
            "name_gen": self.name_gen,
            "name_dat": self.name_dat,
            "name_zu": self.name_zu,
        }


def names(conference: Conference, language: str) -> Names:
    """How a sentence refers to the conference, in each grammatical form `language` needs."""
    if language == "en":
        core = _english_core(conference)
        return Names(
            name=f"the {core}",
            name_gen=f"of the {core}",
            name_dat=f"the {core}",
            name_zu=f"of the {core}",
        )
    nominative, genitive, dative, zu, noun, noun_gen = _GERMAN.get(
        conference.kind, _GERMAN["other"]
    )
    core = _german_core(conference, noun)
    return Names(
        name=f"{nominative} {core}",
        name_gen=f"{genitive} {_german_core(conference, noun_gen)}",
        name_dat=f"{dative} {core}",
        name_zu=f"{zu} {core}",
    )


def _german_core(conference: Conference, noun: str) -> str:
    if conference.kind == "other":
        return f"{noun} „{conference.title}“"
    if conference.number:
        return f"{conference.number}. {noun}"
    return f"{noun} in {conference.city}"


def _english_core(conference: Conference) -> str:
    noun = _ENGLISH.get(conference.kind, "event")
    if conference.kind == "other":
        return f"{noun} “{conference.title}”"
    if conference.number:
        return f"{ordinal(conference.number)} {noun}"
    return f"{noun} in {conference.city}"


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 23rd."""
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
