import fc from 'fast-check';
import { mongo } from 'mongoose';

import { dossierViewSchema } from '../../storage/dossier-view-schema';
import { openUnderFilter } from '../../read-model/sla/open-under-filter';
import { searchConditions } from '../../api/inbox/create-inbox-router';
import { inboxMatch } from '../../api/inbox/sign-off-inbox';
import { afterDueCursor, type DueCursor } from '../../api/paging/due-cursor';
import { openTimelinessFilter } from '../../api/sla/open-timeliness-filter';
import { sortKeyOf } from './differential/ferretdb-sort-key';
import {
  documents,
  findSpec,
  programmeValue,
  roleValue,
  unitValue,
  writeSpec,
  type Doc,
  type FindSpec,
  type SortSpec,
} from './differential/read-model-arbitraries';

/**
 * Differential test of our FerretDB patch (scripts/servers/ferretdb/pushdown.go and sqlite-pushdown.patch): the
 * patched build and the same FerretDB version as released get the same random documents, indexes, queries and
 * writes, and must answer the same, order included. The patch pushes a superset of each filter down to SQLite and
 * may return documents already sorted by SQL; a missed document, an extra one or a wrong order is a bug in it.
 *
 * Runs only on the embedded default (test/storage/harness/storage-global-setup.ts starts both builds); with
 * MONGODB_URI set there is nothing to compare, and the test skips itself.
 *
 * A failure prints fast-check's seed and path; to replay it exactly, run with HOSO_FC_SEED=<seed> HOSO_FC_PATH=<path>.
 * HOSO_FC_RUNS=<n> multiplies the number of runs of each property (default 1), for a longer hunt.
 */

const patchedUri = process.env.HOSO_TEST_FERRETDB_PATCHED_URI;
const upstreamUri = process.env.HOSO_TEST_FERRETDB_UPSTREAM_URI;

/** The read model's own indexes: SQLite's plan, so what the pushdown returns and in which order, depends on them. */
const INDEXES: mongo.IndexDescription[] = dossierViewSchema.indexes().map(([key, options]) => ({
  key: key as Record<string, 1 | -1>,
  ...(options.unique === true ? { unique: true } : {}),
}));

const RUNS_FACTOR = Number(process.env.HOSO_FC_RUNS ?? '1');

/** fast-check parameters: a bounded number of runs, or a replay of a reported failure. */
function fcParams<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.HOSO_FC_SEED;
  const path = process.env.HOSO_FC_PATH;
  return {
    numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(path !== undefined ? { path } : {}),
    // Shrinking talks to two servers per step; keep a failure's report within the test's timeout.
    interruptAfterTimeLimit: 100_000,
    markInterruptAsFailure: false,
  };
}

/** Canonical Extended JSON: keeps the BSON type of every value (int32, long and double stay apart) and field order. */
const ejson = (doc: mongo.Document): string => mongo.BSON.EJSON.stringify(doc, { relaxed: false });

/** What a server answered: the value, or the server's error (both builds must fail alike). */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof mongo.MongoServerError) return { ok: false, error: `${String(error.code)} ${error.message}` };
    throw error;
  }
}

/** Both builds' answers, started together. */
async function both<T>(
  run: (collection: mongo.Collection<Doc>) => Promise<T>,
  pair: Pair,
): Promise<[Outcome<T>, Outcome<T>]> {
  return Promise.all([outcome(() => run(pair.patched)), outcome(() => run(pair.upstream))]);
}

interface Pair {
  patched: mongo.Collection<Doc>;
  upstream: mongo.Collection<Doc>;
}

const SKIPPED =
  'the FerretDB pushdown differential test is skipped: MONGODB_URI is set, and the test compares the patched and the released FerretDB builds, which only the embedded default starts';
const bothBuilds = Boolean(patchedUri && upstreamUri);
if (!bothBuilds) console.warn(SKIPPED);

