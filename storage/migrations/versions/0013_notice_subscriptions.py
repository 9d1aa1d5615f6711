"""notice_subscriptions: members who asked to be told of new conferences or opening
registration; registrations.offer_expires_at for seat offers to the waiting list

Revision ID: 0013
Revises: 0009
Create Date: 2026-11-25 20:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0013"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_notice_subscriptions_conference_id_conferences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_subscriptions")),
        sa.UniqueConstraint("user_id", "subject", name=op.f("uq_notice_subscriptions_user_id")),
    )
    op.create_index(
        op.f("ix_notice_subscriptions_subject"), "notice_subscriptions", ["subject"], unique=False
    )
    op.create_index(
        op.f("ix_notice_subscriptions_user_id"), "notice_subscriptions", ["user_id"], unique=False
    )
    op.add_column(
        "registrations",
        sa.Column("offer_expires_at", storage.types.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("registrations") as batch:
        batch.drop_column("offer_expires_at")
    op.drop_index(op.f("ix_notice_subscriptions_user_id"), table_name="notice_subscriptions")
    op.drop_index(op.f("ix_notice_subscriptions_subject"), table_name="notice_subscriptions")
    op.drop_table("notice_subscriptions")
