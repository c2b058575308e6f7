import { useModalDialog } from '../components/use-modal-dialog';
import type { TransitionPlan, TransitionReport } from '../../../api-contract';
import { PlanRunProgress } from './plan-run-progress';
import type { TransitionText } from './transition-text';

/**
 * The confirmation before a plan is carried out (native modal `<dialog>`: focus stays inside, Escape cancels): what
 * will happen, the last dry run's counts if any, then a progress bar counting the dossiers done while it runs. It
 * cannot be closed while the plan runs.
 */
export function ExecutePlanDialog({
  plan,
  lastDryRun,
  running,
  run,
  onConfirm,
  onCancel,
  t,
}: {
  plan: TransitionPlan;
  lastDryRun: TransitionReport | undefined;
  running: boolean;
  /** The plan's run as last read while it runs (its progress). */
  run: TransitionPlan['run'] | undefined;
  onConfirm(): void;
  onCancel(): void;
  t: TransitionText;
}) {
  const dialog = useModalDialog(running, onCancel);
  return (
    <dialog
      ref={dialog.ref}
      className="app-dialog"
      aria-labelledby="transition-confirm-title"
      aria-busy={running}
      onCancel={dialog.onCancel}
    >
      <h2 id="transition-confirm-title">{t.confirmTitle}</h2>
      <p>{t.confirmText(plan.name, plan.reformDate)}</p>
      <p className={lastDryRun ? undefined : 'app-error'}>
        {lastDryRun
          ? t.confirmLastDry(lastDryRun.counts.dossiers, lastDryRun.counts.move, lastDryRun.counts.blocked)
          : t.confirmNoDry}
      </p>
      {running ? <PlanRunProgress label={t.executing} run={run} t={t} /> : null}
      <div className="app-actions">
        <button type="button" className="app-button app-button-danger" disabled={running} onClick={onConfirm}>
          {t.confirm}
        </button>
        <button type="button" className="app-button app-button-secondary" disabled={running} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
