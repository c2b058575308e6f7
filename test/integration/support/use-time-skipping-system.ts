import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_TYPES } from '../../../workflows/search-attributes';
import type { apiClient } from './api-client';
import type { TestSystem } from './start-system';
import { started, useTestSystem } from './use-test-system';

const TYPE = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/**
 * Temporal's time-skipping test server (the Java one, installed by `scripts/install-servers.sh --with-test-server`
 * and exported by the harness as HOSO_TEMPORAL_TEST_SERVER_BIN), started for one test file, with the dossier search
 * attributes registered (the test server knows only its own defaults and has no `--search-attribute` flag).
 *
 * Its clock starts at the real time and runs with it; `sleep` moves it on at once, firing every timer that falls
 * due on the way. It is one clock for the whole server, so a file that skips time runs its tests in order and never
 * compares a workflow's instants with `Date.now()`: ask `now()` instead.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = process.env.HOSO_TEMPORAL_TEST_SERVER_BIN;
  if (!path) throw new Error('HOSO_TEMPORAL_TEST_SERVER_BIN is not set: run through the integration project');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  try {
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([n, t]) => [n, TYPE[t]])),
    });
  } catch (error) {
    await env.teardown();
    throw error;
  }
  return env;
}

export interface TimeSkippingContext {
  readonly system: TestSystem;
  readonly api: ReturnType<typeof apiClient>;
  readonly env: TestWorkflowEnvironment;
  /**
   * Moves the server's clock on by `ms`: the timers that fall due on the way fire in order (the server waits for
   * the workflow tasks they start). Their activities (read model, notifications) may still be running when this
   * returns: poll for what they write.
   */
  skip(ms: number): Promise<void>;
  /** The server's clock (what `Date.now()` is inside a workflow), in epoch milliseconds. */
  now(): Promise<number>;
}

/**
 * A whole system (API, worker, its own database; see startSystem) on a time-skipping test server of its own,
 * started before the file's tests and stopped after them.
 */
export function useTimeSkippingSystem(): TimeSkippingContext {
  let env: TestWorkflowEnvironment | undefined;
  const ctx = useTestSystem({
    start: async () => (env = await startTimeSkippingEnvironment()).address,
    stop: async () => env?.teardown(),
  });
  return {
    get system() {
      return ctx.system;
    },
    get api() {
      return ctx.api;
    },
    get env() {
      return started(env);
    },
    skip: (ms) => started(env).sleep(ms),
    now: () => started(env).currentTimeMs(),
  };
}
