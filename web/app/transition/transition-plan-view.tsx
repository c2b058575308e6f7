import { useCallback, useEffect, useState } from 'react';
import type { TransitionPlan, TransitionReport, TransitionReportList } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { ApiProblems } from '../admin/api-problems';
import { useAdminPost } from '../admin/use-admin-post';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { UnitName } from '../units/unit-name';
import { ExecutePlanDialog } from './execute-plan-dialog';
import { PlanRunProgress } from './plan-run-progress';
import { usePlanRun } from './use-plan-run';
import { PlanChangesDetails } from './plan-changes-details';
import { TransitionReportView } from './transition-report-view';
import type { TransitionText } from './transition-text';
import { useDefinitionLookup } from './use-definition-lookup';

type StepMapping = TransitionPlan['definitionMapping'][number];

/** The step mapping by pair of process versions (old → new), in the plan's order. */
function pairsOf(mapping: readonly StepMapping[]): [string, StepMapping[]][] {
  const pairs = new Map<string, StepMapping[]>();
  for (const m of mapping) {
    const key = `${m.from.processKey}@${m.from.processVersion}>${m.to.processKey}@${m.to.processVersion}`;
    pairs.set(key, [...(pairs.get(key) ?? []), m]);
  }
  return [...pairs];
}

/**
 * One plan: what it maps (units by name, steps by title), its dry run and its execution (after a confirmation, with
 * a progress bar counting the dossiers done), and its stored reports, the newest shown.
 */
export function TransitionPlanView({
  plan,
  t,
  onChanged,
}: {
  plan: TransitionPlan;
  t: TransitionText;
  onChanged(): void;
}) {
  const { api } = useAppServices();
  const { busy, failure, post } = useAdminPost();
  const [reports, setReports] = useState<TransitionReport[]>();
  const [shown, setShown] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState<TransitionReport['kind']>();
  // While this page's run is on its way, the plan is read again for its progress.
  const progress = usePlanRun(plan, running);
  const labels = useDefinitionLookup(
    plan.definitionMapping.flatMap((m) => [m.from, m.to]),
    t.versionOf,
  );
  const load = useCallback(async () => {
    const answer = await api.get<TransitionReportList>(
      `/api/admin/transition-plans/${encodeURIComponent(plan.id)}/reports`,
    );
    if (answer.ok) setReports(answer.value.items);
  }, [api, plan.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (kind: TransitionReport['kind']) => {
    setRunning(kind);
    const report = await post<TransitionReport>(
      `/api/admin/transition-plans/${encodeURIComponent(plan.id)}/${kind === 'execute' ? 'execute' : 'dry-run'}`,
      {},
    );
    setRunning(undefined);
    setConfirming(false);
    if (!report) return;
    setReports((list) => [report, ...(list ?? [])]);
    setShown(report.id);
    if (kind === 'execute') onChanged();
  };

  const current = reports?.find((r) => r.id === shown) ?? reports?.[0];
  const lastDryRun = reports?.find((r) => r.kind === 'dry_run');
  return (
    <section className="app-card" aria-labelledby="transition-plan-title" data-plan-id={plan.id}>
      <h2 id="transition-plan-title">{plan.name}</h2>
      <dl className="app-details">
        <dt>{t.legalBasis}</dt>
        <dd>{plan.legalBasis}</dd>
        <dt>{t.reformDate}</dt>
        <dd>{formatDmyDate(plan.reformDate)}</dd>
        <dt>{t.createdBy}</dt>
        <dd>
          {plan.createdBy}, {formatDateTime(plan.createdAt)}
        </dd>
        <dt>{t.state}</dt>
        <dd data-plan-state={plan.executed ? 'executed' : 'prepared'}>{plan.executed ? t.executed : t.notExecuted}</dd>
        <dt>{t.unitMapping}</dt>
        <dd>
          {plan.unitMapping.length === 0 ? (
            t.followSuccessor
          ) : (
            <ul>
              {plan.unitMapping.map((m) => (
                <li key={m.from}>
                  <UnitName code={m.from} /> → <UnitName code={m.to} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.definitionMapping}</dt>
        <dd>
          {pairsOf(plan.definitionMapping).map(([pair, steps]) => (
            <div key={pair}>
              <p className="app-muted">
                {labels.processLabel(steps[0]!.from)} → {labels.processLabel(steps[0]!.to)}
              </p>
              <ul>
                {steps.map((m) => (
                  <li key={`${m.from.step}-${m.to.step}`}>
                    {labels.stepLabel(m.from, m.from.step)} → {labels.stepLabel(m.to, m.to.step)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </dd>
        <dt>{t.finishOnOld}</dt>
        <dd>
          {plan.finishOnOld.length === 0 ? (
            t.none
          ) : (
            <ul>
              {plan.finishOnOld.map((f) => (
                <li key={f.dossierId}>
                  {f.dossierId} → <UnitName code={f.unitCode} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <PlanChangesDetails plan={plan} t={t} />
      </dl>
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          disabled={busy}
          onClick={() => void run('dry_run')}
        >
          {t.dryRun}
        </button>
        <button type="button" className="app-button" disabled={busy} onClick={() => setConfirming(true)}>
          {t.execute}
        </button>
      </div>
      {running === 'dry_run' ? <PlanRunProgress label={t.dryRunning} run={progress} t={t} /> : null}
      {confirming ? (
        <ExecutePlanDialog
          plan={plan}
          lastDryRun={lastDryRun}
          running={running === 'execute'}
          run={progress}
          onConfirm={() => void run('execute')}
          onCancel={() => setConfirming(false)}
          t={t}
        />
      ) : null}
      <ApiProblems failure={failure} />
      <h3>{t.reports}</h3>
      {!reports ? <BusyIndicator label={t.loading} /> : null}
      {reports?.length === 0 ? <p>{t.noReports}</p> : null}
      {reports && reports.length > 1 ? (
        <ul className="app-report-runs">
          {reports.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="app-link-button"
                aria-pressed={r.id === current?.id}
                onClick={() => setShown(r.id)}
              >
                {t.reportTitle(t.kind[r.kind] ?? r.kind, formatDateTime(r.at), r.by)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {current ? <TransitionReportView report={current} t={t} /> : null}
    </section>
  );
}
