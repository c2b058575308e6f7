import { randomUUID } from 'node:crypto';

import type { Connection } from 'mongoose';

/** Raised at start when the database loses concurrent updates: nothing the engine counts could be trusted on it. */
export class StorageGuaranteeError extends Error {
  override name = 'StorageGuaranteeError';
}

/**
 * A quick check, run at start (scripts/seed.ts, before the API serves anything), that the database keeps concurrent
 * single-document updates: `writers` concurrent `$inc` on one scratch document over the connection's pool, then
 * the count is compared. A released FerretDB v1 fails it almost always (docs/servers.md "Storage guarantees"); our
 * patched build and MongoDB never do. "Almost": a single probe now and then loses nothing by luck (seen once in a
 * CI run of the five-round test), so the probe runs `probes` times and one loss is enough to refuse. It cannot prove
 * atomicity (the storage conformance suite does that, `npm run test:storage`), only catch the misconfiguration. The
 * scratch document is removed afterwards, also on failure. Throws StorageGuaranteeError when increments were lost;
 * database errors propagate as they are.
 */
export async function checkAtomicWrites(connection: Connection, writers = 16, each = 4, probes = 3): Promise<void> {
  for (let probe = 0; probe < probes; probe += 1) await probeAtomicIncrements(connection, writers, each);
}

async function probeAtomicIncrements(connection: Connection, writers: number, each: number): Promise<void> {
  const collection = connection.db!.collection<{ _id: string; n?: number }>('storage_checks');
  const _id = `atomic-inc:${randomUUID()}`;
  try {
    await collection.insertOne({ _id, n: 0 });
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let k = 0; k < each; k += 1) await collection.updateOne({ _id }, { $inc: { n: 1 } });
      }),
    );
    const n = (await collection.findOne({ _id }))?.n ?? 0;
    if (n !== writers * each) {
      throw new StorageGuaranteeError(
        `the database lost concurrent updates (${writers * each} increments, ${n} kept): it is not safe for hoso. ` +
          'A released FerretDB v1 does this; use the patched build that `npm start` installs, or MongoDB (docs/servers.md, "Storage guarantees").',
      );
    }
  } finally {
    await collection.deleteOne({ _id }).catch(() => undefined);
  }
}
