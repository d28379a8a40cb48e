import type { Move } from '@tally/domain/street';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';

/** On a resident's page: they moved (where, when), or are moving, to another community. */
export function MovedNotice({ move }: { move: Move }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const user = useUser();
  const words = {
    name: move.resident.name,
    community: inLanguage(move.to.name),
    date: format.date(move.arrived?.at ?? move.decidedAt ?? move.proposedAt),
  };
  const text =
    move.status === 'done'
      ? t('moves.movedNotice', words)
      : move.status === 'sending'
        ? t('moves.sendingNotice', words)
        : t('moves.movingNotice', words);
  return (
    <div
      className={move.status === 'done' ? 'notice notice-warning' : 'notice'}
      role="status"
      data-testid="resident-moved"
    >
      {text} {mayOpen(user.role, 'moves') ? <Link href="/moves">{t('moves.seeMoves')}</Link> : null}
    </div>
  );
}
