import type { ActivityInvite, Database } from '@tally/db/schema';
import type { ActivityInviteInput, CreateActivityInput } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { latestRule } from '../rules/active-rule';

/** What create and update both write: the activity's terms as columns. */
export type ActivityTerms = Omit<CreateActivityInput, 'idempotencyKey' | 'organizationId'>;

export async function termColumns(
  db: Kysely<Database>,
  { communityId, terms }: { communityId: string; terms: ActivityTerms },
) {
  return {
    title_zh: terms.title.zh,
    title_en: terms.title.en,
    description_zh: terms.description.zh,
    description_en: terms.description.en,
    category: terms.category,
    place: terms.place,
    starts_at: terms.startsAt,
    ends_at: terms.endsAt,
    sign_up_opens_at: terms.signUpOpensAt ?? null,
    slots: terms.slots ?? null,
    waiting_list: terms.waitingList,
    invite: terms.invite
      ? JSON.stringify(await inviteOf(db, { communityId, invite: terms.invite }))
      : null,
  };
}

/**
 * The group an activity invites. Tied to the running campaign, it names the campaign's rule and,
 * when no bands or buildings are given, takes the campaign's own group: the office invites "the
 * group the structure report says is missing" in one tap.
 */
async function inviteOf(
  db: Kysely<Database>,
  { communityId, invite }: { communityId: string; invite: ActivityInviteInput },
): Promise<ActivityInvite> {
  if (!invite.campaign) {
    return { ageBands: invite.ageBands, buildings: invite.buildings, campaignRuleVersion: null };
  }
  const rule = await latestRule(db, communityId);
  const campaign = rule?.terms.campaign;
  if (!rule || !campaign) {
    throw new DomainError('VALIDATION_FAILED', 'invite.campaign: No earning campaign is running');
  }
  const ownGroup = invite.ageBands.length + invite.buildings.length > 0;
  return {
    ageBands: ownGroup ? invite.ageBands : campaign.ageBand ? [campaign.ageBand] : [],
    buildings: ownGroup ? invite.buildings : campaign.building ? [campaign.building] : [],
    campaignRuleVersion: rule.version,
  };
}
