import type { ActivityInvite, StaffActivity } from '@tally/domain/activities';
import { ageBandLabels } from '@tally/domain/age-bands';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import { useGroupLabels } from '../reports/group-labels';

/**
 * Where an activity stands, in the words a leader thinks in: a published one is upcoming,
 * under way, or over and waiting to be closed.
 */
export type ActivityPhase = 'draft' | 'upcoming' | 'running' | 'toClose' | 'cancelled' | 'closed';

type Timed = Pick<StaffActivity, 'status' | 'startsAt' | 'endsAt'>;

export function activityPhase(activity: Timed, now = new Date()): ActivityPhase {
  if (activity.status !== 'published') return activity.status;
  if (now < new Date(activity.startsAt)) return 'upcoming';
  return now < new Date(activity.endsAt) ? 'running' : 'toClose';
}

/** It has started, so it can be closed (and sign-ups can no longer change). */
export function hasStarted(activity: Pick<StaffActivity, 'startsAt'>, now = new Date()): boolean {
  return now >= new Date(activity.startsAt);
}

const phaseTones: Record<ActivityPhase, Tone> = {
  draft: 'neutral',
  upcoming: 'info',
  running: 'success',
  toClose: 'warning',
  cancelled: 'danger',
  closed: 'neutral',
};

export function ActivityPhaseBadge({ activity }: { activity: Timed }) {
  const { t } = useTranslation();
  const phase = activityPhase(activity);
  return <Badge tone={phaseTones[phase]}>{t(`activities.phase.${phase}`)}</Badge>;
}

/** "12 Dec 2026, 14:00–16:00"; an activity past midnight names its end's day too. */
export function useActivityWhen(): (
  activity: Pick<StaffActivity, 'startsAt' | 'endsAt'>,
) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ startsAt, endsAt }) => {
    const sameDay = format.date(startsAt) === format.date(endsAt);
    return t('activities.when', {
      date: format.date(startsAt),
      start: format.time(startsAt),
      end: sameDay ? format.time(endsAt) : format.dateTime(endsAt),
    });
  };
}

/** Places taken of those there are, and who waits: "3 of 10 taken · 2 waiting". */
export function usePlacesWords(): (
  activity: Pick<StaffActivity, 'slots' | 'signedUp' | 'waitlisted'>,
) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ slots, signedUp, waitlisted }) => {
    const taken =
      slots === null
        ? t('activities.placesNoLimit', { count: signedUp, formatted: format.number(signedUp) })
        : t('activities.placesTaken', {
            taken: format.number(signedUp),
            slots: format.number(slots),
          });
    return waitlisted > 0
      ? `${taken}${t('activities.separator')}${t('activities.waiting', { count: waitlisted, formatted: format.number(waitlisted) })}`
      : taken;
  };
}

/** Who an activity invites, in words: "Under 30 · Bldg 3, Bldg 5 · campaign: +50% points". */
export function useInviteWords(): (invite: ActivityInvite | null) => string {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const groups = useGroupLabels();
  return (invite) => {
    if (!invite) return t('activities.everyone');
    const parts = [
      ...invite.ageBands.map((band) => ageBandLabels[band][language]),
      ...invite.buildings.map((building) => groups.name('building', building)),
    ];
    const group = parts.join(t('activities.listSeparator'));
    if (!invite.campaign) return group;
    const bonus = t('activities.campaignBonus', { bonus: invite.campaign.bonusPercent });
    return group ? `${group}${t('activities.separator')}${bonus}` : bonus;
  };
}
