import type { Model } from 'mongoose';

/**
 * Empties a collection by dropping it (its indexes too: call createIndexes after refilling it). FerretDB v1 cannot
 * `deleteMany({})` a large collection: it deletes by listing every _id in one SQL statement, which fails beyond
 * SQLite's variable limit. A collection that does not exist is fine.
 */
export async function dropCollection<T>(model: Model<T>): Promise<void> {
  try {
    await model.collection.drop();
  } catch (error) {
    if ((error as { codeName?: string }).codeName !== 'NamespaceNotFound') throw error;
  }
}
