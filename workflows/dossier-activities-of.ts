import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { DossierActivities } from '../activities/dossier-activities';

/**
 * Activities retry until they succeed: all are idempotent (the read model ignores stale seq numbers, due times
 * are pure functions of their input, notifications have derived ids), and giving up would leave the read model
 * behind the workflow. While the database is down a decision therefore stays in flight; the API answers 202 after
 * its own wait. Input an activity cannot use fails it without retry: the decision that needed it is refused (see
 * refusalOfActivity), or the dossier is flagged for an operator (see createAttention).
 */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const remoteActivities = proxyActivities<DossierActivities>({ startToCloseTimeout: '30 seconds', retry });
/**
 * The same activities as local activities: they run in this worker within the workflow task that asks for them,
 * so a decision (due time, projection) costs one workflow task instead of a scheduled activity task per step
 * and the workflow task that follows each. Past `localRetryThreshold` a retry waits on a durable timer, so a long
 * database outage behaves as it does with remote activities.
 */
const localActivities = proxyLocalActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry,
});

/**
 * The local activities of runs that flag dossiers for an operator (ATTENTION_PATCH): the same retries, bounded to
 * ATTEMPT_WINDOW per call, after which the dossier is flagged and the call is made again (createAttention).
 */
const ATTEMPT_WINDOW = '5 minutes';
const attendedActivities = proxyLocalActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: ATTEMPT_WINDOW,
  localRetryThreshold: '10 seconds',
  retry,
});
/**
 * The projection of those runs, as a scheduled (not local) activity. A local activity runs inside the workflow task
 * that asks for it, and a decision's update is not durable until that task completes: when Temporal drops the task
 * (the caller of an update that was never accepted went away), the update never happened, but a local projection
 * would already have written its read model and audit entry — a phantom decision the fault run found, which the API
 * then believed. A scheduled activity starts only once the task, and the update with it, is in the history.
 */
const attendedProjection = proxyActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: ATTEMPT_WINDOW,
  retry,
});

/**
 * The activities a run calls: remote ones in runs recorded before LOCAL_ACTIVITIES_PATCH, local ones after it, and
 * the attended ones (bounded attempts, the projection scheduled) in runs with ATTENTION_PATCH.
 */
export function dossierActivitiesOf(local: boolean, attending: boolean) {
  // (Activity proxies have no own properties to spread: each function is taken by name.)
  const chosen = attending ? attendedActivities : local ? localActivities : remoteActivities;
  const { computeDueAt, computeReminderAt, computeScheduledDue, shiftDueTimes, notify } = chosen;
  const projectDossier = attending ? attendedProjection.projectDossier : chosen.projectDossier;
  return { computeDueAt, computeReminderAt, computeScheduledDue, shiftDueTimes, notify, projectDossier };
}
