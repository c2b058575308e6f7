import { wrapLabel } from '../funds/wrap-label';
import type { PlanText } from './plan-text';

const WIDTH = 360;
const PAD = 8;
const LINE = 18;
const BAR = 20;
const GAP = 12;
const LABEL_CHARS = 38;

/**
 * A target's figure per lower unit as horizontal bars, hand-written SVG like the funds' and the SLA charts (the CSP
 * forbids inline styles; the colour comes from a CSS class): each unit's name above its bar and its figure at the
 * bar's end, so nothing rests on colour or length alone; the figures are also in the SVG's description.
 */
export function UnitBars({
  id,
  title,
  rows,
  format,
  t,
}: {
  id: string;
  title: string;
  rows: readonly { unitCode: string; name: string; actual: number }[];
  format(n: number): string;
  t: PlanText;
}) {
  if (rows.length === 0)
    return (
      <figure className="sla-figure plan-figure" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{title}</h3>
        <p className="app-muted">{t.noByUnit}</p>
      </figure>
    );
  const max = Math.max(1, ...rows.map((r) => r.actual));
  const plot = WIDTH - 2 * PAD;
  const labels = rows.map((r) => wrapLabel(r.name, LABEL_CHARS, 2));
  const tops: number[] = [];
  let height = PAD;
  for (const lines of labels) {
    tops.push(height);
    height += lines.length * LINE + BAR + GAP;
  }
  return (
    <figure className="sla-figure plan-figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <svg
        className="sla-chart plan-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-svg-desc`}
        data-testid={id}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>
          {t.byUnitDesc(rows.length)}: {rows.map((r) => `${r.name} ${format(r.actual)}`).join('; ')}
        </desc>
        {rows.map((r, i) => {
          const top = tops[i]!;
          const lines = labels[i]!;
          const width = Math.max(2, Math.round((r.actual / max) * (plot - 90)));
          const barTop = top + lines.length * LINE;
          return (
            <g key={r.unitCode} aria-hidden="true">
              {lines.map((line, j) => (
                <text key={j} x={PAD} y={top + (j + 1) * LINE - 4} className="fund-name-label">
                  {line}
                </text>
              ))}
              <rect x={PAD} y={barTop} width={width} height={BAR} className="plan-bar-rect" />
              <text x={PAD + width + 6} y={barTop + BAR - 6} className="plan-bar-value">
                {format(r.actual)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
