import { z } from 'zod';
import { Id } from './ledger';

export const staffRoles = ['office', 'leader', 'auditor'] as const;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3 to 40 letters, digits, dots, dashes or underscores');

export const Password = z.string().min(8, 'A password needs at least 8 characters').max(200);

export const LoginInput = z.object({
  username: Username,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const StaffUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  communityId: Id,
  organizationIds: z.array(Id),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginOutput = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: StaffUser,
});

export const CreateStaffInput = z
  .object({
    idempotencyKey: z.string().min(8).max(200),
    username: Username,
    password: Password,
    displayName: z.string().trim().min(1).max(100),
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
});
export type StaffMember = z.infer<typeof StaffMember>;
