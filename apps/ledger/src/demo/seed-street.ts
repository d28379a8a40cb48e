import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { Kysely } from 'kysely';
import { type StaffActor, staffActorWithoutSession } from '../auth/actors';
import { createCommunity } from '../communities/create-community';
import { acceptMove } from '../moves/accept-move';
import { proposeMove } from '../moves/propose-move';
import { addMember, createOrganization } from '../organizations/create-organization';
import { createResident } from '../residents/create-resident';
import { publishRule } from '../rules/publish-rule';
import { logService } from '../service/log-service';
import { reviewService } from '../service/review-service';
import { createStaffUser } from '../staff/create-staff-user';
import { createStreet, createStreetAccount } from '../street/streets';

const ORIGIN = 'demo-seed';
const DAY = 86_400_000;

/** The street's other two communities, smaller and younger than Q. */
const NEIGHBOURS = [
  {
    key: 'wutong',
    name: { zh: '梧桐社区', en: 'Wutong Community' },
    office: { username: 'wutong-office', displayName: '赵敏' },
    leader: { username: 'wutong-leader', displayName: '钱进' },
    organization: { zh: '梧桐志愿队', en: 'Wutong Volunteers' },
    card: 'W',
    residents: ['孙丽', '周强', '吴芳', '郑伟', '冯雪', '陈刚', '褚红', '卫东', '蒋琴', '沈阳'],
    served: 7,
    category: 'environment' as ServiceCategory,
  },
  {
    key: 'fenglin',
    name: { zh: '枫林社区', en: 'Fenglin Community' },
    office: { username: 'fenglin-office', displayName: '韩梅' },
    leader: { username: 'fenglin-leader', displayName: '杨帆' },
    organization: { zh: '枫林邻里会', en: 'Fenglin Neighbours' },
    card: 'F',
    residents: ['朱敏', '秦亮', '尤佳', '许静'],
    served: 3,
    category: 'elderly_care' as ServiceCategory,
  },
] as const;

export const DEMO_STREET_LOGINS = {
  street: 'street',
  offices: NEIGHBOURS.map((n) => n.office.username),
} as const;

/**
 * Issue 17: Q Community sits in 城南街道 (Chengnan Street) with two neighbours, each with its
 * office, a leader, an organization and residents who served (through the same use cases as
 * Q's, so every point was earned and every chain verifies). The street office's account is kept
 * in Q. Moving house: a Q resident moved to Wutong last month (done: her points went with
 * her), and a Wutong resident is moving to Q, waiting for Q's office to accept.
 */
export async function seedStreet(
  db: Kysely<Database>,
  {
    qCommunityId,
    qOffice,
    movingResidentId,
    passwordHash,
    password,
    pinHash,
    now,
  }: {
    qCommunityId: string;
    qOffice: StaffActor;
    /** A Q resident with points who moved to Wutong. */
    movingResidentId: string;
    passwordHash: string;
    password: string;
    pinHash: string;
    now: Date;
  },
): Promise<void> {
  const key = () => `demo-${randomUUID()}`;
  const communities: { id: string; office: StaffActor; residents: string[] }[] = [];
  for (const neighbour of NEIGHBOURS) {
    const { id: communityId } = await createCommunity(db, { name: neighbour.name });
    const staff = async (
      who: { username: string; displayName: string },
      role: 'office' | 'leader',
      organizationIds: string[] = [],
    ) =>
      staffActorWithoutSession(
        await createStaffUser(
          db,
          { communityId, ...who, password, role, organizationIds },
          { passwordHash },
        ),
      );
    const office = await staff(neighbour.office, 'office');
    const { id: organizationId } = await createOrganization(db, {
      communityId,
      name: neighbour.organization,
    });
    const leader = await staff(neighbour.leader, 'leader', [organizationId]);
    const residents: string[] = [];
    for (const [index, name] of neighbour.residents.entries()) {
      const resident = await createResident(
        db,
        {
          communityId,
          name,
          cardNumber: `${neighbour.card}${String(index + 1).padStart(4, '0')}`,
          pin: '',
          birthYear: 1950 + ((index * 7) % 45),
          building: String(1 + (index % 3)),
        },
        { pinHash },
      );
      await addMember(db, { communityId, organizationId, residentId: resident.id });
      residents.push(resident.id);
    }
    await publishRule(db, {
      staff: office,
      origin: ORIGIN,
      idempotencyKey: key(),
      terms: { basePointsPerHour: 10, categoryWeights: {} },
    });
    for (const daysAgo of [40, 12]) {
      const logged = await logService(db, {
        staff: leader,
        origin: ORIGIN,
        input: {
          idempotencyKey: key(),
          organizationId,
          residentIds: residents.slice(0, neighbour.served),
          activity: {
            title: neighbour.key === 'wutong' ? '楼道清洁' : '陪老人聊天',
            category: neighbour.category,
            place: neighbour.key === 'wutong' ? '1号楼' : '社区活动室',
          },
          startedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
          minutes: 90,
        },
      });
      await reviewService(db, {
        staff: office,
        origin: ORIGIN,
        input: {
          idempotencyKey: key(),
          recordIds: logged.records.map((r) => r.id),
          decision: 'approve',
        },
      });
    }
    communities.push({ id: communityId, office, residents });
  }
  const [wutong, fenglin] = communities;
  if (!wutong || !fenglin) throw new Error('the demo street needs its two neighbours');
  const street = await createStreet(db, {
    name: { zh: '城南街道', en: 'Chengnan Street' },
    communityIds: [qCommunityId, wutong.id, fenglin.id],
  });
  await createStreetAccount(
    db,
    {
      streetId: street.id,
      homeCommunityId: qCommunityId,
      username: DEMO_STREET_LOGINS.street,
      password,
      displayName: '街道办 刘洋',
    },
    { passwordHash },
  );

  // A Q resident moved to Wutong: proposed by Q's office, accepted by Wutong's.
  const moved = await proposeMove(db, {
    staff: qOffice,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      residentId: movingResidentId,
      toCommunityId: wutong.id,
      note: '搬到女儿家附近',
    },
  });
  await acceptMove(db, {
    staff: wutong.office,
    origin: ORIGIN,
    input: { idempotencyKey: key(), moveId: moved.id, building: '2' },
  });
  // A Wutong resident is moving to Q: Q's office has it to accept.
  const comingId = wutong.residents[wutong.residents.length - 1];
  if (comingId) {
    await proposeMove(db, {
      staff: wutong.office,
      origin: ORIGIN,
      input: {
        idempotencyKey: key(),
        residentId: comingId,
        toCommunityId: qCommunityId,
        note: '换了房子，搬到青桐',
      },
    });
  }
}
