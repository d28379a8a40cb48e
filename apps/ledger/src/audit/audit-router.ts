import { AuditEntry, AuditListInput } from '@tally/domain/audit';
import { pageOf } from '@tally/domain/pagination';
import { auditReadProcedure, router } from '../trpc';
import { listAuditEntries } from './list-audit-entries';

export const auditRouter = router({
  list: auditReadProcedure
    .meta({
      summary: 'Every staff and kiosk action that changed something, newest first.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(AuditListInput)
    .output(pageOf(AuditEntry))
    .query(({ ctx, input }) =>
      listAuditEntries(ctx.db, { ...input, communityId: ctx.staff.communityId }),
    ),
});
