// A dossier received on paper earlier and entered later (issue: paper receipt): its legal clock starts at the
// receipt, on the real API, Temporal dev server and database.
import { computeDueAt } from '../../domain/calendar/compute-due-at';
import { findStep } from '../../domain/process/find-step';
import { RECEIPT_MAX_AGE_DAYS } from '../../domain/sla/receipt-problem';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { getState, type DossierState } from '../../workflows/messages';
import { createEmbedToken, TEST_PORTAL } from './support/create-embed-token';
import { eventually } from './support/eventually';
import { proposalIn } from './support/form-examples';
import { slaTestDefinition } from './support/sla-test-definition';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const DAY = 86_400_000;
const UNIT = 'HN-HD-HC';
const PROCESS = 'housing-support-2024';

const stateOf = (id: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
const create = (body: Record<string, unknown>) =>
  ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body: { data: proposalIn(UNIT), ...body } });
/** The unit's register counter for this year: a refused creation must not move it. */
const counter = async () =>
  (await ctx.system.models.Counter.findById(`dossier:${UNIT}:${vietnamDate(new Date()).slice(0, 4)}`).lean())?.value ??
  0;

/** 09:00 (Vietnam time) of the working day `n` working days before today, on the unit's calendar. */
async function workingDaysAgo(n: number): Promise<string> {
  let date = vietnamDate(new Date());
  for (let found = 0; found < n;) {
    date = vietnamDate(Date.parse(`${date}T12:00:00+07:00`) - DAY);
    if ((await ctx.system.calendar.day(date, UNIT)).working) found++;
  }
  return new Date(vietnamInstant(date, '09:00')).toISOString();
}

beforeAll(async () => {
  // Plain hours: a receipt two hours back is past the proposal's one-hour limit and its whole one-hour clock.
  const published = await ctx.system.processes.publish(slaTestDefinition({ proposalHours: 1, totalHours: 1 }), 'test');
  expect(published).toMatchObject({ ref: 'sla-test@1' });
});

describe('a dossier received on paper and entered later', () => {
  it('starts its clock at the receipt, 3 working days ago: openedAt, the first step and the overall due times follow it, and the create record keeps both times', async () => {
    const receivedAt = await workingDaysAgo(3);
    const before = Date.now();
    // With an offset, as the officer app sends it: the answer keeps the instant, normalised to UTC.
    const local = new Date(Date.parse(receivedAt) + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';
    const res = await create({ processKey: PROCESS, receivedAt: local });
    expect(res.status).toBe(201);
    expect(res.body.openedAt).toBe(receivedAt);

    const definition = await ctx.system.processes.get(PROCESS, res.body.processVersion);
    const first = findStep(definition, definition.initialStep)!;
    const cutoff = definition.cutoff ? { cutoff: definition.cutoff } : {};
    const stepDue = await computeDueAt(ctx.system.calendar, receivedAt, first.timeLimit!, UNIT, cutoff);
    const overallDue = await computeDueAt(ctx.system.calendar, receivedAt, definition.totalLimit!, UNIT, cutoff);
    // Counted from the receipt, the due time is earlier than from the entry.
    expect(Date.parse(stepDue)).toBeLessThan(
      Date.parse(
        await computeDueAt(ctx.system.calendar, new Date(before).toISOString(), first.timeLimit!, UNIT, cutoff),
      ),
    );
    expect(res.body.currentStep).toMatchObject({ id: first.id, startedAt: receivedAt, dueAt: stepDue });
    expect(res.body.clock.overallDueAt).toBe(overallDue);

    const created = res.body.history[0];
    expect(created).toMatchObject({ action: 'create', receivedAt });
    expect(Date.parse(created.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(created.at) - Date.parse(receivedAt)).toBeGreaterThan(2 * DAY);

    const state = await stateOf(res.body.id);
    expect(state.openedAt).toBe(receivedAt);
    expect(state.history[0]).toMatchObject({ receivedAt, at: created.at });
    const view = await eventually('the read model', async () =>
      ctx.system.models.DossierView.findById(res.body.id).lean(),
    );
    expect(view?.openedAt.toISOString()).toBe(receivedAt);

    // The control slip's first row is the receipt, at the receipt time.
    const slip = await ctx.api.call('GET', `/api/dossiers/${res.body.id}/control-slip`, { as: 'xa.hacau' });
    expect(slip.status).toBe(200);
    expect(slip.body.rows[0].at).toBe(receivedAt);
  });

  it('without receivedAt opens at the creation time, as before, with no receivedAt on the create record', async () => {
    const before = Date.now();
    const res = await create({ processKey: PROCESS });
    expect(res.status).toBe(201);
    expect(res.body.openedAt).toBe(res.body.history[0].at);
    expect(Date.parse(res.body.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body.history[0]).not.toHaveProperty('receivedAt');
  });

  it('fires at once the reminder and escalations whose time had passed before the dossier was entered', async () => {
    const receivedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const res = await create({ processKey: 'sla-test', receivedAt });
    expect(res.status).toBe(201);
    const fired = await eventually('the timers of a back-dated dossier', async () => {
      const state = await stateOf(res.body.id);
      const events = state.history.filter((h) => h.action === 'remind' || h.action === 'escalate');
      return events.length >= 3 ? events : undefined;
    });
    expect(fired.map((h) => [h.action, h.scope])).toEqual([
      ['remind', 'step'],
      ['escalate', 'step'],
      ['escalate', 'dossier'],
    ]);
    const view = await eventually('overdue in the read model', async () => {
      const v = await ctx.system.models.DossierView.findById(res.body.id).lean();
      return v?.timeliness === 'overdue' ? v : undefined;
    });
    expect(view.openBucket).toBe('overdue');
  });

  it.each([
    ['a future time', () => new Date(Date.now() + 60 * 60_000).toISOString(), 'tương lai'],
    [`one ${RECEIPT_MAX_AGE_DAYS + 1} days back`, () => new Date(Date.now() - 31 * DAY).toISOString(), '30 ngày'],
    ['a malformed time', () => '2026-13-45T25:00:00+07:00', null],
    ['a time without offset', () => '2026-11-20T09:00:00', null],
  ])('refuses %s: 422 at /receivedAt, creating nothing and taking no number', async (_what, value, words) => {
    const number = await counter();
    const dossiers = await ctx.system.models.DossierView.countDocuments();
    const submissions = await ctx.system.models.Submission.countDocuments();
    const res = await create({ processKey: PROCESS, receivedAt: value() });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['/receivedAt']);
    if (words) expect(res.body.error.fields[0].message).toContain(words);
    const english = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: PROCESS, data: proposalIn(UNIT), receivedAt: value() },
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(422);
    expect(english.body.error.fields[0].message).not.toBe(res.body.error.fields[0].message);
    expect(await counter()).toBe(number);
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(dossiers);
    expect(await ctx.system.models.Submission.countDocuments()).toBe(submissions);
  });

  it('is refused on the embed (citizen) route: a portal submission cannot carry a receipt time', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const submissions = await ctx.system.models.Submission.countDocuments();
    const res = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: TEST_PORTAL, 'x-forwarded-for': '203.0.113.7' },
      body: { data: proposalIn(UNIT), receivedAt: new Date(Date.now() - DAY).toISOString() },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.error)).toContain('receivedAt');
    expect(await ctx.system.models.Submission.countDocuments()).toBe(submissions);
  });
});
