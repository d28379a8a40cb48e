import './print.css';
import { formatNumber } from '@tally/client/format';
import { QrCode } from '@tally/client/qr-code';
import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { Redeemed } from '../api/kiosk-client';
import { formatDateTime } from '../i18n/format';
import { PrintIcon, SignOutIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';

/**
 * The pickup code, large, with its QR code for the office's scanner. The
 * receipt part is all that prints (see print.css), sized for an 80 mm roll.
 */
export function ReceiptScreen({
  receipt,
  at,
  communityName,
  onMore,
  onFinish,
}: {
  receipt: Redeemed;
  at: string;
  communityName: string;
  onMore: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="receipt-screen" aria-labelledby="receipt-title">
      <div className="receipt">
        <p className="print-only receipt-brand">
          {t('receipt.printedBy', { community: communityName || t('app.name') })}
        </p>
        <h1 id="receipt-title">{t('receipt.title')}</h1>
        <div className="receipt-code-block">
          <div>
            <p className="field-label">{t('receipt.code')}</p>
            <p className="pickup-code" data-testid="pickup-code" translate="no">
              {receipt.pickupCode}
            </p>
          </div>
          <QrCode text={receipt.pickupCode} label={t('receipt.qr', { code: receipt.pickupCode })} />
        </div>
        <dl className="receipt-details">
          <div>
            <dt>{t('receipt.reward')}</dt>
            <dd>
              {inLanguage(receipt.rewardName, language)} ×{' '}
              {formatNumber(receipt.quantity, language)}
            </dd>
          </div>
          <div>
            <dt>{t('receipt.paid')}</dt>
            <dd>{t('rewards.price', { count: receipt.points })}</dd>
          </div>
          <div>
            <dt>{t('receipt.left')}</dt>
            <dd>{t('rewards.price', { count: receipt.pointsAfter })}</dd>
          </div>
          <div>
            <dt>{t('receipt.when')}</dt>
            <dd>{formatDateTime(at, language)}</dd>
          </div>
        </dl>
        <p className="receipt-show">{t('receipt.show')}</p>
      </div>
      <div className="actions receipt-actions">
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={() => window.print()}
        >
          <PrintIcon />
          {t('receipt.print')}
        </button>
        <button type="button" className="button button-secondary button-large" onClick={onMore}>
          {t('receipt.more')}
        </button>
        <button type="button" className="button button-primary button-large" onClick={onFinish}>
          <SignOutIcon />
          {t('receipt.finish')}
        </button>
      </div>
    </section>
  );
}
