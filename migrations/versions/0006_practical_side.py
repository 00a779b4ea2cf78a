"""practical side: journeys, stays, contacts; practical fields of visits and items

Revision ID: 0006_practical_side
Revises: 0005
Create Date: 2026-12-01 19:01:02.574775

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_practical_side'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=100), nullable=True),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('available', sa.String(length=100), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('translations', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_contacts_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_visit_id'), ['visit_id'], unique=False)

    op.create_table('journeys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=True),
    sa.Column('from_place', sa.String(length=200), nullable=True),
    sa.Column('to_place', sa.String(length=200), nullable=True),
    sa.Column('departs_at', sa.DateTime(), nullable=False),
    sa.Column('departure_timezone', sa.String(length=64), nullable=False),
    sa.Column('arrives_at', sa.DateTime(), nullable=False),
    sa.Column('arrival_timezone', sa.String(length=64), nullable=False),
    sa.Column('meeting_point', sa.String(length=300), nullable=True),
    sa.Column('met_by', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('whole_delegation', sa.Boolean(), nullable=False),
    sa.Column('translations', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("direction IN ('arrival', 'departure')", name=op.f('ck_journeys_direction')),
    sa.CheckConstraint("mode IN ('flight', 'train', 'coach', 'car', 'other')", name=op.f('ck_journeys_mode')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_journeys_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journeys'))
    )
    with op.batch_alter_table('journeys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journeys_visit_id'), ['visit_id'], unique=False)

    op.create_table('stays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('check_in', sa.Date(), nullable=False),
    sa.Column('check_out', sa.Date(), nullable=False),
    sa.Column('booking_reference', sa.String(length=100), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('whole_delegation', sa.Boolean(), nullable=False),
    sa.Column('translations', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('check_out > check_in', name=op.f('ck_stays_check_out_after_check_in')),
    sa.ForeignKeyConstraint(['venue_id'], ['venues.id'], name=op.f('fk_stays_venue_id_venues'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_stays_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stays'))
    )
    with op.batch_alter_table('stays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stays_venue_id'), ['venue_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stays_visit_id'), ['visit_id'], unique=False)

    op.create_table('item_interpreters',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_interpreters_item_id_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_item_interpreters_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'person_id', name=op.f('pk_item_interpreters'))
    )
    with op.batch_alter_table('item_interpreters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_interpreters_person_id'), ['person_id'], unique=False)

    op.create_table('journey_delegates',
    sa.Column('journey_id', sa.Integer(), nullable=False),
    sa.Column('delegate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['delegate_id'], ['delegates.id'], name=op.f('fk_journey_delegates_delegate_id_delegates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['journey_id'], ['journeys.id'], name=op.f('fk_journey_delegates_journey_id_journeys'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('journey_id', 'delegate_id', name=op.f('pk_journey_delegates'))
    )
    with op.batch_alter_table('journey_delegates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journey_delegates_delegate_id'), ['delegate_id'], unique=False)

    op.create_table('stay_delegates',
    sa.Column('stay_id', sa.Integer(), nullable=False),
    sa.Column('delegate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['delegate_id'], ['delegates.id'], name=op.f('fk_stay_delegates_delegate_id_delegates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stay_id'], ['stays.id'], name=op.f('fk_stay_delegates_stay_id_stays'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('stay_id', 'delegate_id', name=op.f('pk_stay_delegates'))
    )
    with op.batch_alter_table('stay_delegates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stay_delegates_delegate_id'), ['delegate_id'], unique=False)

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_point', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('meeting_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('dress_code', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('transport', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('interpreting', sa.String(length=200), nullable=True))
        batch_op.create_check_constraint(op.f('ck_items_meeting_first'),
                                         'meeting_at IS NULL OR meeting_at <= starts_at')

    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=50), nullable=True))

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emergency_number', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('dress_code', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('practical_notes', sa.Text(), nullable=True))



def downgrade():
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_column('practical_notes')
        batch_op.drop_column('dress_code')
        batch_op.drop_column('emergency_number')

    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.drop_column('phone')

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_items_meeting_first'), type_='check')
        batch_op.drop_column('interpreting')
        batch_op.drop_column('transport')
        batch_op.drop_column('dress_code')
        batch_op.drop_column('meeting_at')
        batch_op.drop_column('meeting_point')

    with op.batch_alter_table('stay_delegates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stay_delegates_delegate_id'))

    op.drop_table('stay_delegates')
    with op.batch_alter_table('journey_delegates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journey_delegates_delegate_id'))

    op.drop_table('journey_delegates')
    with op.batch_alter_table('item_interpreters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_interpreters_person_id'))

    op.drop_table('item_interpreters')
    with op.batch_alter_table('stays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stays_visit_id'))
        batch_op.drop_index(batch_op.f('ix_stays_venue_id'))

    op.drop_table('stays')
    with op.batch_alter_table('journeys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journeys_visit_id'))

    op.drop_table('journeys')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_visit_id'))

    op.drop_table('contacts')
