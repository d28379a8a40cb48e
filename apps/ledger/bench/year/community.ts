import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { EarningRuleTerms } from '@tally/domain/earning-rules';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { Kysely } from 'kysely';
import { type StaffActor, staffActorWithoutSession } from '../../src/auth/actors';
import { communityAccounts, createCommunity } from '../../src/communities/create-community';
import type { DemoActivity } from '../../src/demo/demo-people';
import { createOrganization } from '../../src/organizations/create-organization';
import { activeRule } from '../../src/rules/active-rule';
import { createStaffUser } from '../../src/staff/create-staff-user';
import { TEST_PASSWORD, testPasswordHash } from '../../src/test/api';
import { organizationsToCreate } from './catalog';
import { seeded } from './random';
import { openShop } from './shop';
import { issueCards, joinOrganizations } from './year-residents';

export type YearResident = {
  /** Its place in the community's list: what each holds is kept in arrays by it. */
  index: number;
  id: string;
  name: string;
  cardNumber: string;
  pointsAccountId: string;
  minutesAccountId: string;
  birthYear: number | null;
  building: string | null;
  /** How often they serve, relative to others: most service comes from a few. */
  zeal: number;
  cardIssuedAt: number;
};

export type YearOrganization = {
  id: string;
  leader: StaffActor;
  activities: DemoActivity[];
  /** Members, each as many times as their zeal: a uniform pick favours the keen. */
  weightedMembers: YearResident[];
};

export type YearCommunity = {
  communityId: string;
  rule: { version: number; terms: EarningRuleTerms };
  accounts: Awaited<ReturnType<typeof communityAccounts>>;
  offices: StaffActor[];
  organizations: YearOrganization[];
  residents: YearResident[];
  rewards: { id: string; name: LocalizedText; points: number }[];
  goals: { id: string; title: LocalizedText; targetPoints: number; accountId: string }[];
  kiosks: string[];
};

/**
 * The community as its first year found it, made through the service's own functions: staff
 * (a leader for each of twenty organizations, two office members, an auditor; all with the
 * tests' password), the default earning rule, the residents with their member cards, the shop,
 * the goals and the kiosks.
 */
export async function setUpCommunity(
  db: Kysely<Database>,
  { residents: count, yearStart }: { residents: number; yearStart: number },
): Promise<YearCommunity> {
  const random = seeded(20261208);
  const { id: communityId } = await createCommunity(db, {
    name: { zh: '数据社区', en: 'Data Community' },
  });
  const staff = (role: StaffActor['role'], organizationIds: string[] = []) =>
    staffMember(db, { communityId, role, organizationIds });
  const offices = [await staff('office'), await staff('office')];
  await staff('auditor');
  const rule = await activeRule(db, communityId);
  const residents = await issueCards(db, { communityId, count, yearStart, random });
  const organizations: YearOrganization[] = [];
  for (const { name, description, activities } of organizationsToCreate) {
    const { id } = await createOrganization(db, { communityId, name, description });
    const leader = await staff('leader', [id]);
    organizations.push({ id, leader, activities, weightedMembers: [] });
  }
  await joinOrganizations(db, { communityId, residents, organizations, random });
  return {
    communityId,
    rule: { version: rule.version, terms: rule.terms },
    accounts: await communityAccounts(db, communityId),
    offices,
    organizations,
    residents,
    ...(await openShop(db, { communityId, office: offices[0] as StaffActor })),
  };
}

async function staffMember(
  db: Kysely<Database>,
  {
    communityId,
    role,
    organizationIds,
  }: { communityId: string; role: StaffActor['role']; organizationIds: string[] },
): Promise<StaffActor> {
  const user = await createStaffUser(
    db,
    {
      communityId,
      username: `data-${role}-${randomUUID().slice(0, 8)}`,
      password: TEST_PASSWORD,
      displayName: `Data ${role}`,
      role,
      organizationIds,
    },
    { passwordHash: await testPasswordHash() },
  );
  return staffActorWithoutSession(user);
}
