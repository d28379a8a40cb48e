import type { AccountRole } from '@tally/domain/staff';

/**
 * Which roles may open each area of the app. The service checks every call on its own;
 * this only keeps people from being shown what they cannot use.
 *
 * The street office (`street`) reads what an auditor reads, for the community of its street
 * its session has open, and has its own street pages besides; it never writes to a community.
 */
export const areaRoles = {
  home: ['office', 'leader', 'auditor', 'street'],
  organizations: ['office', 'leader', 'auditor', 'street'],
  logHours: ['office', 'leader'],
  records: ['office', 'leader', 'auditor', 'street'],
  activities: ['office', 'leader', 'auditor', 'street'],
  /** The door of an activity and closing it: those who run it, not auditors. */
  activityDoor: ['office', 'leader'],
  approvals: ['office'],
  residents: ['office', 'auditor', 'street'],
  importResidents: ['office'],
  ledger: ['office', 'auditor', 'street'],
  audit: ['office', 'auditor', 'street'],
  rewards: ['office', 'auditor', 'street'],
  redemptions: ['office', 'auditor', 'street'],
  goals: ['office', 'auditor', 'street'],
  rules: ['office', 'auditor', 'street'],
  staff: ['office'],
  kiosks: ['office'],
  reports: ['office', 'auditor', 'street'],
  poster: ['office', 'auditor', 'street'],
  corrections: ['office', 'auditor', 'street'],
  notices: ['office', 'leader', 'auditor', 'street'],
  /** Deliberation: everyone reads; the office triages, decides and runs polls. */
  topics: ['office', 'leader', 'auditor', 'street'],
  /**
   * The time bank: only the office (the service answers its procedures to the office and to
   * residents; an auditor reads its transactions in the journal).
   */
  timebank: ['office'],
  certificates: ['office', 'auditor', 'street'],
  community: ['office', 'auditor', 'street'],
  /** The CSV exports (journal, balances, service records): the service serves them to these two. */
  exports: ['office', 'auditor'],
  account: ['office', 'leader', 'auditor', 'street'],
  /** Residents moving house between communities of the street: the offices propose and accept. */
  moves: ['office'],
  /** The street's own pages: its communities side by side, their figures, chains and moves. */
  street: ['street'],
} as const satisfies Record<string, readonly AccountRole[]>;

export type Area = keyof typeof areaRoles;

export function mayOpen(role: AccountRole, area: Area): boolean {
  return (areaRoles[area] as readonly AccountRole[]).includes(role);
}

/** Only the office changes the programme; auditors read, leaders work for their organizations. */
export function mayManage(role: AccountRole): boolean {
  return role === 'office';
}

/** Leaders (for the organizations they lead) and the office run activities; auditors read. */
export function mayRunActivities(role: AccountRole): boolean {
  return mayOpen(role, 'activityDoor');
}

/** Auditors and the street office read everything they may open and change nothing. */
export function readsOnly(role: AccountRole): boolean {
  return role === 'auditor' || role === 'street';
}