(bothBuilds ? describe : describe.skip)(
  bothBuilds ? 'FerretDB with our pushdown patch answers like FerretDB as released' : SKIPPED,
  () => {
    let patchedClient: mongo.MongoClient;
    let upstreamClient: mongo.MongoClient;
    const dbName = `pushdown_differential_${process.pid}`;
    let runNumber = 0;

    beforeAll(async () => {
      patchedClient = new mongo.MongoClient(patchedUri ?? '');
      upstreamClient = new mongo.MongoClient(upstreamUri ?? '');
      await Promise.all([patchedClient.connect(), upstreamClient.connect()]);
    });

    afterAll(async () => {
      await Promise.all([patchedClient.db(dbName).dropDatabase(), upstreamClient.db(dbName).dropDatabase()]);
      await Promise.all([patchedClient.close(), upstreamClient.close()]);
    });

    /** A fresh collection on each build with the read model's indexes and the same documents, dropped afterwards. */
    async function withCollections(docs: Doc[], body: (pair: Pair) => Promise<void>): Promise<void> {
      const name = `run_${++runNumber}`;
      const pair: Pair = {
        patched: patchedClient.db(dbName).collection<Doc>(name),
        upstream: upstreamClient.db(dbName).collection<Doc>(name),
      };
      await Promise.all(
        [pair.patched, pair.upstream].map(async (collection) => {
          await collection.createIndexes(INDEXES);
          if (docs.length > 0) await collection.insertMany(docs);
        }),
      );
      try {
        await body(pair);
      } finally {
        await Promise.all([pair.patched.drop(), pair.upstream.drop()]);
      }
    }

    function find(collection: mongo.Collection<Doc>, spec: FindSpec): Promise<mongo.Document[]> {
      const options: mongo.FindOptions = {
        promoteValues: false,
        ...(spec.batchSize ? { batchSize: spec.batchSize } : {}),
      };
      let cursor = collection.find(spec.filter, options);
      if (spec.sort) cursor = cursor.sort(spec.sort);
      if (spec.skip > 0) cursor = cursor.skip(spec.skip);
      if (spec.limit > 0) cursor = cursor.limit(spec.limit);
      return cursor.toArray();
    }

    async function readAll(pair: Pair): Promise<void> {
      const [patched, upstream] = await both(
        (c) => find(c, { filter: {}, sort: [['_id', 1]], skip: 0, limit: 0, batchSize: undefined }),
        pair,
      );
      expect(show(patched)).toEqual(show(upstream));
    }

    async function expectSameFind(pair: Pair, spec: FindSpec): Promise<void> {
      const [patched, upstream] = await both((c) => find(c, spec), pair);
      if (!patched.ok || !upstream.ok) {
        expect(show(patched)).toEqual(show(upstream));
        return;
      }
      if (spec.sort?.some(([field]) => field === '_id')) {
        // _id is unique, so the sort decides the whole order: the results must be the same, byte for byte.
        expect(patched.value.map(ejson)).toEqual(upstream.value.map(ejson));
        return;
      }
      // Without _id, documents whose sort keys are equal (and, without a sort, all documents) may come in any
      // order: MongoDB leaves it unspecified, and each build reads its candidates in the order its SQL plan gives
      // (the patched one through the read model's indexes). So the sequence of sort keys must be the same and each
      // group of ties the same set. A group cut by skip or limit may hold different members of the tie, each of
      // which must be in the whole result (compared the same way, uncut).
      const whole = { ...spec, skip: 0, limit: 0 };
      if (spec.skip > 0 || spec.limit > 0) await expectSameFind(pair, whole);
      const wholeResult = spec.skip > 0 || spec.limit > 0 ? await find(pair.upstream, whole) : upstream.value;
      const everything = new Set(wholeResult.map(ejson));
      const sort: SortSpec = spec.sort ?? [];
      const keyOf = (doc: mongo.Document) => sortKeyOf(doc, sort);
      expect(patched.value.map(keyOf)).toEqual(upstream.value.map(keyOf));
      const cutAtEnd = spec.limit > 0 && upstream.value.length === spec.limit;
      const groups = tieGroups(upstream.value.map(keyOf));
      for (const [index, [start, end]] of groups.entries()) {
        const mine = patched.value.slice(start, end).map(ejson).sort();
        const theirs = upstream.value.slice(start, end).map(ejson).sort();
        const cut = (index === 0 && spec.skip > 0) || (index === groups.length - 1 && cutAtEnd);
        if (cut) {
          for (const doc of [...mine, ...theirs])
            expect(everything.has(doc) ? 'in the whole result' : doc).toBe('in the whole result');
        } else {
          expect(mine).toEqual(theirs);
        }
      }
    }

    test('find returns the same documents in the same order, for random filters, sorts, skips and limits', async () => {
      await fc.assert(
        fc.asyncProperty(documents, fc.array(findSpec, { minLength: 1, maxLength: 6 }), async (docs, specs) => {
          await withCollections(docs, async (pair) => {
            for (const spec of specs) await expectSameFind(pair, spec);
          });
        }),
        fcParams(100),
      );
    });

    test('countDocuments counts the same, with and without skip and limit', async () => {
      await fc.assert(
        fc.asyncProperty(documents, fc.array(findSpec, { minLength: 1, maxLength: 6 }), async (docs, specs) => {
          await withCollections(docs, async (pair) => {
            for (const { filter, skip, limit } of specs) {
              const options: mongo.CountDocumentsOptions = {
                ...(skip > 0 ? { skip } : {}),
                ...(limit > 0 ? { limit } : {}),
              };
              const [patched, upstream] = await both((c) => c.countDocuments(filter, options), pair);
              expect(patched).toEqual(upstream);
            }
          });
        }),
        fcParams(30),
      );
    });

    test('updateMany and deleteMany change the same documents, as a full read of both collections shows', async () => {
      await fc.assert(
        fc.asyncProperty(documents, fc.array(writeSpec, { minLength: 1, maxLength: 4 }), async (docs, writes) => {
          await withCollections(docs, async (pair) => {
            for (const write of writes) {
              const [patched, upstream] = await both(async (c) => {
                if (write.kind === 'deleteMany') return (await c.deleteMany(write.filter)).deletedCount;
                const { matchedCount, modifiedCount } = await c.updateMany(write.filter, write.update);
                return { matchedCount, modifiedCount };
              }, pair);
              expect(patched).toEqual(upstream);
              await readAll(pair);
            }
          });
        }),
        fcParams(40),
      );
    });

    test('keyset paging through the inbox and the SLA pending list returns the same pages on both builds', async () => {
      /** An optional query parameter, absent more often than not (each one narrows the list a lot). */
      const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
        fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
      const grant = fc.record({ unitCode: unitValue, role: roleValue });
      const listQuery = fc.record({
        kind: fc.constantFrom('inbox' as const, 'pending' as const),
        grants: fc.array(grant, { minLength: 1, maxLength: 3 }),
        units: fc.array(unitValue, { minLength: 1, maxLength: 3 }),
        programme: sometimes(programmeValue),
        status: sometimes(fc.constantFrom('received', 'in_progress', 'awaiting_supplement')),
        processingUnit: sometimes(unitValue),
        timeliness: sometimes(
          fc.constantFrom('not_due' as const, 'near_due' as const, 'overdue' as const, 'stopped' as const),
        ),
        q: sometimes(fc.constantFrom('nguyen', 'HOA', 'hà', 'hs-0001 an')),
        limit: fc.integer({ min: 1, max: 5 }),
      });
      type ListQuery = typeof listQuery extends fc.Arbitrary<infer Q> ? Q : never;

      /** The filter of api/inbox (GET /api/inbox) or api/sla (GET /api/sla/pending), built the same way. */
      function listFilter(q: ListQuery, cursor: DueCursor | undefined): Doc {
        if (q.kind === 'pending') {
          const and: Doc[] = [openUnderFilter(q.units)];
          if (q.programme !== undefined) and.push({ programme: q.programme });
          if (q.processingUnit !== undefined) and.push({ processingUnit: q.processingUnit });
          if (q.timeliness) and.push(openTimelinessFilter(q.timeliness));
          if (cursor) and.push(afterDueCursor(cursor));
          return { $and: and };
        }
        const search = searchConditions(q.q);
        const base: Doc = {
          $or: inboxMatch(q.grants) as Doc[],
          ...(q.programme ? { programme: q.programme } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(search ? { $and: search } : {}),
        };
        const and: Doc[] = [...(search ?? [])];
        if (q.timeliness) and.push(openTimelinessFilter(q.timeliness));
        if (cursor) and.push(afterDueCursor(cursor));
        return and.length > 0 ? { ...base, $and: and } : base;
      }

      /**
       * Every page as the app asks for it: limit + 1 rows sorted by (dueAt, _id), the next cursor from the last row.
       */
      async function pages(collection: mongo.Collection<Doc>, q: ListQuery, maxPages: number): Promise<string[][]> {
        const result: string[][] = [];
        let cursor: DueCursor | undefined;
        for (let n = 0; n < maxPages; n++) {
          const rows = await collection
            .find(listFilter(q, cursor), { promoteValues: false })
            .sort({ dueAt: 1, _id: 1 })
            .limit(q.limit + 1)
            .toArray();
          result.push(rows.map(ejson));
          const last = rows.slice(0, q.limit).at(-1);
          if (rows.length <= q.limit || !last) break;
          cursor = { dueAt: last.dueAt instanceof Date ? last.dueAt.toISOString() : null, id: String(last._id) };
        }
        return result;
      }

      await fc.assert(
        fc.asyncProperty(documents, fc.array(listQuery, { minLength: 1, maxLength: 3 }), async (docs, queries) => {
          await withCollections(docs, async (pair) => {
            for (const q of queries) {
              // A value of another type in dueAt can repeat a page forever (the cursor keeps only dates); stop there.
              const [patched, upstream] = await both((c) => pages(c, q, docs.length + 2), pair);
              expect(show(patched)).toEqual(show(upstream));
            }
          });
        }),
        fcParams(40),
      );
    });
  },
);

/** [start, end) of each run of equal keys. */
function tieGroups(keys: string[]): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      if (i > start) groups.push([start, i]);
      start = i;
    }
  }
  return groups;
}

/** An outcome in comparable, readable form (documents as canonical Extended JSON). */
function show(result: Outcome<unknown>): unknown {
  if (!result.ok) return result;
  return JSON.parse(mongo.BSON.EJSON.stringify({ value: result.value }, { relaxed: false })) as unknown;
}
