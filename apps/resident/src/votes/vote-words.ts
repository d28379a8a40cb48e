import { inLanguage } from '@tally/domain/localized-text';
import type { TFunction } from 'i18next';
import type { ResidentPoll } from '../api/me-types';
import type { Language } from '../session/device-storage';

/** An option's words in the reader's language, by its id ('' for an id the poll lacks). */
export function optionText(poll: ResidentPoll, optionId: string | null, language: Language) {
  const option = poll.options.find((candidate) => candidate.id === optionId);
  return option ? inLanguage(option.text, language) : '';
}

/**
 * What the resident is told of their own vote. A secret ballot never names the choice (the
 * service does not even answer it): only that the vote was counted.
 */
export function myVoteText(
  t: TFunction,
  poll: ResidentPoll,
  optionId: string | null,
  language: Language,
): string {
  if (poll.secret || !optionId) return t('votes.secretCounted');
  return t('votes.votedFor', { option: optionText(poll, optionId, language) });
}
