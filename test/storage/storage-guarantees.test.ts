import { randomUUID } from 'node:crypto';

import mongoose from 'mongoose';

import { DUPLICATE_KEY_CODE } from '../../storage/duplicate-key-code';

type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
type Db = ReturnType<MongoClient['db']>;
// Test documents: string ids and whatever fields a case writes (the driver's own Document type: values are `any`).
type Doc = mongoose.mongo.Document & { _id: string };

/**
 * The storage guarantees the engine relies on, each checked under real concurrency with an exact expected result,
 * against the embedded default (our patched FerretDB) or the database MONGODB_URI names (`npm run test:storage`).
 * The list is docs/servers.md "Storage guarantees"; each case names the code that relies on it.
 *
 * Concurrency is real: CLIENTS separate MongoClients (separate connections, as separate API and worker processes
 * would have), all started at once. Released FerretDB v1 fails most of these (see `npm run bench:storage`).
 */
const uri = process.env.HOSO_STORAGE_URI;
const label = process.env.HOSO_STORAGE_LABEL ?? 'the database under test';
const CLIENTS = 20;

let clients: MongoClient[] = [];
let dbName = '';
const db = (client = 0): Db => clients[client]!.db(dbName);
const collection = (name: string, client = 0) => db(client).collection<Doc>(name);
/** Runs `fn(client)` for every client at once and waits for all of them. */
const everyClient = <T>(fn: (client: number) => Promise<T>): Promise<T[]> => Promise.all(clients.map((_, i) => fn(i)));
/** The outcome of each call, fulfilled or rejected, without stopping at the first failure. */
const settleEveryClient = <T>(fn: (client: number) => Promise<T>) => Promise.allSettled(clients.map((_, i) => fn(i)));
const errorCode = (reason: unknown): unknown => (reason as { code?: unknown }).code;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeAll(async () => {
  if (!uri) throw new Error('HOSO_STORAGE_URI is not set: run this file in the jest project `storage`');
  dbName = `hoso_storage_${randomUUID().slice(0, 8)}`;
  clients = await Promise.all(
    range(1, CLIENTS).map(() => new mongoose.mongo.MongoClient(uri, { maxPoolSize: 2 }).connect()),
  );
});

afterAll(async () => {
  if (clients.length > 0)
    await db()
      .dropDatabase()
      .catch(() => undefined);
  await Promise.all(clients.map((c) => c.close()));
});

