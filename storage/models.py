"""The database schema, as typed SQLAlchemy 2 models."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import ShortText, Slug, UTCDateTime, UtcTimestamp

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The base of every table, with constraint names that migrations can refer to."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Conference(Base):
    """A regional conference, a congress or another network event."""

    __tablename__ = "conferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[Slug] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[ShortText]
    motto: Mapped[ShortText]
    starts_at: Mapped[UtcTimestamp] = mapped_column(index=True)
    ends_at: Mapped[UtcTimestamp]
    times_known: Mapped[bool] = mapped_column(default=False)
    venue: Mapped[ShortText]
    address: Mapped[ShortText]
    city: Mapped[ShortText]
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_url: Mapped[ShortText]
    capacity: Mapped[int | None] = mapped_column(Integer)
    registration_opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    registration_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    registration_open: Mapped[bool] = mapped_column(default=True)
    online_url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set by every write, so calendar feeds can say since when they are unchanged.
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    # Seat counters, changed only while the row is locked (see storage.registrations); the
    # check constraint makes overbooking impossible even for a faulty writer.
    confirmed_count: Mapped[int] = mapped_column(default=0, server_default="0")
    waitlisted_count: Mapped[int] = mapped_column(default=0, server_default="0")
    waitlist_last_seq: Mapped[int] = mapped_column(default=0, server_default="0")

    __table_args__ = (
        CheckConstraint("capacity IS NULL OR confirmed_count <= capacity", name="seats"),
        CheckConstraint("confirmed_count >= 0 AND waitlisted_count >= 0", name="counts"),
    )

    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="AgendaItem.starts_at",
    )


class AgendaItem(Base):
    """One slot of a conference programme."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[UtcTimestamp]
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    title: Mapped[ShortText]
    speaker: Mapped[ShortText]

    conference: Mapped[Conference] = relationship(back_populates="agenda")


class ProcessedEvent(Base):
    """An Events API event id already handled; retries of it are dropped until it expires."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    expires_at: Mapped[UtcTimestamp] = mapped_column(index=True)


class ConversationContext(Base):
    """The conference a user last talked about, so that "Wo findet sie statt?" can follow."""

    __tablename__ = "conversation_contexts"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    conference_slug: Mapped[Slug]
    updated_at: Mapped[UtcTimestamp]


class Dialog(Base):
    """What the bot waits for from a user in a text conversation: a numbered choice, a yes or
    no, or the next field of a form. One per user; replaced by the next question."""

    __tablename__ = "dialogs"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[UtcTimestamp]


class Registration(Base):
    """One member's registration for one conference: confirmed, waitlisted or cancelled.

    One row per (conference, user): registering again after a cancellation reuses it. Personal
    fields are blanked and the user id replaced when data is deleted or purged.
    """

    __tablename__ = "registrations"
    __table_args__ = (
        UniqueConstraint("conference_id", "user_id"),
        Index("ix_registrations_conference_status", "conference_id", "status", "waitlist_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[str] = mapped_column(String(255), index=True)
    status: Mapped[str] = mapped_column(String(20))
    waitlist_seq: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[ShortText]
    municipality: Mapped[ShortText]
    role: Mapped[ShortText]
    notes: Mapped[str] = mapped_column(String(1000), default="")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[UtcTimestamp]
    updated_at: Mapped[UtcTimestamp]
    anonymised: Mapped[bool] = mapped_column(default=False)
    # Set while a freed seat is held for this person to accept (promotion = "offer").
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the member agreed that other participants of this conference may see their name,
    # municipality and role ("Wer kommt noch?"); None: not visible (never agreed, or withdrawn).
    visible_since: Mapped[datetime | None] = mapped_column(UTCDateTime())

    conference: Mapped[Conference] = relationship()


class Organizer(Base):
    """An organizer added with `smartcity-bot organizers add` (besides those in config.toml)."""

    __tablename__ = "organizers"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    added_at: Mapped[UtcTimestamp]


class ModelProject(Base):
    """One of the model projects (municipalities) of the network."""

    __tablename__ = "model_projects"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[ShortText]
    cohort_year: Mapped[int] = mapped_column(Integer)
    category: Mapped[ShortText]
    notes: Mapped[str] = mapped_column(String(1000), default="")
    source_url: Mapped[ShortText]


class Solution(Base):
    """A solution or measure a model project built, for others to reuse."""

    __tablename__ = "solutions"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[ShortText]
    municipality: Mapped[ShortText]
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(String(2000), default="")
    status: Mapped[str] = mapped_column(String(20))
    contact_hint: Mapped[ShortText]
    source_url: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[UtcTimestamp]
    # Grows with every write, so search indexes see every change, even two in one clock tick.
    revision: Mapped[int] = mapped_column(default=0, server_default="0", index=True)
    # The sentence embedding of the solution's text (float32 bytes) and the key (model and
    # digest of the embedded text) it belongs to: a vector whose key no longer matches is stale.
    vector: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    vector_key: Mapped[str] = mapped_column(String(80), default="", server_default="")


# 64-bit on PostgreSQL; SQLite's INTEGER PRIMARY KEY is 64-bit already (and must stay INTEGER).
BigId = BigInteger().with_variant(Integer(), "sqlite")


class OutboxMessage(Base):
    """One message to send, once: reminders, announcements, digests, reports, notices, and
    everything a request sends besides its direct answer (confirmations, files, messages to
    others).

    `key` makes planning idempotent (e.g. reminder:<conference>:<offset>:<user>); dispatchers
    claim due rows atomically and record the outcome only while `attempts` still is their
    claim (fencing). `payload` holds a ready message (a serialised reply) for kinds that are
    not worded at send time; `uncertain` marks a send whose answer never came; after
    `expires_at` the message no longer makes sense and is not tried again.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(255), index=True)
    due_at: Mapped[UtcTimestamp]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE")
    )
    announcement_id: Mapped[int | None] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), index=True
    )
    offset_minutes: Mapped[int | None] = mapped_column(Integer)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    uncertain: Mapped[bool] = mapped_column(default=False, server_default=false())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    files: Mapped[list[OutboxFile]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="OutboxFile.id"
    )


