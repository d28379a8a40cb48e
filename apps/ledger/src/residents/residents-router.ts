import {
  ImportPreview,
  ImportPreviewInput,
  ImportResidentsInput,
  ImportResidentsResult,
} from '@tally/domain/imports';
import {
  OfficeAddProxyInput,
  OfficeProxiesInput,
  OfficeRemoveProxyInput,
  OfficeRevokeSessionInput,
  PhoneSessionEntry,
  ProxyLink,
  ProxyRemoved,
  Revoked,
} from '@tally/domain/me';
import { pageOf } from '@tally/domain/pagination';
import {
  CreateResidentInput,
  FindResidentByCardInput,
  GetResidentInput,
  ListResidentsInput,
  ResetPinInput,
  Resident,
  ResidentCard,
  ResidentDetail,
  SetCardLockInput,
  UpdateResidentInput,
} from '@tally/domain/residents';
import { z } from 'zod';
import { listPhoneSessions, officeRevokePhoneSession } from '../me/me-account';
import { officeAddProxy, officeRemoveProxy, proxiesOf } from '../me/proxies';
import { leaderOrOfficeProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { findResidentByCard, getResident } from './get-resident';
import { previewResidentImport } from './import-preview';
import { importResidents } from './import-residents';
import { listResidents } from './list-residents';
import { registerResident } from './register-resident';
import { resetPin } from './reset-pin';
import { setCardLock } from './set-card-lock';
import { updateResident } from './update-resident';

export const residentsRouter = router({
  create: officeProcedure
    .meta({
      summary:
        'Issues a member card: the resident, their PIN and their points and minutes accounts.',
      errors: ['DUPLICATE', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateResidentInput)
    .output(ResidentDetail)
    .mutation(({ ctx, input }) =>
      registerResident(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({
      summary:
        'Residents with balances, by card number; search by name or card (leaders: members of their organizations).',
      errors: ['FORBIDDEN', 'NOT_FOUND'],
    })
    .input(ListResidentsInput)
    .output(pageOf(Resident))
    .query(({ ctx, input }) => listResidents(ctx.db, { ...input, staff: ctx.staff })),

  get: staffProcedure
    .meta({
      summary: 'One resident with balances and organizations (leaders: members of theirs).',
      errors: ['NOT_FOUND'],
    })
    .input(GetResidentInput)
    .output(ResidentDetail)
    .query(({ ctx, input }) => getResident(ctx.db, ctx.staff, input.id)),

  findByCard: leaderOrOfficeProcedure
    .meta({
      summary:
        'Finds the holder of a card (exact number), e.g. to invite them; leaders see only the ' +
        'card and a masked name of anyone not yet in one of their organizations.',
      errors: ['NOT_FOUND'],
    })
    .input(FindResidentByCardInput)
    .output(ResidentCard)
    .query(({ ctx, input }) =>
      findResidentByCard(ctx.db, { staff: ctx.staff, cardNumber: input.cardNumber }),
    ),

  update: officeProcedure
    .meta({
      summary: "Edits a resident's details and their consent to be named on public screens.",
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateResidentInput)
    .output(ResidentDetail)
    .mutation(({ ctx, input }) =>
      updateResident(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  resetPin: officeProcedure
    .meta({
      summary: "Sets a new PIN, unlocks the card and ends the card's kiosk sessions.",
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(ResetPinInput)
    .output(ResidentDetail)
    .mutation(({ ctx, input }) =>
      resetPin(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  setCardLock: officeProcedure
    .meta({
      summary: 'Locks a card until unlocked (ending its kiosk sessions), or unlocks it.',
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetCardLockInput)
    .output(ResidentDetail)
    .mutation(({ ctx, input }) =>
      setCardLock(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  // A mutation although it writes nothing: a 5 MB file does not fit in a GET query string.
  importPreview: officeProcedure
    .meta({
      summary:
        'Reads a CSV of residents (English or Chinese headers) and checks every row as an import would; writes nothing.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(ImportPreviewInput)
    .output(ImportPreview)
    .mutation(({ ctx, input }) =>
      previewResidentImport(ctx.db, { communityId: ctx.staff.communityId, csv: input.csv }),
    ),

  import: officeProcedure
    .meta({
      summary:
        'Issues member cards for up to 500 rows of a residents file: each valid row wholly or not at all; bad rows are reported by line.',
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(ImportResidentsInput)
    .output(ImportResidentsResult)
    .mutation(({ ctx, input }) =>
      importResidents(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  // The resident app's proxies and phone sessions, as the office sees and manages them (issue 14).
  proxies: officeProcedure
    .meta({
      summary: 'Who may act for a resident on the phone: other residents and family members.',
    })
    .input(OfficeProxiesInput)
    .output(z.array(ProxyLink))
    .query(({ ctx, input }) =>
      proxiesOf(ctx.db, { communityId: ctx.staff.communityId, residentId: input.residentId }),
    ),

  addProxy: officeProcedure
    .meta({
      summary:
        'Links a proxy for a resident who cannot do it themself, with a reason: another resident by card, or a family member registered now (name, phone, their own PIN).',
      errors: ['NOT_FOUND', 'ALREADY_A_PROXY', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(OfficeAddProxyInput)
    .output(ProxyLink)
    .mutation(({ ctx, input }) =>
      officeAddProxy(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  removeProxy: officeProcedure
    .meta({
      summary: "Ends a proxy link; the proxy's phone acts for the resident no more.",
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(OfficeRemoveProxyInput)
    .output(ProxyRemoved)
    .mutation(({ ctx, input }) =>
      officeRemoveProxy(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  phoneSessions: officeProcedure
    .meta({
      summary:
        "A resident's live phone sessions: their own and those of proxies acting for them (a lost phone is ended here).",
    })
    .input(OfficeProxiesInput)
    .output(z.array(PhoneSessionEntry))
    .query(({ ctx, input }) =>
      listPhoneSessions(ctx.db, {
        communityId: ctx.staff.communityId,
        residentId: input.residentId,
      }),
    ),

  revokePhoneSession: officeProcedure
    .meta({
      summary: "Ends one of a resident's phone sessions; it is refused from its next request.",
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(OfficeRevokeSessionInput)
    .output(Revoked)
    .mutation(({ ctx, input }) =>
      officeRevokePhoneSession(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
