import { phoneAppLink } from '@tally/client/phone-app-links';
import { QrCode } from '@tally/client/qr-code';
import type { Poster } from '@tally/domain/insights';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { nameSizes, posterLayout } from './poster-layout';

export type Paper = 'a4' | 'a3';

// A row of rooftops along the foot of the poster, drawn three times across the sheet.
const STREET =
  'M0 24V14l10-8 10 8v10zM24 24V10l14-10 14 10v14zM56 24V16l8-6 8 6v8zM76 24V12l12-9 12 9v12zM104 24V15l9-7 9 7v9zM126 24V9l15-9 15 9v15zM160 24V14l10-8 10 8v10zM184 24V11l13-9 13 9v13zM214 24V15l9-7 9 7v9zM236 24V18l4-3v9z';

/**
 * Sizes the wall of names to the largest print at which all of them fit on the sheet. Every
 * size is relative to the sheet's width, so what fits in the preview fits on paper too.
 */
function useNamesThatFit(poster: Poster, language: string) {
  const wall = useRef<HTMLElement>(null);
  // Measured again whenever the words on the sheet change.
  useLayoutEffect(() => {
    const element = wall.current;
    if (!element) return;
    for (const size of nameSizes) {
      element.dataset.size = size;
      if (element.scrollHeight <= element.clientHeight) return;
    }
  }, [poster, language]);
  return wall;
}

/**
 * The monthly poster as one sheet. Every size is relative to the sheet's width, so A3 prints
 * the same poster as A4, only larger — the figures and names read from two metres on A3.
 */
export function PosterSheet({ poster, paper }: { poster: Poster; paper: Paper }) {
  const inLanguage = useLocalizedName();
  const { t, i18n } = useTranslation();
  const wall = useNamesThatFit(poster, i18n.language);
  const format = useFormat();
  const layout = posterLayout(poster);
  const community = inLanguage(poster.communityName);
  const month = format.calendarMonth(poster.month);
  const hasService = poster.minutes > 0;
  const others = poster.otherVolunteers;
  // A tile reading "0" tells the street nothing good: only figures the month has are printed.
  const figures = [
    {
      key: 'hours',
      count: poster.minutes,
      value: format.hours(poster.minutes),
      label: t('poster.hoursGiven'),
    },
    {
      key: 'people',
      count: poster.participants,
      value: format.number(poster.participants),
      label: t('poster.participants'),
    },
    {
      key: 'new',
      count: poster.newParticipants,
      value: format.number(poster.newParticipants),
      label: t('poster.newParticipants'),
    },
  ].filter((figure) => figure.count > 0);

  return (
    <article
      className="poster-sheet"
      data-paper={paper}
      aria-label={t('poster.preview', { month, paper: t(`poster.${paper}`) })}
    >
      <div className="poster-page">
        <header className="poster-head">
          <p className="poster-eyebrow">{t('poster.eyebrow', { community, month })}</p>
          <h2 className="poster-headline">
            {hasService
              ? t('poster.headline', { community, month })
              : t('poster.headlineQuiet', { community, month })}
          </h2>
        </header>

        {figures.length > 0 ? (
          <ul className="poster-figures" data-count={figures.length}>
            {figures.map((figure) => (
              <li key={figure.key} className={`poster-figure poster-figure-${figure.key}`}>
                <span className="poster-figure-value" data-testid={`poster-${figure.key}`}>
                  {figure.value}
                </span>
                <span className="poster-figure-label">{figure.label}</span>
              </li>
            ))}
          </ul>
        ) : null}

        {layout.organizations.length > 0 || layout.goals.length > 0 ? (
          <div className="poster-middle">
            {layout.organizations.length > 0 ? (
              <section className="poster-panel">
                <h3>{t('poster.byOrganization')}</h3>
                <ul className="poster-bars">
                  {layout.organizations.map((organization) => (
                    <li key={organization.id}>
                      <span className="poster-bar-name">{inLanguage(organization.name)}</span>
                      <span className="poster-bar-value">
                        {t('poster.hoursUnit', { value: format.hours(organization.minutes) })}
                      </span>
                      <span className="poster-bar-track" aria-hidden="true">
                        <span
                          className="poster-bar-fill"
                          style={{ width: `${Math.max(2, organization.share * 100)}%` }}
                        />
                      </span>
                    </li>
                  ))}
                </ul>
                {layout.otherOrganizations > 0 ? (
                  <p className="poster-more">
                    {t('poster.otherOrganizations', { count: layout.otherOrganizations })}
                  </p>
                ) : null}
              </section>
            ) : null}
            {layout.goals.length > 0 ? (
              <section className="poster-panel">
                <h3>{t('poster.goalsTitle')}</h3>
                <ul className="poster-goals">
                  {layout.goals.map((goal) => (
                    <li key={goal.id} data-funded={goal.funded}>
                      <span className="poster-goal-title">
                        {inLanguage(goal.title)}
                        {goal.funded ? (
                          <span className="poster-funded">✓ {t('poster.funded')}</span>
                        ) : null}
                      </span>
                      <span className="poster-bar-track" aria-hidden="true">
                        <span
                          className="poster-bar-fill"
                          style={{ width: `${Math.max(2, goal.progress * 100)}%` }}
                        />
                      </span>
                      <span className="poster-goal-raised">
                        {t('poster.goalRaised', {
                          raised: format.number(goal.raisedPoints),
                          target: format.number(goal.targetPoints),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
                {poster.pointsDonated > 0 ? (
                  <p className="poster-more">
                    {t('poster.pointsDonated', {
                      points: format.number(poster.pointsDonated),
                      month,
                    })}
                  </p>
                ) : null}
              </section>
            ) : null}
          </div>
        ) : null}

        <section className="poster-thanks" ref={wall}>
          <h3>{t('poster.thanksTitle')}</h3>
          {poster.thanks.length > 0 ? (
            <>
              <ul className="poster-names">
                {poster.thanks.map((name, index) => (
                  // Two neighbours may share a display name; both are thanked.
                  <li key={`${index}-${name}`}>{name}</li>
                ))}
              </ul>
              {others > 0 ? (
                <p className="poster-names-more">{t('poster.thanksMore', { count: others })}</p>
              ) : null}
            </>
          ) : (
            <p className="poster-names-more">
              {others > 0
                ? t('poster.thanksOnlyOthers', { count: others, month })
                : t('poster.thanksNone', { month })}
            </p>
          )}
        </section>

        <footer className="poster-foot">
          <svg
            className="poster-houses"
            viewBox="0 0 720 24"
            preserveAspectRatio="xMidYMax slice"
            aria-hidden="true"
          >
            <path d={STREET} />
            <path d={STREET} transform="translate(240 0)" />
            <path d={STREET} transform="translate(480 0)" />
          </svg>
          <div className="poster-foot-row">
            <div className="poster-foot-text">
              <p>{t('poster.join')}</p>
              {poster.checkpoint ? (
                <p className="poster-checkpoint" data-testid="poster-checkpoint">
                  {t('poster.checkpoint', {
                    code: poster.checkpoint.code,
                    sequence: poster.checkpoint.sequence,
                  })}
                </p>
              ) : null}
            </div>
            <figure className="poster-phone">
              <QrCode text={phoneAppLink(window.location.origin)} label={t('poster.phoneAppQr')} />
              <figcaption>{t('poster.phoneApp')}</figcaption>
            </figure>
          </div>
        </footer>
      </div>
    </article>
  );
}
