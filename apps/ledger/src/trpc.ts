import { isDatabaseUnavailable } from '@tally/db/errors';
import type { StaffRole } from '@tally/db/schema';
import { DomainError, type ErrorCode, type ErrorKind, errorCatalogue } from '@tally/domain/errors';
import { refuseUnstorableText } from '@tally/domain/validation';
import { initTRPC, TRPCError } from '@trpc/server';
import { admitStaff, phoneResident, type ResidentSession, type StaffActor } from './auth/actors';
import { type RequestLimit, takeRequest } from './common/request-limits';
import type { Context } from './context';

// The only place that calls t.procedure. Every procedure starts from one of the
// base procedures below; their middlewares check who is calling on the server
// and narrow ctx so that, after them, the actor is non-null and typed.

type ValidationIssue = { path: string; message: string };

function validationIssues(cause: unknown): ValidationIssue[] | undefined {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return undefined;
  const issues = (cause as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map(
    (issue: { path?: PropertyKey[] | { key: PropertyKey }[]; message?: string }) => ({
      path: (issue.path ?? [])
        .map((part) => String(typeof part === 'object' && part !== null ? part.key : part))
        .join('.'),
      message: issue.message ?? 'is not valid',
    }),
  );
}

/**
 * What the generated API reference (docs/api.md) says of a procedure: who may
 * call it (set by the base procedure) and, per procedure, a one-line summary and
 * the domain errors it can answer with.
 */
export type ProcedureMeta = { access?: string; summary?: string; errors?: ErrorCode[] };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      const issues = error.code === 'BAD_REQUEST' ? validationIssues(error.cause) : undefined;
      const domainCode =
        error.cause instanceof DomainError
          ? error.cause.code
          : issues
            ? 'VALIDATION_FAILED'
            : error.code === 'INTERNAL_SERVER_ERROR'
              ? 'INTERNAL'
              : undefined;
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? errorCatalogue.INTERNAL.message
          : issues
            ? issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')
            : shape.message;
      const { stack: _stack, ...data } = shape.data;
      // What a client can act on, e.g. { triesLeft } or { lockedUntil }.
      const details = error.cause instanceof DomainError ? error.cause.details : undefined;
      return {
        ...shape,
        message,
        data: {
          ...data,
          domainCode,
          ...(issues ? { issues } : {}),
          ...(details ? { details } : {}),
        },
      };
    },
  });

const trpcCodeFor: Record<ErrorKind, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
};

/** A domain error as the transport error its kind maps to. */
export function transportError(cause: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeFor[cause.kind], message: cause.message, cause });
}

/**
 * The one place domain errors become transport errors. A database that cannot be reached
 * (restarting, failing over) is not the caller's fault and not a bug: it answers the retryable
 * SERVICE_UNAVAILABLE, and the caller's retry with the same idempotency key posts nothing twice.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw transportError(cause);
  if (isDatabaseUnavailable(cause)) throw transportError(new DomainError('SERVICE_UNAVAILABLE'));
  return result;
});

/**
 * Limits a procedure where guessing happens (sign-in, PIN entry), counted per call: a batch of
 * many calls in one HTTP request counts every one of them. `limitsFor` keys the limits by
 * source, by account or card and by device, from the parsed input.
 */
export function limitRequests<TInput>(limitsFor: (ctx: Context, input: TInput) => RequestLimit[]) {
  return t.middleware(async ({ ctx, input, next }) => {
    const limits = limitsFor(ctx, input as TInput).map((limit) => ({
      ...limit,
      max: limit.max * ctx.limitScale,
    }));
    await takeRequest(ctx.db, limits);
    return next();
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Text PostgreSQL cannot store is refused, whatever procedure it was sent to (see the domain). */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  refuseUnstorableText(await getRawInput());
  return next();
});

export const publicProcedure = t.procedure
  .use(domainErrors)
  .use(storableText)
  .meta({ access: 'anyone' });

/**
 * What an account whose password was reset may do before it chooses a new one: the
 * temporary password only lets its holder choose a new password (or leave).
 */
const BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.changePassword', 'auth.logout']);

export const staffProcedure = publicProcedure
  .use(async ({ ctx, path, next }) => {
    const staff = admitStaff(await ctx.caller.staff(), {
      beforePasswordChange: BEFORE_PASSWORD_CHANGE.has(path),
    });
    return next({ ctx: { ...ctx, staff } });
  })
  .meta({ access: 'staff: office, leader, auditor, street' });

function staffWithRole(...roles: StaffRole[]) {
  return staffProcedure
    .use(({ ctx, next }) => next({ ctx: { ...ctx, staff: admitStaff(ctx.staff, { roles }) } }))
    .meta({ access: `staff: ${roles.join(', ')}` });
}

/** The community office: runs the programme. */
export const officeProcedure = staffWithRole('office');
/** Leaders (for their own organizations, checked in the service) and the office. */
export const leaderOrOfficeProcedure = staffWithRole('office', 'leader');
/**
 * Readers of the ledger, the audit log and the reports: the office, auditors, and the street
 * office for the community of its street it has open (`street.open`).
 */
export const auditReadProcedure = staffWithRole('office', 'auditor', 'street');

/** The street office (街道), over every community of its street. */
export const streetProcedure = staffWithRole('street')
  .use(({ ctx, next }) => {
    const { streetId } = ctx.staff;
    if (!streetId) throw new DomainError('FORBIDDEN');
    return next({ ctx: { ...ctx, staff: { ...ctx.staff, streetId } } });
  })
  .meta({ access: 'staff: street' });

const unregisteredKiosk = () => new DomainError('UNAUTHORIZED', 'This kiosk is not registered.');

export const kioskProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const kiosk = await ctx.caller.kiosk();
    if (!kiosk) throw unregisteredKiosk();
    return next({ ctx: { ...ctx, kiosk } });
  })
  .meta({ access: 'kiosk device' });

