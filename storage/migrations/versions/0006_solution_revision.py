"""solution revisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 13:32:43.551212
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("solutions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="0", nullable=False))
        batch_op.drop_index(batch_op.f("ix_solutions_updated_at"))
        batch_op.create_index(batch_op.f("ix_solutions_revision"), ["revision"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("solutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_solutions_revision"))
        batch_op.create_index(batch_op.f("ix_solutions_updated_at"), ["updated_at"], unique=False)
        batch_op.drop_column("revision")
