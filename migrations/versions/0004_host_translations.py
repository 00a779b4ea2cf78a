"""host translations: organisations, people and delegates get per-language free text

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

TABLES = ('organisations', 'people', 'delegates')


def upgrade():
    for table in TABLES:
        # The server default fills the rows that exist; the models set the value themselves.
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('translations', sa.JSON(), nullable=False,
                                          server_default=sa.text("'{}'")))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('translations', server_default=None)


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('translations')
