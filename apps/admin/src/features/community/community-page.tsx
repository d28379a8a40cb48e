import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { NamesDialog } from '../../ui/names-dialog';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useCommunity } from './use-community';

/** The community itself: its name in each language (the office renames it), its time zone. */
export function CommunityPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const [renaming, setRenaming] = useState(false);
  const community = useCommunity();
  const rename = useApiMutation(api.community.update.mutate, {
    invalidates: ['community.get'],
    onSuccess: (renamed) => {
      toast(t('community.renamed', { name: inLanguage(renamed.name) }));
      setRenaming(false);
    },
  });
  const office = mayManage(user.role);
  const data = community.data;

  return (
    <>
      <PageHeader
        title={t('community.title')}
        description={t('community.description')}
        actions={
          office && data ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setRenaming(true)}
            >
              {t('community.rename')}
            </button>
          ) : null
        }
      />
      <ErrorNotice error={community.error} />
      {community.isPending ? (
        <Loading />
      ) : data ? (
        <section className="card stack-small" aria-labelledby="community-names">
          <h2 id="community-names">{t('community.names')}</h2>
          <dl className="details">
            <dt>{t('community.nameZh')}</dt>
            <dd lang="zh-CN" translate="no" data-testid="community-name-zh">
              {data.name.zh || <span className="muted">{t('community.notGiven')}</span>}
            </dd>
            <dt>{t('community.nameEn')}</dt>
            <dd lang="en" translate="no" data-testid="community-name-en">
              {data.name.en || <span className="muted">{t('community.notGiven')}</span>}
            </dd>
            <dt>{t('community.timeZone')}</dt>
            <dd>
              {format.timeZone(data.timeZone)} <span className="mono">({data.timeZone})</span>
              <div className="muted">{t('community.timeZoneHint')}</div>
            </dd>
            <dt>{t('community.since')}</dt>
            <dd>{format.date(data.createdAt)}</dd>
          </dl>
          {office ? null : <p className="muted">{t('community.readOnly')}</p>}
        </section>
      ) : null}
      {renaming && data ? (
        <NamesDialog
          title={t('community.renameTitle')}
          current={{ name: data.name }}
          maxLength={100}
          pending={rename.isPending}
          error={rename.error}
          onSave={({ name }) => rename.mutate({ name })}
          onClose={() => setRenaming(false)}
        />
      ) : null}
    </>
  );
}
