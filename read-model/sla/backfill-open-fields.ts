import type { Models } from '../../storage/create-models';
import type { Level } from '../../domain/process/process-definition';
import { openBucketOf } from './open-bucket-of';
import { openUnitsOf } from './open-units-of';

/**
 * Gives read-model documents projected before the open-unit fields and `openBucket` existed (see
 * DossierViewDoc.openProvince and .openBucket) those fields, from their unit chain, the units' levels and their due
 * times. Idempotent: reads only documents without the fields. Returns how many were updated.
 */
export async function backfillOpenFields(models: Models): Promise<number> {
  const levels = new Map((await models.Unit.find({}, { level: 1 }).lean()).map((u) => [u._id, u.level as Level]));
  const fields = { unitChain: 1, currentStep: 1, status: 1, dueAt: 1, nearDueAt: 1, timeliness: 1 };
  const missing = models.DossierView.find({ openProvince: { $exists: false } }, fields)
    .lean()
    .cursor({ batchSize: 1000 });
  const now = new Date();
  let updated = 0;
  for await (const doc of missing) {
    const units: Partial<Record<Level, string>> = {};
    for (const code of doc.unitChain ?? []) {
      const level = levels.get(code);
      if (level) units[level] ??= code;
    }
    const open = doc.currentStep !== null && doc.currentStep !== undefined;
    const res = await models.DossierView.updateOne(
      { _id: doc._id, openProvince: { $exists: false } },
      { $set: { ...openUnitsOf(open, units), openBucket: openBucketOf(doc, now) } },
    );
    updated += res.modifiedCount;
  }
  return updated;
}
