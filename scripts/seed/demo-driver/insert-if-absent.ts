import type { Models } from '../../../storage/create-models';
import { isDuplicateKeyError } from '../../../storage/is-duplicate-key-error';

/** Keeps `value` under `key` in `settings` unless the key is there already (a demo loader's resumable marker). */
export async function insertIfAbsent(models: Models, key: string, value: string): Promise<void> {
  try {
    await models.Setting.create({ _id: key, value, createdAt: new Date() });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
