import { getState, type DossierState } from '../../workflows/messages';
import { proposalIn } from './support/form-examples';
import { slaTestDefinition } from './support/sla-test-definition';
import { eventually as poll } from './support/eventually';
import { useTestSystem } from './support/use-test-system';

/**
 * The one SLA-clock case that needs the real clock: timers that come due while no worker runs. Temporal's
 * time-skipping test server (sla-clock.test.ts) never moves its clock past a workflow task that nobody takes, so
 * this runs on the harness's dev server, on a test-only process whose review lasts 0.003 plain hours (10.8 s) with
 * its reminder at 10 %. It waits for the known due instant, never a guessed time.
 */
const ctx = useTestSystem();
const REVIEW_HOURS = 0.003;

const stateOf = (id: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
/** Waits up to 60 s of real time (the worker comes back first). */
const eventually = <T>(what: string, probe: () => Promise<T | undefined>) =>
  poll(what, probe, { limitMs: 60_000, everyMs: 200 });
const until = async (instant: number) => {
  while (Date.now() < instant) await new Promise((r) => setTimeout(r, Math.min(500, instant - Date.now())));
};
const notesOf = async (user: string, dossierId: string): Promise<{ kind: string }[]> => {
  const res = await ctx.api.call('GET', '/api/notifications', { as: user });
  expect(res.status).toBe(200);
  return (res.body.items as { dossierId: string; kind: string }[]).filter((n) => n.dossierId === dossierId);
};

beforeAll(async () => {
  const published = await ctx.system.processes.publish(slaTestDefinition({ reviewHours: REVIEW_HOURS }), 'test');
  expect(published).toMatchObject({ ref: 'sla-test@1' });
});

it('fires timers that came due while no worker ran, in order, once a worker is back', async () => {
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'sla-test', data: proposalIn('HN-HD-HC') },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
    as: 'xa.hacau',
    body: { action: 'submit' },
  });
  expect(submitted.status).toBe(200);
  await ctx.system.stopWorker();
  try {
    await until(Date.parse(submitted.body.dueAt) + 1000);
  } finally {
    await ctx.system.startWorker();
  }
  const state = await eventually('the escalation after the restart', async () => {
    const s = await stateOf(id);
    return s.history.some((h) => h.action === 'escalate') ? s : undefined;
  });
  expect(state.history.filter((h) => h.seq > 2).map((h) => h.action)).toEqual(['remind', 'escalate']);
  await eventually('notifications after the restart', async () =>
    (await notesOf('lanhdao.hadong', id)).length === 1 ? true : undefined,
  );
  expect((await notesOf('quan.hadong', id)).map((n) => n.kind)).toEqual(['reminder']);
  await eventually('overdue in the read model', async () =>
    (await ctx.system.models.DossierView.findById(id).lean())?.timeliness === 'overdue' ? true : undefined,
  );
});
