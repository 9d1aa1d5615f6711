"""matrix devices, leases and user ids wide enough for Matrix

Revision ID: 0009
Revises: 0010
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0009"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Columns holding a Slack or Matrix user id (or a room id); Matrix ids may be 255 characters.
USER_ID_COLUMNS = (
    ("conversation_contexts", "user_id"),
    ("registrations", "user_id"),
    ("organizers", "user_id"),
    ("outbox", "recipient"),
    ("announcements", "created_by"),
    ("reminder_opt_outs", "user_id"),
)


def upgrade() -> None:
    _resize_user_ids(255)
    op.create_table(
        "matrix_devices",
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("device_id", sa.String(length=255), nullable=False),
        sa.Column("access_token", sa.String(length=1000), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_matrix_devices")),
    )
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("holder", sa.String(length=255), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leases")),
    )


def downgrade() -> None:
    _resize_user_ids(40)
    op.drop_table("leases")
    op.drop_table("matrix_devices")


def _resize_user_ids(length: int) -> None:
    # SQLite does not enforce VARCHAR lengths, but its schema should still say what the models
    # say; batch mode rebuilds its tables (on PostgreSQL it is a plain ALTER).
    for table, column in USER_ID_COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(length=length))
