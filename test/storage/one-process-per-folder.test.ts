import { findFreePort, startFerretDb } from '../../scripts/servers';

const bin = process.env.HOSO_TEST_FERRETDB_PATCHED_BIN;
const dataDir = process.env.HOSO_TEST_FERRETDB_PATCHED_DIR;

/**
 * The write lock makes writes atomic within one FerretDB process (docs/servers.md, "Storage guarantees"); a second
 * process on the same SQLite folder would interleave its writes with the first one's. Our patch locks the folder, so
 * that second process must refuse to start. (Embedded default only: with MONGODB_URI there is no folder.)
 */
(bin && dataDir ? describe : describe.skip)('Our patched FerretDB', () => {
  test('refuses to start on a SQLite folder another FerretDB process is using, and says why', async () => {
    const second = startFerretDb({
      bin: bin!,
      port: await findFreePort(),
      dataDir: dataDir!,
      output: 'silent',
      readyTimeoutMs: 10_000,
    });
    await expect(second).rejects.toThrow(
      /another FerretDB process is using the SQLite folder .*one process per folder keeps concurrent writes atomic/s,
    );
  });
});