class OutboxFile(Base):
    """A file that travels with its outbox message (an .ics, a CSV, a data export)."""

    __tablename__ = "outbox_files"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("outbox.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    title: Mapped[ShortText]
    content: Mapped[bytes] = mapped_column(LargeBinary)


class SendGate(Base):
    """Sending state shared by all replicas: the next free send slot (pacing to one
    workspace-wide rate) and, after an authentication error, why sending is paused."""

    __tablename__ = "send_gate"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_slot_at: Mapped[UtcTimestamp]
    paused_reason: Mapped[str] = mapped_column(String(300), default="")
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Announcement(Base):
    """An organizer's announcement to the announcement channel (and room), a Matrix room,
    a conference's registrants or its waitlist."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(String(3000))
    audience: Mapped[str] = mapped_column(String(20))
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE")
    )
    # For the audience "room": the Matrix room (`!id:server` or `#alias:server`).
    room: Mapped[str | None] = mapped_column(String(255))
    send_at: Mapped[UtcTimestamp]
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    created_at: Mapped[UtcTimestamp]


class ConferenceChange(Base):
    """A change of time or place, or a cancellation, that registrants are told about.

    `before` keeps what they were told until then (ISO times, texts), so the message can
    say what changed however long it waits in the outbox.
    """

    __tablename__ = "conference_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    cancelled: Mapped[bool] = mapped_column(default=False)
    before: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[UtcTimestamp]


class FeedToken(Base):
    """The secret in a member's personal calendar link; deleting it revokes the link."""

    __tablename__ = "feed_tokens"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[UtcTimestamp]


class NoticeSubscription(Base):
    """A member's wish to be told: of new conferences (`subject` "new:any" or "new:<kind>")
    or when registration opens for one (`subject` "registration:<conference id>")."""

    __tablename__ = "notice_subscriptions"
    __table_args__ = (UniqueConstraint("user_id", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(255), index=True)
    subject: Mapped[str] = mapped_column(String(60), index=True)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE")
    )
    created_at: Mapped[UtcTimestamp]

    conference: Mapped[Conference | None] = relationship()


class ReminderOptOut(Base):
    """A member who asked for no reminders."""

    __tablename__ = "reminder_opt_outs"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    since: Mapped[UtcTimestamp]


class MatrixDevice(Base):
    """The bot's Matrix device, kept across restarts so that it is never a new, unverified one.

    The crypto keys and the sync token live in mautrix's own tables (see `bot/matrix/store.py`).
    """

    __tablename__ = "matrix_devices"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(255))
    access_token: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[UtcTimestamp]


class Lease(Base):
    """Who may do a one-at-a-time job (e.g. syncing one Matrix account) until `expires_at`."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    holder: Mapped[str] = mapped_column(String(255))
    expires_at: Mapped[UtcTimestamp]
