import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';

export function ReportsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('reports.title')} />;
}
