import { rmSync } from 'node:fs';

import './storage-global-setup';

/** Jest globalTeardown of the `storage` project: stops the servers the setup started and removes their files. */
export default async function storageGlobalTeardown(): Promise<void> {
  const state = globalThis.__HOSO_STORAGE_HARNESS__;
  if (!state) return;
  globalThis.__HOSO_STORAGE_HARNESS__ = undefined;
  await Promise.all(state.servers.map((s) => s.stop()));
  rmSync(state.tempDir, { recursive: true, force: true });
}
