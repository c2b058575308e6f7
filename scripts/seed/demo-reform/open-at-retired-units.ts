import type { DossierStatus } from '../../../domain/process/dossier-state';
import type { Models } from '../../../storage/create-models';

const OPEN: DossierStatus[] = ['received', 'in_progress', 'awaiting_supplement'];

/**
 * How many open dossiers (read model) wait at a step whose unit was retired before `day` (its `effectiveTo` is
 * earlier), optionally only those under `scope` (their `unitChain` holds it): what a reform leaves stranded, which
 * only the retired unit's people could act on.
 */
export async function openAtRetiredUnits(models: Models, options: { day: string; scope?: string }): Promise<number> {
  const retired = await models.Unit.find({ effectiveTo: { $ne: null, $lt: options.day } }, { _id: 1 }).lean();
  return models.DossierView.countDocuments({
    status: { $in: OPEN },
    processingUnit: { $in: retired.map((u) => u._id) },
    ...(options.scope ? { unitChain: options.scope } : {}),
  });
}
