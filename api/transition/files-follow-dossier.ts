import { collectFileRefs } from '../../forms/collect-file-refs';
import type { Models } from '../../storage/create-models';
import type { FormRegistry } from '../registry/create-form-registry';

/**
 * After a transfer, the dossier's attachments follow it: the units of its new chain join each file's readers and the
 * units it left (`oldUnits` not in `newUnits`) leave them, as a file is readable by whoever may read its dossier
 * (storeSubmission). Idempotent (`$addToSet`, then `$pullAll`), so a re-run of the plan leaves the same state; the new
 * readers are added first, so the file is never without the dossier's units in between.
 */
export async function filesFollowDossier(
  deps: { models: Models; forms: FormRegistry },
  dossierId: string,
  oldUnits: readonly string[],
  newUnits: readonly string[],
): Promise<number> {
  const submissions = await deps.models.Submission.find(
    { dossierId, state: { $ne: 'discarded' } },
    { form: 1, data: 1 },
  ).lean();
  const fileIds = new Set<string>();
  for (const submission of submissions) {
    const { uiSchema } = await deps.forms.get(submission.form);
    for (const ref of collectFileRefs(uiSchema, submission.data)) fileIds.add(ref.fileId);
  }
  if (fileIds.size === 0) return 0;
  const ids = [...fileIds];
  await deps.models.StoredFile.updateMany(
    { _id: { $in: ids } },
    { $addToSet: { unitChain: { $each: [...newUnits] } } },
  );
  const left = oldUnits.filter((u) => !newUnits.includes(u));
  if (left.length > 0) {
    await deps.models.StoredFile.updateMany({ _id: { $in: ids } }, { $pullAll: { unitChain: left } });
  }
  return ids.length;
}
