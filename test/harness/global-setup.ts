import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findFreePort, resolveServerBinaries, startFerretDb, startTemporalDevServer } from '../../scripts/servers';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import type { HarnessState } from './harness-state';
import { removeAbandonedTempDirs } from './remove-abandoned-temp-dirs';

const TEMP_PREFIX = 'hoso-test-';

/**
 * Jest globalSetup of the `integration` project: starts a fresh in-memory Temporal dev server (headless, custom
 * search attributes registered) and a fresh FerretDB (SQLite in a temporary folder), both on OS-assigned free ports
 * on 127.0.0.1 — never the fixed ports of a running `npm start` — through the same scripts/servers code that
 * `npm start` uses. Both start in parallel; with cached binaries this takes about a second.
 *
 * Exports to test files through process.env:
 *   HOSO_TEST_TEMPORAL_ADDRESS  host:port of the Temporal frontend (namespace `default`)
 *   HOSO_TEST_MONGODB_URI       mongodb://host:port without a database name — pick one per test file (dbName)
 *   HOSO_TEMPORAL_BIN           path of the temporal CLI, for TestWorkflowEnvironment.createLocal({ server:
 *                               { executable: { type: 'existing-path', path } } })
 *   HOSO_FERRETDB_BIN           path of the ferretdb binary
 *   HOSO_TEMPORAL_TEST_SERVER_BIN  launcher of Temporal's time-skipping test server (Java), for
 *                               TestWorkflowEnvironment.createTimeSkipping (see test/integration/support/
 *                               start-time-skipping-system.ts); each test file that uses it starts its own
 * Server output is kept quiet; HOSO_TEST_SERVER_LOGS=1 shows it prefixed with [temporal] / [ferretdb].
 *
 * Temporary folders of earlier runs that were killed (owner PID gone) are removed first.
 *
 * If either server fails to start (binary missing and no Go, port race, crash), the other one is stopped, the
 * temporary folder removed, and the error — with the server's last output lines — fails the run: jest does not call
 * globalTeardown after a failed globalSetup.
 */
export default async function globalSetup(): Promise<void> {
  const binaries = await resolveServerBinaries({ withTestServer: true });
  if (!binaries.temporal || !binaries.ferretdb || !binaries.temporalTestServer) {
    throw new Error('scripts/install-servers.sh printed no path for a server the tests need');
  }
  removeAbandonedTempDirs(TEMP_PREFIX);
  const state: HarnessState = { tempDir: mkdtempSync(join(tmpdir(), TEMP_PREFIX)) };
  writeFileSync(join(state.tempDir, 'owner.pid'), `${process.pid}\n`);
  globalThis.__HOSO_HARNESS__ = state;
  const output = process.env.HOSO_TEST_SERVER_LOGS === '1' ? 'prefix' : 'silent';
  const temporalPort = await findFreePort();
  let ferretPort = await findFreePort();
  while (ferretPort === temporalPort) ferretPort = await findFreePort();

  const [temporal, ferretdb] = await Promise.allSettled([
    startTemporalDevServer({
      bin: binaries.temporal,
      port: temporalPort,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      output,
    }),
    startFerretDb({ bin: binaries.ferretdb, port: ferretPort, dataDir: join(state.tempDir, 'ferretdb'), output }),
  ]);
  if (temporal.status === 'fulfilled') state.temporal = temporal.value;
  if (ferretdb.status === 'fulfilled') state.ferretdb = ferretdb.value;
  if (temporal.status === 'rejected' || ferretdb.status === 'rejected') {
    await Promise.all([state.temporal?.stop(), state.ferretdb?.stop()]);
    rmSync(state.tempDir, { recursive: true, force: true });
    globalThis.__HOSO_HARNESS__ = undefined;
    const reasons = [temporal, ferretdb].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw reasons.length === 1 ? reasons[0] : new AggregateError(reasons, 'the test servers did not start');
  }

  process.env.HOSO_TEST_TEMPORAL_ADDRESS = temporal.value.address;
  process.env.HOSO_TEST_MONGODB_URI = ferretdb.value.uri;
  process.env.HOSO_TEMPORAL_BIN = binaries.temporal;
  process.env.HOSO_FERRETDB_BIN = binaries.ferretdb;
  process.env.HOSO_TEMPORAL_TEST_SERVER_BIN = binaries.temporalTestServer;
}
