"""'Wer kommt noch?': the participants of a conference who agreed to be shown.

The rule: only a member who holds a seat at that conference themselves (confirmed, or a held
offer) may ask, and only confirmed participants who agreed at registration (or later with
`sichtbarkeit an`) are named - with name, municipality and role, nothing else. Nobody who did
not agree is revealed, not even by a count: the answer always says that only those who agreed
are shown, whether or not anyone else is coming. Filters: a federal state ("aus Sachsen"), a
municipality ("aus Zwönitz") and what they work on ("arbeitet an Starkregen": their role names
it, or their municipality has a matching solution in the knowledge base)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.conferences.answers import meant_conference
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.conversation.meaning import Meaning
from handlers.conversation.understand import names_in
from handlers.conversation.world import world_of
from handlers.knowledge.answers import rank
from handlers.knowledge.index_cache import current_index
from handlers.normalize import fold
from handlers.places import find_municipality, find_state
from handlers.replies import Reply
from handlers.texts import t
from storage.models import Conference, Registration
from storage.projects import project_places
from storage.registrations import CONFIRMED, OFFERED, find_registration, registrations_of_user
from storage.visibility import visible_participants

LIST_LIMIT = 30
_TOPIC = re.compile(
    r"\b(?:arbeite\w*|beschaeftig\w*(?: sich)?|kuemmer\w*(?: sich)?|engagier\w*(?: sich)?"
    r"|work\w*|interested|experience|erfahrung\w*|befasst(?: sich)?)"
    r"\s+(?:(?:mit|an|am|zu|zum|zur|fuer|on|in|with)\s+)+(?:(?:dem|der|den|das|die|einem|einer"
    r"|thema|the|topic)\s+)*(?P<topic>[^?!.]+)"
)


@dataclass(frozen=True)
class Wanted:
    """What the asker narrows the list to; None: not asked."""

    state: str | None = None
    municipality: str | None = None
    topic: str | None = None


def fellows_intent(ctx: Context, meaning: Meaning) -> Reply:
    """The sentence "Wer kommt noch aus Sachsen zur nächsten Konferenz?" understood."""
    return _answer(ctx, meaning.text)


def fellows_command(ctx: Context, argument: str) -> Reply:
    """`/smartcity wer-kommt [konferenz] [aus <Land|Kommune>] [arbeitet an <Thema>]`."""
    return _answer(ctx, argument)


def _answer(ctx: Context, text: str) -> Reply:
    """Where they come from and what they work on are filters; the conference is named by
    the rest ("aus Zwönitz" is not the conference in Zwönitz)."""
    world = world_of(ctx.session)
    named = names_in(text, world)
    origin = _origin(text, named.municipality) or _origin(text, named.state)
    rest = fold(text).replace(origin.group(0), " ") if origin else fold(text)
    work = _TOPIC.search(rest)
    ref = names_in(rest[: work.start()] if work else rest, world).ref  # not "an Mobilität in Kiel"
    conference = meant_conference(ctx, ref) or (None if ref.explicit else _own_next(ctx))
    if conference is None:
        key = "fellows.not_found" if ref.explicit else "fellows.no_seat_anywhere"
        return Reply(ctx.t(key), language=ctx.language)
    municipality = named.municipality if _origin(text, named.municipality) else None
    return fellows_reply(ctx, conference, Wanted(named.state, municipality, topic_of(text)))


def topic_of(text: str) -> str | None:
    """ "arbeitet an Starkregen" -> "Starkregen"; None when no work is asked about."""
    found = _TOPIC.search(fold(text))
    return found.group("topic").strip().capitalize() if found else None


def _origin(text: str, place: str | None) -> re.Match[str] | None:
    """ "aus Zwönitz", "from Saxony": a place of origin, not the conference's city."""
    if place is None:
        return None
    first = re.escape(fold(place).split()[0])
    return re.search(rf"\b(?:aus|from|von)\s+(?:\w+\s+){{0,2}}{first}\S*", fold(text))


def _own_next(ctx: Context) -> Conference | None:
    """No conference named: the next one the asker holds a seat at."""
    mine = registrations_of_user(ctx.session, ctx.user_id)
    upcoming = [
        r.conference
        for r in mine
        if r.status in (CONFIRMED, OFFERED) and r.conference.ends_at > ctx.now
    ]
    return upcoming[0] if upcoming else None


def fellows_reply(ctx: Context, conference: Conference, wanted: Wanted) -> Reply:
    """The list for a member with a seat there; a polite refusal for anyone else."""
    language = ctx.language
    values = names(conference, language).as_values()
    own = find_registration(ctx.session, conference.id, ctx.user_id)
    if own is None or own.status not in (CONFIRMED, OFFERED):
        text = ctx.t("fellows.not_registered", slug=conference.slug, **values)
        return Reply(text, language=language)
    shown = _matching(
        ctx, visible_participants(ctx.session, conference.id, besides=ctx.user_id), wanted
    )
    lines = [_line(r) for r in shown[:LIST_LIMIT]]
    if len(shown) > LIST_LIMIT:
        lines.append(ctx.t("fellows.more", count=len(shown) - LIST_LIMIT))
    head = "fellows.list" if shown else "fellows.nobody"
    text = ctx.t(head, filter=_filter_text(language, wanted), **values)
    notes = [ctx.t("fellows.only_consenting")]
    if own.visible_since is None:
        notes.append(ctx.t("fellows.you_hidden", slug=conference.slug))
    return Reply("\n".join([text, *lines]), notes=tuple(notes), language=language)


def _line(registration: Registration) -> str:
    parts = [registration.name, registration.role, registration.municipality]
    return "• " + ", ".join(part for part in parts if part)


def _filter_text(language: str, wanted: Wanted) -> str:
    parts = []
    if wanted.state or wanted.municipality:
        parts.append(t(language, "fellows.from", place=wanted.municipality or wanted.state))
    if wanted.topic:
        parts.append(t(language, "fellows.on_topic", topic=wanted.topic))
    return "".join(" " + part for part in parts)


def _matching(ctx: Context, people: Sequence[Registration], wanted: Wanted) -> list[Registration]:
    chosen = list(people)
    if wanted.state or wanted.municipality:
        places = dict(project_places(ctx.session))
        chosen = [r for r in chosen if _comes_from(r.municipality, places, wanted)]
    if wanted.topic:
        chosen = _working_on(ctx, chosen, wanted.topic)
    return chosen


def _comes_from(municipality: str, places: dict[str, str], wanted: Wanted) -> bool:
    """Whether a participant's municipality (free text) is the wanted model project, or lies
    in the wanted state (a joint project may name several: "Hamburg; Sachsen; Bayern")."""
    project = find_municipality(municipality, places)
    if wanted.municipality is not None:
        return project == wanted.municipality
    states = places.get(project or "", "").split(";")
    named = find_state(municipality, {s.strip() for v in places.values() for s in v.split(";")})
    return wanted.state in {s.strip() for s in states} | {named}


def _working_on(ctx: Context, people: list[Registration], topic: str) -> list[Registration]:
    """Whose role names the topic, or whose municipality built a solution for it."""
    hits = rank(current_index(ctx.session), topic)
    builders = {fold(hit.document.municipality) for hit in hits}
    folded = fold(topic)
    return [
        r for r in people
        if folded in fold(r.role) or _municipality_in(fold(r.municipality), builders)
    ]  # fmt: skip


def _municipality_in(municipality: str, builders: set[str]) -> bool:
    return bool(municipality) and any(municipality in b or b in municipality for b in builders)
