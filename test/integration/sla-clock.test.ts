import { getState, type DossierState } from '../../workflows/messages';
import { example, proposalIn } from './support/form-examples';
import { slaTestDefinition } from './support/sla-test-definition';
import { eventually } from './support/eventually';
import { useTimeSkippingSystem } from './support/use-time-skipping-system';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { expectSummaryEqualsRecount } from './support/recounted-sla-summary';

/**
 * The SLA clock end to end, on Temporal's time-skipping test server: the real definitions' working-day limits (a
 * 10-working-day district review, a 30-working-day total) and, where a test needs due times it can predict to the
 * millisecond, a test-only process with plain-hour limits (`sla-test`). Time passes only when a test skips it
 * (`ctx.skip`), to just past an instant the workflow itself reported; nothing waits real time for a timer. What the
 * timers' activities write (read model, notifications) is polled for, with a limit.
 *
 * One server clock for the whole file: the tests run in order, and instants are compared with the server's clock
 * (`ctx.now()`), never with `Date.now()`. The API itself reads the real clock, so what it derives from it (the
 * `timeliness` it computes on the fly for one dossier) is not checked here; the SLA views read what the timers
 * recorded.
 */
const ctx = useTimeSkippingSystem();

const act = (user: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body, headers });
const stateOf = (id: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
const viewOf = async (id: string) => ctx.system.models.DossierView.findById(id).lean();
/** Moves the server's clock to one minute past `iso`. */
const skipPast = async (iso: string) => ctx.skip(Math.max(0, Date.parse(iso) - (await ctx.now())) + 60_000);

const REVIEW_HOURS = 48;
async function create(processKey = 'sla-test'): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey, data: proposalIn('HN-HD-HC') },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function createSubmitted(processKey = 'sla-test'): Promise<{ id: string; dueAt: string; overallDueAt: string }> {
  const id = await create(processKey);
  const res = await act('xa.hacau', id, { action: 'submit' });
  expect(res.status).toBe(200);
  return { id, dueAt: res.body.dueAt, overallDueAt: res.body.overallDueAt };
}

type Note = {
  id: string;
  dossierId: string;
  kind: string;
  scope: string;
  step: string;
  recipient: { role: string; unitCode: string };
  read: boolean;
};
const notesOf = async (user: string, dossierId: string, query = ''): Promise<Note[]> => {
  const res = await ctx.api.call('GET', `/api/notifications${query}`, { as: user });
  expect(res.status).toBe(200);
  return (res.body.items as Note[]).filter((n) => n.dossierId === dossierId);
};
const localDateOf = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const published = await ctx.system.processes.publish(
    slaTestDefinition({ proposalHours: 24, reviewHours: REVIEW_HOURS, totalHours: 240, reminderShare: 0.5 }),
    'test',
  );
  expect(published).toMatchObject({ ref: 'sla-test@1' });
});

