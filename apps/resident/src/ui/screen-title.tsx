import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/location';

/** A page's heading, with the way back above it when the page is one level down. */
export function ScreenTitle({
  title,
  back,
  children,
}: {
  title: string;
  back?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="screen-title">
      {back && (
        <Link to={back} className="back-link">
          ‹ {t('common.back')}
        </Link>
      )}
      <h1>{title}</h1>
      {children}
    </div>
  );
}
