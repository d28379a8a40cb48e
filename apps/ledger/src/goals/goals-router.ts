import {
  CloseGoalInput,
  CreateGoalInput,
  Goal,
  ListGoalsInput,
  UpdateGoalInput,
} from '@tally/domain/goals';
import { z } from 'zod';
import { officeProcedure, router, staffProcedure } from '../trpc';
import { closeGoal } from './close-goal';
import { createGoal } from './create-goal';
import { listGoals } from './list-goals';
import { updateGoal } from './update-goal';

export const goalsRouter = router({
  create: officeProcedure
    .meta({
      summary: 'Opens a community goal that residents fund with donated points.',
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateGoalInput)
    .output(Goal)
    .mutation(({ ctx, input }) =>
      createGoal(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  update: officeProcedure
    .meta({
      summary:
        'Retitles an open goal in each language, and rewords its description if given; a closed goal keeps its title.',
      errors: ['NOT_FOUND', 'GOAL_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateGoalInput)
    .output(Goal)
    .mutation(({ ctx, input }) =>
      updateGoal(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({ summary: 'Community goals with the points raised so far; open goals first.' })
    .input(ListGoalsInput)
    .output(z.array(Goal))
    .query(({ ctx, input }) =>
      listGoals(ctx.db, { communityId: ctx.staff.communityId, status: input.status }),
    ),

  close: officeProcedure
    .meta({
      summary: 'Closes a goal to further donations; what it raised stays in its pool.',
      errors: ['NOT_FOUND', 'GOAL_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CloseGoalInput)
    .output(Goal)
    .mutation(({ ctx, input }) =>
      closeGoal(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
