// Administering funds over HTTP against the real FerretDB: editing a fund (name, campaign window, deactivation),
// paging the administrators' list with balances, and the officers' list of funds a dossier of a unit may draw on.
import { randomUUID } from 'node:crypto';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;

const send = (method: string, path: string, as: string, body?: unknown, key?: string) =>
  ctx.api.call(method, path, {
    as,
    ...(body === undefined ? {} : { body }),
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });
const fieldsOf = (body: any): string[] => body.error.fields.map((f: { path: string }) => f.path);

async function createFund(unitCode: string, name: string, window: object = {}): Promise<string> {
  const created = await send('POST', '/api/admin/funds', 'admin.hanoi', { unitCode, kind: 'sponsor', name, ...window });
  expect(created.status).toBe(201);
  return created.body._id;
}

async function receive(id: string, amount: number, date: string): Promise<void> {
  const answer = await send('POST', `/api/admin/funds/${id}/receipts`, 'admin.hanoi', { amount, date }, randomUUID());
  expect(answer.status).toBe(201);
}

describe('editing a fund', () => {
  it('renames it, moves its campaign window, deactivates and reactivates it, each change audited', async () => {
    const id = await createFund('HN-HD', 'Quỹ Vì người nghèo quận Hà Đông 2024', {
      campaignFrom: '2024-02-03',
      campaignTo: '2024-05-19',
    });
    await receive(id, 20 * M, '2024-03-01');

    const renamed = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', {
      name: 'Quỹ Vì người nghèo quận Hà Đông — đợt 2024',
      campaignTo: '2024-06-30',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      _id: id,
      name: 'Quỹ Vì người nghèo quận Hà Đông — đợt 2024',
      campaignFrom: '2024-02-03',
      campaignTo: '2024-06-30',
      active: true,
      unitCode: 'HN-HD',
    });
    await receive(id, 1 * M, '2024-06-15');

    const off = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', { active: false });
    expect(off.body.active).toBe(false);
    const open = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', { campaignFrom: null, active: true });
    expect(open.body).toMatchObject({ active: true, campaignFrom: null, campaignTo: '2024-06-30' });

    const stored = await ctx.system.models.Fund.findById(id).lean();
    expect(stored).toMatchObject({ name: 'Quỹ Vì người nghèo quận Hà Đông — đợt 2024', active: true });
    const events = await ctx.system.models.AdminEvent.find({ target: id }).sort({ at: 1 }).lean();
    expect(events.map((e) => e.kind)).toEqual([
      'fund.create',
      'fund.receipt',
      'fund.update',
      'fund.receipt',
      'fund.update',
      'fund.update',
    ]);
    expect(events[4]!.details).toEqual({ active: false });
  });

  it('refuses a window that would leave out a receipt already recorded, at the bound that does', async () => {
    const id = await createFund('HN-HD', 'Hội Liên hiệp Phụ nữ quận Hà Đông');
    await receive(id, 5 * M, '2024-03-10');
    await receive(id, 5 * M, '2024-04-20');

    const narrower = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', {
      campaignFrom: '2024-03-15',
      campaignTo: '2024-04-01',
    });
    expect(narrower.status).toBe(422);
    expect(fieldsOf(narrower.body).sort()).toEqual(['/campaignFrom', '/campaignTo']);
    expect(narrower.body.error.fields[0].message).toContain('10/03/2024');
    const holdsBoth = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', {
      campaignFrom: '2024-03-10',
      campaignTo: '2024-04-20',
    });
    expect(holdsBoth.status).toBe(200);
    expect((await ctx.system.models.Fund.findById(id).lean())?.campaignFrom).toBe('2024-03-10');
  });

  it('answers 422 field by field, 404 for an unknown fund and 403 for someone who does not administer its unit', async () => {
    const id = await createFund('HN-HD', 'Nhà tài trợ B');
    const cases: [unknown, string[]][] = [
      [{}, ['']],
      [{ name: '' }, ['/name']],
      [{ kind: 'other' }, ['/kind']],
      [{ unitCode: 'HN' }, ['/unitCode']],
      [{ active: 'no' }, ['/active']],
      [{ campaignFrom: '2024-13-01' }, ['/campaignFrom']],
      [{ campaignFrom: '2024-05-01', campaignTo: '2024-04-01' }, ['/campaignTo']],
    ];
    for (const [body, fields] of cases) {
      const refused = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', body);
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(expect.arrayContaining(fields));
    }
    expect((await send('PATCH', `/api/admin/funds/${randomUUID()}`, 'admin.hanoi', { active: false })).status).toBe(
      404,
    );
    expect((await send('PATCH', `/api/admin/funds/${id}`, 'quan.hadong', { active: false })).status).toBe(403);
    expect((await ctx.system.models.Fund.findById(id).lean())?.active).toBe(true);
  });
});

