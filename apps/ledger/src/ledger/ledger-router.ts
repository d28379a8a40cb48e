import {
  Balances,
  Id,
  JournalEntry,
  JournalInput,
  ReverseInput,
  VerifyInput,
  VerifyResult,
} from '@tally/domain/ledger';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import { recordAudit } from '../common/audit';
import { auditReadProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { readJournal, readJournalEntry } from './read-journal';
import { residentBalances } from './resident-balances';
import { reverseByStaff } from './reverse-by-staff';
import { verifyLedger } from './verify-ledger';

export const ledgerRouter = router({
  balances: staffProcedure
    .meta({
      summary: "A resident's points and minutes (leaders: members of their organizations).",
      errors: ['NOT_FOUND'],
    })
    .input(z.object({ residentId: Id }))
    .output(Balances)
    .query(({ ctx, input }) => residentBalances(ctx.db, ctx.staff, input.residentId)),

  journal: auditReadProcedure
    .meta({ summary: 'The journal, newest first, filtered by resident, kind and date range.' })
    .input(JournalInput)
    .output(pageOf(JournalEntry))
    .query(({ ctx, input }) =>
      readJournal(ctx.db, { ...input, communityId: ctx.staff.communityId }),
    ),

  transaction: auditReadProcedure
    .meta({
      summary: 'One transaction with its postings, actor, reference and hashes.',
      errors: ['NOT_FOUND'],
    })
    .input(z.object({ id: Id }))
    .output(JournalEntry)
    .query(({ ctx, input }) => readJournalEntry(ctx.db, ctx.staff.communityId, input.id)),

  reverse: officeProcedure
    .meta({
      summary: 'Corrects a transaction by posting its reversal.',
      errors: ['NOT_FOUND', 'ALREADY_REVERSED', 'INSUFFICIENT_POINTS', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(ReverseInput)
    .output(z.object({ transactionId: Id, sequence: z.number().int() }))
    .mutation(({ ctx, input }) =>
      reverseByStaff(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  verify: auditReadProcedure
    .meta({
      summary:
        "Re-derives the community's hash chain and every balance; step by step with afterSequence/limit (for a progress bar), or all at once.",
    })
    .input(VerifyInput)
    .output(VerifyResult)
    .mutation(async ({ ctx, input }) => {
      const result = await verifyLedger(ctx.db, ctx.staff.communityId, input);
      if (!result.done) return result;
      await recordAudit(ctx.db, {
        communityId: ctx.staff.communityId,
        actor: { type: 'staff', id: ctx.staff.id },
        action: 'ledger.verify',
        origin: ctx.origin,
        details: {
          ok: result.ok,
          transactions: result.transactions,
          firstBrokenSequence: result.firstBrokenSequence,
        },
      });
      return result;
    }),
});
