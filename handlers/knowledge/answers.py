"""The knowledge base: find solutions other municipalities built, and say so honestly when
there is none."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from handlers.context import Context
from handlers.conversation.language import detect_language
from handlers.knowledge.hybrid import KnowledgeIndex
from handlers.knowledge.index import Document, Hit
from handlers.knowledge.index_cache import current_index
from handlers.knowledge.natural import natural_filters
from handlers.knowledge.query import ParsedQuery, parse_query
from handlers.knowledge.summary import first_sentence
from handlers.knowledge.text import query_words
from handlers.replies import Button, Card, DirectMessage, Reply
from handlers.texts import t
from storage.solutions import get_solution

LEXICAL_THRESHOLD = 0.3  # share of the best possible lexical score
SEMANTIC_THRESHOLD = 0.84  # cosine similarity of question and solution
SEMANTIC_SUPPORT = 0.80  # enough similarity when some words match too
# English questions lie about 0.02-0.03 less similar to the German entries than German ones
# (tuning queries: 5th percentile of the best match 0.804 against 0.825).
ENGLISH_OFFSET = 0.03
MARGIN = 0.05  # hits further behind the first are left out unless good on their own
LIMIT = 5
FORWARD_ACTION = "forward_question"
SIMILAR_ACTION = "similar_solutions"
EDIT_ACTION = "edit_solution"


def rank(index: KnowledgeIndex, question: str, *, limit: int = LIMIT) -> list[Hit]:
    """Good hits, best first: matched well by words or by meaning. Filters apply, written
    (`land:Hessen`) or named in the sentence ("Projekte aus Hessen"); when the named ones
    leave nothing, the question is searched without them."""
    parsed = parse_query(question)
    understood = understand(index, parsed)
    bar = Bar.for_question(parsed.text)
    found = index.search(
        understood.text, filters=understood.filters, limit=max(limit, LIMIT), question=parsed.text
    )
    hits = answer(found, bar)[:limit]
    if hits or not understood.filters:
        return hits
    if understood != parsed:
        unfiltered = index.search(parsed.text, filters=parsed.filters, limit=max(limit, LIMIT))
        hits = answer(unfiltered, bar)[:limit]
    # The rest of the sentence found nothing good: what the filters select is the answer,
    # closest in meaning first when the model is there.
    return hits or found[:limit] or index.search("", filters=understood.filters, limit=limit)


def understand(index: KnowledgeIndex, parsed: ParsedQuery) -> ParsedQuery:
    """The written filters plus those the sentence names (written ones win)."""
    states, places = index.names()
    natural = natural_filters(parsed.text, states=states, municipalities=places)
    if not natural.filters:
        return parsed
    return ParsedQuery(natural.text, natural.filters | parsed.filters)


@dataclass(frozen=True)
class Bar:
    """How similar in meaning a hit must be; lower for English questions over German data."""

    semantic: float = SEMANTIC_THRESHOLD
    support: float = SEMANTIC_SUPPORT

    @classmethod
    def for_question(cls, text: str) -> Bar:
        """The bar for this question: English ones score lower against German entries."""
        if detect_language(text) == "en":
            return cls(SEMANTIC_THRESHOLD - ENGLISH_OFFSET, SEMANTIC_SUPPORT - ENGLISH_OFFSET)
        return cls()


def answer(found: list[Hit], bar: Bar = Bar()) -> list[Hit]:
    """The question is answered when one of its best hits is good; then the hits are shown
    in the fused order, except those far behind the first that are not good themselves.
    (A bar for each hit would drop right answers that rank well but score modestly.)"""
    if not any(good(hit, bar) for hit in found[:LIMIT]):
        return []
    best = found[0].score
    return [hit for hit in found if good(hit, bar) or hit.score >= best - MARGIN]


def good(hit: Hit, bar: Bar = Bar()) -> bool:
    """Clearly matched by words, or by meaning, or somewhat by both (a word of the question in
    the solution and a meaning close to it): never by an unknown word alone."""
    if hit.lexical >= LEXICAL_THRESHOLD or hit.semantic >= bar.semantic:
        return True
    return hit.lexical > 0.0 and hit.semantic >= bar.support


def search_reply(ctx: Context, question: str) -> Reply:
    """`/smartcity loesungen <frage>` and free-text questions about solutions."""
    if not question.strip():
        return Reply(ctx.t("kb.ask"), language=ctx.language)
    index = current_index(ctx.session)
    return found_reply(ctx, index, question) or no_match_reply(ctx, index, question)


def found_reply(ctx: Context, index: KnowledgeIndex, question: str) -> Reply | None:
    """The matching solutions as cards, or None when nothing is above the threshold."""
    hits = rank(index, question)
    if not hits:
        return None
    cards = tuple(solution_card(ctx, hit.document) for hit in hits)
    return Reply(ctx.t("kb.found"), cards=cards, language=ctx.language)


def no_match_reply(ctx: Context, index: KnowledgeIndex, question: str) -> Reply:
    """Say so, name the closest topics, and offer to pass the question on."""
    text = ctx.t("kb.none")
    topics = closest_topics(index, parse_query(question).text)
    if topics:
        text += ctx.t("kb.closest", topics=", ".join(topics))
    if not ctx.organizer_channel:
        return Reply(text, language=ctx.language)
    text += ctx.t("kb.offer")
    button = Button(ctx.t("kb.forward_button"), FORWARD_ACTION, question[:1900])
    return Reply(text, cards=(Card("", buttons=(button,)),), language=ctx.language)


def forward_question(ctx: Context, question: str) -> Reply:
    """The asker agreed: post the question to the organizers' channel."""
    post = Reply(t("de", "kb.forward_post", user=ctx.user_id, question=question))
    return Reply(
        ctx.t("kb.forwarded"),
        language=ctx.language,
        direct_messages=(DirectMessage(ctx.organizer_channel, post),),
    )


