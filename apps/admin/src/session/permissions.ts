import type { StaffRole } from '@tally/domain/staff';

/**
 * Which roles may open each area of the app. The service checks every call on its own;
 * this only keeps people from being shown what they cannot use.
 */
export const areaRoles = {
  home: ['office', 'leader', 'auditor'],
  organizations: ['office', 'leader', 'auditor'],
  logHours: ['office', 'leader'],
  records: ['office', 'leader', 'auditor'],
  activities: ['office', 'leader', 'auditor'],
  /** The door of an activity and closing it: those who run it, not auditors. */
  activityDoor: ['office', 'leader'],
  approvals: ['office'],
  residents: ['office', 'auditor'],
  importResidents: ['office'],
  ledger: ['office', 'auditor'],
  audit: ['office', 'auditor'],
  rewards: ['office', 'auditor'],
  redemptions: ['office', 'auditor'],
  goals: ['office', 'auditor'],
  rules: ['office', 'auditor'],
  staff: ['office'],
  kiosks: ['office'],
  reports: ['office', 'auditor'],
  poster: ['office', 'auditor'],
  corrections: ['office', 'auditor'],
  notices: ['office', 'leader', 'auditor'],
  /** Deliberation: everyone reads; the office triages, decides and runs polls. */
  topics: ['office', 'leader', 'auditor'],
  /**
   * The time bank: only the office (the service answers its procedures to the office and to
   * residents; an auditor reads its transactions in the journal).
   */
  timebank: ['office'],
  certificates: ['office', 'auditor'],
  community: ['office', 'auditor'],
  account: ['office', 'leader', 'auditor'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Area = keyof typeof areaRoles;

export function mayOpen(role: StaffRole, area: Area): boolean {
  return (areaRoles[area] as readonly StaffRole[]).includes(role);
}

/** Only the office changes the programme; auditors read, leaders work for their organizations. */
export function mayManage(role: StaffRole): boolean {
  return role === 'office';
}

/** Leaders (for the organizations they lead) and the office run activities; auditors read. */
export function mayRunActivities(role: StaffRole): boolean {
  return mayOpen(role, 'activityDoor');
}
