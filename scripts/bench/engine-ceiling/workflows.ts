// The raw ceiling of `npm run bench:engine`: the least a Temporal workflow can do for one dossier of five human
// actions. Each action is one update whose handler runs one no-op activity and returns; the workflow ends once the
// last update has been answered. Imports only @temporalio/workflow, so the SDK's bundler takes it as it is.
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** One human action: the argument is the action's number (1-5), the answer how many actions the dossier has taken. */
export const ceilingAction = defineUpdate<number, [number]>('ceilingAction');

const { noop } = proxyActivities<{ noop(action: number): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function ceilingDossier(actions: number): Promise<number> {
  let taken = 0;
  setHandler(ceilingAction, async (action: number) => {
    await noop(action);
    taken += 1;
    return taken;
  });
  await condition(() => taken >= actions);
  await condition(allHandlersFinished);
  return taken;
}
