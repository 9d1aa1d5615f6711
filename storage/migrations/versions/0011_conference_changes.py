"""conference editing: online link, cancellation, change notices, calendar feed tokens

Revision ID: 0011
Revises: 0006
Create Date: 2026-11-25 18:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0011"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conferences", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("online_url", sa.String(length=500), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("cancelled_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_conferences_updated_at"), ["updated_at"])
    op.create_table(
        "conference_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_conference_changes_conference_id_conferences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_changes")),
    )
    op.create_index(
        op.f("ix_conference_changes_conference_id"), "conference_changes", ["conference_id"]
    )
    op.create_table(
        "feed_tokens",
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_feed_tokens")),
        sa.UniqueConstraint("token", name=op.f("uq_feed_tokens_token")),
    )


def downgrade() -> None:
    op.drop_table("feed_tokens")
    op.drop_index(op.f("ix_conference_changes_conference_id"), table_name="conference_changes")
    op.drop_table("conference_changes")
    with op.batch_alter_table("conferences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conferences_updated_at"))
        batch_op.drop_column("updated_at")
        batch_op.drop_column("cancelled_at")
        batch_op.drop_column("online_url")
