import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import { recordAudit } from '../common/audit';
import { givenOrganization, givenResident } from '../residents/test-helpers';
import { givenCommunityWithStaff, serveDuring } from '../test/api';

describeEachDatabase('the audit log in words', (database) => {
  const server = serveDuring(database);

  it('names the residents, organizations and staff an entry mentions, only of its own community', async () => {
    const { db } = database();
    const { communityId, office, auditor } = await givenCommunityWithStaff(server, database());
    const elsewhere = await givenCommunityWithStaff(server, database());
    const resident = await givenResident(db, communityId, { name: '王芳', cardNumber: 'AUD-1' });
    const stranger = await givenResident(db, elsewhere.communityId, { name: 'Stranger' });
    const organization = await givenOrganization(db, communityId);
    await recordAudit(db, {
      communityId,
      actor: { type: 'staff', id: office.user.id },
      action: 'organizations.addMember',
      target: { type: 'organization', id: organization.id },
      origin: '10.0.0.1',
      details: { residentIds: [resident.id, stranger.id], staffIds: [office.user.id], note: 'x' },
    });

    const page = await auditor.api.audit.list.query({ action: 'organizations.addMember' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      targetName: organization.name,
      names: {
        [resident.id]: { zh: '王芳 · AUD-1', en: '王芳 · AUD-1' },
        [office.user.id]: { zh: 'Test office', en: 'Test office' },
      },
    });
    // Another community's resident is not named (nor is its existence confirmed).
    expect(page.items[0]?.names).not.toHaveProperty(stranger.id);
  });

  it('filters by a known action only', async () => {
    const { auditor } = await givenCommunityWithStaff(server, database());
    const page = await auditor.api.audit.list.query({ action: 'auth.login' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((entry) => entry.action === 'auth.login')).toBe(true);
    await expect(
      auditor.api.audit.list.query({ action: 'no.such' as 'auth.login' }),
    ).rejects.toThrow();
  });
});
