import {
  Checkpoint,
  CheckpointDocument,
  CheckpointFileInput,
  CheckpointListInput,
} from '@tally/domain/checkpoints';
import {
  Balances,
  Id,
  JournalEntry,
  JournalInput,
  MakeCheckpointInput,
  ReverseInput,
  VerifyInput,
  VerifyResult,
} from '@tally/domain/ledger';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import { recordAudit } from '../common/audit';
import { checkpointDocument, listCheckpoints } from '../ledger/anchoring/read-checkpoints';
import { verifyLedger } from '../ledger/verify-ledger';
import { auditReadProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { checkpointByStaff } from './checkpoint-by-staff';
import { readJournal, readJournalEntry } from './read-journal';
import { residentBalances } from './resident-balances';
import { reverseByStaff } from './reverse-by-staff';

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
    .meta({
      summary: 'The journal, newest first, filtered by resident, kind and date range.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(JournalInput)
    .output(pageOf(JournalEntry))
    // Pages of the journal are the heaviest read staff make: a replica's, a moment behind.
    .query(({ ctx, input }) =>
      readJournal(ctx.readDb, { ...input, communityId: ctx.staff.communityId }),
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
      errors: [
        'NOT_FOUND',
        'ALREADY_REVERSED',
        'REVERSAL_NOT_REVERSIBLE',
        'INSUFFICIENT_POINTS',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ReverseInput)
    .output(z.object({ transactionId: Id, sequence: z.number().int() }))
    .mutation(({ ctx, input }) =>
      reverseByStaff(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  verify: auditReadProcedure
    .meta({
      summary:
        "Re-derives the community's hash chain and every balance, and holds them to the newest signed checkpoint (and to the office's own, given as the poster's code or the downloaded file) and to the service's seals; step by step with afterSequence/limit (for a progress bar), or all at once. Findings say in words what is wrong and where.",
      errors: ['VALIDATION_FAILED', 'CHECKPOINT_INVALID'],
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
          checkpoint: result.anchor?.code ?? null,
          officeCheckpoint: result.kept?.code ?? null,
        },
      });
      return result;
    }),

  checkpoint: officeProcedure
    .meta({
      summary:
        'Signs the ledger as it stands now (after checking the entries since the previous checkpoint); the service also does so every hour.',
      errors: ['LEDGER_BROKEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(MakeCheckpointInput)
    .output(Checkpoint)
    .mutation(({ ctx, input }) =>
      checkpointByStaff(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  checkpoints: auditReadProcedure
    .meta({ summary: "The community's newest signed ledger checkpoints, with their short codes." })
    .input(CheckpointListInput)
    .output(z.object({ items: z.array(Checkpoint) }))
    .query(({ ctx, input }) =>
      listCheckpoints(ctx.db, { communityId: ctx.staff.communityId, limit: input.limit }),
    ),

  checkpointFile: auditReadProcedure
    .meta({
      summary:
        'A signed checkpoint as a file to keep (the newest, or the one at `sequence`), with the public key and the signed text.',
      errors: ['NOT_FOUND'],
    })
    .input(CheckpointFileInput)
    .output(CheckpointDocument)
    .query(({ ctx, input }) =>
      checkpointDocument(ctx.db, { communityId: ctx.staff.communityId, sequence: input.sequence }),
    ),
});
