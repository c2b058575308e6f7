import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';
import { simulateTimer } from './support/simulate-timer';

const ctx = useTestSystem();
const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
async function create(user: string, unit: string): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey: 'housing-support-2024', data: proposalIn(unit) },
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
  let hacau: string, yennghia: string, overdue: string, finished: string;
  beforeAll(async () => {
    hacau = await create('xa.hacau', 'HN-HD-HC');
    yennghia = await create('xa.yennghia', 'HN-HD-YN');
    await act('xa.yennghia', yennghia, { action: 'submit' });
    overdue = await create('xa.phuluong', 'HN-HD-PL');
    await act('xa.phuluong', overdue, { action: 'submit' });
    finished = await create('xa.dongmai', 'HN-HD-DM');
    await act('xa.dongmai', finished, { action: 'submit' });
    await act('quan.hadong', finished, { action: 'reject', comment: 'Không đủ điều kiện' });
    // Time passes for one dossier: its district review is now past due.
    await simulateTimer(ctx.system.models, overdue, 'overdue');
  });

  it("lists what is pending in the caller's units and below, oldest due first, with whom it waits for", async () => {
    const district = await pendingIds('quan.hadong');
    expect(district).toEqual(expect.arrayContaining([hacau, yennghia, overdue]));
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
    expect(res.body.pending).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unit: 'HN-HD',
          level: 'district',
          programme: 'housing',
          status: 'in_progress',
          overdue: 1,
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
});
