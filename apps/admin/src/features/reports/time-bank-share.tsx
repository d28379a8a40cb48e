import type { Cell, MotivationReport } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { cellText, isShown } from './report-cells';
import { ShareBar } from './share-bar';

/** The share left over from `share`; hidden stays hidden. */
const rest = (share: Cell): Cell => (isShown(share) ? Math.max(0, 1 - share) : share);

/**
 * Hours neighbours gave each other in the time bank, beside the hours served for points: a
 * reason to serve that is the community, not the gift shop. With how many exchanges and helpers,
 * and what the care pool paid for the residents it covers.
 */
export function TimeBankShare({ timeBank }: { timeBank: MotivationReport['timeBank'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (cell: Cell) => cellText(cell, format.number);
  const hours = (cell: Cell) =>
    cellText(cell, (h) => t('common.hours', { value: format.hours(h * 60) }));
  const percent = (cell: Cell) => cellText(cell, format.percent);
  return (
    <section className="card stack-small" aria-labelledby="time-bank-share">
      <h2 id="time-bank-share">{t('reports.motivation.timeBank.title')}</h2>
      <p className="muted">{t('reports.motivation.timeBank.hint')}</p>
      <ShareBar
        label={t('reports.motivation.timeBank.title')}
        segments={[
          {
            key: 'exchanged',
            label: t('reports.motivation.timeBank.exchanged'),
            share: timeBank.timeBankShare,
            detail: hours(timeBank.exchangedHours),
          },
          {
            key: 'served',
            label: t('reports.motivation.timeBank.served'),
            share: rest(timeBank.timeBankShare),
            detail: hours(timeBank.servedHours),
          },
        ]}
      />
      <p data-testid="time-bank-figures">
        {/* A hidden pool share ("<5" of a share) would read as minutes: then it is not said. */}
        {t(
          isShown(timeBank.poolShare)
            ? 'reports.motivation.timeBank.figures'
            : 'reports.motivation.timeBank.figuresWithoutPool',
          {
            exchanges: number(timeBank.exchanges),
            helpers: number(timeBank.helpers),
            pool: percent(timeBank.poolShare),
          },
        )}
      </p>
    </section>
  );
}
