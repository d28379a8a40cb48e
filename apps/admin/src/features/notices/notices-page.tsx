import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';

export function NoticesPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('notices.title')} />;
}
