import type { CancelSignUpResult, KioskActivity, SignUpResult } from '@tally/domain/activities';
import type {
  CorrectionKind,
  MyCorrection,
  MyServiceRecord,
  RecentActivities,
} from '@tally/domain/corrections';
import type { GoalProgress } from '@tally/domain/goals';
import type { CommunityFigures, DonateOutput, HistoryEntry } from '@tally/domain/kiosk';
import type {
  MeCommunity,
  MeSession,
  MeSummary,
  PhoneSessionEntry,
  Proxy as ResidentProxy,
} from '@tally/domain/me';
import type { NoticeBoard } from '@tally/domain/notices';

// The names the screens use for what `me.*` answers. Until the `me` router is on main these are
// the domain's schemas (the router's .output()s); then they become the router's own types.

export type {
  CancelSignUpResult,
  CommunityFigures,
  CorrectionKind,
  DonateOutput,
  GoalProgress,
  KioskActivity,
  MeCommunity,
  MeSession,
  MeSummary,
  MyCorrection,
  MyServiceRecord,
  NoticeBoard,
  PhoneSessionEntry,
  RecentActivities,
  ResidentProxy,
  SignUpResult,
};

export type Page<T> = { items: T[]; nextCursor: string | null };
/** A history entry, and who made it when a proxy acted for the resident. */
export type MeHistoryEntry = HistoryEntry & { actedBy?: string | null };
export type RecentActivity = RecentActivities['activities'][number];
export type ActsFor = MeSession['canActFor'][number];
