import type { Models } from '../../storage/create-models';
import { dossierSearchText } from './dossier-search-text';

/**
 * Gives the read-model documents projected before `searchText` existed their search field, from their code and
 * applicant summary, so the inbox search finds them too. Idempotent (only documents without the field are read);
 * run once at start by scripts/seed.ts. Returns how many were updated.
 */
export async function backfillSearchText(models: Models): Promise<number> {
  const missing = await models.DossierView.find({ searchText: { $exists: false } }, { _id: 1, applicant: 1 }).lean();
  let updated = 0;
  for (const doc of missing) {
    const res = await models.DossierView.updateOne(
      { _id: doc._id, searchText: { $exists: false } },
      { $set: { searchText: dossierSearchText(doc._id, doc.applicant ?? {}) } },
    );
    updated += res.modifiedCount;
  }
  return updated;
}
