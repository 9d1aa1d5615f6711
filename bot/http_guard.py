"""The HTTP edge in front of Bolt: size, signature and shape of a request are checked before
anything parses it, and every refusal is a short 4xx without a trace."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_FORM = "application/x-www-form-urlencoded"
_JSON = "application/json"
_CHUNK = 64 * 1024
_MAX_AGE_SECONDS = 5 * 60  # Slack's replay window, as Bolt checks it


class RefusedError(Exception):
    """The request is answered with `status` and never reaches Bolt."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Guard:
    """Wraps the Bolt WSGI app for `/slack/events`."""

    signing_secret: str
    max_body_bytes: int

    def wrap(self, inner: WsgiApp) -> WsgiApp:
        """The app behind the guard: size and signature are checked before Bolt parses."""

        def application(
            environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> Iterable[bytes]:
            try:
                body = self.checked_body(environ)
            except RefusedError as refusal:
                log.info("refused %s: %s", refusal.status, refusal)
                start_response(refusal.status, [("Content-Type", "text/plain")])
                return [refusal.status.encode()]
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            return inner(environ, start_response)

        return application

    def checked_body(self, environ: dict[str, Any]) -> bytes:
        """The raw body, once its size, signature and shape are fine; else `RefusedError`."""
        if environ.get("REQUEST_METHOD") != "POST":
            raise RefusedError("405 Method Not Allowed", "not a POST")
        body = self._read(environ)
        self._verify(environ, body)
        _check_shape(environ.get("CONTENT_TYPE", ""), body)
        return body

    def _read(self, environ: dict[str, Any]) -> bytes:
        declared = environ.get("CONTENT_LENGTH") or ""
        if declared and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            raise RefusedError("413 Content Too Large", f"Content-Length {declared[:20]!r}")
        stream = environ["wsgi.input"]
        remaining = int(declared) if declared else self.max_body_bytes + 1
        parts: list[bytes] = []
        while remaining > 0:
            chunk = stream.read(min(_CHUNK, remaining))
            if not chunk:
                break
            parts.append(chunk)
            remaining -= len(chunk)
        body = b"".join(parts)
        if len(body) > self.max_body_bytes:
            raise RefusedError("413 Content Too Large", "streamed body over the limit")
        return body

    def _verify(self, environ: dict[str, Any], body: bytes) -> None:
        """Slack's v0 signature over the raw bytes (which need not even be UTF-8)."""
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            raise RefusedError("401 Unauthorized", "missing or malformed timestamp")
        if abs(time.time() - int(timestamp)) > _MAX_AGE_SECONDS:
            raise RefusedError("401 Unauthorized", "stale timestamp")
        base = b"v0:" + timestamp.encode() + b":" + body
        expected = "v0=" + hmac.new(self.signing_secret.encode(), base, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            raise RefusedError("401 Unauthorized", "bad signature")


def _check_shape(content_type: str, body: bytes) -> None:
    """Bolt parses JSON events and form-encoded commands and interactions; nothing else."""
    kind = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8")
        if kind == _JSON:
            _require_object(json.loads(text))
        elif kind == _FORM:
            fields = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text))
            if "payload" in fields:
                _require_object(json.loads(fields["payload"][0]))
            elif "command" not in fields and "ssl_check" not in fields:
                raise ValueError("neither a command nor a payload")
        else:
            raise ValueError(f"content type {kind!r}")
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise RefusedError("400 Bad Request", str(error)[:200]) from error


def _require_object(value: object) -> None:
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
