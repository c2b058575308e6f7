import type { Collection } from 'mongoose';

import { isDuplicateKeyError } from './is-duplicate-key-error';

/**
 * Inserts `docs` unordered; documents whose `_id` (or other unique key) is already stored are skipped, so a retried or
 * repeated insert of the same entries (audit entries of a re-projected history, notifications of a retried activity)
 * adds only what is missing. Any other write error is thrown as the driver reports it, after the other documents
 * were inserted.
 */
export async function insertManyIgnoringDuplicates(collection: Collection, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    const reported = (error as { writeErrors?: unknown }).writeErrors;
    const writeErrors = Array.isArray(reported) ? reported : reported ? [reported] : [];
    const onlyDuplicates = writeErrors.length > 0 ? writeErrors.every(isDuplicateKeyError) : isDuplicateKeyError(error);
    if (!onlyDuplicates) throw error;
  }
}
