import type { Cell } from '@tally/domain/reports';
import { useFormat } from '../../i18n/format';
import { niceCeiling } from './chart-scale';
import { barFraction, cellText, largestShown } from './report-cells';

type Month = { month: string; value: Cell };

const WIDTH = 480;
const HEIGHT = 200;
const LEFT = 34;
const BOTTOM = 34; // month and, under January and the first column, the year
const TOP = 16; // room for the figure over the tallest column

/**
 * One column per month with its figure on top. A hidden month ("<5") shows the text "<5" on
 * the baseline and no column. Screen readers get every month's figure in the label.
 */
export function MonthColumns({ months, label }: { months: Month[]; label: string }) {
  const format = useFormat();
  if (months.length === 0) return null;
  const shortMonth = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });
  const top = niceCeiling(largestShown(months.map((m) => m.value)));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const baseline = TOP + plotHeight;
  const slot = (WIDTH - LEFT) / months.length;
  const figures = months
    .map((m) => `${format.calendarMonth(m.month)}: ${cellText(m.value, format.number)}`)
    .join('; ');
  return (
    <svg
      className="report-columns"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label} ${figures}.`}
    >
      {[0, top / 2, top].map((value) => {
        const y = baseline - (value / top) * plotHeight;
        return (
          <g key={value} className="report-grid">
            <line x1={LEFT} x2={WIDTH} y1={y} y2={y} />
            <text x={LEFT - 6} y={y} dy="0.32em" textAnchor="end">
              {format.number(value)}
            </text>
          </g>
        );
      })}
      {months.map((m, index) => {
        const fraction = barFraction(m.value, top);
        const x = LEFT + index * slot;
        const height = (fraction ?? 0) * plotHeight;
        const date = new Date(`${m.month}-01T00:00:00Z`);
        const showYear = index === 0 || m.month.endsWith('-01');
        return (
          <g key={m.month}>
            {fraction === null ? null : (
              <rect
                className="report-column"
                x={x + slot * 0.18}
                width={slot * 0.64}
                y={baseline - height}
                height={Math.max(height, m.value === 0 ? 0 : 1)}
                rx={2}
              />
            )}
            <text
              className={
                fraction === null ? 'report-column-figure muted-figure' : 'report-column-figure'
              }
              x={x + slot / 2}
              y={baseline - height - 4}
              textAnchor="middle"
            >
              {cellText(m.value, format.number)}
            </text>
            <text className="report-axis" x={x + slot / 2} y={baseline + 14} textAnchor="middle">
              {shortMonth.format(date)}
            </text>
            {showYear ? (
              <text className="report-axis" x={x + slot / 2} y={baseline + 28} textAnchor="middle">
                {date.getUTCFullYear()}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