/**
 * A resident identified at a kiosk; each call keeps the 2-minute session alive. Not built on
 * kioskProcedure: the device and the resident's session are found in one statement.
 */
export const residentProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const found = await ctx.caller.kioskWithResident();
    if (!found) throw unregisteredKiosk();
    if (!found.resident) throw new DomainError('SESSION_EXPIRED');
    return next({ ctx: { ...ctx, kiosk: found.kiosk, resident: found.resident } });
  })
  .meta({ access: 'kiosk device + identified resident (x-resident-token)' });

const signedOutPhone = () => new DomainError('SESSION_EXPIRED');

/**
 * A phone signed in to the resident app (`authorization: Bearer tph_…`), whoever it acts for.
 * Kiosk and staff tokens are no phone session: they are refused here, and a phone's token is
 * refused by every kiosk and staff procedure.
 */
export const phoneProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const phone = await ctx.caller.phone();
    if (!phone) throw signedOutPhone();
    return next({ ctx: { ...ctx, phone } });
  })
  .meta({ access: 'resident app: a signed-in phone (resident or family member)' });

/** The account the phone acts on: the resident who signed in, or one they are a live proxy for. */
export const phoneResidentProcedure = phoneProcedure
  .use(({ ctx, next }) => {
    const resident = phoneResident(ctx.phone);
    if (!resident) throw new DomainError('NOT_A_PROXY');
    return next({ ctx: { ...ctx, resident } });
  })
  .meta({ access: 'resident app: the resident, or a proxy acting for them' });

/** What only the resident may do on their own account: never a proxy. */
export const phoneSelfProcedure = phoneResidentProcedure
  .use(({ ctx, next }) => {
    if (ctx.resident.phone?.asProxy) throw new DomainError('PROXY_NOT_ALLOWED');
    return next();
  })
  .meta({ access: 'resident app: the resident themself (not a proxy)' });

/**
 * A resident acting on their own account at a kiosk (device + `x-resident-token`) or on the
 * phone (a `tph_` token, the resident or a proxy acting for them): for what a resident may do
 * from either, under one procedure name (`topics.support`).
 */
export const anyResidentProcedure = publicProcedure
  .use(async ({ ctx, next }) => next({ ctx: { ...ctx, resident: await residentCalling(ctx) } }))
  .meta({ access: 'a resident: at a kiosk (device + x-resident-token) or on the phone' });

/** The resident calling from a phone (themself or through a proxy) or from a kiosk. */
async function residentCalling(ctx: Context): Promise<ResidentSession> {
  const phone = await ctx.caller.phone();
  if (phone) {
    const resident = phoneResident(phone);
    if (!resident) throw new DomainError('NOT_A_PROXY');
    return resident;
  }
  const found = await ctx.caller.kioskWithResident();
  if (!found) throw new DomainError('UNAUTHORIZED');
  if (!found.resident) throw new DomainError('SESSION_EXPIRED');
  return found.resident;
}

/** Whoever a procedure open to residents and the office serves. */
export type Party =
  | { staff: StaffActor; resident?: never }
  | { resident: ResidentSession; staff?: never };

/**
 * The office (signed in to the admin) or a resident (kiosk or phone) under one procedure name,
 * for what both do (`timebank.confirm`: the requester, their proxy or the office). The use case
 * decides what each may do.
 */
export const residentOrOfficeProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const staff = await ctx.caller.staff();
    const party: Party = staff
      ? { staff: admitStaff(staff, { roles: ['office'] }) }
      : { resident: await residentCalling(ctx) };
    return next({ ctx: { ...ctx, party } });
  })
  .meta({
    access: 'the office, or a resident: at a kiosk (device + x-resident-token) or on the phone',
  });
