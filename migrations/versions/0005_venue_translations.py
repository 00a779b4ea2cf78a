"""venue translations: a venue's name and address per language

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 20:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    # The server default fills the rows that exist; the model sets the value itself.
    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), nullable=False,
                                      server_default=sa.text("'{}'")))
    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.alter_column('translations', server_default=None)


def downgrade():
    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.drop_column('translations')
