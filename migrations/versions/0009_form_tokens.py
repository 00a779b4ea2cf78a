"""form tokens: the one-time tokens of create forms already saved

Revision ID: 0009_form_tokens
Revises: 0008_releases
Create Date: 2026-12-01 20:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_form_tokens'
down_revision = '0008_releases'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'used_form_tokens',
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('token', name=op.f('pk_used_form_tokens')),
    )


def downgrade():
    op.drop_table('used_form_tokens')