describe('reminders and escalation', () => {
  it('reminds the assignees at 75 % of a 10-working-day review, escalates to the unit heads when it is due and again when the whole dossier is, and the read model follows without anyone acting', async () => {
    const { id, dueAt, overallDueAt } = await createSubmitted('housing-support-2024');
    const submitted = await stateOf(id);
    expect(submitted.processVersion).toBe(4);
    const reminderAt = submitted.clock!.reminderAt!;
    expect(Date.parse(reminderAt)).toBeLessThan(Date.parse(dueAt));
    expect(Date.parse(dueAt)).toBeLessThan(Date.parse(overallDueAt));
    expect((await viewOf(id))?.openBucket).toBe('not_due');

    await skipPast(reminderAt);
    const near = await eventually('near due in the read model', async () => {
      const view = await viewOf(id);
      return view?.timeliness === 'near_due' ? view : undefined;
    });
    expect(near.openBucket).toBe('near_due');
    expect(await notesOf('quan.hadong', id)).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        scope: 'step',
        step: 'district-review',
        recipient: { role: 'district_officer', unitCode: 'HN-HD' },
      }),
    ]);
    // Another dossier, submitted now: the first one's timers do not touch it.
    const later = await createSubmitted('housing-support-2024');

    await skipPast(dueAt);
    const overdue = await eventually('overdue in the read model', async () => {
      const view = await viewOf(id);
      return view?.timeliness === 'overdue' ? view : undefined;
    });
    expect(overdue.seq).toBeGreaterThan(near.seq);
    const state = await stateOf(id);
    const timerEvents = state.history.filter((h) => h.action === 'remind' || h.action === 'escalate');
    expect(timerEvents.map((h) => [h.action, h.scope])).toEqual([
      ['remind', 'step'],
      ['escalate', 'step'],
    ]);
    // Each fired at its instant, not earlier: the reminder at the reminder time, the escalation at the due time.
    expect(Date.parse(timerEvents[0]!.at)).toBeGreaterThanOrEqual(Date.parse(reminderAt));
    expect(Date.parse(timerEvents[0]!.at)).toBeLessThan(Date.parse(dueAt));
    expect(Date.parse(timerEvents[1]!.at)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(state.clock).toMatchObject({ remindedAt: timerEvents[0]!.at, escalatedAt: timerEvents[1]!.at });

    // The escalation reaches the head of the district and the head one level up (the city), not the officer.
    await eventually('the escalation notifications', async () =>
      (await notesOf('lanhdao.hanoi', id)).length > 0 ? true : undefined,
    );
    expect((await notesOf('lanhdao.hadong', id)).map((n) => [n.kind, n.scope, n.step, n.recipient.unitCode])).toEqual([
      ['escalation', 'step', 'district-review', 'HN-HD'],
    ]);
    expect((await notesOf('lanhdao.hanoi', id)).map((n) => [n.kind, n.scope, n.recipient.unitCode])).toEqual([
      ['escalation', 'step', 'HN'],
    ]);
    expect((await notesOf('quan.hadong', id)).map((n) => n.kind)).toEqual(['reminder']);
    expect(await notesOf('xa.hacau', id)).toEqual([]);
    // The dossier submitted later is still within its time (its reminder is after the first one's due time).
    const laterView = await viewOf(later.id);
    expect(laterView).toMatchObject({ timeliness: 'not_due', openBucket: 'not_due' });

    // The pending view lists it as overdue, and the summary equals a recount from the dossiers.
    const pending = await ctx.api.call('GET', '/api/sla/pending?timeliness=overdue&limit=200', { as: 'lanhdao.hanoi' });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const summary = await ctx.api.call('GET', '/api/sla/summary?unit=HN-HD', { as: 'lanhdao.hanoi' });
    expect(summary.body.totals).toMatchObject({ overdue: 1, not_due: 1, total: 2 });
    await expectSummaryEqualsRecount(ctx.system.models, summary.body);

    // The whole dossier's due time passes too: a second escalation, of the dossier, to the same heads.
    await skipPast(overallDueAt);
    const overall = await eventually('the dossier escalation', async () => {
      const s = await stateOf(id);
      return s.clock?.overallEscalatedAt ? s : undefined;
    });
    expect(overall.history.at(-1)).toMatchObject({ action: 'escalate', scope: 'dossier' });
    expect(Date.parse(overall.history.at(-1)!.at)).toBeGreaterThanOrEqual(Date.parse(overallDueAt));
    await eventually('the dossier escalation notification', async () =>
      (await notesOf('lanhdao.hadong', id)).length === 2 ? true : undefined,
    );
    expect((await notesOf('lanhdao.hadong', id)).map((n) => [n.kind, n.scope]).sort()).toEqual([
      ['escalation', 'dossier'],
      ['escalation', 'step'],
    ]);

    // Marking read is per user, and only for notifications addressed to the caller's grants.
    const escalation = (await notesOf('lanhdao.hadong', id))[0]!;
    const before = (await ctx.api.call('GET', '/api/notifications', { as: 'lanhdao.hadong' })).body.unread as number;
    expect(
      (await ctx.api.call('POST', `/api/notifications/${encodeURIComponent(escalation.id)}/read`, { as: 'xa.hacau' }))
        .status,
    ).toBe(404);
    expect(
      (
        await ctx.api.call('POST', `/api/notifications/${encodeURIComponent(escalation.id)}/read`, {
          as: 'lanhdao.hadong',
        })
      ).status,
    ).toBe(200);
    const after = await ctx.api.call('GET', '/api/notifications?unread=true', { as: 'lanhdao.hadong' });
    expect(after.body.unread).toBe(before - 1);
    expect(after.body.items.map((n: Note) => n.id)).not.toContain(escalation.id);
    expect((await ctx.api.call('GET', '/api/notifications?unread=maybe', { as: 'lanhdao.hadong' })).status).toBe(422);
  });
});

