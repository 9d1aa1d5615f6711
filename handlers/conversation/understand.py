"""From a member's sentence to its meaning: intent, language, greeting, conference and place."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from handlers.conferences.references import ConferenceRef, extract_reference
from handlers.conversation.cues import cue_scores
from handlers.conversation.language import detect_language
from handlers.conversation.meaning import Meaning
from handlers.conversation.model import FACTS, INTENTS, IntentModel, Matrix, load_models
from handlers.conversation.social import Social, split_social
from handlers.conversation.world import World
from handlers.embedding import Embedder
from handlers.normalize import fold, words
from handlers.places import find_municipality, find_state

_FILTER = re.compile(r"\b(?:thema|ort|land|status|topic|place|state)\s*:", re.IGNORECASE)
_KNOWLEDGE = INTENTS.index("knowledge")
# The knowledge base holds solutions, not people: a question naming the participants
# ("Welche Teilnehmenden haben Erfahrung mit Open Data?") asks who is coming.
_PARTICIPANTS = re.compile(r"\b(?:teilnehmend|teilnehmer|angemeldete|participant|attendee)\w*")
MAX_CHARS = 1000  # what is read of a message; a longer one is about its beginning


@dataclass(frozen=True)
class Named:
    """What a message names: a conference reference, a model project, a federal state."""

    ref: ConferenceRef
    municipality: str | None
    state: str | None


def names_in(text: str, world: World) -> Named:
    """The conference reference and places in a message."""
    return Named(
        extract_reference(text, world.conferences),
        find_municipality(text, world.municipalities),
        find_state(text, world.states),
    )


def understand(text: str, world: World, *, embedder: Embedder | None) -> Meaning:
    """The meaning of one message; without an embedder, by the lexical model alone."""
    text = text[:MAX_CHARS]
    language = detect_language(text)
    social = split_social(text)
    rest = social.rest
    if social.alone:
        return Meaning(text=rest, intent=social.alone, language=language)
    named = names_in(rest, world)
    intent = _classify(rest, named, social, embedder)
    return Meaning(
        text=rest,
        intent=intent,
        language=language,
        ref=named.ref,
        municipality=named.municipality,
        state=named.state,
        social=social.kind,
    )


def _classify(text: str, named: Named, social: Social, embedder: Embedder | None) -> str:
    if filter_query(text):
        return "knowledge"
    models, _ = load_models()
    model = models["semantic" if embedder is not None else "lexical"]
    return about_people(decide(model, features(text, named, social, embedder)), text)


def about_people(intent: str, text: str) -> str:
    """The model's intent, except that a knowledge question naming the participants asks
    who is coming."""
    if intent == "knowledge" and _PARTICIPANTS.search(fold(text)):
        return "fellows"
    return intent


def filter_query(text: str) -> bool:
    """ "thema: Mobilität" and the like: a filtered knowledge search."""
    return _FILTER.search(text) is not None


def decide(model: IntentModel, vector: Matrix) -> str:
    """The intent a model gives one feature row, with the knowledge-cue rule applied."""
    best = int(np.argmax(model.probabilities(vector[None, :])[0]))
    cues = vector[-len(FACTS) - len(INTENTS) : -len(FACTS)]
    if INTENTS[best] == "none" and cues[_KNOWLEDGE] >= 1.0:
        # "Gibt es eine Lösung für …?" asks the knowledge base even about an unknown thing.
        best = _KNOWLEDGE
    return INTENTS[best]


def features(text: str, named: Named, social: Social, embedder: Embedder | None) -> Matrix:
    """The model's input: embedding (if any), cue scores per intent, and facts (among them
    the greeting, thanks or goodbye taken off the request)."""
    tokens, ref = words(text), named.ref
    facts = {
        "number": ref.number is not None,
        "place": ref.places is not None,
        "month": ref.month is not None,
        "year": ref.year is not None,
        "relative": ref.relative is not None,
        "kind": ref.kind is not None,
        "refers_back": ref.refers_back,
        "municipality": named.municipality is not None,
        "state": named.state is not None,
        "question": "?" in text,
        "one_word": len(tokens) == 1,
        "short": len(tokens) <= 3,
        "long": len(tokens) >= 12,
        "greeted": social.greeting,
        "thanked": social.thanks,
        "said_goodbye": social.goodbye,
    }
    parts = [
        np.asarray(cue_scores(text, INTENTS), dtype=np.float32),
        np.asarray([facts[name] for name in FACTS], dtype=np.float32),
    ]
    if embedder is not None:
        parts.insert(0, embedder.queries([text])[0])
    return np.concatenate(parts)
