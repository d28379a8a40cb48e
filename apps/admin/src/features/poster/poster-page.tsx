import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';

export function PosterPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('poster.title')} />;
}
