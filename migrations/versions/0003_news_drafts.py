"""news drafts: saved revisions of the follow-up article, per visit and language

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 20:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('news_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("lang IN ('nl', 'fr', 'en')", name=op.f('ck_news_drafts_lang')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_news_drafts_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_news_drafts_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_news_drafts'))
    )
    with op.batch_alter_table('news_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_news_drafts_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_news_drafts_visit_id'), ['visit_id'], unique=False)


def downgrade():
    with op.batch_alter_table('news_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_news_drafts_visit_id'))
        batch_op.drop_index(batch_op.f('ix_news_drafts_author_id'))

    op.drop_table('news_drafts')
