import type { TransitionPlan } from '../../../api-contract';
import type { TransitionText } from './transition-text';

/**
 * A plan's run while it goes: a progress bar with how many of its dossiers are done, as the plan last read says; an
 * indeterminate bar until the run has counted its dossiers (or when what was read is an earlier, finished run).
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
    <div className="app-busy" role="status" data-testid="plan-run-progress">
      <progress aria-label={label} {...(counted ? { value: counted.done, max: counted.total } : {})} />
      <span>
        {label}
        {counted ? ` ${t.runProgress(counted.done, counted.total)}` : null}
      </span>
    </div>
  );
}
