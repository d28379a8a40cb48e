import { describe, expect, it } from 'vitest';
import { claimActions, mayCancel, suggestedMinutes } from './claim-actions';
import { helpClaim } from './test-timebank';

describe('what the office may do to a claim', () => {
  it('resolves a dispute and nothing else', () => {
    expect(claimActions('disputed')).toEqual(['resolve']);
  });

  it('confirms for the resident, or marks a no-show, before the help is confirmed', () => {
    expect(claimActions('claimed')).toEqual(['confirm', 'noShow']);
    expect(claimActions('proposed')).toEqual(['confirm', 'noShow']);
  });

  it('reverses a confirmed exchange, and leaves settled claims alone', () => {
    expect(claimActions('confirmed')).toEqual(['reverse']);
    for (const status of ['withdrawn', 'no_show', 'dismissed', 'reversed'] as const)
      expect(claimActions(status)).toEqual([]);
  });

  it('cancels only a request still waiting', () => {
    expect(mayCancel('open')).toBe(true);
    expect(mayCancel('claimed')).toBe(true);
    expect(mayCancel('done')).toBe(false);
    expect(mayCancel('cancelled')).toBe(false);
  });

  it('starts a confirmation from the helper’s proposal, else the estimate', () => {
    expect(suggestedMinutes(helpClaim({ proposedMinutes: 120 }), 60)).toBe(120);
    expect(suggestedMinutes(helpClaim({ proposedMinutes: null }), 60)).toBe(60);
  });
});
