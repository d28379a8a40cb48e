import {
  type CategoryGroup,
  categoryIds,
  categoryInfo,
  type ServiceCategory,
} from '@tally/domain/categories';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';

/** Category names come with the domain package, in both languages. */
export function useCategoryLabel(): (category: ServiceCategory) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (category) => categoryInfo[category].label[language];
}

export const categoryGroups: { group: CategoryGroup; categories: ServiceCategory[] }[] = (
  ['participation', 'service'] as const
).map((group) => ({
  group,
  categories: categoryIds.filter((id) => categoryInfo[id].group === group),
}));