describe('return for supplement', () => {
  it('stops the clock while the applicant supplements and resumes with the time that was left; once per dossier', async () => {
    const { id, dueAt, overallDueAt } = await createSubmitted();
    // Some of the review's time is used before the return.
    await ctx.skip(5 * 3600_000);
    const returned = await act('quan.hadong', id, { action: 'return', comment: 'Bổ sung giấy tờ đất' });
    expect(returned.body).toMatchObject({
      status: 'awaiting_supplement',
      currentStep: 'proposal',
      dueAt: null,
      overallDueAt: null,
    });
    const paused = await stateOf(id);
    const pausedAt = paused.clock!.paused!.at;
    expect(paused.clock!.paused).toMatchObject({ stepId: 'district-review', stepDueAt: dueAt, overallDueAt });
    const view = await viewOf(id);
    expect(view).toMatchObject({ status: 'awaiting_supplement', dueAt: null, timeliness: null, overallDueAt: null });
    expect(view?.clockPausedAt?.toISOString()).toBe(pausedAt);

    // Stopped clocks (no due time) sort first in the commune's inbox, and keyset paging walks past them.
    const inbox: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; dueAt: string | null }[]; nextCursor: string | null } } =
        await ctx.api.call('GET', `/api/inbox?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { as: 'xa.hacau' });
      inbox.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(inbox).toContain(id);
    expect(new Set(inbox).size).toBe(inbox.length);
    expect(inbox.length).toBe(
      await ctx.system.models.DossierView.countDocuments({
        processingUnit: 'HN-HD-HC',
        currentRole: 'commune_officer',
      }),
    );

    // The applicant takes three days, far past the review's old due time: no timer fires while the clock is stopped.
    await ctx.skip(3 * 86400_000);
    const stillPaused = await stateOf(id);
    expect(stillPaused.seq).toBe(paused.seq);
    expect(await notesOf('lanhdao.hadong', id)).toEqual([]);

    // The SLA views count a stopped clock apart, and the counts equal a recount from the dossiers.
    const stopped = await ctx.api.call('GET', '/api/sla/pending?timeliness=stopped&limit=200', {
      as: 'lanhdao.hadong',
    });
    expect(stopped.body.items).toEqual([
      expect.objectContaining({ id, timeliness: null, dueAt: null, clockStoppedAt: pausedAt }),
    ]);
    const summary = await ctx.api.call('GET', '/api/sla/summary', { as: 'lanhdao.hadong' });
    expect(summary.body.totals.stopped).toBe(1);
    await expectSummaryEqualsRecount(ctx.system.models, summary.body);

    const resumed = await act('xa.hacau', id, { action: 'submit', data: proposalIn('HN-HD-HC') });
    expect(resumed.body).toMatchObject({ status: 'in_progress', currentStep: 'district-review' });
    const state = await stateOf(id);
    const resumeAt = Date.parse(state.stepStartedAt!);
    // Plain-hour limits: exactly the time left at the return, counted again from the resubmission.
    expect(Date.parse(resumed.body.dueAt) - resumeAt).toBe(Date.parse(dueAt) - Date.parse(pausedAt));
    expect(Date.parse(resumed.body.overallDueAt) - resumeAt).toBe(Date.parse(overallDueAt) - Date.parse(pausedAt));
    expect(Date.parse(resumed.body.dueAt) - Date.parse(dueAt)).toBeGreaterThanOrEqual(3 * 86400_000);
    expect((await viewOf(id))?.clockPausedAt).toBeNull();
    // The review's remaining 43 hours run again: the escalation comes at the new due time, not the old one.
    await skipPast(resumed.body.dueAt);
    const late = await eventually('the escalation after the resumption', async () => {
      const s = await stateOf(id);
      return s.clock?.escalatedAt ? s : undefined;
    });
    expect(Date.parse(late.clock!.escalatedAt!)).toBeGreaterThanOrEqual(Date.parse(resumed.body.dueAt));

    const again = await act('quan.hadong', id, { action: 'return', comment: 'Bổ sung lần hai' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('limit_reached');
    expect(again.body.error.message).toMatch(/số lần giới hạn/);
    const againEn = await act(
      'quan.hadong',
      id,
      { action: 'return', comment: 'Bổ sung lần hai' },
      { 'accept-language': 'en' },
    );
    expect(againEn.body.error.message).toMatch(/already returned for supplement 1 time/);

    // The control slip: one row per hand-off, with whom it went to and the step's timeliness.
    const slip = await ctx.api.call('GET', `/api/dossiers/${id}/control-slip`, { as: 'quan.hadong' });
    expect(slip.status).toBe(200);
    expect(slip.body.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'submit', 'return', 'submit']);
    expect(slip.body.rows[2]).toMatchObject({
      from: {
        userId: 'quan.hadong',
        // The person by full name, as the app and the PDF show it.
        name: DEMO_ACCOUNTS.find((a) => a.username === 'quan.hadong')!.displayName,
        role: 'district_officer',
        unitCode: 'HN-HD',
        step: 'district-review',
      },
      to: { role: 'commune_officer', unitCode: 'HN-HD-HC', step: 'proposal' },
      note: 'Bổ sung giấy tờ đất',
      stepDueAt: dueAt,
      result: { vi: 'Trả lại để bổ sung' },
    });
    for (const row of slip.body.rows) expect(['early', 'on_time']).toContain(row.timeliness.code);
    expect(slip.body.rows[0].timeliness.text).toEqual({ vi: 'đúng hạn', en: 'on time' });
    expect((await ctx.api.call('GET', `/api/dossiers/${id}/control-slip`, { as: 'xa2025.hadong' })).status).toBe(404);
    // The audit log (read model) holds the same hand-off fields.
    const audit = await ctx.system.models.AuditEntry.findById(`${id}#3`).lean();
    expect(audit).toMatchObject({ action: 'return', to: { role: 'commune_officer', unitCode: 'HN-HD-HC' } });

    // Withdrawal ends the clock: nothing is left to fire. It closed within the overall due time, so on time (a
    // dossier is judged by its overall due time, whatever its steps' escalations).
    expect((await act('xa.hacau', id, { action: 'withdraw', comment: 'Rút' })).body.status).toBe('withdrawn');
    const closed = await stateOf(id);
    expect(closed.clock).toMatchObject({ reminderAt: null, paused: null });
    expect(Date.parse(closed.closedAt!)).toBeLessThan(Date.parse(closed.clock!.overallDueAt!));
    await skipPast(closed.clock!.overallDueAt!);
    expect((await stateOf(id)).seq).toBe(closed.seq);
    expect((await viewOf(id))?.timeliness).toBe('on_time');
  });
});

