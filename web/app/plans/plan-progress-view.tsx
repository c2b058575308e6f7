import { useEffect, useState } from 'react';
import type { PlanProgress, PlanTarget as ApiPlanTarget } from '../../../api-contract';
import { programmeName } from '../../../domain/plans/plan-programmes';
import { staffQuota } from '../../../domain/plans/staff-quota';
import { supportLabel } from '../../../domain/reports/support-labels';
import { useAppServices } from '../app-services';
import { useUnitName } from '../units/use-unit-name';
import { barPercent, formatFigure, formatPercent, formatTargetValue } from './plan-figures';
import type { PlanText } from './plan-text';
import { UnitBars } from './unit-bars';
import { RegisterCoverageView } from '../poverty-register/register-coverage-view';
import { registerText } from '../poverty-register/register-text';

/** What a target is about, in words: programme, support type, lower unit and source by name. */
export function targetLabel(
  target: ApiPlanTarget,
  names: { units: Record<string, string>; funds: Record<string, string> },
  t: PlanText,
  lang: 'vi' | 'en',
): string {
  const parts = [programmeName(target.programme)[lang]];
  if (target.supportType) parts.push(supportLabel(target.supportType)[lang]);
  parts.push(target.unitCode ? (names.units[target.unitCode] ?? target.unitCode) : t.wholeUnit);
  if (target.fundId) parts.push(names.funds[target.fundId] ?? t.source);
  return parts.join(' · ');
}

/** How a target derived from staff counts got its value (the rule's own words), or nothing for other targets. */
function StaffDerivation({ target, t, lang }: { target: ApiPlanTarget; t: PlanText; lang: 'vi' | 'en' }) {
  if (!target.staffBasis) return null;
  const derived = staffQuota(target.staffBasis);
  if (!derived.ok) return null;
  return (
    <span className="plan-note plan-derivation" data-testid="staff-derivation">
      {t.staffDerived(derived.derivation[lang], target.staffBasis.source)}
    </span>
  );
}

/**
 * A plan's progress (`GET /api/plans/{id}/progress`): one row per target with its value, the actual figure, a
 * progress bar (a native `<progress>`, so its value is announced) and "Đạt / Chưa đạt" in words, never by colour
 * alone; then the chosen target's figures per lower unit as a bar chart.
 */
export function PlanProgressView({ planId, t }: { planId: string; t: PlanText }) {
  const { api, lang } = useAppServices();
  const unitName = useUnitName();
  const [progress, setProgress] = useState<PlanProgress>();
  const [failed, setFailed] = useState<string>();
  const [chosen, setChosen] = useState(0);
  useEffect(() => {
    let live = true;
    void api.get<PlanProgress>(`/api/plans/${encodeURIComponent(planId)}/progress`).then((answer) => {
      if (!live) return;
      if (answer.ok) setProgress(answer.value);
      else setFailed(answer.message);
    });
    return () => {
      live = false;
    };
  }, [api, planId]);
  if (failed) return <p className="app-error">{failed}</p>;
  if (!progress) return <p className="app-muted">{t.loading}</p>;
  const shownTarget = progress.targets[chosen] ?? progress.targets[0];
  // Unit names in the page's language (the directory's), funds by the names the API gave.
  const names = {
    units: Object.fromEntries(Object.keys(progress.names.units).map((code) => [code, unitName(code)])),
    funds: progress.names.funds,
  };
  return (
    <div className="plan-progress" data-testid={`plan-progress-${planId}`}>
      <table className="app-table">
        <caption>{t.progress}</caption>
        <thead>
          <tr>
            <th scope="col">{t.target}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.actual}</th>
            <th scope="col">{t.progress}</th>
          </tr>
        </thead>
        <tbody>
          {progress.targets.map((row) => {
            const percent = barPercent(row.ratio);
            const achieved =
              row.of === null
                ? formatFigure(row.target, row.actual, lang)
                : `${t.percent(formatPercent(row.achieved, lang))} (${formatFigure(row.target, row.actual, lang)} / ${formatFigure(row.target, row.of, lang)})`;
            return (
              <tr key={row.index}>
                <th scope="row" data-label={t.target}>
                  {targetLabel(row.target, names, t, lang)}
                  <span className="app-muted plan-metric"> — {t.metrics[row.target.metric]}</span>
                  {row.target.note ? <span className="app-muted plan-note">{row.target.note}</span> : null}
                  <StaffDerivation target={row.target} t={t} lang={lang} />
                </th>
                <td data-label={t.value}>{formatTargetValue(row.target, lang)}</td>
                <td data-label={t.actual}>{achieved}</td>
                <td data-label={t.progress}>
                  <div className="plan-bar">
                    <progress
                      max={100}
                      value={percent}
                      aria-label={`${targetLabel(row.target, names, t, lang)}: ${t.percent(formatPercent(row.ratio * 100, lang))}`}
                    />
                    <span>{t.percent(formatPercent(row.ratio * 100, lang))}</span>
                    <span className={`app-badge ${row.met ? 'app-badge-on-time' : 'app-badge-overdue'}`}>
                      {row.met ? t.met : t.notMet}
                    </span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {progress.targets.map((row) =>
        row.register ? (
          <RegisterCoverageView
            key={`register-${row.index}`}
            title={targetLabel(row.target, names, t, lang)}
            detail={row.register}
            t={registerText(lang)}
          />
        ) : null,
      )}
      {shownTarget ? (
        <div className="plan-by-unit">
          <div className="app-field">
            <label htmlFor={`plan-chart-target-${planId}`}>{t.target}</label>
            <select
              id={`plan-chart-target-${planId}`}
              value={String(progress.targets.indexOf(shownTarget))}
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {progress.targets.map((row, i) => (
                <option key={row.index} value={String(i)}>
                  {targetLabel(row.target, names, t, lang)} — {t.metrics[row.target.metric]}
                </option>
              ))}
            </select>
          </div>
          <UnitBars
            id={`plan-chart-${planId}`}
            title={t.byUnit(targetLabel(shownTarget.target, names, t, lang))}
            rows={shownTarget.byUnit.map((u) => ({ ...u, name: unitName(u.unitCode) }))}
            format={(n) => formatFigure(shownTarget.target, n, lang)}
            t={t}
          />
        </div>
      ) : null}
    </div>
  );
}
