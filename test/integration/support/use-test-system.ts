import { apiClient } from './api-client';
import { startSystem, type TestSystem } from './start-system';
import type { SignInSettings } from '../../../api/auth/sign-in-settings';
import type { OverlapRule } from '../../../domain/overlap/overlap-rule';

export interface TestContext {
  readonly system: TestSystem;
  readonly api: ReturnType<typeof apiClient>;
}

/** A Temporal server of the file's own, started before its system and stopped after it. */
export interface OwnTemporal {
  /** Starts the server; answers its address. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

/** The value once the file's system has started; throws when read outside tests and hooks. */
export const started = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('the test system is not started (use it inside tests or hooks)');
  return value;
};

/**
 * Starts a whole system before the file's tests and closes it after; read `system`/`api` inside tests only. With
 * `temporal`, the system runs on that server (started first, stopped last) instead of the harness's. `signIn`: token
 * lives and sign-in limits other than the defaults.
 */
export function useTestSystem(
  temporal?: OwnTemporal,
  options: {
    signIn?: Partial<SignInSettings>;
    overlapDefaults?: readonly OverlapRule[];
    enforceUnitValidity?: boolean;
    /** A second API with validity off, at `system.seedEraBaseUrl` (see startSystem). */
    seedEraApi?: boolean;
  } = {},
): TestContext {
  let system: TestSystem | undefined;
  let api: ReturnType<typeof apiClient> | undefined;
  beforeAll(async () => {
    system = await startSystem({
      ...(temporal ? { temporalAddress: await temporal.start() } : {}),
      ...(options.signIn ? { signIn: options.signIn } : {}),
      ...(options.overlapDefaults ? { overlapDefaults: options.overlapDefaults } : {}),
      ...(options.enforceUnitValidity ? { enforceUnitValidity: true } : {}),
      ...(options.seedEraApi ? { seedEraApi: true } : {}),
    });
    api = apiClient(system.baseUrl);
  });
  afterAll(async () => {
    await system?.close();
    await temporal?.stop();
  });
  return {
    get system() {
      return started(system);
    },
    get api() {
      return started(api);
    },
  };
}
