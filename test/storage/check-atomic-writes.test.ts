import { connectDatabase } from '../../storage/connect-database';
import { checkAtomicWrites, StorageGuaranteeError } from '../../storage/check-atomic-writes';

const uri = process.env.HOSO_STORAGE_URI;
const upstream = process.env.HOSO_TEST_FERRETDB_UPSTREAM_URI;
const dbName = `hoso_check_atomic_${process.pid}`;

describe('The start-up check of atomic writes', () => {
  test('passes on the database under test and leaves no scratch document behind', async () => {
    const db = await connectDatabase(`${uri}/${dbName}`);
    try {
      for (let round = 0; round < 5; round += 1) await checkAtomicWrites(db);
      expect(await db.db!.collection('storage_checks').countDocuments({})).toBe(0);
    } finally {
      await db.dropDatabase();
      await db.close();
    }
  });

  (upstream ? test : test.skip)('refuses FerretDB as released, every time, naming what to use instead', async () => {
    const db = await connectDatabase(`${upstream}/${dbName}`);
    try {
      for (let round = 0; round < 5; round += 1) {
        const error = await checkAtomicWrites(db).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StorageGuaranteeError);
        expect((error as Error).message).toMatch(/lost concurrent updates \(64 increments, \d+ kept\).*patched build/);
      }
      expect(await db.db!.collection('storage_checks').countDocuments({})).toBe(0);
    } finally {
      await db.dropDatabase();
      await db.close();
    }
  });
});
