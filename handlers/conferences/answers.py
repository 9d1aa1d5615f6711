"""Answers to conference questions: when, where, motto, topics, programme, registration, lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from handlers.conferences.cards import (
    agenda_lines,
    conference_card,
    place_suffix,
    summary_card,
    when_text,
    where_text,
)
from handlers.conferences.naming import names
from handlers.conferences.references import ConferenceRef
from handlers.conferences.seats import deadline_text, seats_text
from handlers.conferences.selection import filter_conferences, pick_one
from handlers.context import Context
from handlers.dates import format_day, format_month
from handlers.notify.wishes import new_conference_offer, registration_offer
from handlers.registration.window import registration_problem
from handlers.replies import Card, Reply
from handlers.texts import t
from storage.conferences import all_conferences, get_conference
from storage.context import recall_conference, remember_conference
from storage.models import Conference

CONTEXT_MAX_AGE = timedelta(hours=2)
LIST_LIMIT = 15


def answer_conference_question(
    ctx: Context,
    *,
    intent: str | None,
    ref: ConferenceRef,
    conferences: Sequence[Conference],
    language: str,
    query: str,
) -> Reply:
    """Find the conference the question means and answer the aspect asked for."""
    if intent == "list":
        return _list_reply(ctx, ref, conferences, language)
    candidates = filter_conferences(conferences, ref, ctx.tz)
    if ref.explicit and not candidates:
        hint = t(language, "not_found_hint")
        return Reply(t(language, "not_found", query=query.strip()) + hint, language=language)
    target = _target(ctx, ref, candidates)
    if target is None:
        return _none_reply(ctx, ref, conferences, language)
    remember_conference(ctx.session, ctx.user_id, target.slug, now=ctx.now)
    return conference_reply(
        ctx,
        target,
        intent=intent,
        language=language,
        relative=ref.relative if ref.relative in ("next", "last") and not ref.explicit else None,
        kind=ref.kind,
    )


def meant_conference(ctx: Context, ref: ConferenceRef) -> Conference | None:
    """The one conference a sentence means: named, "die nächste", or the one talked about
    when it refers back ("dort", "dafür"); None when it names none."""
    candidates = filter_conferences(all_conferences(ctx.session), ref, ctx.tz)
    if not candidates:
        return None
    if ref.explicit or ref.relative:
        return _target(ctx, ref, candidates)
    # "dort", "dafür": the conference talked about, if any ("Sie" may only be polite)
    return _remembered(ctx, candidates) if ref.refers_back else None


def _target(ctx: Context, ref: ConferenceRef, candidates: list[Conference]) -> Conference | None:
    upcoming = [c for c in candidates if c.ends_at > ctx.now]
    past = [c for c in candidates if c.ends_at <= ctx.now]
    if ref.relative == "last":
        return past[-1] if past else None
    if ref.relative == "after":
        return _after(ctx, candidates, upcoming)
    if ref.explicit:
        return pick_one(candidates, ctx.now)
    if ref.relative is None and ref.kind is None:
        remembered = _remembered(ctx, candidates)
        if remembered is not None:
            return remembered
    return upcoming[0] if upcoming else None


def _after(
    ctx: Context, candidates: list[Conference], upcoming: list[Conference]
) -> Conference | None:
    """ "und danach?": the conference after the one talked about (or after the next one)."""
    base = _remembered(ctx, candidates) or (upcoming[0] if upcoming else None)
    if base is None:
        return None
    later = [c for c in candidates if c.starts_at > base.starts_at]
    return later[0] if later else None


def _remembered(ctx: Context, candidates: list[Conference]) -> Conference | None:
    slug = recall_conference(ctx.session, ctx.user_id, now=ctx.now, max_age=CONTEXT_MAX_AGE)
    return next((c for c in candidates if c.slug == slug), None)


def _none_reply(
    ctx: Context, ref: ConferenceRef, conferences: Sequence[Conference], language: str
) -> Reply:
    """Nothing upcoming: say so, name the last one, and offer to tell when one is published."""
    kind = ref.kind or "any"
    if ref.relative == "last":
        return Reply(t(language, "none_past"), language=language)
    past = [c for c in conferences if c.ends_at <= ctx.now and ref.kind in (None, c.kind)]
    text = t(language, f"none_upcoming.{kind}")
    cards: tuple[Card, ...] = ()
    if past:
        last = past[-1]
        text += t(
            language,
            "none_upcoming_last",
            name=names(last, language).name,
            when=when_text(last, ctx.tz, language),
            place=place_suffix(last, language),
        )
        cards = (conference_card(last, ctx.tz, language, now=ctx.now),)
    cards += (new_conference_offer(ctx, ref.kind),)
    return Reply(text, cards=cards, language=language)


def conference_reply(
    ctx: Context,
    conference: Conference,
    *,
    intent: str | None,
    language: str,
    relative: str | None = None,
    kind: str | None = None,
) -> Reply:
    """The answer about one conference: a lead sentence for the aspect, then its card."""
    values = names(conference, language).as_values()
    past = conference.ends_at <= ctx.now
    card = conference_card(conference, ctx.tz, language, now=ctx.now)
    cards: tuple[Card, ...] = (card,)
    notes: tuple[str, ...] = ()
    if intent == "where":
        key = "lead.where_past" if past else "lead.where"
        text = t(language, key, where=where_text(conference, language), **values)
    elif intent == "motto":
        text = (
            t(language, "lead.motto", motto=conference.motto, **values)
            if conference.motto
            else t(language, "lead.no_motto", title=conference.title, **values)
        )
    elif intent == "topics":
        topics = ", ".join(conference.topics)
        text = t(language, "lead.topics" if topics else "lead.no_topics", topics=topics, **values)
    elif intent == "programme":
        text, notes = _programme(conference, language, values, ctx)
    elif intent == "registration_info":
        text, cards = _registration_info(ctx, conference, card, values)
    elif intent == "deadline":
        text = deadline_text(conference, ctx, language, values)
    elif intent == "free_seats":
        text = seats_text(conference, ctx, language, values)
    elif intent in ("when", "conference", None) and relative:
        relative_name = t(language, f"relative.{relative}.{kind or 'any'}")
        text = t(
            language,
            "lead.relative_past" if past else "lead.relative",
            Relative=relative_name[:1].upper() + relative_name[1:],
            when=when_text(conference, ctx.tz, language),
            place=place_suffix(conference, language),
        )
    elif intent == "when":
        text = t(
            language,
            "lead.past" if past else "lead.future",
            when=when_text(conference, ctx.tz, language),
            place=place_suffix(conference, language),
            **values,
        )
    else:
        text = t(language, "lead.overview", **values)
    return Reply(text, cards=cards, notes=notes, language=language)


def _registration_info(
    ctx: Context, conference: Conference, card: Card, values: dict[str, str]
) -> tuple[str, tuple[Card, ...]]:
    """How to register, or why not now; before it opens, the offer to be told."""
    language = ctx.language
    problem = registration_problem(conference, ctx.now)
    moments = {
        key: format_day(moment or ctx.now, ctx.tz, language)
        for key, moment in (
            ("opens", conference.registration_opens_at),
            ("deadline", conference.registration_deadline),
        )
    }
    key = problem or "lead.registration"
    text = ctx.t(key, slug=conference.slug, **moments, **values)
    if problem in ("reg.closed", "reg.not_yet") and conference.cancelled_at is None:
        return text, (card, registration_offer(ctx, conference))
    return text, (card,)


def _programme(
    conference: Conference, language: str, values: dict[str, str], ctx: Context
) -> tuple[str, tuple[str, ...]]:
    if conference.agenda:
        return t(language, "lead.programme", **values), agenda_lines(conference, ctx.tz, language)
    topics = ", ".join(conference.topics)
    extra = t(language, "lead.no_programme_topics", topics=topics) if topics else ""
    return t(language, "lead.no_programme", topics=extra, **values), ()


def _list_reply(
    ctx: Context, ref: ConferenceRef, conferences: Sequence[Conference], language: str
) -> Reply:
    matching = [c for c in conferences if ref.kind in (None, c.kind)]
    if ref.month is not None:
        chosen = _in_month(ctx, matching, ref)
        month = format_month(ref.month, language)
        text = t(language, "list.month" if chosen else "list.none_month", month=month)
    elif ref.year is not None:
        chosen = [c for c in matching if c.starts_at.astimezone(ctx.tz).year == ref.year]
        text = t(language, "list.year" if chosen else "list.none_year", year=ref.year)
    else:
        chosen = [c for c in matching if c.ends_at > ctx.now]
        text = t(language, "list.upcoming")
        if not chosen:
            return _none_listed(ctx, ref, matching, language)
    cards = tuple(summary_card(c, ctx.tz, language, ctx.now) for c in chosen[:LIST_LIMIT])
    return Reply(text, cards=cards, language=language)


def _none_listed(
    ctx: Context, ref: ConferenceRef, matching: Sequence[Conference], language: str
) -> Reply:
    """No upcoming conference to list: the last three, and the offer to tell of new ones."""
    chosen = [c for c in matching if c.ends_at <= ctx.now][-3:]
    cards = tuple(summary_card(c, ctx.tz, language, ctx.now) for c in chosen)
    cards += (new_conference_offer(ctx, ref.kind),)
    return Reply(t(language, "list.none_upcoming"), cards=cards, language=language)


def _in_month(
    ctx: Context, conferences: Sequence[Conference], ref: ConferenceRef
) -> list[Conference]:
    """In the month named: of the year named, else upcoming ones first, else past ones."""
    local = [(c, c.starts_at.astimezone(ctx.tz)) for c in conferences]
    found = [c for c, when in local if when.month == ref.month and ref.year in (None, when.year)]
    upcoming = [c for c in found if c.ends_at > ctx.now]
    return found if ref.year is not None else (upcoming or found)


def conference_details(ctx: Context, slug: str) -> Reply:
    """The full card of one conference, as shown by its details button."""
    conference = get_conference(ctx.session, slug)
    if conference is None:
        return Reply(ctx.t("not_found", query=slug), language=ctx.language)
    remember_conference(ctx.session, ctx.user_id, slug, now=ctx.now)
    return conference_reply(ctx, conference, intent=None, language=ctx.language)
