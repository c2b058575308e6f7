import { getState, type DossierState } from '../../workflows/messages';
import { example, proposalIn } from './support/form-examples';
import { slaTestDefinition } from './support/sla-test-definition';
import { useTestSystem } from './support/use-test-system';
import { rebuildSlaCounters } from '../../read-model/sla/rebuild-sla-counters';

/**
 * The SLA clock end to end, on real Temporal timers: a test-only process (`sla-test`, published like any other)
 * whose review step has 0.008 plain hours (28.8 s) and a reminder at 10% of it, so reminders and
 * escalations fire within the test. Nothing sleeps for a guessed time: tests poll for the state they expect (with
 * a generous limit) or wait until a known instant has passed.
 */
const ctx = useTestSystem();

const act = (user: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body, headers });
const stateOf = (id: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
const viewOf = async (id: string) => ctx.system.models.DossierView.findById(id).lean();

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

/** Polls `probe` until it returns a value other than undefined (every 200 ms, at most `limitMs`). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 90_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const until = async (instant: number) => {
  while (Date.now() < instant) await new Promise((r) => setTimeout(r, Math.min(500, instant - Date.now())));
};
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

beforeAll(async () => {
  expect(await ctx.system.processes.publish(slaTestDefinition(), 'test')).toMatchObject({ ref: 'sla-test@1' });
});

describe('reminders and escalation', () => {
  it('reminds the assignees, then escalates to the unit heads, and the read model follows without anyone acting', async () => {
    const waiting = await create();
    const { id } = await createSubmitted();

    const near = await eventually('near due in the read model', async () => {
      const view = await viewOf(id);
      return view?.timeliness === 'near_due' ? view : undefined;
    });
    const reminders = await notesOf('quan.hadong', id);
    expect(reminders).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        scope: 'step',
        step: 'district-review',
        recipient: { role: 'district_officer', unitCode: 'HN-HD' },
      }),
    ]);

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
    expect(Date.parse(timerEvents[0]!.at)).toBeLessThanOrEqual(Date.parse(timerEvents[1]!.at));
    expect(Date.parse(timerEvents[1]!.at)).toBeGreaterThanOrEqual(Date.parse(state.dueAt!));
    expect(state.clock).toMatchObject({ remindedAt: timerEvents[0]!.at, escalatedAt: timerEvents[1]!.at });

    // The escalation reaches the head of the district and the head one level up (the city), not the officer.
    expect((await notesOf('lanhdao.hadong', id)).map((n) => [n.kind, n.recipient.unitCode])).toEqual([
      ['escalation', 'HN-HD'],
    ]);
    expect((await notesOf('lanhdao.hanoi', id)).map((n) => [n.kind, n.recipient.unitCode])).toEqual([
      ['escalation', 'HN'],
    ]);
    expect((await notesOf('quan.hadong', id)).map((n) => n.kind)).toEqual(['reminder']);
    expect(await notesOf('xa.hacau', id)).toEqual([]);

    // The API computes the same timeliness from the stored times, and the pending view lists it as overdue.
    expect((await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body.timeliness).toBe('overdue');
    const pending = await ctx.api.call('GET', '/api/sla/pending?timeliness=overdue&limit=200', { as: 'lanhdao.hanoi' });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(id);
    // The summary's counters followed the timers: the district's overdue count equals its overdue list, and the
    // counters equal a recount from the read model.
    const summary = await ctx.api.call('GET', '/api/sla/summary?unit=HN-HD', { as: 'lanhdao.hanoi' });
    const overdueHere = await ctx.api.call('GET', '/api/sla/pending?unit=HN-HD&timeliness=overdue&limit=200', {
      as: 'lanhdao.hanoi',
    });
    expect(summary.body.totals.overdue).toBe(overdueHere.body.items.length);
    expect(summary.body.totals.overdue).toBeGreaterThanOrEqual(1);
    const counted = await ctx.system.models.SlaCounter.find({}).sort({ _id: 1 }).lean();
    await rebuildSlaCounters(ctx.system.models);
    const recounted = await ctx.system.models.SlaCounter.find({}).sort({ _id: 1 }).lean();
    // Counts that went back to 0 stay in the maintained counters; a recount never writes them.
    const nonZero = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value;
      const kept = Object.entries(value)
        .map(([k, v]) => [k, nonZero(v)] as const)
        .filter(([, v]) => v !== 0 && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0));
      return Object.fromEntries(kept);
    };
    const counts = (rows: object[]) =>
      rows.map(nonZero).filter((r) => Object.keys(r as object).some((k) => k === 'c' || k === 'm'));
    expect(counts(counted)).toEqual(counts(recounted));
    // A dossier whose step has an hour left is still not due.
    expect((await viewOf(waiting))?.timeliness).toBe('not_due');

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

  it('fires timers that came due while no worker ran, in order, once a worker is back', async () => {
    const { id, dueAt } = await createSubmitted();
    await ctx.system.stopWorker();
    try {
      await until(Date.parse(dueAt) + 1000);
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
      (await viewOf(id))?.timeliness === 'overdue' ? true : undefined,
    );
  });
});

describe('return for supplement', () => {
  it('stops the clock while the applicant supplements and resumes with the time that was left; once per dossier', async () => {
    const { id, dueAt, overallDueAt } = await createSubmitted();
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

    // The SLA views count a stopped clock apart, and the counts still match the lists behind them.
    const stopped = await ctx.api.call('GET', '/api/sla/pending?timeliness=stopped&limit=200', {
      as: 'lanhdao.hadong',
    });
    expect(stopped.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, timeliness: null, dueAt: null, clockStoppedAt: pausedAt }),
      ]),
    );
    const summary = await ctx.api.call('GET', '/api/sla/summary', { as: 'lanhdao.hadong' });
    expect(summary.body.totals.stopped).toBe(stopped.body.items.length);
    const open = await ctx.api.call('GET', '/api/sla/pending?limit=200', { as: 'lanhdao.hadong' });
    expect(summary.body.totals.total).toBe(open.body.items.length);

    await until(Date.parse(pausedAt) + 2000); // the applicant takes (at least) two seconds
    const resumed = await act('xa.hacau', id, { action: 'submit', data: proposalIn('HN-HD-HC') });
    expect(resumed.body).toMatchObject({ status: 'in_progress', currentStep: 'district-review' });
    const state = await stateOf(id);
    const resumeAt = Date.parse(state.stepStartedAt!);
    // Plain-hour limits: exactly the time left at the return, counted again from the resubmission.
    expect(Date.parse(resumed.body.dueAt) - resumeAt).toBe(Date.parse(dueAt) - Date.parse(pausedAt));
    expect(Date.parse(resumed.body.overallDueAt) - resumeAt).toBe(Date.parse(overallDueAt) - Date.parse(pausedAt));
    expect(Date.parse(resumed.body.dueAt) - Date.parse(dueAt)).toBeGreaterThanOrEqual(2000);
    expect((await viewOf(id))?.clockPausedAt).toBeNull();

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
      from: { userId: 'quan.hadong', role: 'district_officer', unitCode: 'HN-HD', step: 'district-review' },
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

    // Withdrawal ends the clock: nothing is left to fire.
    expect((await act('xa.hacau', id, { action: 'withdraw', comment: 'Rút' })).body.status).toBe('withdrawn');
    const closed = await stateOf(id);
    expect(closed.clock).toMatchObject({ reminderAt: null, paused: null });
    expect((await viewOf(id))?.timeliness).toBe('on_time');
  });
});

describe('apology and extension', () => {
  it('moves the overall due time once, by the processing unit, to a working day after it', async () => {
    const { id, overallDueAt } = await createSubmitted();
    const localToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const addDays = (date: string, n: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
    let workday = addDays(localToday, 1);
    while (!(await ctx.system.calendar.day(workday, 'HN-HD')).working) workday = addDays(workday, 1);
    let dayOff = addDays(localToday, 1);
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
  });
});

describe('deadlines on the calendar', () => {
  it('gives a housing dossier an overall due time, and moves a step deadline only by a recorded recompute', async () => {
    const { id, dueAt, overallDueAt } = await createSubmitted('housing-support-2024');
    expect((await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body.processVersion).toBe(2);
    expect(Date.parse(overallDueAt)).toBeGreaterThan(Date.parse(dueAt));

    const localToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const addDays = (date: string, n: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
    let day = addDays(localToday, 1);
    while (!(await ctx.system.calendar.day(day, 'HN')).working) day = addDays(day, 1);
    const edit = await ctx.api.call('POST', `/api/calendars/HN/${day.slice(0, 4)}/days`, {
      as: 'admin.hanoi',
      body: { date: day, kind: 'day_off', name: 'Nghỉ (thử)' },
    });
    expect(edit.status).toBe(200);
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
      expect(Date.parse(res.body.dueAt)).toBeGreaterThan(Date.parse(dueAt));
      const state = await stateOf(id);
      expect(state.history.at(-1)).toMatchObject({
        action: 'recompute_deadline',
        previousDueAt: dueAt,
        newDueAt: res.body.dueAt,
        actor: { userId: 'admin.hanoi' },
      });
      expect(state.clock?.reminderAt && Date.parse(state.clock.reminderAt)).toBeLessThan(Date.parse(res.body.dueAt));
    } finally {
      await ctx.api.call('POST', `/api/calendars/HN/${day.slice(0, 4)}/days`, {
        as: 'admin.hanoi',
        body: { date: day, kind: 'default' },
      });
    }
    // Deciding the step still works after a recompute, and the approval form is what it asks for.
    const approved = await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') });
    expect(approved.status).toBe(200);
  });
});
