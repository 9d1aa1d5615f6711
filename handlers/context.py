"""What every handler receives: the open session, who asks, the injected time and settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers import texts
from storage.organizers import is_organizer


@dataclass(frozen=True)
class Context:
    """One incoming request. `now` comes from the injected clock, never from the system."""

    session: Session
    user_id: str
    now: datetime
    tz: ZoneInfo
    language: str
    organizers: frozenset[str] = frozenset()
    purge_after_days: int = 90
    organizer_channel: str = ""
    announcement_channel: str = ""
    # A Matrix room (`!id:server` or `#alias:server`) that gets the same as the channel.
    announcement_room: str = ""
    command: str = "/smartcity"
    # What the member types before a short command here: "/smartcity " on Slack, nothing in
    # the console and on Matrix (where a typed "anmelden 24" is the command). Texts say
    # "{command}anmelden 24" and are given this.
    prefix: str = ""
    # None: waiting people move up at once; else how long a seat offer holds.
    seat_offer: timedelta | None = None

    def t(self, key: str, **values: Any) -> str:
        """The sentence `key` in this request's language; `{command}` is this transport's
        prefix unless given."""
        return texts.t(self.language, key, **{"command": self.prefix, **values})

    def tn(self, key: str, plural_key: str, count: int, **values: Any) -> str:
        """The singular or plural form for `count`, as `t`."""
        return texts.tn(self.language, key, plural_key, count, **{"command": self.prefix, **values})

    @property
    def is_organizer(self) -> bool:
        """Listed in the config, or added with `smartcity-bot organizers add`."""
        return self.user_id in self.organizers or is_organizer(self.session, self.user_id)
