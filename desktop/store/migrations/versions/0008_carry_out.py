"""carry-out register: 持出記録, one append-only row per file or printout with personal data

Self-contained: one table, its index and its append-only guards; no data is moved.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 16:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'carry_out_record',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('user', sa.String(length=100), nullable=False),
        sa.Column('output_kind', sa.String(length=10), nullable=False),
        sa.Column('document', sa.String(length=20), nullable=False),
        sa.Column('fiscal_year', sa.Integer(), nullable=True),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('medium', sa.String(length=10), nullable=False),
        sa.Column('encrypted', sa.Boolean(), nullable=False),
        sa.Column('file_name', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('persons', sa.Integer(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.CheckConstraint("medium IN ('usb', 'email', 'paper', 'other')", name=op.f('ck_carry_out_record_medium')),
        sa.CheckConstraint("output_kind IN ('form', 'exchange', 'xlsx', 'csv')",
                           name=op.f('ck_carry_out_record_output_kind')),
        sa.CheckConstraint('sha256 IS NULL OR length(sha256) = 64', name=op.f('ck_carry_out_record_sha256_length')),
        sa.CheckConstraint("typeof(persons) = 'integer' AND persons >= 0",
                           name=op.f('ck_carry_out_record_persons_count')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_carry_out_record')),
    )
    op.create_index('ix_carry_out_record_at', 'carry_out_record', ['at'])
    # A record of what left the office is evidence, like the audit trail: never changed, never removed.
    op.execute("CREATE TRIGGER carry_out_record_no_update BEFORE UPDATE ON carry_out_record "
               "BEGIN SELECT RAISE(ABORT, 'carry-out register is append-only'); END")
    op.execute("CREATE TRIGGER carry_out_record_no_delete BEFORE DELETE ON carry_out_record "
               "BEGIN SELECT RAISE(ABORT, 'carry-out register is append-only'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER carry_out_record_no_delete")
    op.execute("DROP TRIGGER carry_out_record_no_update")
    op.drop_index('ix_carry_out_record_at', 'carry_out_record')
    op.drop_table('carry_out_record')
