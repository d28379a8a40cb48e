import type { Database } from '@tally/db/schema';
import type { CancelSignUpResult, SignUpResult } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, Transaction } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { runResidentWrite, runStaffWrite } from '../common/use-case';
import { organizationStaffMayRun } from './activity-rows';
import { noteViewed } from './kiosk-activities';
import { releasePlace, takePlace } from './places';

/** A resident at a kiosk: identified there (a session), or a demo's stand-in for one. */
type AtKiosk = Pick<ResidentSession, 'residentId' | 'communityId' | 'kioskId' | 'phone'>;

type Member = { idempotencyKey: string; activityId: string; residentId: string };

/** The identified resident signs up at a kiosk. */
export function signUpAtKiosk(
  db: Kysely<Database>,
  {
    session,
    origin,
    input: { idempotencyKey, activityId },
  }: {
    session: AtKiosk;
    origin: string;
    input: { idempotencyKey: string; activityId: string };
  },
): Promise<SignUpResult> {
  const { communityId, residentId } = session;
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.signUp' : 'kiosk.signUp',
      key: idempotencyKey,
      request: { activityId },
    },
    async (trx) => {
      const result = await takePlace(trx, {
        communityId,
        activityId,
        residentId,
        ...(session.phone
          ? { via: 'phone', byId: session.phone.sessionId }
          : { via: 'kiosk', byId: session.kioskId ?? '' }),
      });
      // Whoever signs up at a kiosk saw the activity there, however they got to it.
      await noteViewed(trx, { communityId, residentId, activityIds: [activityId] });
      return { result, audit: signUpAudit(result) };
    },
  );
}

/** The identified resident gives up their place (or their wait) at a kiosk. */
export function cancelSignUpAtKiosk(
  db: Kysely<Database>,
  {
    session,
    origin,
    input: { idempotencyKey, activityId },
  }: {
    session: AtKiosk;
    origin: string;
    input: { idempotencyKey: string; activityId: string };
  },
): Promise<CancelSignUpResult> {
  const { communityId, residentId } = session;
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.cancelSignUp' : 'kiosk.cancelSignUp',
      key: idempotencyKey,
      request: { activityId },
    },
    async (trx) => {
      const result = await releasePlace(trx, { communityId, activityId, residentId });
      return { result, audit: cancelAudit(result) };
    },
  );
}

/**
 * A leader signs up a member of their organization who asked by phone or in person; the office
 * signs up any resident. The same rules as at the kiosk hold (places, waiting list, invited group).
 */
export function signUpMember(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: Member },
): Promise<SignUpResult> {
  const { idempotencyKey, ...request } = input;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'activities.signUpMember', key: idempotencyKey, request },
    async (trx) => {
      await assertMayAnswerFor(trx, { staff, ...request });
      const result = await takePlace(trx, {
        communityId: staff.communityId,
        ...request,
        via: 'staff',
        byId: staff.id,
      });
      return { result, audit: signUpAudit(result) };
    },
  );
}

/** A leader (for a member) or the office gives up a resident's place on their behalf. */
export function cancelMemberSignUp(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: Member },
): Promise<CancelSignUpResult> {
  const { idempotencyKey, ...request } = input;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'activities.cancelMemberSignUp', key: idempotencyKey, request },
    async (trx) => {
      await assertMayAnswerFor(trx, { staff, ...request });
      const result = await releasePlace(trx, { communityId: staff.communityId, ...request });
      return { result, audit: cancelAudit(result) };
    },
  );
}

/**
 * A leader answers for members of the activity's organization, and only for activities of
 * organizations they lead; the office for anyone in its community.
 */
async function assertMayAnswerFor(
  trx: Transaction<Database>,
  { staff, activityId, residentId }: { staff: StaffActor; activityId: string; residentId: string },
): Promise<void> {
  const organizationId = await organizationStaffMayRun(trx, { staff, activityId });
  if (staff.role === 'office') return;
  const member = await trx
    .selectFrom('organization_members')
    .select('resident_id')
    .where('community_id', '=', staff.communityId)
    .where('organization_id', '=', organizationId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (!member) {
    throw new DomainError(
      'NOT_A_MEMBER',
      'A leader signs up members of the organization; anyone else signs up at a kiosk.',
    );
  }
}

function signUpAudit(result: SignUpResult) {
  return {
    target: { type: 'activity' as const, id: result.activityId },
    details: {
      residentId: result.residentId,
      status: result.status,
      ...(result.waitingPosition ? { waitingPosition: result.waitingPosition } : {}),
    },
  };
}

function cancelAudit(result: CancelSignUpResult) {
  if (!result.cancelled) return null;
  return {
    target: { type: 'activity' as const, id: result.activityId },
    details: {
      residentId: result.residentId,
      ...(result.movedUp ? { movedUp: result.movedUp } : {}),
    },
  };
}
