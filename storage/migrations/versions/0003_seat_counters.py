"""seat counters and check constraints

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:03:25.512413
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conferences", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confirmed_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("waitlisted_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("waitlist_last_seq", sa.Integer(), server_default="0", nullable=False)
        )

    # Existing registrations count from the start.
    op.execute(
        "UPDATE conferences SET "
        "confirmed_count = (SELECT count(*) FROM registrations r "
        "WHERE r.conference_id = conferences.id AND r.status = 'confirmed'), "
        "waitlisted_count = (SELECT count(*) FROM registrations r "
        "WHERE r.conference_id = conferences.id AND r.status = 'waitlisted'), "
        "waitlist_last_seq = (SELECT coalesce(max(r.waitlist_seq), 0) FROM registrations r "
        "WHERE r.conference_id = conferences.id)"
    )
    with op.batch_alter_table("conferences", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_conferences_seats"), "capacity IS NULL OR confirmed_count <= capacity"
        )
        batch_op.create_check_constraint(
            op.f("ck_conferences_counts"), "confirmed_count >= 0 AND waitlisted_count >= 0"
        )

    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_registrations_conference_status",
            ["conference_id", "status", "waitlist_seq"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_registrations_conference_status")

    with op.batch_alter_table("conferences", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_conferences_counts"), type_="check")
        batch_op.drop_constraint(op.f("ck_conferences_seats"), type_="check")
        batch_op.drop_column("waitlist_last_seq")
        batch_op.drop_column("waitlisted_count")
        batch_op.drop_column("confirmed_count")
