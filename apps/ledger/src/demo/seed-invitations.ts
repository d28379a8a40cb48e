import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { addOrganizationMember } from '../organizations/organization-members';

const DAY = 86_400_000;

/**
 * Newcomers the Sunshine team's leader invited and who have not answered yet: they see the
 * invitation at the kiosk, the leader sees them masked as "waiting to join", the office sees
 * them in its queue. Q0049 and Q0051 are not in Sunshine and no other browser flow signs in
 * as them.
 */
export const DEMO_INVITEES = [
  { cardNumber: 'Q0049', daysAgo: 5 },
  { cardNumber: 'Q0051', daysAgo: 2 },
] as const;

export async function seedInvitations(
  db: Kysely<Database>,
  {
    communityId,
    leader,
    organizationId,
    residents,
    now,
  }: {
    communityId: string;
    leader: StaffActor;
    organizationId: string;
    residents: { id: string; person: { cardNumber: string } }[];
    now: Date;
  },
): Promise<void> {
  for (const { cardNumber, daysAgo } of DEMO_INVITEES) {
    const resident = residents.find((r) => r.person.cardNumber === cardNumber);
    if (!resident) continue;
    const { invitationId } = await addOrganizationMember(db, {
      staff: leader,
      origin: 'demo-seed',
      idempotencyKey: `demo-${randomUUID()}`,
      organizationId,
      residentId: resident.id,
    });
    if (!invitationId) throw new Error(`the demo could not invite ${cardNumber}`);
    // Sent some days ago, as the story goes (the column is otherwise never changed).
    await sql`update membership_invitations set invited_at = ${new Date(now.getTime() - daysAgo * DAY)}
               where community_id = ${communityId} and id = ${invitationId}`.execute(db);
  }
}
