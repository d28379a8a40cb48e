import type { HelpClaim, HelpRequest } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { type ClaimAction, claimActions, mayCancel } from './claim-actions';
import {
  CancelRequestDialog,
  ConfirmHelpDialog,
  NoShowDialog,
  ResolveDialog,
  ReverseExchangeDialog,
} from './claim-dialogs';
import {
  ClaimStatusBadge,
  RequestStatusBadge,
  useHelpKindLabel,
  useMinutesLabel,
} from './timebank-labels';
import { useHelpRequest } from './use-help-request';

type Doing = { action: ClaimAction; claim: HelpClaim } | { action: 'cancel' } | null;

/** One request for help, every detail and every claim, with what the office may do to each. */
export function HelpRequestPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useHelpKindLabel();
  const request = useHelpRequest(id);
  const [doing, setDoing] = useState<Doing>(null);

  if (request.isPending) return <Loading />;
  if (!request.data) return <ErrorNotice error={request.error} />;
  const current = request.data;
  const close = () => setDoing(null);

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/timebank">← {t('timebank.page.back')}</Link>}
        title={kindLabel(current.kind)}
        description={
          <span className="row">
            <RequestStatusBadge status={current.status} />
            <span>
              {t('timebank.page.askedOn')}
              {t('timebank.colon')}
              {format.date(current.createdAt)}
            </span>
          </span>
        }
        actions={
          mayCancel(current.status) ? (
            <button type="button" className="button" onClick={() => setDoing({ action: 'cancel' })}>
              {t('timebank.page.cancel')}
            </button>
          ) : null
        }
      />
      <RequestNotice request={current} />
      <div className="topic-layout">
        <section className="stack" aria-labelledby="help-claims">
          <h2 id="help-claims">{t('timebank.page.claims')}</h2>
          {current.claims.length === 0 ? (
            <p className="muted">{t('timebank.page.noClaims')}</p>
          ) : (
            <div className="help-claims">
              {current.claims.map((claim) => (
                <ClaimCard
                  key={claim.helperId}
                  claim={claim}
                  onAction={(action) => setDoing({ action, claim })}
                />
              ))}
            </div>
          )}
        </section>
        <AboutCard request={current} />
      </div>
      {doing?.action === 'cancel' ? (
        <CancelRequestDialog request={current} onClose={close} />
      ) : null}
      {doing && doing.action !== 'cancel' ? (
        <ClaimDialog action={doing.action} request={current} claim={doing.claim} onClose={close} />
      ) : null}
    </>
  );
}

function ClaimDialog({
  action,
  ...props
}: {
  action: ClaimAction;
  request: HelpRequest;
  claim: HelpClaim;
  onClose: () => void;
}) {
  switch (action) {
    case 'resolve':
      return <ResolveDialog {...props} />;
    case 'confirm':
      return <ConfirmHelpDialog {...props} />;
    case 'noShow':
      return <NoShowDialog {...props} />;
    case 'reverse':
      return <ReverseExchangeDialog {...props} />;
  }
}

