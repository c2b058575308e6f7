import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  findFreePort,
  redactMongoUri,
  resolveServerBinaries,
  startFerretDb,
  type FerretDb,
} from '../../../scripts/servers';
import { removeAbandonedTempDirs } from '../../harness/remove-abandoned-temp-dirs';

const TEMP_PREFIX = 'hoso-storage-test-';

/** What the setup started, for the teardown (both run in jest's parent process). */
export interface StorageHarnessState {
  readonly tempDir: string;
  readonly servers: FerretDb[];
}

declare global {
  var __HOSO_STORAGE_HARNESS__: StorageHarnessState | undefined;
}

/**
 * Jest globalSetup of the `storage` project.
 *
 * - With `MONGODB_URI` set, the storage guarantees are checked against that database (any MongoDB or FerretDB), and
 *   nothing is started; the differential test of our FerretDB patch skips itself.
 * - Otherwise it starts the embedded default, our patched FerretDB, and FerretDB as released, each on a free port
 *   with its SQLite files in a temporary folder (install-servers.sh --with-upstream builds both).
 *
 * Exports to test files through process.env:
 *   HOSO_STORAGE_URI                  the database under test, `mongodb://…` without a database name
 *   HOSO_STORAGE_LABEL                what it is, for test names and messages (credentials redacted)
 *   HOSO_TEST_FERRETDB_PATCHED_URI    our patched FerretDB (embedded default only)
 *   HOSO_TEST_FERRETDB_UPSTREAM_URI   FerretDB as released (embedded default only)
 *   HOSO_TEST_FERRETDB_PATCHED_BIN    the patched binary, and HOSO_TEST_FERRETDB_PATCHED_DIR its SQLite folder
 */
export default async function storageGlobalSetup(): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    process.env.HOSO_STORAGE_URI = external;
    process.env.HOSO_STORAGE_LABEL = `MONGODB_URI=${redactMongoUri(external)}`;
    return;
  }
  const binaries = await resolveServerBinaries({ withUpstream: true });
  const { ferretdb, ferretdbUpstream } = binaries;
  if (!ferretdb || !ferretdbUpstream) throw new Error('install-servers.sh --with-upstream printed no FerretDB path');
  removeAbandonedTempDirs(TEMP_PREFIX);
  const tempDir = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
  writeFileSync(join(tempDir, 'owner.pid'), `${process.pid}\n`);
  const state: StorageHarnessState = { tempDir, servers: [] };
  globalThis.__HOSO_STORAGE_HARNESS__ = state;
  const output = process.env.HOSO_TEST_SERVER_LOGS === '1' ? 'prefix' : 'silent';
  const patchedPort = await findFreePort();
  let upstreamPort = await findFreePort();
  while (upstreamPort === patchedPort) upstreamPort = await findFreePort();
  const started = await Promise.allSettled([
    startFerretDb({ bin: ferretdb, port: patchedPort, dataDir: join(tempDir, 'patched'), output }),
    startFerretDb({ bin: ferretdbUpstream, port: upstreamPort, dataDir: join(tempDir, 'upstream'), output }),
  ]);
  for (const result of started) if (result.status === 'fulfilled') state.servers.push(result.value);
  const [patched, upstream] = started;
  if (patched?.status !== 'fulfilled' || upstream?.status !== 'fulfilled') {
    await Promise.all(state.servers.map((s) => s.stop()));
    rmSync(tempDir, { recursive: true, force: true });
    globalThis.__HOSO_STORAGE_HARNESS__ = undefined;
    const reasons = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw reasons.length === 1 ? reasons[0] : new AggregateError(reasons, 'the storage test servers did not start');
  }
  process.env.HOSO_STORAGE_URI = patched.value.uri;
  process.env.HOSO_STORAGE_LABEL = 'embedded FerretDB v1.24.2 with our patch';
  process.env.HOSO_TEST_FERRETDB_PATCHED_URI = patched.value.uri;
  process.env.HOSO_TEST_FERRETDB_UPSTREAM_URI = upstream.value.uri;
  process.env.HOSO_TEST_FERRETDB_PATCHED_BIN = ferretdb;
  process.env.HOSO_TEST_FERRETDB_PATCHED_DIR = join(tempDir, 'patched');
}
