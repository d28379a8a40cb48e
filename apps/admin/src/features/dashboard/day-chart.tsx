import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

type Day = { date: string; minutes: number };

const WIDTH = 720;
const HEIGHT = 180;
const LEFT = 36; // room for the hour labels
const BOTTOM = 22; // room for the day labels
const TOP = 8;

/**
 * Approved hours per day as an SVG bar chart: a scale that rounds to whole hours, three
 * gridlines, a date under every seventh bar and today's bar marked. Screen readers get one
 * sentence for the whole chart; each bar has its own tooltip.
 */
export function DayChart({ days }: { days: Day[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const peak = days.reduce((best, day) => (day.minutes > best.minutes ? day : best), first);
  const totalMinutes = days.reduce((sum, day) => sum + day.minutes, 0);
  const top = niceHours(peak.minutes / 60);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / days.length;
  const label =
    totalMinutes === 0
      ? t('dashboard.byDayEmpty', {
          from: format.calendarDay(first.date),
          to: format.calendarDay(last.date),
        })
      : t('dashboard.byDayLabel', {
          from: format.calendarDay(first.date),
          to: format.calendarDay(last.date),
          total: format.hours(totalMinutes),
          peak: format.calendarDay(peak.date),
          peakHours: format.hours(peak.minutes),
        });
  const y = (hours: number) => TOP + plotHeight - (hours / top) * plotHeight;

  return (
    <svg className="day-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {[0, top / 2, top].map((hours) => (
        <g key={hours} className="day-chart-grid">
          <line x1={LEFT} x2={WIDTH} y1={y(hours)} y2={y(hours)} />
          <text x={LEFT - 6} y={y(hours)} dy="0.32em" textAnchor="end">
            {format.hours(hours * 60)}
          </text>
        </g>
      ))}
      {days.map((day, index) => {
        const height = (day.minutes / 60 / top) * plotHeight;
        const x = LEFT + index * slot;
        const today = index === days.length - 1;
        return (
          <g key={day.date}>
            <rect
              className={today ? 'day-chart-bar day-chart-today' : 'day-chart-bar'}
              x={x + slot * 0.15}
              width={slot * 0.7}
              y={TOP + plotHeight - height}
              height={Math.max(height, day.minutes > 0 ? 1 : 0)}
              rx={2}
            >
              <title>
                {t('dashboard.dayBar', {
                  day: format.calendarDay(day.date),
                  hours: format.hours(day.minutes),
                })}
              </title>
            </rect>
            {(days.length - 1 - index) % 7 === 0 ? (
              <text
                className="day-chart-day"
                x={x + slot / 2}
                y={HEIGHT - 6}
                textAnchor={today ? 'end' : 'middle'}
              >
                {format.calendarDay(day.date)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** The top of the scale: the busiest day's hours rounded up to 2, 4, 5, 10, 20, 40, 50, … */
export function niceHours(hours: number): number {
  if (hours <= 0) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(hours));
  const step = [1, 2, 4, 5, 10].find((m) => m * magnitude >= hours) ?? 10;
  return Math.max(2, step * magnitude);
}
