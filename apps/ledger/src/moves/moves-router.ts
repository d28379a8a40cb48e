import {
  AcceptMoveInput,
  DeclineMoveInput,
  Move,
  MoveDestinations,
  MoveRef,
  MovesList,
  ProposeMoveInput,
} from '@tally/domain/street';
import { officeProcedure, router } from '../trpc';
import { acceptMove } from './accept-move';
import { cancelMove, declineMove, proposeMove } from './propose-move';
import { listMoves, moveDestinations } from './read-moves';

// Moving house between two communities of one street. The office the resident leaves proposes;
// the receiving office accepts (which moves the resident's points and time credit, in two
// ledger transactions, one in each chain, exactly once) or declines. Their service history stays
// readable where it was given, and is summarised for the receiving community.

export const movesRouter = router({
  destinations: officeProcedure
    .meta({
      summary: "The other open communities of this community's street a resident can move to.",
      errors: [],
    })
    .output(MoveDestinations)
    .query(({ ctx }) => moveDestinations(ctx.db, ctx.staff)),

  list: officeProcedure
    .meta({
      summary: 'Residents leaving this community and residents coming to it, newest first.',
      errors: [],
    })
    .output(MovesList)
    .query(({ ctx }) => listMoves(ctx.db, ctx.staff)),

  propose: officeProcedure
    .meta({
      summary:
        "Proposes moving a resident to another community of the street; their points and time credit move when that community's office accepts.",
      errors: [
        'NOT_FOUND',
        'NOT_IN_STREET',
        'RESIDENT_MOVED',
        'MOVE_PENDING',
        'COMMUNITY_CLOSED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ProposeMoveInput)
    .output(Move)
    .mutation(({ ctx, input }) =>
      proposeMove(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  cancel: officeProcedure
    .meta({
      summary: 'Withdraws a proposed move before the receiving community decides.',
      errors: ['NOT_FOUND', 'MOVE_SETTLED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(MoveRef)
    .output(Move)
    .mutation(({ ctx, input }) =>
      cancelMove(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  accept: officeProcedure
    .meta({
      summary:
        "The receiving office accepts a resident: their points and time credit leave the old community's chain and arrive in this one's, on a new record and card (their PIN stays). Exactly once, however often retried.",
      errors: ['NOT_FOUND', 'MOVE_SETTLED', 'COMMUNITY_CLOSED'],
    })
    .input(AcceptMoveInput)
    .output(Move)
    .mutation(({ ctx, input }) =>
      acceptMove(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  decline: officeProcedure
    .meta({
      summary: 'The receiving office declines a proposed move, saying why; nothing moves.',
      errors: ['NOT_FOUND', 'MOVE_SETTLED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(DeclineMoveInput)
    .output(Move)
    .mutation(({ ctx, input }) =>
      declineMove(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
