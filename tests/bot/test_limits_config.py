"""The limits and timeouts in config.toml: shipped defaults, and a bad value named on start."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from bot.services import database_timeouts
from storage.db import Timeouts


def test_the_shipped_file_bounds_every_wait() -> None:
    config = load_config(environ={})
    assert database_timeouts(config) == Timeouts(connect=5, statement=10, pool=5, busy=5)
    assert (config.http.max_body_bytes, config.http.channel_timeout_seconds) == (1_048_576, 30)


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("database", "statement_timeout_seconds"),
        ("database", "busy_timeout_seconds"),
        ("http", "max_body_bytes"),
        ("http", "channel_timeout_seconds"),
    ],
)
def test_a_limit_of_zero_is_refused_with_its_key(tmp_path: Path, section: str, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[{section}]\n{key} = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{section}.{key} must be at least 1"):
        load_config(path, environ={})
