import {
  CorrectionRequest,
  ListCorrectionsInput,
  ResolveCorrectionInput,
} from '@tally/domain/corrections';
import { DomainError } from '@tally/domain/errors';
import { Id } from '@tally/domain/ledger';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import { auditReadProcedure, officeProcedure, router } from '../trpc';
import { getCorrection, listCorrections } from './list-corrections';
import { resolveCorrection } from './resolve-correction';

export const correctionsRouter = router({
  list: auditReadProcedure
    .meta({
      summary:
        "Residents' correction requests, newest first (filter by status, e.g. the open queue, " +
        'or by resident), with the disputed record and any resolution.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(ListCorrectionsInput)
    .output(pageOf(CorrectionRequest))
    .query(({ ctx, input }) =>
      listCorrections(ctx.db, { communityId: ctx.staff.communityId, filter: input }),
    ),

  get: auditReadProcedure
    .meta({ summary: 'One correction request.', errors: ['NOT_FOUND'] })
    .input(z.object({ id: Id }))
    .output(CorrectionRequest)
    .query(async ({ ctx, input }) => {
      const found = await getCorrection(ctx.db, {
        communityId: ctx.staff.communityId,
        id: input.id,
      });
      if (!found) throw new DomainError('NOT_FOUND', 'That correction request could not be found.');
      return found;
    }),

  resolve: officeProcedure
    .meta({
      summary:
        'Accepts (wrong hours: reverses the credit and credits a corrected record by the rule in ' +
        'force; missing record: logs it for a second reviewer) or declines, with a reason the ' +
        'resident sees at the kiosk.',
      errors: [
        'NOT_FOUND',
        'CORRECTION_CLOSED',
        'NOT_CORRECTABLE',
        'SELF_APPROVAL',
        'NOT_A_MEMBER',
        'INSUFFICIENT_POINTS',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ResolveCorrectionInput)
    .output(CorrectionRequest)
    .mutation(({ ctx, input }) =>
      resolveCorrection(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
