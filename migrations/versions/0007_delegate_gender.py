"""delegate gender: grammatical gender for the news draft; news draft captions

Revision ID: 0007_delegate_gender
Revises: 0006_practical_side
Create Date: 2026-12-01 19:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_delegate_gender'
down_revision = '0006_practical_side'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gender', sa.String(length=10), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_delegates_gender'), "gender IS NULL OR gender IN ('female', 'male')")
    with op.batch_alter_table('news_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('captions', sa.Text(), nullable=False,
                                      server_default=sa.text("''")))
    with op.batch_alter_table('news_drafts', schema=None) as batch_op:
        batch_op.alter_column('captions', server_default=None)


def downgrade():
    with op.batch_alter_table('news_drafts', schema=None) as batch_op:
        batch_op.drop_column('captions')
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_delegates_gender'), type_='check')
        batch_op.drop_column('gender')
