import type { Models } from '../../storage/create-models';
import type { TransitionPlanRun } from '../../storage/transition-plan-schema';
import { createRunProgress, type RunProgress } from './create-run-progress';

/** A run of a plan as it is recorded on the plan: its progress, then how it ended. */
export interface RecordedPlanRun {
  progress: RunProgress;
  /** Records how the run ended (its count written last): `finished` with its report stored, or `failed`. */
  end(state: 'finished' | 'failed'): Promise<void>;
}

/**
 * Records on the plan (`run`) that a dry run or an execution has started over `total` dossiers, so whoever follows
 * the plan (GET /api/admin/transition-plans/:id, which the admin page polls while it waits) sees how many are done.
 * Each write names the run by its report's id, so a later run of the same plan is never written over by this one's
 * late count. The first write is the run's start, before any dossier is touched: when the store refuses it, the run
 * does not start. After it, a failed write of progress costs only the figure shown, never the run.
 */
export async function recordPlanRun(
  models: Models,
  start: Omit<TransitionPlanRun, 'state' | 'done' | 'finishedAt'> & { planId: string },
  now: () => Date,
): Promise<RecordedPlanRun> {
  const { planId, ...run } = start;
  const ofThisRun = { _id: planId, 'run.reportId': run.reportId };
  await models.TransitionPlan.updateOne(
    { _id: planId },
    { $set: { run: { ...run, state: 'running', done: 0, finishedAt: null } satisfies TransitionPlanRun } },
  );
  // Only while the run is still recorded as running: a dossier still on its way when the run failed (the others
  // finish on their own) must not move the count of a run already ended.
  const progress = createRunProgress(async (done) => {
    await models.TransitionPlan.updateOne({ ...ofThisRun, 'run.state': 'running' }, { $set: { 'run.done': done } });
  });
  return {
    progress,
    async end(state) {
      await progress.settled();
      await models.TransitionPlan.updateOne(ofThisRun, {
        $set: {
          'run.state': state,
          'run.finishedAt': now(),
          ...(state === 'finished' ? { 'run.done': run.total } : {}),
        },
      });
    },
  };
}
