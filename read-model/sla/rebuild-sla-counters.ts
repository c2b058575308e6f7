import type { Models } from '../../storage/create-models';
import { dropCollection } from '../../storage/drop-collection';
import { recountSlaCounters } from './recount-sla-counters';

/**
 * Recounts the SLA counters from the read model (its open and finished dossiers) and replaces them: the repair for
 * counters that
 * missed an update and the first build for a database projected before
 * the counters existed. Reads every dossier once, so it is an offline operation at scale (run it with the workers
 * stopped: updates made meanwhile would be lost); `onProgress` reports the dossiers read. Returns how many dossiers
 * were counted and how many counter documents were written.
 */
export async function rebuildSlaCounters(
  models: Models,
  onProgress?: (read: number) => void,
): Promise<{ dossiers: number; counters: number }> {
  // The recount counts each document as it is, so the counter updates still pending in it are void.
  await models.DossierView.updateMany({ slaPending: { $ne: null } }, { $set: { slaPending: null } });
  const { dossiers, counters } = await recountSlaCounters(models, onProgress);
  await dropCollection(models.SlaCounter);
  const rows = [...counters.values()];
  for (let i = 0; i < rows.length; i += 1000)
    await models.SlaCounter.collection.insertMany(rows.slice(i, i + 1000) as never[], { ordered: false });
  await models.SlaCounter.createIndexes();
  return { dossiers, counters: rows.length };
}