def closest_topics(index: KnowledgeIndex, text: str, *, limit: int = 3) -> list[str]:
    """Topics of the collection that resemble a word of the question."""
    topics = sorted(index.facets["topics"])
    scored: dict[str, float] = {}
    for word in query_words(text):
        for topic, score, _ in process.extract(
            word.stem, topics, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=90
        ):
            scored[topic] = max(scored.get(topic, 0.0), score)
    best = sorted(scored, key=lambda topic: -scored[topic])[:limit]
    return [index.labels.get(topic, topic) for topic in best]


def similar_reply(ctx: Context, solution_id: str) -> Reply:
    """Solutions like the given one (same words, topics), without itself."""
    solution = get_solution(ctx.session, solution_id)
    if solution is None:
        return Reply(ctx.t("kb.unknown", id=solution_id), language=ctx.language)
    index = current_index(ctx.session)
    probe = f"{solution.title} {' '.join(solution.topics)}"
    hits = [h for h in index.search(probe, limit=LIMIT + 1) if h.document.id != solution_id]
    cards = tuple(solution_card(ctx, hit.document) for hit in hits[:LIMIT])
    return Reply(ctx.t("kb.similar", title=solution.title), cards=cards, language=ctx.language)


def solution_card(ctx: Context, document: Document) -> Card:
    """A solution as a card: municipality, status, topics, summary, contact, source."""
    fields = [
        (ctx.t("kb.field_municipality"), document.municipality),
        (ctx.t("kb.field_status"), ctx.t(f"status.{document.status}")),
    ]
    if document.topics:
        fields.append((ctx.t("kb.field_topics"), ", ".join(document.topics)))
    if document.contact_hint:
        fields.append((ctx.t("kb.field_contact"), document.contact_hint))
    buttons = [Button(ctx.t("kb.similar_button"), SIMILAR_ACTION, document.id)]
    if ctx.is_organizer:
        buttons.append(Button(ctx.t("kb.edit_button"), EDIT_ACTION, document.id))
    return Card(
        title=document.title,
        fields=tuple(fields),
        body=first_sentence(document.summary),
        link=document.source_url,
        buttons=tuple(buttons),
    )
