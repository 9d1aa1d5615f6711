"""outbox: 64-bit ids, ready messages with files, fencing, shared pacing and pause

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("outbox", "id", type_=sa.BigInteger(), existing_nullable=False)
        op.execute("ALTER SEQUENCE IF EXISTS outbox_id_seq AS bigint MAXVALUE 9223372036854775807")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payload", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("uncertain", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "outbox_files",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("message_id", BIG_ID, nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox.id"],
            name=op.f("fk_outbox_files_message_id_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_files")),
    )
    with op.batch_alter_table("outbox_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_files_message_id"), ["message_id"])
    op.create_table(
        "send_gate",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("next_slot_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paused_reason", sa.String(length=300), nullable=False),
        sa.Column("paused_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_send_gate")),
    )


def downgrade() -> None:
    op.drop_table("send_gate")
    with op.batch_alter_table("outbox_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_files_message_id"))
    op.drop_table("outbox_files")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
        batch_op.drop_column("uncertain")
        batch_op.drop_column("payload")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("outbox", "id", type_=sa.Integer(), existing_nullable=False)
