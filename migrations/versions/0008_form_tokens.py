"""form tokens: the one-time tokens of create forms already saved

Revision ID: 0008_form_tokens
Revises: 0007_delegate_gender
Create Date: 2026-12-01 20:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_form_tokens'
down_revision = '0007_delegate_gender'
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
