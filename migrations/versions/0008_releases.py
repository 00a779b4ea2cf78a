"""releases: numbered programme releases, item responses, settings, outbox per release

Revision ID: 0008_releases
Revises: 0007_delegate_gender
Create Date: 2026-12-01 19:10:00.000000

"""
import os
from urllib.parse import urlsplit

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_releases'
down_revision = '0007_delegate_gender'
branch_labels = None
depends_on = None

OLD_KINDS = "kind IN ('invite', 'update', 'cancel')"
NEW_KINDS = "kind IN ('invite', 'update', 'cancel', 'programme', 'changes', 'request')"


def _existing_calendar_domain(bind):
    """The host that UIDs of an installation with items were made on until now (BASE_URL's)."""
    if not bind.execute(sa.text("SELECT 1 FROM items LIMIT 1")).first():
        return None  # nothing was published: the app fixes a domain at its first start
    configured = os.environ.get("VISITPLANNER_CALENDAR_DOMAIN")
    base_url = os.environ.get("VISITPLANNER_BASE_URL", "http://127.0.0.1:5000")
    return configured or urlsplit(base_url).hostname or "localhost"


def upgrade():
    op.create_table('releases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('reply_to', sa.String(length=254), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("mode IN ('changes', 'full')", name=op.f('ck_releases_mode')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_releases_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_releases')),
    sa.UniqueConstraint('visit_id', 'number', name=op.f('uq_releases_visit_id'))
    )
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_releases_visit_id'), ['visit_id'], unique=False)

    op.create_table('item_responses',
    sa.Column('delegate_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('response', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("response IN ('accepted', 'declined')", name=op.f('ck_item_responses_response')),
    sa.ForeignKeyConstraint(['delegate_id'], ['delegates.id'], name=op.f('fk_item_responses_delegate_id_delegates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_responses_item_id_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_item_responses_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('delegate_id', 'item_id', name=op.f('pk_item_responses'))
    )
    with op.batch_alter_table('item_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_responses_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_responses_visit_id'), ['visit_id'], unique=False)

    settings = op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    # Existing UIDs keep working: an installation with items keeps the host its UIDs used.
    domain = _existing_calendar_domain(op.get_bind())
    if domain:
        op.bulk_insert(settings, [{'key': 'calendar_domain', 'value': domain}])

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_invites', sa.String(length=10), nullable=False,
                                      server_default='feed'))
        batch_op.create_check_constraint(op.f('ck_visits_calendar_invites'),
                                         "calendar_invites IN ('feed', 'requests')")
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.alter_column('calendar_invites', server_default=None)

    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('release_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('attachment', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('content', sa.JSON(), nullable=True))
        batch_op.alter_column('message', existing_type=sa.Text(), nullable=True)
        batch_op.create_index(batch_op.f('ix_outbox_messages_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_messages_release_id'), ['release_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outbox_messages_person_id_people'), 'people', ['person_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_outbox_messages_release_id_releases'), 'releases', ['release_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_constraint(batch_op.f('ck_outbox_messages_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_outbox_messages_kind'), NEW_KINDS)


def downgrade():
    op.execute("DELETE FROM outbox_messages WHERE kind IN ('programme', 'changes', 'request')")
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_outbox_messages_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_outbox_messages_kind'), OLD_KINDS)
        batch_op.drop_constraint(batch_op.f('fk_outbox_messages_release_id_releases'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_outbox_messages_person_id_people'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_outbox_messages_release_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_messages_person_id'))
        batch_op.alter_column('message', existing_type=sa.Text(), nullable=False)
        batch_op.drop_column('content')
        batch_op.drop_column('attachment')
        batch_op.drop_column('release_id')
        batch_op.drop_column('person_id')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_visits_calendar_invites'), type_='check')
        batch_op.drop_column('calendar_invites')
    op.drop_table('settings')
    with op.batch_alter_table('item_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_responses_visit_id'))
        batch_op.drop_index(batch_op.f('ix_item_responses_item_id'))
    op.drop_table('item_responses')
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_releases_visit_id'))
    op.drop_table('releases')
