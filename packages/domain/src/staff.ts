import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';

export const staffRoles = ['office', 'leader', 'auditor'] as const;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Every kind of staff account: the community's own roles, and `street`, the street office's
 * read-mostly role over every community of its street. Street accounts are opened from the
 * command line or the demo, never by a community's office.
 */
export const accountRoles = [...staffRoles, 'street'] as const;
export const AccountRole = z.enum(accountRoles);
export type AccountRole = z.infer<typeof AccountRole>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3 to 40 letters, digits, dots, dashes or underscores');

export const Password = z.string().min(8, 'A password needs at least 8 characters').max(200);

const DisplayName = z.string().trim().min(1).max(100);

export const LoginInput = z.object({
  username: Username,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const StaffUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: AccountRole,
  /** The community the account belongs to; for a street account, the community it is kept in. */
  communityId: Id,
  organizationIds: z.array(Id),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginOutput = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: StaffUser,
  /** After a reset: the account must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
});

/** Who is signed in, and whether they must choose a new password first. */
export const SignedInStaff = StaffUser.extend({ mustChangePassword: z.boolean() });
export type SignedInStaff = z.infer<typeof SignedInStaff>;

export const CreateStaffInput = z
  .object({
    idempotencyKey: z.string().min(8).max(200),
    username: Username,
    password: Password,
    displayName: DisplayName,
    role: StaffRole,
    /** The organizations a leader leads; other roles lead none. */
    organizationIds: z.array(Id).max(50).default([]),
  })
  .refine(({ role, organizationIds }) => role === 'leader' || organizationIds.length === 0, {
    message: 'Only a leader leads organizations',
    path: ['organizationIds'],
  });

/** A staff account as the office sees it in the staff list (never its password hash). */
export const StaffMember = StaffUser.extend({
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  /** Must choose a new password at the next sign-in (after a reset). */
  mustChangePassword: z.boolean(),
  /**
   * Opened or reset by a member of staff who therefore knew its password, and not yet
   * confirmed by a second office member: until then the two cannot check each other's work.
   */
  awaitingConfirmation: z.boolean(),
  /** Whether the office member reading the list may confirm it (never the one who opened it). */
  mayConfirm: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const UpdateStaffInput = z.object({
  idempotencyKey: IdempotencyKey,
  staffId: Id,
  displayName: DisplayName.optional(),
  role: StaffRole.optional(),
  /** The complete new set of organizations a leader leads. */
  organizationIds: z.array(Id).max(50).optional(),
  /** False deactivates the account and ends all its sessions at once. */
  active: z.boolean().optional(),
});
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;

export const StaffAccountInput = z.object({ idempotencyKey: IdempotencyKey, staffId: Id });

export const ResetPasswordOutput = z.object({
  /** Shown once: it is stored only as a hash and never returned again. */
  temporaryPassword: z.string(),
});

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: z.string().min(1, 'Enter a new password').max(200),
});

/** A signed-in session of a staff account: when it started, was last used, and from where. */
export const StaffSession = z.object({
  id: Id,
  startedAt: z.iso.datetime(),
  startedFrom: z.string().nullable(),
  lastSeenAt: z.iso.datetime(),
  lastSeenFrom: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  /** The session this very request is made with. */
  current: z.boolean(),
});
export type StaffSession = z.infer<typeof StaffSession>;

export const RevokeSessionInput = z.object({ sessionId: Id });
export const StaffSessionsInput = z.object({ staffId: Id });
export const RevokeStaffSessionInput = z.object({ staffId: Id, sessionId: Id });