describe(`Storage guarantees on ${label}`, () => {
  test('concurrent $inc of one top-level field loses no increment (SLA counters, dossier numbers)', async () => {
    const c = collection('inc_top');
    await c.insertOne({ _id: 'n', n: 0 });
    await everyClient(async (i) => {
      for (let k = 0; k < 50; k += 1) await collection('inc_top', i).updateOne({ _id: 'n' }, { $inc: { n: 1 } });
    });
    expect(await c.findOne({ _id: 'n' })).toEqual({ _id: 'n', n: CLIENTS * 50 });
  });

  test('concurrent $inc of nested paths, up and down, keeps exact sums (sla_counters `c.<entry>` and `m.<month>.<verdict>`)', async () => {
    const c = collection('inc_nested');
    await c.insertOne({ _id: 'open', kind: 'open' });
    const entry = 'c.district_officer|district|housing|in_progress|not_due';
    await everyClient(async (i) => {
      const own = collection('inc_nested', i);
      for (let k = 0; k < 25; k += 1) {
        await own.updateOne({ _id: 'open' }, { $inc: { [entry]: 2, 'm.2026-12.onTime': 1 } });
        await own.updateOne({ _id: 'open' }, { $inc: { [entry]: -1, 'm.2026-12.late': 1 } });
      }
    });
    expect(await c.findOne({ _id: 'open' })).toEqual({
      _id: 'open',
      kind: 'open',
      c: { 'district_officer|district|housing|in_progress|not_due': CLIENTS * 25 },
      m: { '2026-12': { onTime: CLIENTS * 25, late: CLIENTS * 25 } },
    });
  });

  test('concurrent ordered bulkWrites of $inc upserts with $setOnInsert create each document once and keep every count (reconcile repairs, test timers)', async () => {
    const ids = ['["open","HN","HN-HD"]', '["open","*","HN-HD"]', '["finished","HN","HN-HD","housing"]'];
    await everyClient(async (i) => {
      for (let k = 0; k < 10; k += 1) {
        await collection('bulk_inc', i).bulkWrite(
          ids.flatMap((id) => [
            {
              updateOne: {
                filter: { _id: id },
                update: { $inc: { 'c.a': 1 }, $setOnInsert: { kind: 'open', scope: id } },
                upsert: true,
              },
            },
            { updateOne: { filter: { _id: id }, update: { $inc: { 'c.b': 2, 'c.a': -1 } }, upsert: true } },
            { updateOne: { filter: { _id: id }, update: { $inc: { 'c.a': 1 } }, upsert: true } },
          ]),
          { ordered: true },
        );
      }
    });
    const docs = await collection('bulk_inc').find({}).sort({ _id: 1 }).toArray();
    expect(docs).toEqual(
      [...ids].sort().map((id) => ({ _id: id, kind: 'open', scope: id, c: { a: CLIENTS * 10, b: CLIENTS * 20 } })),
    );
  });

  test('an update filtered on a token not yet applied takes effect once, whoever repeats it at once; an upsert that meets the document answers 11000 (SLA counter updates of the projection, per token)', async () => {
    // writeCountedView's counter step (counted-view-store.ts): upsert filtered on `t.<token>` absent, and on E11000 the
    // same filter without upsert. Every client applies the same two tokens to one existing and one new counter.
    const c = collection('token_apply');
    await c.insertOne({ _id: 'existing', kind: 'open', c: { a: 10 } });
    const apply = async (client: number, id: string, token: string) => {
      const own = collection('token_apply', client);
      const filter = { _id: id, [`t.${token}`]: { $exists: false } };
      const update = { $inc: { 'c.a': 1 }, $set: { [`t.${token}`]: 1 } };
      try {
        await own.updateOne(filter, { ...update, $setOnInsert: { kind: 'open' } }, { upsert: true });
        return 'upserted or updated';
      } catch (error) {
        if (errorCode(error) !== DUPLICATE_KEY_CODE) throw error;
        return (await own.updateOne(filter, update)).modifiedCount === 1 ? 'updated after 11000' : 'already applied';
      }
    };
    await everyClient(async (i) => {
      for (const token of ['x1', 'x2']) for (const id of ['existing', 'new']) await apply(i, id, token);
    });
    expect(await c.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'existing', kind: 'open', c: { a: 12 }, t: { x1: 1, x2: 1 } },
      { _id: 'new', kind: 'open', c: { a: 2 }, t: { x1: 1, x2: 1 } },
    ]);
    // The document exists and holds the token: the upsert must neither apply again nor create a second document.
    await expect(
      collection('token_apply', 1).updateOne(
        { _id: 'existing', 't.x1': { $exists: false } },
        { $inc: { 'c.a': 1 } },
        { upsert: true },
      ),
    ).rejects.toMatchObject({ code: DUPLICATE_KEY_CODE });
    expect(await c.countDocuments({})).toBe(2);
  });

  test('a bulk write of token-filtered upserts, repeated at once by every client with one write per document after any error, applies each token once per document (SLA counter updates of the projection, one command in the common case)', async () => {
    // counted-view-store.ts applyCounterUpdates: one unordered bulk of the per-document updates; on any error (a
    // document that holds the token, a concurrent creation) every update again one by one, as in the test above.
    const c = collection('token_bulk');
    await c.insertOne({ _id: 'existing', kind: 'open', c: { a: 10 } });
    const ids = ['existing', 'new-1', 'new-2'];
    const apply = async (client: number, token: string) => {
      const own = collection('token_bulk', client);
      const ops = ids.map((id) => ({
        filter: { _id: id, [`t.${token}`]: { $exists: false } },
        update: { $inc: { 'c.a': 1 }, $set: { [`t.${token}`]: 1 } },
      }));
      try {
        await own.bulkWrite(
          ops.map(({ filter, update }) => ({
            updateOne: { filter, update: { ...update, $setOnInsert: { kind: 'open' } }, upsert: true },
          })),
          { ordered: false },
        );
        return;
      } catch {
        // one by one below
      }
      for (const { filter, update } of ops) {
        try {
          await own.updateOne(filter, { ...update, $setOnInsert: { kind: 'open' } }, { upsert: true });
        } catch (error) {
          if (errorCode(error) !== DUPLICATE_KEY_CODE) throw error;
          await own.updateOne(filter, update);
        }
      }
    };
    await everyClient(async (i) => {
      for (const token of ['x1', 'x2', 'x3']) await apply(i, token);
    });
    expect(await c.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'existing', kind: 'open', c: { a: 13 }, t: { x1: 1, x2: 1, x3: 1 } },
      { _id: 'new-1', kind: 'open', c: { a: 3 }, t: { x1: 1, x2: 1, x3: 1 } },
      { _id: 'new-2', kind: 'open', c: { a: 3 }, t: { x1: 1, x2: 1, x3: 1 } },
    ]);
  });

  test('concurrent findOneAndUpdate $inc upserts hand out every number from 1 to N exactly once (dossier numbers per unit and year)', async () => {
    const numbers = (
      await everyClient(async (i) => {
        const got: number[] = [];
        for (let k = 0; k < 25; k += 1) {
          const doc = await collection('sequence', i).findOneAndUpdate(
            { _id: 'dossier:HN-HD-HC:2026' },
            { $inc: { value: 1 } },
            { upsert: true, returnDocument: 'after' },
          );
          got.push(doc?.value as number);
        }
        return got;
      })
    ).flat();
    expect(numbers.sort((a, b) => a - b)).toEqual(range(1, CLIENTS * 25));
  });

  test('concurrent findOneAndUpdate guarded by seq returns each replaced version to exactly one writer (read-model projection)', async () => {
    // Every client tries to move the document to its own seq; the guard lets a write through only over a lower seq.
    // The winners, ordered by their seq, must form one chain: each returned `before` is the previous winner's write.
    const c = collection('seq_guard');
    await c.insertOne({ _id: 'd', seq: 0 });
    const seqs = range(1, CLIENTS).sort(() => Math.random() - 0.5);
    const outcomes = await everyClient(async (i) => {
      const seq = seqs[i]!;
      const before = await collection('seq_guard', i).findOneAndUpdate(
        { _id: 'd', seq: { $lt: seq } },
        { $set: { seq } },
        { returnDocument: 'before' },
      );
      return { seq, before: before ? (before.seq as number) : null };
    });
    const winners = outcomes.filter((o) => o.before !== null).sort((a, b) => a.seq - b.seq);
    expect(winners.length).toBeGreaterThan(0);
    expect(winners.map((w) => w.before)).toEqual([0, ...winners.slice(0, -1).map((w) => w.seq)]);
    for (const loser of outcomes.filter((o) => o.before === null))
      expect(loser.seq).toBeLessThan(winners[winners.length - 1]!.seq);
    expect(await c.findOne({ _id: 'd' })).toEqual({ _id: 'd', seq: CLIENTS });
  });

  test.each(range(1, 5))(
    'concurrent updates filtered on the version they read have exactly one winner (round %i; admin edits, idempotency take-over)',
    async (round) => {
      const c = collection('version_guard');
      const id = `v${round}`;
      await c.insertOne({ _id: id, version: 0, by: null });
      const results = await everyClient((i) =>
        collection('version_guard', i).updateOne({ _id: id, version: 0 }, { $set: { version: 1, by: i } }),
      );
      const winners = results.flatMap((r, i) => (r.modifiedCount === 1 ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.reduce((sum, r) => sum + r.matchedCount, 0)).toBe(1);
      expect(await c.findOne({ _id: id })).toEqual({ _id: id, version: 1, by: winners[0] });
    },
  );

  test('concurrent replaceOne filtered on updatedAt has exactly one winner (calendar edits)', async () => {
    const c = collection('calendar');
    const read = new Date('2026-01-01T00:00:00Z');
    await c.insertOne({ _id: 'HN:2026', updatedAt: read, daysOff: [] });
    const results = await everyClient((i) =>
      collection('calendar', i).replaceOne(
        { _id: 'HN:2026', updatedAt: read },
        { updatedAt: new Date(read.getTime() + i + 1), daysOff: [`2026-02-${10 + i}`], by: i },
      ),
    );
    const winners = results.flatMap((r, i) => (r.matchedCount === 1 ? [i] : []));
    expect(winners).toHaveLength(1);
    const w = winners[0]!;
    expect(await c.findOne({ _id: 'HN:2026' })).toEqual({
      _id: 'HN:2026',
      updatedAt: new Date(read.getTime() + w + 1),
      daysOff: [`2026-02-${10 + w}`],
      by: w,
    });
  });

  test('concurrent upserts of one new _id create it once, raise no duplicate-key error and keep every increment (migrations, counters)', async () => {
    const results = await settleEveryClient((i) =>
      collection('upsert_new', i).updateOne(
        { _id: 'fresh' },
        { $inc: { v: 1 }, $setOnInsert: { createdBy: 'first' } },
        { upsert: true },
      ),
    );
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => errorCode((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const upserted = results.filter((r) => r.status === 'fulfilled' && r.value.upsertedCount === 1);
    expect(upserted).toHaveLength(1);
    expect(await collection('upsert_new').findOne({ _id: 'fresh' })).toEqual({
      _id: 'fresh',
      v: CLIENTS,
      createdBy: 'first',
    });
  });

  test('concurrent inserts of one _id: exactly one succeeds, every other fails with duplicate key 11000 (idempotency claims, sessions, settings)', async () => {
    const results = await settleEveryClient((i) => collection('insert_same_id', i).insertOne({ _id: 'claim', by: i }));
    const ok = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(ok).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => errorCode((r as PromiseRejectedResult).reason)),
    ).toEqual(Array(CLIENTS - 1).fill(DUPLICATE_KEY_CODE));
    expect(await collection('insert_same_id').find({}).toArray()).toEqual([{ _id: 'claim', by: ok[0] }]);
  });

  test('a unique compound index admits exactly one of concurrent inserts of one key (form and process versions, usernames, unit codes)', async () => {
    const c = collection('unique_index');
    await c.createIndex({ key: 1, version: -1 }, { unique: true });
    const results = await settleEveryClient((i) =>
      collection('unique_index', i).insertOne({ _id: `doc-${i}`, key: 'housing-review', version: 2 }),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => errorCode((r as PromiseRejectedResult).reason)),
    ).toEqual(Array(CLIENTS - 1).fill(DUPLICATE_KEY_CODE));
    expect(await c.countDocuments({ key: 'housing-review', version: 2 })).toBe(1);
  });

  test('concurrent unordered insertMany with overlapping ids stores their union once and reports only duplicate keys (audit entries, notifications)', async () => {
    // Client i inserts entries i .. i+4 of one dossier's history: neighbours overlap, as re-projections do.
    const results = await settleEveryClient((i) =>
      collection('insert_many', i).insertMany(
        range(i, i + 4).map((seq) => ({ _id: `HN-HD-HC-2026-00001#${seq}`, seq })),
        { ordered: false },
      ),
    );
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      const reason = r.reason as { writeErrors?: { code: number }[] | { code: number } };
      const writeErrors = Array.isArray(reason.writeErrors)
        ? reason.writeErrors
        : reason.writeErrors
          ? [reason.writeErrors]
          : [];
      expect(writeErrors.length).toBeGreaterThan(0);
      expect(new Set(writeErrors.map((e) => e.code))).toEqual(new Set([DUPLICATE_KEY_CODE]));
    }
    const seqs = (await collection('insert_many').find({}).toArray()).map((d) => d.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(range(0, CLIENTS + 3));
  });

  test('concurrent $addToSet, $push and $pull on one array lose no element (grants, notifications read by)', async () => {
    type Grant = { role: string; unitCode: string };
    const arrays = (client = 0) => db(client).collection<{ _id: string; readBy: string[]; grants: Grant[] }>('arrays');
    const c = arrays();
    await c.insertOne({ _id: 'user', readBy: [], grants: [] });
    await everyClient(async (i) => {
      const own = arrays(i);
      await own.updateOne({ _id: 'user' }, { $addToSet: { readBy: `u${i % 10}` } });
      await own.updateOne({ _id: 'user' }, { $push: { grants: { role: 'commune_officer', unitCode: `U${i}` } } });
    });
    const after = await c.findOne({ _id: 'user' });
    expect([...(after?.readBy as string[])].sort()).toEqual(
      range(0, 9)
        .map((i) => `u${i}`)
        .sort(),
    );
    expect((after?.grants as { unitCode: string }[]).map((g) => g.unitCode).sort()).toEqual(
      range(0, CLIENTS - 1)
        .map((i) => `U${i}`)
        .sort(),
    );
    await everyClient((i) =>
      arrays(i).updateOne({ _id: 'user' }, { $pull: { grants: { role: 'commune_officer', unitCode: `U${i}` } } }),
    );
    expect((await c.findOne({ _id: 'user' }))?.grants).toEqual([]);
  });

  test('an updateMany and single updates racing on one precondition move each document exactly once (submissions attached or discarded)', async () => {
    const c = collection('state_race');
    const n = 60;
    await c.insertMany(range(1, n).map((k) => ({ _id: `s${k}`, state: 'pending' })));
    const results = await everyClient(async (i) => {
      if (i % 2 === 0) {
        const r = await collection('state_race', i).updateMany(
          { _id: { $in: range(1, n).map((k) => `s${k}`) }, state: 'pending' },
          { $set: { state: 'attached', by: i } },
        );
        return r.modifiedCount;
      }
      let moved = 0;
      for (let k = i; k <= n; k += CLIENTS) {
        const r = await collection('state_race', i).updateOne(
          { _id: `s${k}`, state: 'pending' },
          { $set: { state: 'discarded', by: i } },
        );
        moved += r.modifiedCount;
      }
      return moved;
    });
    expect(results.reduce((a, b) => a + b, 0)).toBe(n);
    expect(await c.countDocuments({ state: 'pending' })).toBe(0);
    expect(await c.countDocuments({ state: { $in: ['attached', 'discarded'] } })).toBe(n);
  });

  test('delete-if-expired then insert lets exactly one of concurrent claimants take over an expired claim (idempotency keys)', async () => {
    const c = collection('expired_claim');
    await c.insertOne({ _id: 'key', createdAt: new Date(0), by: 'old' });
    const results = await settleEveryClient(async (i) => {
      const own = collection('expired_claim', i);
      await own.deleteOne({ _id: 'key', createdAt: { $lt: new Date(Date.now() - 60_000) } });
      await own.insertOne({ _id: 'key', createdAt: new Date(), by: `client-${i}` });
      return i;
    });
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(ok).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => errorCode((r as PromiseRejectedResult).reason)),
    ).toEqual(Array(CLIENTS - 1).fill(DUPLICATE_KEY_CODE));
    expect((await c.findOne({ _id: 'key' }))?.by).toBe(`client-${ok[0]}`);
  });

  test('an acknowledged write is seen by the next read on another connection (API after worker, worker after API)', async () => {
    const c = collection('read_after_write');
    for (let k = 1; k <= 100; k += 1) {
      const writer = k % CLIENTS;
      const reader = (k * 7 + 3) % CLIENTS;
      await collection('read_after_write', writer).updateOne({ _id: 'doc' }, { $set: { seq: k } }, { upsert: true });
      expect((await collection('read_after_write', reader).findOne({ _id: 'doc' }))?.seq).toBe(k);
    }
    expect(await c.countDocuments({})).toBe(1);
  });
});
