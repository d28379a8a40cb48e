import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../ui/icons';

/** The matter is with the community office: say so plainly, and where to follow it. */
export function MatterRaisedScreen({ onMine, onDone }: { onMine: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="matter-done" aria-labelledby="matter-raised-title">
      <h1 id="matter-raised-title">
        <CheckIcon className="icon icon-success" />
        {t('raiseMatter.thanksTitle')}
      </h1>
      <p className="matter-done-text">{t('raiseMatter.thanksText')}</p>
      <p className="lead">{t('raiseMatter.thanksFollow')}</p>
      <div className="actions">
        <button type="button" className="button button-secondary button-huge" onClick={onMine}>
          {t('raiseMatter.seeMine')}
        </button>
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('raiseMatter.done')}
        </button>
      </div>
    </section>
  );
}
