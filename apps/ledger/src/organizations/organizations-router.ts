import {
  AddMemberOutput,
  CreateOrganizationInput,
  ListMembersInput,
  MembershipInput,
  Organization,
  RemoveMemberOutput,
  SetLeadersInput,
  UpdateOrganizationInput,
} from '@tally/domain/organizations';
import { pageOf } from '@tally/domain/pagination';
import { Resident } from '@tally/domain/residents';
import { z } from 'zod';
import { organizationInvitationProcedures } from '../invitations/invitation-procedures';
import { listResidents } from '../residents/list-residents';
import { leaderOrOfficeProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { listOrganizations } from './list-organizations';
import { addOrganizationMember, removeOrganizationMember } from './organization-members';
import { registerOrganization } from './register-organization';
import { renameOrganization } from './rename-organization';
import { setLeaders } from './set-leaders';

export const organizationsRouter = router({
  create: officeProcedure
    .meta({
      summary: 'Sets up a social organization (names are unique in a community).',
      errors: ['DUPLICATE', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateOrganizationInput)
    .output(Organization)
    .mutation(({ ctx, input }) =>
      registerOrganization(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  update: officeProcedure
    .meta({
      summary:
        'Renames an organization in each language (names stay unique in a community), and rewords its description if given.',
      errors: ['NOT_FOUND', 'DUPLICATE', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateOrganizationInput)
    .output(Organization)
    .mutation(({ ctx, input }) =>
      renameOrganization(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({
      summary:
        'Organizations with member counts and leaders, by name (leaders: the ones they lead).',
    })
    .output(z.array(Organization))
    .query(({ ctx }) => listOrganizations(ctx.db, ctx.staff)),

  members: staffProcedure
    .meta({
      summary:
        "An organization's members with balances, by card number (office, auditors, its leaders).",
      errors: ['FORBIDDEN', 'NOT_FOUND'],
    })
    .input(ListMembersInput)
    .output(pageOf(Resident))
    .query(({ ctx, input }) => listResidents(ctx.db, { ...input, staff: ctx.staff })),

  addMember: leaderOrOfficeProcedure
    .meta({
      summary:
        'Adds a resident to an organization (the office), or invites them (a leader of it): ' +
        'they join once they accept at a kiosk or the office approves.',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(MembershipInput)
    .output(AddMemberOutput)
    .mutation(({ ctx, input }) =>
      addOrganizationMember(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  removeMember: leaderOrOfficeProcedure
    .meta({
      summary: 'Takes a resident off an organization (office, or a leader of that organization).',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(MembershipInput)
    .output(RemoveMemberOutput)
    .mutation(({ ctx, input }) =>
      removeOrganizationMember(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  setLeaders: officeProcedure
    .meta({
      summary: "Replaces an organization's leaders (staff with the leader role).",
      errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetLeadersInput)
    .output(Organization)
    .mutation(({ ctx, input }) =>
      setLeaders(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  // Consent to join (issue 10, F10).
  ...organizationInvitationProcedures,
});
