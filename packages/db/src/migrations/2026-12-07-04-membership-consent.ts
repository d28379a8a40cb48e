import { type Kysely, sql } from 'kysely';

// Frozen. Joining an organization needs the resident's consent or the office's approval
// (issue 10, F10): a leader's request is an invitation the resident answers at a kiosk (or,
// later, on their phone) or the office approves. Until then the invitee is not in
// organization_members, so nothing that reads members (residents.get, member lists, service
// logging) sees them. Memberships made before this stay as they are.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table membership_invitations (
      community_id uuid not null,
      id uuid not null,
      organization_id uuid not null,
      resident_id uuid not null,
      invited_by uuid not null,
      invited_at timestamptz not null default now(),
      status text not null default 'pending'
        check (status in ('pending', 'joined', 'declined', 'withdrawn')),
      closed_at timestamptz,
      -- Who closed it, and where: the resident at a kiosk or on their phone, the office
      -- (approved or cancelled), or a leader (withdrawn).
      closed_via text check (closed_via in ('kiosk', 'phone', 'office', 'leader')),
      closed_by_staff uuid,
      closed_by_kiosk uuid,
      primary key (community_id, id),
      foreign key (community_id, organization_id) references organizations (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, invited_by) references staff_users (community_id, id),
      foreign key (community_id, closed_by_staff) references staff_users (community_id, id),
      foreign key (community_id, closed_by_kiosk) references kiosks (community_id, id),
      check ((status = 'pending') = (closed_at is null)),
      check ((status = 'pending') = (closed_via is null)),
      -- Only the resident declines; only staff withdraw; staff closing one are named.
      check (status <> 'declined' or closed_via in ('kiosk', 'phone')),
      check (status <> 'withdrawn' or closed_via in ('office', 'leader')),
      check (closed_via is null or closed_via not in ('office', 'leader')
             or closed_by_staff is not null),
      check (closed_via is null or closed_via <> 'kiosk' or closed_by_kiosk is not null)
    )
    `,
    `
    -- At most one invitation waits per resident and organization: inviting again is a no-op.
    create unique index membership_invitations_one_pending
      on membership_invitations (community_id, organization_id, resident_id)
      where status = 'pending'
    `,
    `
    -- The resident's waiting invitations, read at every kiosk sign-in.
    create index membership_invitations_resident
      on membership_invitations (community_id, resident_id)
      where status = 'pending'
    `,
    `
    -- The office's queue and a leader's list, oldest first.
    create index membership_invitations_pending
      on membership_invitations (community_id, invited_at, id)
      where status = 'pending'
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, ['drop table membership_invitations']);
}
