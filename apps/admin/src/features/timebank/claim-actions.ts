import type { ClaimStatus, HelpClaim, HelpRequestStatus } from '@tally/domain/timebank';

/** What the office may do to one helper's claim. */
export type ClaimAction = 'resolve' | 'confirm' | 'noShow' | 'reverse';

/**
 * A dispute is the office's to decide; help not yet confirmed the office may confirm for a
 * requester who cannot (or record that the helper never came); a confirmed exchange that was
 * wrong is undone by a reversal. Settled claims (withdrawn, no-show, dismissed, reversed) are done.
 */
export function claimActions(status: ClaimStatus): ClaimAction[] {
  switch (status) {
    case 'disputed':
      return ['resolve'];
    case 'claimed':
    case 'proposed':
      return ['confirm', 'noShow'];
    case 'confirmed':
      return ['reverse'];
    default:
      return [];
  }
}

/** A request may be cancelled while it still waits for help or for its helpers. */
export function mayCancel(status: HelpRequestStatus): boolean {
  return status === 'open' || status === 'claimed';
}

/** The minutes a confirmation starts from: what the helper proposed, else the estimate. */
export function suggestedMinutes(claim: HelpClaim, estimate: number): number {
  return claim.proposedMinutes ?? estimate;
}
