import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Badge } from '../../ui/badge';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';

/**
 * Every community's chain checked, side by side. It recomputes whole chains, so it runs when
 * asked, not whenever the page opens.
 */
export function StreetVerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const [asked, setAsked] = useState(false);
  const verify = useApiQuery('street.verify', undefined, () => api.street.verify.query(), {
    enabled: asked,
    staleTime: 0,
  });
  const result = verify.data;
  const broken = result?.communities.filter((community) => !community.ok).length ?? 0;

  return (
    <>
      <PageHeader
        title={t('street.verify.title')}
        description={t('street.verify.description')}
        actions={
          <button
            type="button"
            className="button button-primary"
            disabled={verify.isFetching}
            onClick={() => (asked ? void verify.refetch() : setAsked(true))}
          >
            {verify.isFetching
              ? t('street.verify.running')
              : result
                ? t('street.verify.again')
                : t('street.verify.start')}
          </button>
        }
      />
      <ErrorNotice error={verify.error} />
      {asked && verify.isPending ? <Loading label={t('street.verify.running')} /> : null}
      {result ? (
        <section className="card stack-small" aria-labelledby="street-verify-result">
          <h2 id="street-verify-result" role="status">
            {broken === 0
              ? t('street.verify.allOk')
              : t('street.verify.someBroken', { count: broken })}
          </h2>
          <div className="table-wrap">
            <table className="table street-verify">
              <thead>
                <tr>
                  <th scope="col">{t('street.columns.name')}</th>
                  <th scope="col" className="number">
                    {t('street.verify.transactions')}
                  </th>
                  <th scope="col">{t('street.verify.result')}</th>
                  <th scope="col">{t('street.verify.where')}</th>
                </tr>
              </thead>
              <tbody>
                {result.communities.map((community) => (
                  <tr key={community.id} data-ok={community.ok}>
                    <th scope="row" translate="no">
                      {inLanguage(community.name)}
                    </th>
                    <td className="number">{format.number(community.transactions)}</td>
                    <td>
                      {community.ok ? (
                        <Badge tone="success">{t('street.verify.ok')}</Badge>
                      ) : (
                        <Badge tone="danger">{t('street.verify.broken')}</Badge>
                      )}
                    </td>
                    <td>
                      {community.ok ? (
                        '—'
                      ) : (
                        <>
                          <span className="mono">{community.problem}</span>
                          <div className="muted">{t('street.verify.openToTrace')}</div>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