function RequestNotice({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const disputed = request.claims.filter((claim) => claim.status === 'disputed').length;
  if (disputed > 0)
    return (
      <p className="notice notice-danger">
        {t('timebank.page.disputeNotice', { count: disputed })}
      </p>
    );
  if (request.status === 'cancelled')
    return <p className="notice notice-warning">{t('timebank.page.cancelledNotice')}</p>;
  if (request.status === 'done')
    return <p className="notice notice-success">{t('timebank.page.doneNotice')}</p>;
  return null;
}

function AboutCard({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const minutes = useMinutesLabel();
  const buildingLabel = useBuildingLabel();
  const typed = (text: string | null) => (text ? <span translate="no">{text}</span> : '—');
  return (
    <section className="card help-about" aria-labelledby="help-about">
      <h2 id="help-about">{t('timebank.page.about')}</h2>
      {request.description ? (
        <p className="help-text" translate="no">
          {request.description}
        </p>
      ) : (
        <p className="muted">{t('timebank.page.noDescription')}</p>
      )}
      <dl className="details">
        <dt>{t('timebank.page.requester')}</dt>
        <dd>{request.requesterName ? typed(request.requesterName) : t('timebank.neighbour')}</dd>
        <dt>{t('timebank.page.building')}</dt>
        <dd translate="no">{buildingLabel(request.building) || '—'}</dd>
        <dt>{t('timebank.page.place')}</dt>
        <dd>{typed(request.place)}</dd>
        <dt>{t('timebank.page.contactPhone')}</dt>
        <dd>{typed(request.contactPhone)}</dd>
        <dt>{t('timebank.page.when')}</dt>
        <dd>{request.when ? format.dateTime(request.when) : t('timebank.list.notSet')}</dd>
        <dt>{t('timebank.page.estimate')}</dt>
        <dd>{minutes(request.minutesEstimate)}</dd>
        <dt>{t('timebank.page.helpersNeeded')}</dt>
        <dd>{format.number(request.helpersNeeded)}</dd>
        <dt>{t('timebank.page.placesLeft')}</dt>
        <dd>{format.number(request.placesLeft)}</dd>
        <dt>{t('timebank.page.via')}</dt>
        <dd>{t(`timebank.via.${request.via}`)}</dd>
        {request.reason ? (
          <>
            <dt>{t('timebank.page.reason')}</dt>
            <dd className="help-text" translate="no">
              {request.reason}
            </dd>
          </>
        ) : null}
        <dt>{t('timebank.page.poolEligible')}</dt>
        <dd>{t(request.poolEligible ? 'timebank.page.poolYes' : 'timebank.page.poolNo')}</dd>
        <dt>{t('timebank.page.showOnBoard')}</dt>
        <dd>{t(request.showOnBoard ? 'timebank.page.boardYes' : 'timebank.page.boardNo')}</dd>
        {request.cancelReason ? (
          <>
            <dt>{t('timebank.page.cancelReason')}</dt>
            <dd className="help-text" translate="no">
              {request.cancelReason}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** One helper's part: status, minutes proposed and confirmed, the pool's share, the dispute. */
function ClaimCard({
  claim,
  onAction,
}: {
  claim: HelpClaim;
  onAction: (action: ClaimAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const minutes = useMinutesLabel();
  const actions = claimActions(claim.status);
  const name = claim.helperName ?? t('timebank.neighbour');
  return (
    <article
      className={
        claim.status === 'disputed' ? 'card stack-small help-claim-disputed' : 'card stack-small'
      }
      aria-label={`${t('timebank.claim.helper')}${t('timebank.colon')}${name}`}
      data-testid="help-claim"
    >
      <div className="row">
        <strong translate="no">{name}</strong>
        <ClaimStatusBadge status={claim.status} />
      </div>
      <dl className="details">
        <dt>{t('timebank.claim.claimedAt')}</dt>
        <dd>{format.dateTime(claim.claimedAt)}</dd>
        {claim.proposedMinutes !== null ? (
          <>
            <dt>{t('timebank.claim.proposed')}</dt>
            <dd data-testid="claim-proposed">{minutes(claim.proposedMinutes)}</dd>
          </>
        ) : null}
        {claim.minutes !== null ? (
          <>
            <dt>{t('timebank.claim.confirmed')}</dt>
            <dd data-testid="claim-minutes">{minutes(claim.minutes)}</dd>
          </>
        ) : null}
        {claim.poolMinutes ? (
          <>
            <dt>{t('timebank.claim.poolShare')}</dt>
            <dd>{minutes(claim.poolMinutes)}</dd>
          </>
        ) : null}
        {claim.pointsEarned ? (
          <>
            <dt>{t('timebank.claim.points')}</dt>
            <dd>{t('common.points', { value: format.number(claim.pointsEarned) })}</dd>
          </>
        ) : null}
        {claim.disputedBy ? (
          <>
            <dt>{t('timebank.claim.disputedBy')}</dt>
            <dd>{t(`timebank.claim.disputedByWho.${claim.disputedBy}`)}</dd>
          </>
        ) : null}
        {claim.disputeReason ? (
          <>
            <dt>{t('timebank.claim.disputeReason')}</dt>
            <dd className="help-text" translate="no">
              {claim.disputeReason}
            </dd>
          </>
        ) : null}
        {claim.resolution ? (
          <>
            <dt>{t('timebank.claim.resolution')}</dt>
            <dd className="help-text" translate="no" data-testid="claim-resolution">
              {claim.resolution}
            </dd>
          </>
        ) : null}
        {claim.settledAt ? (
          <>
            <dt>{t('timebank.claim.settledAt')}</dt>
            <dd>{format.dateTime(claim.settledAt)}</dd>
          </>
        ) : null}
        {claim.transactionId ? (
          <>
            <dt>{t('timebank.claim.transaction')}</dt>
            <dd>
              <Link href={`/ledger/transactions/${claim.transactionId}`}>
                {t('timebank.claim.openTransaction')}
              </Link>
            </dd>
          </>
        ) : null}
        {claim.reversalId ? (
          <>
            <dt>{t('timebank.claim.reversal')}</dt>
            <dd>
              <Link href={`/ledger/transactions/${claim.reversalId}`}>
                {t('timebank.claim.openReversal')}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {actions.length > 0 ? (
        <div className="row">
          {actions.map((action, index) => (
            <button
              key={action}
              type="button"
              className={index === 0 && action !== 'reverse' ? 'button button-primary' : 'button'}
              onClick={() => onAction(action)}
            >
              {t(`timebank.claim.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
}
