import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { ceilingAction, ceilingDossier } from '../engine-ceiling/workflows';
import { ACTIONS_PER_DOSSIER, type Dossier } from './phase-result';

/** The ceiling worker's task queue. */
export const CEILING_TASK_QUEUE = 'bench-engine-ceiling';

/** The five updates of one raw-ceiling dossier; the first one starts the workflow (update-with-start). */
export function rawDossier(temporal: Client): Dossier {
  const workflowId = `ceiling-${randomUUID()}`;
  const check = (n: number) => (taken: number) => {
    if (taken !== n) throw new Error(`${workflowId}: update ${n} answered ${taken}`);
  };
  const actions = Array.from({ length: ACTIONS_PER_DOSSIER }, (_, i): Dossier['actions'][number] => ({
    kind: i === 0 ? 'create' : i === 1 ? 'submit' : 'decision',
    run:
      i === 0
        ? async () =>
            check(1)(
              await temporal.workflow.executeUpdateWithStart(ceilingAction, {
                args: [1],
                startWorkflowOperation: new WithStartWorkflowOperation(ceilingDossier, {
                  workflowId,
                  taskQueue: CEILING_TASK_QUEUE,
                  args: [ACTIONS_PER_DOSSIER],
                  workflowIdConflictPolicy: 'FAIL',
                }),
              }),
            )
        : async () =>
            check(i + 1)(await temporal.workflow.getHandle(workflowId).executeUpdate(ceilingAction, { args: [i + 1] })),
  }));
  return { workflowId: () => workflowId, actions };
}
