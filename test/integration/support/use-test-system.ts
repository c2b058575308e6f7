import { apiClient } from './api-client';
import { startSystem, type TestSystem } from './start-system';

export interface TestContext {
  readonly system: TestSystem;
  readonly api: ReturnType<typeof apiClient>;
}

/** Starts a whole system before the file's tests and closes it after; read `system`/`api` inside tests only. */
export function useTestSystem(): TestContext {
  let system: TestSystem | undefined;
  let api: ReturnType<typeof apiClient> | undefined;
  beforeAll(async () => {
    system = await startSystem();
    api = apiClient(system.baseUrl);
  });
  afterAll(async () => {
    await system?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test system is not started (use it inside tests or hooks)');
    return value;
  };
  return {
    get system() {
      return started(system);
    },
    get api() {
      return started(api);
    },
  };
}
