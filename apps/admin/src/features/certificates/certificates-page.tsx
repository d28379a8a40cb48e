import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';

export function CertificatesPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('certificates.title')} />;
}
