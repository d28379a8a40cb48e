import {
  PreviewRuleInput,
  PublishedRule,
  PublishRuleInput,
  RulePreviewResult,
  RulesList,
} from '@tally/domain/rules';
import { auditReadProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { activeRule, listRules } from './active-rule';
import { previewEarningRule } from './preview-rule';
import { publishRule } from './publish-rule';

export const rulesRouter = router({
  get: staffProcedure
    .meta({
      summary:
        'The earning rule in force. A community that never published one gets the default ' +
        '(10 points per hour, no weights, cap or bonus), published as version 1 on first need.',
    })
    .output(PublishedRule)
    .query(async ({ ctx }) => (await activeRule(ctx.db, ctx.staff.communityId)).published),

  list: auditReadProcedure
    .meta({ summary: 'Every published version of the earning rule, newest first.' })
    .output(RulesList)
    .query(async ({ ctx }) =>
      (await listRules(ctx.db, ctx.staff.communityId)).map((rule) => rule.published),
    ),

  publish: officeProcedure
    .meta({
      summary: 'Publishes a new, immutable version of the earning rule; approvals use the newest.',
      errors: ['VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(PublishRuleInput)
    .output(PublishedRule)
    .mutation(({ ctx, input: { idempotencyKey, ...terms } }) =>
      publishRule(ctx.db, { staff: ctx.staff, origin: ctx.origin, idempotencyKey, terms }),
    ),

  preview: officeProcedure
    .meta({
      summary:
        'What a proposed rule would have paid for the approved service of a period (default: ' +
        "last calendar month in the community's time zone), next to what was paid.",
      errors: ['VALIDATION_FAILED'],
    })
    .input(PreviewRuleInput)
    .output(RulePreviewResult)
    .query(({ ctx, input: { from, to, ...terms } }) =>
      previewEarningRule(ctx.db, {
        communityId: ctx.staff.communityId,
        terms,
        period: { from, to },
      }),
    ),
});
