import { type AgeBand, ageBandLabels, ageBands } from '@tally/domain/age-bands';
import type { UnderRepresentedGroup } from '@tally/domain/reports';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export type GroupDimension = UnderRepresentedGroup['dimension'];

/** The server's "unknown" collects residents without a birth year (or without a building). */
const UNKNOWN = 'unknown';

const isAgeBand = (group: string): group is AgeBand => ageBands.some((band) => band === group);

export type GroupLabels = {
  /** A row's name: "30–44", "Building 7", "Not recorded". */
  name: (dimension: GroupDimension, group: string) => string;
  /** The group as the subject of a sentence: "People aged 30–44", "Residents of Building 7". */
  who: (dimension: GroupDimension, group: string) => string;
};

export function groupLabels(t: TFunction, language: string): GroupLabels {
  const lang = language === 'en' ? 'en' : 'zh';
  const place = (group: string) =>
    /^\d+$/.test(group) ? t('reports.groups.building', { building: group }) : group;
  return {
    name: (dimension, group) => {
      if (group === UNKNOWN) return t('reports.groups.notRecorded');
      if (dimension === 'age_band') return isAgeBand(group) ? ageBandLabels[group][lang] : group;
      return place(group);
    },
    who: (dimension, group) => {
      if (dimension === 'age_band') {
        if (group === UNKNOWN) return t('reports.groups.whoNoBirthYear');
        return isAgeBand(group) ? t(`reports.groups.whoAge.${group}`) : group;
      }
      if (group === UNKNOWN) return t('reports.groups.whoNoBuilding');
      return t('reports.groups.whoBuilding', { place: place(group) });
    },
  };
}

export function useGroupLabels(): GroupLabels {
  const { t, i18n } = useTranslation();
  return groupLabels(t, i18n.language);
}
