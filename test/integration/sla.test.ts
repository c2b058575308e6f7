import { getState } from '../../workflows/messages';
import { recordedTimeliness } from '../../domain/sla/recorded-timeliness';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';
import { LATE_PROCESS, NEAR_PROCESS, publishShortSlaProcesses, untilRecorded } from './support/short-sla-processes';
import { expectSummaryEqualsRecount } from './support/recounted-sla-summary';

/**
 * The SLA views (GET /api/sla/pending and /api/sla/summary) on dossiers whose timeliness the workflow's own timers
 * recorded: one on a process whose district review lasts 3.6 s (escalated, overdue), one whose reminder comes after
 * 3.6 s (near due), the others on housing-support-2024 (within their time). The summary is compared with a recount
 * from the dossiers' documents, and each dossier's bucket with what its workflow recorded.
 */
const ctx = useTestSystem();
const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
async function create(user: string, unit: string, processKey = 'housing-support-2024'): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey, data: proposalIn(unit) },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function pendingIds(user: string, query = ''): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await ctx.api.call(
      'GET',
      `/api/sla/pending?${query}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      { as: user },
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

describe('SLA views', () => {
  let hacau: string, yennghia: string, overdue: string, near: string, finished: string;
  beforeAll(async () => {
    await publishShortSlaProcesses(ctx.system.processes);
    // Its district review lasts 3.6 s: the workflow escalates it on its own.
    overdue = await create('xa.phuluong', 'HN-HD-PL', LATE_PROCESS);
    await act('xa.phuluong', overdue, { action: 'submit' });
    // Its reminder comes 3.6 s into an hour's review.
    near = await create('xa.duongnoi', 'HN-HD-DN', NEAR_PROCESS);
    await act('xa.duongnoi', near, { action: 'submit' });
    hacau = await create('xa.hacau', 'HN-HD-HC');
    yennghia = await create('xa.yennghia', 'HN-HD-YN');
    await act('xa.yennghia', yennghia, { action: 'submit' });
    finished = await create('xa.dongmai', 'HN-HD-DM');
    await act('xa.dongmai', finished, { action: 'submit' });
    await act('quan.hadong', finished, { action: 'reject', comment: 'Không đủ điều kiện' });
    await untilRecorded(ctx.system.models, overdue, 'overdue');
    await untilRecorded(ctx.system.models, near, 'near_due');
  });

  it("lists what is pending in the caller's units and below, oldest due first, with whom it waits for", async () => {
    const district = await pendingIds('quan.hadong');
    expect(district).toEqual(expect.arrayContaining([hacau, yennghia, overdue, near]));
    expect(district).not.toContain(finished);
    expect(district[0]).toBe(overdue);
    expect(await pendingIds('xa.hacau')).toEqual([hacau]);
    const page = await ctx.api.call('GET', '/api/sla/pending?timeliness=overdue', { as: 'tp.hanoi' });
    expect(page.body.items).toEqual([
      expect.objectContaining({
        id: overdue,
        timeliness: 'overdue',
        waitingFor: { unit: 'HN-HD', role: 'district_officer', level: 'district' },
      }),
    ]);
    expect((await ctx.api.call('GET', '/api/sla/pending?unit=HN-HD', { as: 'xa.hacau' })).status).toBe(403);
    expect((await ctx.api.call('GET', '/api/sla/pending?timeliness=soon', { as: 'tp.hanoi' })).status).toBe(422);
  });

  it('counts by unit, level, programme, state and timeliness, matching the lists behind the counts', async () => {
    const res = await ctx.api.call('GET', '/api/sla/summary?unit=HN-HD', { as: 'tp.hanoi' });
    expect(res.status).toBe(200);
    const all = await pendingIds('tp.hanoi', 'unit=HN-HD');
    expect(res.body.totals.total).toBe(all.length);
    for (const t of ['not_due', 'near_due', 'overdue']) {
      expect(res.body.totals[t]).toBe((await pendingIds('tp.hanoi', `unit=HN-HD&timeliness=${t}`)).length);
    }
    expect(res.body.totals).toMatchObject({ total: 4, not_due: 2, near_due: 1, overdue: 1, stopped: 0 });
    await expectSummaryEqualsRecount(ctx.system.models, res.body);
    expect(res.body.pending).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unit: 'HN-HD',
          level: 'district',
          programme: 'housing',
          status: 'in_progress',
          overdue: 1,
          near_due: 1,
          not_due: 1,
        }),
        expect.objectContaining({ unit: 'HN-HD-HC', level: 'commune', status: 'received' }),
      ]),
    );
    expect(res.body.finished.items).toEqual(
      expect.arrayContaining([{ unit: null, processKey: 'housing-support-2024', onTime: 1, late: 0, onTimeRate: 1 }]),
    );
    const byUnit = await ctx.api.call('GET', '/api/sla/summary?unit=HN-HD&finishedBy=unit', { as: 'tp.hanoi' });
    expect(byUnit.body.finished.items).toEqual(
      expect.arrayContaining([
        { unit: 'HN-HD-DM', processKey: 'housing-support-2024', onTime: 1, late: 0, onTimeRate: 1 },
      ]),
    );
    expect(byUnit.body.finished.byMonth).toEqual(res.body.finished.byMonth);
    expect((await ctx.api.call('GET', '/api/sla/summary?finishedBy=commune', { as: 'tp.hanoi' })).status).toBe(422);
    expect((await ctx.api.call('GET', '/api/sla/summary?from=yesterday', { as: 'tp.hanoi' })).status).toBe(422);
  });

  it("lists behind one bar of the summary's pending rows: processingUnit takes only what waits in that very unit", async () => {
    const res = await ctx.api.call('GET', '/api/sla/summary?unit=HN-HD', { as: 'tp.hanoi' });
    const rows: { unit: string; total: number; overdue: number }[] = res.body.pending;
    for (const unit of ['HN-HD', 'HN-HD-HC']) {
      const expected = rows.filter((r) => r.unit === unit).reduce((n, r) => n + r.total, 0);
      const ids = await pendingIds('tp.hanoi', `processingUnit=${unit}`);
      expect(ids).toHaveLength(expected);
      if (unit === 'HN-HD-HC') expect(ids).toContain(hacau);
      else expect(ids).not.toContain(hacau);
    }
    expect(await pendingIds('tp.hanoi', 'processingUnit=HN-HD&timeliness=overdue')).toEqual([overdue]);
    // Still limited to the caller's units: the commune sees nothing waiting at the district.
    expect(await pendingIds('xa.hacau', 'processingUnit=HN-HD')).toEqual([]);
    for (const lang of ['vi', 'en']) {
      const bad = await ctx.api.call('GET', '/api/sla/pending?processingUnit=%24ne', {
        as: 'tp.hanoi',
        headers: { 'accept-language': lang },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: '/query/processingUnit' })]);
    }
  });

  it('lists each dossier under the timeliness its workflow recorded, and the whole summary equals a recount', async () => {
    for (const id of [hacau, yennghia, overdue, near]) {
      const state = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
      const recorded = recordedTimeliness(state);
      expect([id, recorded]).toEqual([id, expect.stringMatching(/^(not_due|near_due|overdue)$/)]);
      expect([id, await pendingIds('tp.hanoi', `timeliness=${recorded}`)]).toEqual([id, expect.arrayContaining([id])]);
    }
    const all = await ctx.api.call('GET', '/api/sla/summary', { as: 'lanhdao.hanoi' });
    await expectSummaryEqualsRecount(ctx.system.models, all.body);
    expect(all.body.finished.byMonth.reduce((n: number, m: { onTime: number }) => n + m.onTime, 0)).toBe(1);
  });
});
