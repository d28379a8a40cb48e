import type { Cell } from '@tally/domain/reports';
import { isShown, largestShown } from './report-cells';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/**
 * A small line of a figure per month. Hidden months ("<5") break the line instead of being
 * drawn at any height; a lone shown month between them is a dot.
 */
export function Sparkline({ values, label }: { values: Cell[]; label: string }) {
  const scale = largestShown(values);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const point = (value: number, index: number) =>
    [PAD + index * step, HEIGHT - PAD - (value / scale) * (HEIGHT - 2 * PAD)] as const;
  const runs = sparklineRuns(values);
  return (
    <svg
      className="report-sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <line
        className="report-sparkline-base"
        x1={PAD}
        x2={WIDTH - PAD}
        y1={HEIGHT - PAD}
        y2={HEIGHT - PAD}
      />
      {runs.map((run) => {
        const [first] = run;
        if (!first) return null;
        if (run.length === 1) {
          const [x, y] = point(first.value, first.index);
          return <circle key={first.index} cx={x} cy={y} r={2} />;
        }
        return (
          <polyline
            key={first.index}
            points={run.map(({ value, index }) => point(value, index).join(',')).join(' ')}
          />
        );
      })}
    </svg>
  );
}

/** The unbroken stretches of shown figures, each with its months' places. */
export function sparklineRuns(values: Cell[]): { value: number; index: number }[][] {
  const runs: { value: number; index: number }[][] = [];
  let current: { value: number; index: number }[] = [];
  values.forEach((value, index) => {
    if (isShown(value)) {
      current.push({ value, index });
      return;
    }
    if (current.length > 0) runs.push(current);
    current = [];
  });
  if (current.length > 0) runs.push(current);
  return runs;
}
