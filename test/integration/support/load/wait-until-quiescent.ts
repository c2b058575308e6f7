import { WorkflowExecutionStatusName } from '@temporalio/client';
import { getState, type DossierState } from '../../../../workflows/messages';
import type { LoadSystem } from './start-load-system';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const AHEAD_SWEEPS = 10;

/** What the wait reads: the read model, and the workflows through Temporal. */
export type QuiescenceSystem = Pick<LoadSystem, 'models' | 'temporal' | 'workflowIdOf'>;

/**
 * Waits until the read model has caught up with Temporal for every dossier: its document has the workflow state's
 * seq and owes no counter update (`slaPending`), and the audit log has one entry per history entry. A finished
 * workflow's state is its result (no worker needed); an open one's is queried. Resolves with the states (for the
 * checks that follow) and how long it took; rejects with the dossiers still behind after `timeoutMs`, and at once
 * (after AHEAD_SWEEPS sweeps) when a dossier's read model stays ahead of its workflow: a decision Temporal never
 * recorded, which no wait repairs.
 */
export async function waitUntilQuiescent(
  system: QuiescenceSystem,
  dossierIds: string[],
  timeoutMs: number,
): Promise<{ states: Map<string, DossierState>; ms: number; sweeps: number }> {
  const started = Date.now();
  const states = new Map<string, DossierState>();
  let behind = [...dossierIds];
  let sweeps = 0;
  let lagging: string[] = [];
  /** Sweeps in a row that found each dossier's read model ahead of its workflow. */
  const aheadFor = new Map<string, number>();
  while (behind.length > 0) {
    sweeps += 1;
    const views = new Map(
      (await system.models.DossierView.find({ _id: { $in: behind } }, { seq: 1, slaPending: 1 }).lean()).map((v) => [
        v._id,
        v,
      ]),
    );
    const audits = new Map(
      (
        await system.models.AuditEntry.aggregate<{ _id: string; n: number }>([
          { $match: { dossierId: { $in: behind } } },
          { $group: { _id: '$dossierId', n: { $sum: 1 } } },
        ])
      ).map((a) => [a._id, a.n]),
    );
    const still: string[] = [];
    lagging = [];
    for (let i = 0; i < behind.length; i += 8) {
      await Promise.all(
        behind.slice(i, i + 8).map(async (id) => {
          const state = await stateOf(system, id);
          const view = views.get(id);
          if (view && view.seq === state.seq && !view.slaPending && audits.get(id) === state.history.length) {
            states.set(id, state);
          } else {
            // The read model can only be ahead of the workflow while a decision is in flight; if it stays ahead, it
            // holds a decision Temporal never recorded, and waiting cannot help.
            const ahead = view !== undefined && view.seq > state.seq ? (aheadFor.get(id) ?? 0) + 1 : 0;
            aheadFor.set(id, ahead);
            if (ahead >= AHEAD_SWEEPS) {
              throw new Error(
                `the read model is ahead of the workflow: ${id} has view seq ${view!.seq}, workflow seq ${state.seq}` +
                  ` (audit entries ${audits.get(id) ?? 0}, history ${state.history.length})`,
              );
            }
            still.push(id);
            lagging.push(
              `${id}: view seq ${view?.seq ?? '-'} pending ${Boolean(view?.slaPending)} audit ${audits.get(id) ?? 0}, workflow seq ${state.seq}`,
            );
          }
        }),
      );
    }
    behind = still;
    if (behind.length === 0) break;
    if (Date.now() - started > timeoutMs)
      throw new Error(`not quiescent after ${timeoutMs} ms:\n${lagging.slice(0, 20).join('\n')}`);
    await sleep(500);
  }
  return { states, ms: Date.now() - started, sweeps };
}

async function stateOf(system: QuiescenceSystem, dossierId: string): Promise<DossierState> {
  const handle = system.temporal.workflow.getHandle(system.workflowIdOf(dossierId));
  const { status } = await handle.describe();
  const closed: WorkflowExecutionStatusName = 'COMPLETED';
  if (status.name === closed) return (await handle.result()) as DossierState;
  return handle.query(getState);
}
