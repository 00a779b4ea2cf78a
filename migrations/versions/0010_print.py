"""print: organisations' logos, Latin forms of names, German and Ukrainian delegates

Revision ID: 0010_print
Revises: 0009_form_tokens
Create Date: 2026-12-01 19:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_print'
down_revision = '0009_form_tokens'
branch_labels = None
depends_on = None

OLD_LANGUAGES = "language IS NULL OR language IN ('nl', 'fr', 'en')"
NEW_LANGUAGES = "language IS NULL OR language IN ('nl', 'fr', 'en', 'de', 'uk')"


def upgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('logo_type', sa.String(length=20), nullable=True))
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('latin_name', sa.String(length=200), nullable=True))
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('latin_name', sa.String(length=200), nullable=True))
        batch_op.drop_constraint(op.f('ck_delegates_language'), type_='check')
        batch_op.create_check_constraint('language', NEW_LANGUAGES)


def downgrade():
    # German and Ukrainian delegates fall back to English, which the old schema knows.
    op.execute("UPDATE delegates SET language = 'en' WHERE language IN ('de', 'uk')")
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_delegates_language'), type_='check')
        batch_op.create_check_constraint('language', OLD_LANGUAGES)
        batch_op.drop_column('latin_name')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('latin_name')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('logo_type')
        batch_op.drop_column('logo')