describe('the administrators’ list of funds', () => {
  it('pages oldest first with each fund’s derived balance, every fund exactly once', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await createFund('HN-HD-YN', `Quỹ phường Yên Nghĩa ${i}`));
    await receive(ids[2]!, 7 * M, '2026-01-05');

    const seen: { _id: string; balance: { available: number } }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/admin/funds?unit=HN-HD-YN&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await send('GET', query, 'admin.hanoi');
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((f) => f._id)).toEqual(ids);
    expect(seen[2]!.balance).toEqual({ received: 7 * M, committed: 0, paid: 0, available: 7 * M });
    expect(seen[0]!.balance.available).toBe(0);

    const bad = await send('GET', '/api/admin/funds?cursor=bm90LWpzb24', 'admin.hanoi');
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(['/query/cursor']);
  });
});

describe('the funds a dossier of a unit may draw on', () => {
  it('lists the active funds of the unit and of every unit above it, nearest first, with their balance', async () => {
    const ward = await createFund('HN-HD-DM', 'Quỹ phường Đồng Mai');
    const district = await createFund('HN-HD', 'Ngân sách quận Hà Đông (đồng Mai)');
    const province = await createFund('HN', 'Quỹ Vì người nghèo thành phố');
    const otherWard = await createFund('HN-HD-PL', 'Quỹ phường Phú Lương');
    const closed = await createFund('HN-HD', 'Quỹ đã đóng');
    await send('PATCH', `/api/admin/funds/${closed}`, 'admin.hanoi', { active: false });
    await receive(district, 30 * M, '2026-01-05');

    const answer = await send('GET', '/api/funds?unit=HN-HD-DM&active=true', 'xa.dongmai');
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((f: { _id: string }) => f._id);
    expect(ids).toEqual(expect.arrayContaining([ward, district, province]));
    expect(ids).not.toContain(otherWard);
    expect(ids).not.toContain(closed);
    const levels = answer.body.items.map((f: { level: string }) => f.level);
    expect(levels).toEqual(
      [...levels].sort(
        (a, b) => ['commune', 'district', 'province'].indexOf(a) - ['commune', 'district', 'province'].indexOf(b),
      ),
    );
    expect(answer.body.items.find((f: { _id: string }) => f._id === district)).toEqual({
      _id: district,
      name: 'Ngân sách quận Hà Đông (đồng Mai)',
      kind: 'sponsor',
      unitCode: 'HN-HD',
      level: 'district',
      active: true,
      balance: { received: 30 * M, committed: 0, paid: 0, available: 30 * M },
    });

    const withInactive = await send('GET', '/api/funds?unit=HN-HD-DM&active=false', 'quan.hadong');
    expect(withInactive.body.items.map((f: { _id: string }) => f._id)).toContain(closed);
  });

  it('refuses someone with no role at the unit or above (403), an unknown unit (404) and a missing unit (422)', async () => {
    expect((await send('GET', '/api/funds?unit=HN-HD-DM', 'xa.hacau')).status).toBe(403);
    expect((await send('GET', '/api/funds?unit=HN-HD-ZZ', 'tp.hanoi')).status).toBe(404);
    const missing = await send('GET', '/api/funds', 'tp.hanoi');
    expect(missing.status).toBe(422);
    expect(fieldsOf(missing.body)).toEqual(['/query/unit']);
    expect((await ctx.api.call('GET', '/api/funds?unit=HN-HD-DM', {})).status).toBe(401);
  });
});