describe('apology and extension', () => {
  it('moves the overall due time once, by the processing unit, to a working day after it; its escalation follows', async () => {
    const { id, overallDueAt } = await createSubmitted('housing-support-2024');
    // The promised day: the first working day a week after the current overall due date (Việt Nam time).
    let workday = addDays(localDateOf(Date.parse(overallDueAt)), 7);
    while (!(await ctx.system.calendar.day(workday, 'HN-HD')).working) workday = addDays(workday, 1);
    let dayOff = addDays(localDateOf(Date.now()), 1);
    while ((await ctx.system.calendar.day(dayOff, 'HN-HD')).working) dayOff = addDays(dayOff, 1);
    const extend = (user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      ctx.api.call('POST', `/api/dossiers/${id}/extension`, { as: user, body, headers });

    const letter = () =>
      fetch(`${ctx.system.baseUrl}/api/dossiers/${id}/extension-letter.pdf`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const token = await ctx.api.token('quan.hadong');
    const before = await letter();
    expect(before.status).toBe(409);
    expect(((await before.json()) as any).error.code).toBe('no_extension');
    expect((await extend('xa.hacau', { reason: 'Cần xác minh thêm', newDueDate: workday })).status).toBe(403);
    const noReason = await extend('quan.hadong', { newDueDate: 'mai' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/reason', '/newDueDate']),
    );
    const notWorking = await extend(
      'quan.hadong',
      { reason: 'Cần xác minh thêm', newDueDate: dayOff },
      { 'accept-language': 'en' },
    );
    expect(notWorking.status).toBe(422);
    expect(notWorking.body.error.fields).toEqual([
      expect.objectContaining({ path: '/newDueDate', message: `${dayOff} is not a working day` }),
    ]);

    const done = await extend('quan.hadong', { reason: 'Cần xác minh thêm hiện trạng nhà' }, {});
    expect(done.status).toBe(422);
    const ok = await extend('quan.hadong', { reason: 'Cần xác minh thêm hiện trạng nhà', newDueDate: workday });
    expect(ok.status).toBe(200);
    expect(ok.body.overallDueAt).toBe(new Date(`${workday}T17:00:00+07:00`).toISOString());
    const shown = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' });
    expect(shown.body.clock.extension).toMatchObject({
      previousDueAt: overallDueAt,
      newDueAt: ok.body.overallDueAt,
      reason: 'Cần xác minh thêm hiện trạng nhà',
      by: { userId: 'quan.hadong' },
    });
    expect(shown.body.history.at(-1)).toMatchObject({
      action: 'extend',
      previousDueAt: overallDueAt,
      newDueAt: ok.body.overallDueAt,
      comment: 'Cần xác minh thêm hiện trạng nhà',
    });
    await eventually('the extension in the read model', async () =>
      (await viewOf(id))?.overallDueAt?.toISOString() === ok.body.overallDueAt ? true : undefined,
    );
    // The letter (form 04) and the control slip as PDFs, for those who may read the dossier only.
    const pdf = await letter();
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const slip = await fetch(`${ctx.system.baseUrl}/api/dossiers/${id}/control-slip.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(slip.status).toBe(200);
    expect(
      Buffer.from(await slip.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const outsider = await fetch(`${ctx.system.baseUrl}/api/dossiers/${id}/control-slip.pdf`, {
      headers: { authorization: `Bearer ${await ctx.api.token('xa2025.hadong')}` },
    });
    expect(outsider.status).toBe(404);

    const second = await extend(
      'quan.hadong',
      { reason: 'Lần nữa', newDueDate: addDays(workday, 7) },
      { 'accept-language': 'en' },
    );
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'limit_reached' });
    expect(second.body.error.message).toMatch(/already extended once/);

    // The old overall due time passes without a dossier escalation; the new one brings it.
    await skipPast(overallDueAt);
    const passed = await stateOf(id);
    expect(passed.history.filter((h) => h.action === 'escalate').map((h) => h.scope)).toEqual(['step']);
    await skipPast(ok.body.overallDueAt);
    const escalated = await eventually('the dossier escalation at the promised time', async () => {
      const s = await stateOf(id);
      return s.clock?.overallEscalatedAt ? s : undefined;
    });
    expect(Date.parse(escalated.clock!.overallEscalatedAt!)).toBeGreaterThanOrEqual(Date.parse(ok.body.overallDueAt));
  });
});

describe('deadlines on the calendar', () => {
  it('gives a housing dossier an overall due time, and moves a step deadline only by a recorded recompute', async () => {
    const { id, dueAt, overallDueAt } = await createSubmitted('housing-support-2024');
    expect((await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body.processVersion).toBe(4);
    expect(Date.parse(overallDueAt)).toBeGreaterThan(Date.parse(dueAt));

    // A working day within the review (on the server's clock) becomes a day off.
    let day = addDays(localDateOf(await ctx.now()), 1);
    while (!(await ctx.system.calendar.day(day, 'HN')).working) day = addDays(day, 1);
    const edit = await ctx.api.call('POST', `/api/calendars/HN/${day.slice(0, 4)}/days`, {
      as: 'admin.hanoi',
      body: { date: day, kind: 'day_off', name: 'Nghỉ (thử)' },
    });
    expect(edit.status).toBe(200);
    let recomputedDueAt: string;
    try {
      expect((await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body.currentStep.dueAt).toBe(
        dueAt,
      );
      const recompute = (user: string, body: Record<string, unknown>) =>
        ctx.api.call('POST', `/api/dossiers/${id}/deadline/recompute`, { as: user, body });
      expect((await recompute('quan.hadong', { reason: 'Lịch thay đổi' })).status).toBe(403);
      expect((await recompute('admin.hanoi', { reason: ' ' })).status).toBe(422);
      const res = await recompute('admin.hanoi', { reason: 'Lịch nghỉ đột xuất' });
      expect(res.status).toBe(200);
      recomputedDueAt = res.body.dueAt;
      expect(Date.parse(recomputedDueAt)).toBeGreaterThan(Date.parse(dueAt));
      const state = await stateOf(id);
      expect(state.history.at(-1)).toMatchObject({
        action: 'recompute_deadline',
        previousDueAt: dueAt,
        newDueAt: recomputedDueAt,
        actor: { userId: 'admin.hanoi' },
      });
      expect(state.clock?.reminderAt && Date.parse(state.clock.reminderAt)).toBeLessThan(Date.parse(recomputedDueAt));
    } finally {
      await ctx.api.call('POST', `/api/calendars/HN/${day.slice(0, 4)}/days`, {
        as: 'admin.hanoi',
        body: { date: day, kind: 'default' },
      });
    }
    // The escalation follows the recomputed deadline: not at the old due time, at the new one.
    await skipPast(dueAt);
    expect((await stateOf(id)).clock?.escalatedAt).toBeNull();
    await skipPast(recomputedDueAt);
    await eventually('the escalation at the recomputed deadline', async () =>
      (await stateOf(id)).clock?.escalatedAt ? true : undefined,
    );
    // Deciding the step still works after a recompute, and the approval form is what it asks for.
    const approved = await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') });
    expect(approved.status).toBe(200);
  });
});
