import { z } from 'zod';
import { Id } from './ledger';
import { LocalizedText } from './localized-text';

/**
 * Every action the service writes to the audit log, `area.verb`. Writing one not listed here
 * does not compile, so an app that words each of these (and a test that checks it) misses none.
 */
export const auditActions = [
  'activities.create',
  'activities.update',
  'activities.publish',
  'activities.cancel',
  'activities.signUpMember',
  'activities.cancelMemberSignUp',
  'activities.checkIn',
  'activities.checkOut',
  'activities.close',
  'auth.login',
  'auth.login_failed',
  'auth.login_refused_locked',
  'auth.login_ambiguous',
  'auth.logout',
  'auth.change_password',
  'auth.change_password_failed',
  'auth.change_password_refused_locked',
  'auth.revoke_session',
  'certificates.issue',
  'community.update',
  'corrections.request',
  'corrections.accept',
  'corrections.decline',
  'exports.journal',
  'exports.balances',
  'exports.serviceRecords',
  'goals.create',
  'goals.close',
  'goals.update',
  'invitations.approve',
  'invitations.withdraw',
  'invitations.join',
  'invitations.decline',
  'kiosk.identify',
  'kiosk.identify_failed',
  'kiosk.identify_refused_locked',
  'kiosk.sign_out',
  'kiosk.donate',
  'kiosk.redeem',
  'kiosk.signUp',
  'kiosk.cancelSignUp',
  'kiosk.checkIn',
  'kiosk.changePin',
  'kiosk.changePin_failed',
  'kiosk.addProxy',
  'kiosk.removeProxy',
  'kiosks.register',
  'kiosks.revoke',
  'kiosks.setActivityMode',
  'ledger.reverse',
  'ledger.verify',
  'ledger.checkpoint',
  'me.sign_in',
  'me.sign_in_failed',
  'me.sign_in_refused_locked',
  'me.sign_out',
  'me.act_for',
  'me.signUp',
  'me.cancelSignUp',
  'me.donate',
  'me.changePin',
  'me.changePin_failed',
  'me.revoke_session',
  'me.addProxy',
  'me.removeProxy',
  'notices.set_period',
  'organizations.create',
  'organizations.addMember',
  'organizations.invite',
  'organizations.removeMember',
  'organizations.setLeaders',
  'organizations.update',
  'redemptions.cancel',
  'redemptions.fulfil',
  'residents.create',
  'residents.import',
  'residents.update',
  'residents.resetPin',
  'residents.setCardLock',
  'residents.addProxy',
  'residents.removeProxy',
  'residents.revokePhoneSession',
  'rewards.create',
  'rewards.update',
  'rewards.photo_upload',
  'rewards.photo_remove',
  'rules.publish',
  'rules.publish_default',
  'service.log',
  'service.review',
  'staff.create',
  'staff.confirm',
  'staff.update',
  'staff.reset_password',
  'staff.revoke_session',
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

/** What an audit entry can be about. */
export const auditTargetTypes = [
  'activity',
  'certificate',
  'community',
  'correction_request',
  'earning_rule',
  'family_member',
  'goal',
  'invitation',
  'kiosk',
  'ledger_checkpoint',
  'ledger_transaction',
  'organization',
  'phone_session',
  'redemption',
  'resident',
  'reward',
  'staff_user',
] as const;
export const AuditTargetType = z.enum(auditTargetTypes);
export type AuditTargetType = z.infer<typeof AuditTargetType>;

export const AuditListInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  actorId: z.string().max(100).optional(),
  action: AuditAction.optional(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  /** The staff member's display name or the kiosk's name, where the actor is known. */
  actorName: z.string().nullable(),
  /** One of `auditActions`, or an action an older release wrote. */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target in words (a resident's name and card, an organization's or reward's name…). */
  targetName: LocalizedText.nullable(),
  origin: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /**
   * Names for the ids the details mention (residents, rewards, goals, organizations, staff,
   * kiosks of this community), so a reader sees who and what rather than a UUID.
   */
  names: z.record(z.string(), LocalizedText),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const CommunityRef = z.object({ communityId: Id });
