import { useTranslation } from 'react-i18next';
import { categoryGroups, useCategoryLabel } from '../../i18n/category-label';

/** Every service category as a `<select>`'s options, under its group. */
export function CategoryOptions() {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  return categoryGroups.map(({ group, categories }) => (
    <optgroup key={group} label={t(`categoryGroups.${group}`)}>
      {categories.map((category) => (
        <option key={category} value={category}>
          {categoryLabel(category)}
        </option>
      ))}
    </optgroup>
  ));
}
