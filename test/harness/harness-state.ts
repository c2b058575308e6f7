import type { FerretDb, TemporalDevServer } from '../../scripts/servers';

/**
 * What global-setup started, kept on `globalThis.__HOSO_HARNESS__` for global-teardown (jest runs both in its
 * parent process; test files run in workers and only see the process.env values that setup exported).
 */
export interface HarnessState {
  /** Temporary folder with FerretDB's SQLite files; removed by teardown. */
  readonly tempDir: string;
  temporal?: TemporalDevServer;
  ferretdb?: FerretDb;
}

declare global {
  // `var` (not let/const) is what declares a property of globalThis.
  var __HOSO_HARNESS__: HarnessState | undefined;
}
