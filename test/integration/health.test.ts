import { findFreePort, startTemporalDevServer, type TemporalDevServer } from '../../scripts/servers';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { startSystem, type TestSystem } from './support/start-system';

/**
 * /healthz follows the worker: with it stopped the API answers 503 `degraded` and still `serving` (the database and
 * Temporal answer), and once it polls again 200 `ok`. On a Temporal dev server of the file's own that holds polls for
 * 2 s, as `npm start` runs its own with 5 s, so that a stopped worker's last poll ages past the API's limit (6 s) in
 * seconds; the harness's server keeps Temporal's default minute.
 */
describe('GET /healthz and the worker', () => {
  let server: TemporalDevServer | undefined;
  let system: TestSystem | undefined;

  beforeAll(async () => {
    server = await startTemporalDevServer({
      bin: process.env.HOSO_TEMPORAL_BIN!,
      port: await findFreePort(),
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      longPollSeconds: 2,
      output: 'silent',
    });
    system = await startSystem({ temporalAddress: server.address, workerPollMaxAgeMs: 6_000 });
  });
  afterAll(async () => {
    await system?.close();
    await server?.stop();
  });

  /** Asks /healthz every 500 ms until it answers `status`; answers that last report. */
  async function healthUntil(status: number): Promise<{ status: number; body: unknown }> {
    for (;;) {
      const res = await fetch(`${system!.baseUrl}/healthz`);
      const body: unknown = await res.json();
      if (res.status === status) return { status: res.status, body };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('reports degraded while the worker is stopped, names it, and ok once it polls again', async () => {
    expect(await healthUntil(200)).toEqual({
      status: 200,
      body: { status: 'ok', serving: true, database: 'ok', temporal: 'ok', worker: 'ok' },
    });

    await system!.stopWorker();
    expect(await healthUntil(503)).toEqual({
      status: 503,
      body: { status: 'degraded', serving: true, database: 'ok', temporal: 'ok', worker: 'unavailable' },
    });

    await system!.startWorker();
    expect(await healthUntil(200)).toMatchObject({ status: 200, body: { status: 'ok', worker: 'ok' } });
  });
});
