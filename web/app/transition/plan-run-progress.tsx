import type { TransitionPlan } from '../../../api-contract';
import type { TransitionText } from './transition-text';

/**
 * A plan's run while it goes: a progress bar with how many of its dossiers are done, as the plan last read says; an
 * indeterminate bar until the run has counted its dossiers. Only the label is announced (role status, once): the
 * count, read again every second, is the bar's value and a line beside it, not a live region read out each time.
 */
export function PlanRunProgress({
  label,
  run,
  t,
}: {
  label: string;
  run: TransitionPlan['run'] | undefined;
  t: TransitionText;
}) {
  const counted = run?.state === 'running' && run.total > 0 ? run : undefined;
  return (
    <div className="app-busy" data-testid="plan-run-progress">
      <progress aria-label={label} {...(counted ? { value: counted.done, max: counted.total } : {})} />
      <span role="status">{label}</span>
      {counted ? <span>{t.runProgress(counted.done, counted.total)}</span> : null}
    </div>
  );
}
