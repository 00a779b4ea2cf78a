"""invitation runs: invitations too many to queue inside a request, queued by the worker

Revision ID: 0013_invitation_runs
Revises: 0012_printout_jobs
Create Date: 2026-12-01 23:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013_invitation_runs'
down_revision = '0012_printout_jobs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('invitation_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=True),
    sa.Column('delegate_ids', sa.JSON(), nullable=True),
    sa.Column('planned', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=32), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'done', 'failed')", name=op.f('ck_invitation_runs_status')),
    sa.ForeignKeyConstraint(['release_id'], ['releases.id'], name=op.f('fk_invitation_runs_release_id_releases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_invitation_runs_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_runs'))
    )
    with op.batch_alter_table('invitation_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_runs_release_id'), ['release_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_runs_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_runs_visit_id'), ['visit_id'], unique=False)


def downgrade():
    op.drop_table('invitation_runs')
