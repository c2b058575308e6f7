import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

/**
 * The next number of the unit's register for `year` (1, 2, …), as the dossier id `<unit>-<year>-<00001>`. One atomic
 * `$inc` upsert per number, so concurrent creations in one unit get distinct, consecutive numbers — a guarantee
 * MongoDB gives and the embedded FerretDB gives since its write lock (proven by the storage suite and
 * test/integration/concurrent-edits). A duplicate-key error of the upsert (two first numbers of a year at once, on a
 * server that does not retry it itself) is retried: the counter then exists, so the retry is a plain increment. Gaps
 * appear only where a workflow start fails after the number was taken.
 */
export async function nextDossierId(models: Models, unitCode: string, year: number): Promise<string> {
  const increment = () =>
    models.Counter.findOneAndUpdate(
      { _id: `dossier:${unitCode}:${year}` },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
  let counter;
  try {
    counter = await increment();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    counter = await increment();
  }
  if (!counter) throw new Error(`the dossier counter of ${unitCode} ${year} returned no document`);
  return `${unitCode}-${year}-${String(counter.value).padStart(5, '0')}`;
}
