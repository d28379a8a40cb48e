import type { ServiceCategory } from '@tally/domain/categories';
import { useTranslation } from 'react-i18next';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';

/** Hours per category as horizontal bars, every category in the catalogue's order. */
export function CategoryBars({
  categories,
}: {
  categories: { category: ServiceCategory; minutes: number }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const most = Math.max(1, ...categories.map((c) => c.minutes));
  return (
    <ul className="hbars plain-list">
      {categories.map(({ category, minutes }) => (
        <li key={category} className={minutes === 0 ? 'hbar hbar-empty' : 'hbar'}>
          <span>{categoryLabel(category)}</span>
          <span className="hbar-track" aria-hidden="true">
            <span className="hbar-fill" style={{ width: `${(minutes / most) * 100}%` }} />
          </span>
          <span className="number">{t('common.hours', { value: format.hours(minutes) })}</span>
        </li>
      ))}
    </ul>
  );
}
