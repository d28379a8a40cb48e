import { randomBytes } from 'node:crypto';
import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { asWritten } from '@tally/domain/localized-text';
import type { StaffUser } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import { recordAudit } from '../common/audit';
import { createCommunity } from '../communities/create-community';
import { createStaffUser } from './create-staff-user';

// The server's command line, for whoever runs the server: it opens staff accounts nobody
// controls and confirms accounts, so a one-person office can still have its leaders'
// records checked by someone other than their maker (see staff-control.ts).

const COMMAND_LINE = { actor: { type: 'system' as const, id: null }, origin: 'command line' };

/**
 * The community of that name (in either language); with no name, the only one there is.
 * The command line names it in one string: its Chinese name, or its English one.
 */
export async function communityNamed(
  db: Kysely<Database>,
  name: string | undefined,
): Promise<{ id: string; name: string } | undefined> {
  const rows = await db.selectFrom('communities').select(['id', 'name_zh', 'name_en']).execute();
  const communities = rows.map((row) => ({
    id: row.id,
    name: row.name_zh || row.name_en,
    names: [row.name_zh, row.name_en],
  }));
  const found =
    name === undefined
      ? communities.length === 1
        ? communities[0]
        : undefined
      : communities.find((community) => community.names.includes(name));
  return found && { id: found.id, name: found.name };
}

/**
 * Opens a staff account from the command line: nobody controls it. The first office account
 * of an empty installation also opens its community. Without a password, a strong one is
 * made up and returned (to be printed once).
 */
export async function openStaffFromCommandLine(
  db: Kysely<Database>,
  {
    community: communityName,
    username,
    displayName,
    role,
    organizations = [],
    password,
  }: {
    community: string | undefined;
    username: string;
    displayName: string;
    role: StaffRole;
    organizations?: string[];
    password: string | undefined;
  },
): Promise<{ community: { id: string; name: string }; user: StaffUser; password: string }> {
  const existing = await communityNamed(db, communityName);
  const anyCommunity = await db.selectFrom('communities').select('id').executeTakeFirst();
  if (!existing && (role !== 'office' || anyCommunity)) {
    throw new DomainError(
      'NOT_FOUND',
      communityName
        ? `There is no community named "${communityName}".`
        : 'Name the community with --community "…".',
    );
  }
  const community = existing ?? (await openCommunity(db, communityName ?? 'My community'));
  const organizationIds = await organizationIdsNamed(db, community.id, organizations);
  const chosen = password ?? randomBytes(12).toString('base64url');
  const user = await createStaffUser(db, {
    communityId: community.id,
    username,
    password: chosen,
    displayName,
    role,
    organizationIds,
  });
  await recordAudit(db, {
    communityId: community.id,
    ...COMMAND_LINE,
    action: 'staff.create',
    target: { type: 'staff_user', id: user.id },
    details: { username, role, organizationIds },
  });
  return { community, user, password: chosen };
}

/** The community of an empty installation, named once on the command line. */
async function openCommunity(
  db: Kysely<Database>,
  name: string,
): Promise<{ id: string; name: string }> {
  const { id } = await createCommunity(db, { name: asWritten(name) });
  return { id, name };
}

/** Confirms an account from the command line: whoever opened or reset it controls it no more. */
export async function confirmStaffFromCommandLine(
  db: Kysely<Database>,
  { community: communityName, username }: { community: string | undefined; username: string },
): Promise<{ community: { id: string; name: string }; controllers: number }> {
  const community = await communityNamed(db, communityName);
  if (!community) throw new DomainError('NOT_FOUND', 'Name the community with --community "…".');
  const user = await db
    .selectFrom('staff_users')
    .select('id')
    .where('community_id', '=', community.id)
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) throw new DomainError('NOT_FOUND', `${community.name} has no account "${username}".`);
  const removed = await db
    .deleteFrom('staff_controllers')
    .where('community_id', '=', community.id)
    .where('staff_id', '=', user.id)
    .returning('controller_id')
    .execute();
  await recordAudit(db, {
    communityId: community.id,
    ...COMMAND_LINE,
    action: 'staff.confirm',
    target: { type: 'staff_user', id: user.id },
    details: { controllers: removed.map((row) => row.controller_id) },
  });
  return { community, controllers: removed.length };
}

async function organizationIdsNamed(
  db: Kysely<Database>,
  communityId: string,
  names: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await db
    .selectFrom('organizations')
    .select(['id', 'name_zh', 'name_en'])
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb('name_zh', 'in', names), eb('name_en', 'in', names)]))
    .execute();
  const missing = names.filter(
    (name) => !found.some((o) => o.name_zh === name || o.name_en === name),
  );
  if (missing.length > 0) {
    throw new DomainError(
      'NOT_FOUND',
      `No organization named ${missing.map((n) => `"${n}"`).join(', ')}.`,
    );
  }
  return found.map((o) => o.id);
}
