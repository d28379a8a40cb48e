import { useTranslation } from 'react-i18next';

export function MoreButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-quiet button-wide" onClick={onClick}>
      {t('common.more')}
    </button>
  );
}
