import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';

export function CorrectionsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('corrections.title')} />;
}
