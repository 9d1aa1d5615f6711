"""solutions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:06:29.576376
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "solutions",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("municipality", sa.String(length=300), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("summary", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("contact_hint", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=500), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solutions")),
    )
    with op.batch_alter_table("solutions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_solutions_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("solutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_solutions_updated_at"))

    op.drop_table("solutions")
