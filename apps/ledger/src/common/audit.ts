import type { Database } from '@tally/db/schema';
import type { AuditAction, AuditTargetType } from '@tally/domain/audit';
import type { Kysely } from 'kysely';

export type AuditEntry = {
  communityId: string;
  actor: {
    type: 'staff' | 'kiosk' | 'resident' | 'family' | 'system' | 'anonymous';
    id: string | null;
  };
  /** Dotted verb, e.g. `service.review`, `auth.login_failed`. */
  action: AuditAction;
  target?: { type: AuditTargetType; id: string } | undefined;
  origin: string | null;
  details?: Record<string, unknown>;
};

/**
 * Every change, and every log-in attempt, leaves an entry: who, what, when,
 * from where. Written in the caller's transaction so it cannot be lost or
 * left behind by a failed change. Never put secrets in `details`.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** An audit entry as its row, for a statement that writes it along with something else. */
export function auditRow(entry: AuditEntry) {
  return {
    community_id: entry.communityId,
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    origin: entry.origin,
    details: JSON.stringify(entry.details ?? {}),
  };
}
