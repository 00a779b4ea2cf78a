"""mail outbox and sent invitations

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 20:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outbox_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('delegate_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=400), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=32), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('invite', 'update', 'cancel')", name=op.f('ck_outbox_messages_kind')),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_outbox_messages_status')),
    sa.ForeignKeyConstraint(['delegate_id'], ['delegates.id'], name=op.f('fk_outbox_messages_delegate_id_delegates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_outbox_messages_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_messages')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_outbox_messages_idempotency_key'))
    )
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_messages_delegate_id'), ['delegate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_messages_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_messages_visit_id'), ['visit_id'], unique=False)

    op.create_table('sent_invitations',
    sa.Column('delegate_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('item_sequence', sa.Integer(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=False), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=False), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['delegate_id'], ['delegates.id'], name=op.f('fk_sent_invitations_delegate_id_delegates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_sent_invitations_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('delegate_id', 'item_id', name=op.f('pk_sent_invitations'))
    )
    with op.batch_alter_table('sent_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sent_invitations_visit_id'), ['visit_id'], unique=False)


def downgrade():
    with op.batch_alter_table('sent_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sent_invitations_visit_id'))

    op.drop_table('sent_invitations')
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_messages_visit_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_messages_status'))
        batch_op.drop_index(batch_op.f('ix_outbox_messages_delegate_id'))

    op.drop_table('outbox_messages')
