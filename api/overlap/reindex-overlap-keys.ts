import type { Models } from '../../storage/create-models';
import type { FormRegistry } from '../registry/create-form-registry';
import type { OverlapChecker } from './create-overlap-checker';

/**
 * Adds every dossier of the read model to the overlap index (dossiers created before the index existed, an entry a
 * crash lost, or all of them after the overlap key changed): the citizen ids of its creation submission (the audit
 * log's record #1 names it), its programme, support type, units and dates; a closed one's outcome too. Idempotent
 * (insert-if-absent per key), safe while the API runs. Returns how many dossiers it read and indexed.
 */
export async function reindexOverlapKeys(deps: {
  models: Models;
  forms: FormRegistry;
  overlaps: OverlapChecker;
}): Promise<{ dossiers: number; indexed: number }> {
  const { models } = deps;
  let dossiers = 0;
  let indexed = 0;
  const views = models.DossierView.find(
    {},
    { programme: 1, facts: 1, receivingUnit: 1, unitChain: 1, openedAt: 1, closedAt: 1, outcome: 1 },
  )
    .lean()
    .cursor();
  for await (const view of views) {
    dossiers += 1;
    const created = await models.AuditEntry.findById(`${view._id}#1`, { submission: 1 }).lean();
    const ref = created?.submission;
    if (!ref?.id || !ref.form) continue;
    const submission = await models.Submission.findById(ref.id, { data: 1 }).lean();
    if (!submission) continue;
    const keys = deps.overlaps.keysOf(await deps.forms.get(ref.form), submission.data);
    if (keys.length === 0) continue;
    const supportType = view.facts?.supportType;
    await deps.overlaps.record(
      {
        dossierId: view._id,
        programme: view.programme,
        supportType: typeof supportType === 'string' ? supportType : null,
        unit: view.receivingUnit,
        units: view.unitChain,
        openedAt: view.openedAt,
      },
      keys,
    );
    if (view.closedAt) {
      await models.OverlapKey.updateMany(
        { dossierId: view._id, closedAt: null },
        { $set: { closedAt: view.closedAt, outcome: view.outcome } },
      );
    }
    indexed += 1;
  }
  return { dossiers, indexed };
}
