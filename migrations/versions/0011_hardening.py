"""hardening: session generations, token expiry and use, id-free delegate link keys, audit events

Revision ID: 0011_hardening
Revises: 0010_print
Create Date: 2026-12-01 19:30:00.000000

"""
import datetime
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_hardening'
down_revision = '0010_print'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_generation', sa.Integer(), nullable=False,
                                      server_default='1'))
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True))
    # Every delegate gets a random link key; links issued before keep working (see
    # core/delegate_links.py) until the delegate's links are rotated.
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link_key', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('link_issued_at', sa.DateTime(timezone=True), nullable=True))
    delegates = sa.table('delegates', sa.column('id', sa.Integer), sa.column('link_key', sa.String),
                         sa.column('link_issued_at', sa.DateTime(timezone=True)))
    connection = op.get_bind()
    now = datetime.datetime.now(datetime.timezone.utc)
    for (delegate_id,) in connection.execute(sa.select(delegates.c.id)).fetchall():
        connection.execute(delegates.update().where(delegates.c.id == delegate_id)
                           .values(link_key=secrets.token_urlsafe(16), link_issued_at=now))
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.alter_column('link_key', existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column('link_issued_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_delegates_link_key'), ['link_key'])
    op.create_table(
        'audit_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('address', sa.String(length=64), nullable=True),
        sa.Column('detail', sa.String(length=300), nullable=True),
        sa.CheckConstraint("kind IN ('login', 'login_failed', 'lockout', 'logout', "
                           "'token_created', 'token_revoked', 'password_changed', "
                           "'password_reset', 'link_rotated')",
                           name=op.f('ck_audit_events_kind')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_audit_events_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))
    op.drop_table('audit_events')
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_delegates_link_key'), type_='unique')
        batch_op.drop_column('link_issued_at')
        batch_op.drop_column('link_key')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('last_used_at')
        batch_op.drop_column('expires_at')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_generation')
