import { rmSync } from 'node:fs';

import './harness-state';

/**
 * Jest globalTeardown of the `integration` project: stops what global-setup started (both servers at once; each
 * gets SIGTERM, then SIGKILL after 10 s) and removes the temporary data folder. Never throws: a server that is
 * already gone is fine, and a leftover temporary folder is not worth failing a green run for.
 */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__HOSO_HARNESS__;
  if (!state) return;
  globalThis.__HOSO_HARNESS__ = undefined;
  await Promise.all([state.temporal?.stop(), state.ferretdb?.stop()]);
  try {
    rmSync(state.tempDir, { recursive: true, force: true });
  } catch (error) {
    process.stderr.write(`could not remove ${state.tempDir}: ${error instanceof Error ? error.message : error}\n`);
  }
}
