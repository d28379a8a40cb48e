import type { ServiceRecord } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { DataColumn } from '../../ui/data-table';

/** The columns the approvals queue and the records list show alike: when, and for how long. */
export function useRecordColumns(): {
  when: DataColumn<ServiceRecord>;
  duration: DataColumn<ServiceRecord>;
} {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    when: {
      id: 'when',
      header: t('service.when'),
      className: 'nowrap',
      sortValue: (record) => Date.parse(record.startedAt),
      searchText: (record) => format.dateTime(record.startedAt),
      cell: (record) => format.dateTime(record.startedAt),
    },
    duration: {
      id: 'duration',
      header: t('service.duration'),
      className: 'number',
      sortValue: (record) => record.minutes,
      cell: (record) => t('common.hours', { value: format.hours(record.minutes) }),
    },
  };
}
