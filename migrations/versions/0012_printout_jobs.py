"""printout jobs: outputs the worker builds into the output cache after each edit

Revision ID: 0012_printout_jobs
Revises: 0011_hardening
Create Date: 2026-12-01 22:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_printout_jobs'
down_revision = '0011_hardening'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('printout_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('printout', sa.String(length=10), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=32), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("printout IN ('programme', 'badges', 'delegate', 'person', 'calendar')", name=op.f('ck_printout_jobs_printout')),
    sa.CheckConstraint("status IN ('pending', 'failed')", name=op.f('ck_printout_jobs_status')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_printout_jobs_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_printout_jobs')),
    sa.UniqueConstraint('visit_id', 'printout', 'subject_id', 'language', name=op.f('uq_printout_jobs_visit_id'))
    )
    with op.batch_alter_table('printout_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_printout_jobs_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('printout_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_printout_jobs_status'))
    op.drop_table('printout_jobs')
