import { createHash } from 'node:crypto';
import type { AuditAction, AuditTargetType } from '@tally/domain/audit';
import type { BulkWriter } from './bulk-rows';

export type Who = { type: 'staff' | 'kiosk'; id: string; origin: string };

/**
 * What `runStaffWrite` and `runResidentWrite` leave beside a write's own rows: the claimed
 * idempotency key with the answer stored for replays, and one audit entry. The same shapes as
 * src/common/idempotency.ts and src/common/audit.ts write, at the time the write happened.
 */
export class UseCaseRows {
  constructor(
    private readonly writer: BulkWriter,
    private readonly communityId: string,
  ) {}

  write({
    at,
    who,
    operation,
    key,
    request,
    response,
    target,
    details,
  }: {
    at: number;
    who: Who;
    operation: AuditAction;
    key: string;
    request: unknown;
    response: unknown;
    target?: { type: AuditTargetType; id: string };
    details?: Record<string, unknown>;
  }): void {
    this.writer.add('idempotent_requests', {
      community_id: this.communityId,
      key,
      operation,
      request_hash: createHash('sha256').update(JSON.stringify(request)).digest('hex'),
      response,
      created_at: new Date(at).toISOString(),
    });
    this.audit({ at, who, action: operation, target, details });
  }

  audit({
    at,
    who,
    action,
    target,
    details = {},
  }: {
    at: number;
    who: Who;
    action: AuditAction;
    target?: { type: AuditTargetType; id: string } | undefined;
    details?: Record<string, unknown> | undefined;
  }): void {
    this.writer.add('audit_log', {
      community_id: this.communityId,
      at: new Date(at).toISOString(),
      actor_type: who.type,
      actor_id: who.id,
      action,
      target_type: target?.type ?? null,
      target_id: target?.id ?? null,
      origin: who.origin,
      details,
    });
  }
}
