"""users and sign-in: the users table (name, role, argon2 hash, lock-out state)

The sign-in settings (on/off, idle minutes, lock-out threshold and duration) are rows of
office_setting under `sign_in.*`, read with their defaults while absent (sign-in off).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 16:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("role IN ('viewer', 'editor', 'admin')", name=op.f('ck_users_role')),
    sa.CheckConstraint("length(trim(name)) > 0", name=op.f('ck_users_name_not_empty')),
    sa.CheckConstraint("failed_attempts >= 0", name=op.f('ck_users_failed_attempts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )


def downgrade() -> None:
    op.drop_table('users')
