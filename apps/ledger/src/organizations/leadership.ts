import { DomainError } from '@tally/domain/errors';
import type { StaffActor } from '../auth/actors';

export type StaffScope = Pick<StaffActor, 'role' | 'organizationIds'>;

/**
 * The organizations whose members a member of staff may see: all of them for
 * the office and auditors (null), only those they lead for a leader.
 */
export function visibleOrganizationIds(staff: StaffScope): string[] | null {
  return staff.role === 'leader' ? staff.organizationIds : null;
}

/** A leader acts only for organizations they lead; the office acts for all. */
export function assertMayActFor(staff: StaffScope, organizationId: string): void {
  if (staff.role === 'office') return;
  if (staff.role === 'leader' && staff.organizationIds.includes(organizationId)) return;
  throw new DomainError('FORBIDDEN', 'You can only do this for organizations you lead.');
}

/** Reading one organization's members: the office and auditors, or that organization's leader. */
export function assertMaySee(staff: StaffScope, organizationId: string): void {
  const visible = visibleOrganizationIds(staff);
  if (visible === null || visible.includes(organizationId)) return;
  throw new DomainError('FORBIDDEN', 'You can only see organizations you lead.');
}
