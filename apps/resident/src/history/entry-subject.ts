import type { EntryDescription } from '@tally/domain/entry-descriptions';
import { inLanguage, type Language } from '@tally/domain/localized-text';

/**
 * What an entry was for, as the resident knows it: the activity, the reward (and how many),
 * the goal; for a correction, what it corrected. The figures are on the line already, and the
 * office's own words (a reason, a memo) are shown only when there is nothing else to name.
 */
export function entrySubject(description: EntryDescription, language: Language): string {
  switch (description.code) {
    case 'service_credit':
      return description.params.activity;
    case 'redemption': {
      const { reward, quantity } = description.params;
      const name = inLanguage(reward, language);
      return quantity > 1 ? `${name} × ${quantity}` : name;
    }
    case 'donation':
      return inLanguage(description.params.goal, language);
    case 'reversal':
      return description.params.subject
        ? inLanguage(description.params.subject, language)
        : description.params.reason;
    case 'move': {
      // Worded here, not by the domain's entryText: that would bring zod into the first page.
      const community = inLanguage(description.params.community, language);
      const out = description.params.direction === 'out';
      if (language === 'zh') return out ? `迁往${community}` : `从${community}迁入`;
      return out ? `Moved to ${community}` : `Moved from ${community}`;
    }
    case 'memo':
      return description.params.memo;
  }
}
