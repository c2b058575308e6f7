import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startTemporalDevServer, type TemporalDevServer } from '../../scripts/servers';
import { getState, type DossierState } from '../../workflows/messages';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { apiClient } from './support/api-client';
import { proposalIn } from './support/form-examples';
import { REVIEW_HOURS, slaTestDefinition } from './support/sla-test-definition';
import { startSystem, type TestSystem } from './support/start-system';

/**
 * Timers survive a restart of the Temporal server itself (not only of the worker): a dossier's step is submitted on
 * a persistent dev server (SQLite file, as `npm start` runs it); the server and the worker stop before the step's
 * reminder and due time; the server comes back on the same file after both instants have passed, then the worker.
 * The reminder and the escalation then fire, in order, and the read model follows.
 *
 * Every wait has a budget, and the test's timeout is their sum plus a margin (the 120 s the other integration tests
 * get would not hold them all), so a slow machine fails on the wait that was too slow, with its own message, rather
 * than on jest's timeout in the middle of another.
 */
/** The server's stop: SIGTERM, then SIGKILL after the managed process's default 10 s. */
const STOP_MS = 10_000;
/** The step's time (the reminder at 10 % of it, then the due time), which must pass while nothing runs, plus 1 s. */
const STEP_MS = REVIEW_HOURS * 3600_000 + 1_000;
/** The restarted server's readiness (passed to it as `readyTimeoutMs`). */
const RESTART_MS = 60_000;
/** The reminder and the escalation firing on the restarted server, and the read model following. */
const FIRE_MS = 60_000;
/** Creating and submitting the dossier, stopping and starting the worker. */
const MARGIN_MS = 20_000;
jest.setTimeout(STOP_MS + STEP_MS + RESTART_MS + FIRE_MS + MARGIN_MS);

describe('a Temporal server restart', () => {
  let dir: string;
  let server: TemporalDevServer | undefined;
  let system: TestSystem | undefined;
  let port: number;

  const start = async () =>
    startTemporalDevServer({
      bin: process.env.HOSO_TEMPORAL_BIN!,
      port,
      dbFile: join(dir, 'temporal.db'),
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      output: 'silent',
      readyTimeoutMs: RESTART_MS,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hoso-restart-'));
    port = await findFreePort();
    server = await start();
    system = await startSystem({ temporalAddress: `127.0.0.1:${port}` });
    expect(await system.processes.publish(slaTestDefinition(), 'test')).toMatchObject({ ref: 'sla-test@1' });
  });
  afterAll(async () => {
    await system?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the step timers, which fire once the server and a worker are back', async () => {
    const api = apiClient(system!.baseUrl);
    const created = await api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'sla-test', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const submitted = await api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);
    const dueAt = Date.parse(submitted.body.dueAt);
    expect(dueAt - Date.now()).toBeLessThanOrEqual(STEP_MS);

    await system!.stopWorker();
    await server!.stop();
    server = undefined;
    expect((await system!.models.DossierView.findById(id).lean())?.timeliness).toBe('not_due');
    // Both the reminder (at 10 % of the step) and the due time pass while nothing runs.
    while (Date.now() < dueAt + 1000)
      await new Promise((r) => setTimeout(r, Math.min(1000, dueAt + 1000 - Date.now())));

    server = await start();
    await system!.startWorker();

    const deadline = Date.now() + FIRE_MS;
    let view = await system!.models.DossierView.findById(id).lean();
    while (view?.timeliness !== 'overdue' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      view = await system!.models.DossierView.findById(id).lean();
    }
    expect(view?.timeliness).toBe('overdue');
    expect(view?.openBucket).toBe('overdue');
    const state: DossierState = await system!.temporal.workflow.getHandle(system!.workflowIdOf(id)).query(getState);
    const timers = state.history
      .filter((h) => h.action === 'remind' || h.action === 'escalate')
      .map((h) => [h.action, h.scope]);
    expect(timers).toEqual([
      ['remind', 'step'],
      ['escalate', 'step'],
    ]);
    const summary = await api.call('GET', '/api/sla/summary?unit=HN-HD', { as: 'lanhdao.hanoi' });
    expect(summary.body.totals.overdue).toBe(1);
  });
});
