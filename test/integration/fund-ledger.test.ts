// A fund's append-only ledger against the real FerretDB: receipts and paging, commitments that never over-commit under
// concurrent writers, references that make a retry a no-op, releases that restore the balance.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../api/auth/hash-password';
import { FundInsufficientError } from '../../api/errors';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { createLedger } from '../../api/funds/create-ledger';
import { balanceOf } from '../../domain/funds/ledger-balance';
import type { FundKind } from '../../domain/funds/fund-kinds';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { useTestSystem } from './support/use-test-system';
import { createTestFund } from './support/create-test-fund';

const ctx = useTestSystem();
const M = 1_000_000;

const newFund = (name: string, kind: FundKind = 'fund_for_the_poor'): Promise<string> =>
  createTestFund(ctx.system.models, name, { kind });

const entriesOf = (fundId: string) =>
  ctx.system.models.LedgerEntry.find({ fundId }).sort({ seq: 1 }).lean<LedgerEntryDoc[]>();

describe('the ledger service', () => {
  it('20 concurrent commitments of 30 M against 100 M: exactly 3 succeed, the ledger stays contiguous and balanced', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Quỹ Vì người nghèo quận Hà Đông');
    await ledger.receive(fundId, { amount: 100 * M, reference: 'receipt-1', by: 'admin.hanoi' });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ledger.commit(fundId, { amount: 30 * M, reference: `commit-${i}`, by: 'quy.hadong', dossierId: `D-${i}` }),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const error of refused) {
      expect(error).toBeInstanceOf(FundInsufficientError);
      expect(error).toMatchObject({ status: 409, code: 'fund_insufficient', available: 10 * M });
      expect(error.localized.vi).toBe(
        'Nguồn kinh phí "Quỹ Vì người nghèo quận Hà Đông" chỉ còn 10.000.000 ₫, không đủ để cam kết 30.000.000 ₫',
      );
    }

    const balance = await ledger.balance(fundId);
    expect(balance).toEqual({ received: 100 * M, committed: 90 * M, paid: 0, available: 10 * M });
    const entries = await entriesOf(fundId);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(balanceOf(entries)).toEqual(balance);
    for (const [i, entry] of entries.entries()) expect(entry.balanceAfter).toEqual(balanceOf(entries.slice(0, i + 1)));
  });

  it('a retried commitment with the same reference is a no-op that answers the first entry', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Hội Liên hiệp Phụ nữ quận Hà Đông', 'mass_organisation');
    await ledger.receive(fundId, { amount: 50 * M, reference: 'receipt-1', by: 'admin.hanoi' });
    const write = { amount: 20 * M, reference: 'approval:D-7:women-union', by: 'quy.hadong', dossierId: 'D-7' };

    const first = await ledger.commit(fundId, write);
    const again = await Promise.all([ledger.commit(fundId, write), ledger.commit(fundId, write)]);
    expect(again.map((e) => e._id)).toEqual([first._id, first._id]);
    expect(await ledger.balance(fundId)).toEqual({ received: 50 * M, committed: 20 * M, paid: 0, available: 30 * M });
    expect(await entriesOf(fundId)).toHaveLength(2);

    await expect(ledger.commit(fundId, { ...write, amount: 21 * M })).rejects.toMatchObject({
      status: 409,
      code: 'ledger_reference_reused',
    });
  });

  it('concurrent first attempts of one reference append one entry and all answer it', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Liên đoàn Lao động quận Hà Đông', 'mass_organisation');
    await ledger.receive(fundId, { amount: 50 * M, reference: 'receipt-1', by: 'admin.hanoi' });
    const write = { amount: 10 * M, reference: 'approval:D-9:labour', by: 'quy.hadong', dossierId: 'D-9' };

    const answers = await Promise.all(Array.from({ length: 8 }, () => ledger.commit(fundId, write)));
    expect(new Set(answers.map((e) => e._id)).size).toBe(1);
    expect((await entriesOf(fundId)).map((e) => e.kind)).toEqual(['receipt', 'commitment']);
    expect(await ledger.balance(fundId)).toEqual({ received: 50 * M, committed: 10 * M, paid: 0, available: 40 * M });
  });

  it('a release after a commitment restores the balance; a payment moves committed to paid', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Ngân sách quận Hà Đông', 'state_budget');
    await ledger.receive(fundId, { amount: 100 * M, reference: 'r', by: 'admin.hanoi' });
    await ledger.commit(fundId, { amount: 60 * M, reference: 'c1', by: 'quy.hadong', dossierId: 'D-1' });
    await ledger.release(fundId, { amount: 60 * M, reference: 'x1', by: 'quy.hadong', dossierId: 'D-1' });
    expect(await ledger.balance(fundId)).toEqual({ received: 100 * M, committed: 0, paid: 0, available: 100 * M });

    await ledger.commit(fundId, { amount: 50 * M, reference: 'c2', by: 'quy.hadong', dossierId: 'D-2' });
    await ledger.pay(fundId, { amount: 50 * M, reference: 'p2', by: 'quy.hadong', dossierId: 'D-2' });
    expect(await ledger.balance(fundId)).toEqual({ received: 100 * M, committed: 0, paid: 50 * M, available: 50 * M });
    await expect(
      ledger.release(fundId, { amount: 1, reference: 'x3', by: 'quy.hadong', dossierId: 'D-2' }),
    ).rejects.toMatchObject({ status: 409, code: 'ledger_exceeds_commitment' });
  });

  it('pages the entries oldest first with the derived balance', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Công ty TNHH Minh Phát', 'business');
    for (let i = 1; i <= 5; i++) await ledger.receive(fundId, { amount: i * M, reference: `r${i}`, by: 'admin.hanoi' });

    const first = await ledger.entries(fundId, { limit: 2 });
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.next).toBe(2);
    expect(first.balance).toEqual({ received: 15 * M, committed: 0, paid: 0, available: 15 * M });
    const last = await ledger.entries(fundId, { after: 4, limit: 2 });
    expect(last.entries.map((e) => e.amount)).toEqual([5 * M]);
    expect(last.next).toBeNull();
  });

  it('refuses bad amounts field by field and an unknown fund with 404', async () => {
    const ledger = createLedger({ models: ctx.system.models });
    const fundId = await newFund('Hội Chữ thập đỏ quận Hà Đông', 'mass_organisation');
    for (const amount of [0, -5, 1.5]) {
      await expect(
        ledger.receive(fundId, { amount, reference: `bad-${amount}`, by: 'admin.hanoi' }),
      ).rejects.toMatchObject({ status: 422, fields: [expect.objectContaining({ path: '/amount' })] });
    }
    await expect(ledger.receive(randomUUID(), { amount: 1, reference: 'r', by: 'admin.hanoi' })).rejects.toMatchObject({
      status: 404,
    });
    expect(await entriesOf(fundId)).toEqual([]);
  });
});

describe('the fund API', () => {
  const post = (path: string, as: string, body: unknown, key?: string) =>
    ctx.api.call('POST', path, { as, body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
  const fieldsOf = (body: any) => body.error.fields.map((f: { path: string }) => f.path);

  beforeAll(async () => {
    // Another province with its own administrator, who administers nothing of Hà Nội.
    await ctx.system.models.Unit.create({
      _id: 'HP',
      name: 'Thành phố Hải Phòng',
      level: 'province',
      parentCode: null,
      effectiveFrom: '2000-01-01',
      effectiveTo: null,
      successorCode: null,
    });
    await ctx.system.models.User.create({
      _id: 'admin.haiphong',
      displayName: 'Quản trị Hải Phòng',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      grants: [{ role: 'admin', unitCode: 'HP' }],
      active: true,
    });
  });

  it('creates a fund, records receipts once per Idempotency-Key, pages the ledger and audits both', async () => {
    const created = await post('/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'fund_for_the_poor',
      name: 'Quỹ Vì người nghèo quận Hà Đông',
      campaignFrom: '2024-02-03',
      campaignTo: '2024-05-19',
    });
    expect(created).toMatchObject({ status: 201, body: { unitCode: 'HN-HD', level: 'district', active: true } });
    const id = created.body._id;

    const first = await post(
      `/api/admin/funds/${id}/receipts`,
      'admin.hanoi',
      { amount: 100 * M, date: '2024-02-10' },
      'receipt-0001',
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      seq: 1,
      kind: 'receipt',
      valueDate: '2024-02-10',
      balanceAfter: { available: 100 * M },
    });
    const replay = await post(
      `/api/admin/funds/${id}/receipts`,
      'admin.hanoi',
      { amount: 100 * M, date: '2024-02-10' },
      'receipt-0001',
    );
    expect(replay.body._id).toBe(first.body._id);
    await post(
      `/api/admin/funds/${id}/receipts`,
      'admin.hanoi',
      { amount: 5 * M, date: '2024-03-01', note: 'Công ty TNHH Minh Phát ủng hộ' },
      'receipt-0002',
    );
    const outside = await post(
      `/api/admin/funds/${id}/receipts`,
      'admin.hanoi',
      { amount: 1, date: '2024-06-01' },
      'receipt-0003',
    );
    expect(outside.status).toBe(422);
    expect(fieldsOf(outside.body)).toEqual(['/date']);

    const page1 = await ctx.api.call('GET', `/api/funds/${id}/ledger?limit=1`, { as: 'quan.hadong' });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ next: 1, balance: { received: 105 * M, available: 105 * M } });
    expect(page1.body.entries.map((e: { seq: number }) => e.seq)).toEqual([1]);
    const page2 = await ctx.api.call('GET', `/api/funds/${id}/ledger?after=1&limit=1`, { as: 'tp.hanoi' });
    expect(page2.body).toMatchObject({ next: null, entries: [{ seq: 2, amount: 5 * M }] });
    const balance = await ctx.api.call('GET', `/api/funds/${id}/balance`, { as: 'quy.hadong' });
    expect(balance.body).toEqual({
      fundId: id,
      balance: { received: 105 * M, committed: 0, paid: 0, available: 105 * M },
    });

    const list = await ctx.api.call('GET', '/api/admin/funds?unit=HN-HD', { as: 'admin.hanoi' });
    expect(list.body.items.map((f: { _id: string }) => f._id)).toContain(id);
    const events = await ctx.system.models.AdminEvent.find({ target: id }).sort({ at: 1 }).lean();
    expect(events.map((e) => e.kind)).toEqual(['fund.create', 'fund.receipt', 'fund.receipt']);
  });

  it('refuses bad input field by field, an unknown fund with 404, and another unit with 403', async () => {
    const created = await post('/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'sponsor',
      name: 'Nhà tài trợ A',
    });
    const id = created.body._id;
    for (const amount of [0, -1, 1.5, '100']) {
      const bad = await post(`/api/admin/funds/${id}/receipts`, 'admin.hanoi', { amount, date: '2026-01-05' });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(['/amount']);
    }
    const badFund = await post('/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'lottery',
      name: '',
      campaignFrom: '2024-05-01',
      campaignTo: '2024-04-01',
    });
    expect(badFund.status).toBe(422);
    expect(fieldsOf(badFund.body)).toEqual(expect.arrayContaining(['/kind', '/name']));
    const backwards = await post('/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'other',
      name: 'Đợt 2',
      campaignFrom: '2024-05-01',
      campaignTo: '2024-04-01',
    });
    expect(fieldsOf(backwards.body)).toEqual(['/campaignTo']);

    const unknown = await post(`/api/admin/funds/${randomUUID()}/receipts`, 'admin.hanoi', {
      amount: 1,
      date: '2026-01-05',
    });
    expect(unknown.status).toBe(404);
    expect((await ctx.api.call('GET', `/api/funds/${randomUUID()}/ledger`, { as: 'admin.hanoi' })).status).toBe(404);

    const foreign = await post(`/api/admin/funds/${id}/receipts`, 'admin.haiphong', { amount: 1, date: '2026-01-05' });
    expect(foreign.status).toBe(403);
    expect((await ctx.api.call('GET', `/api/funds/${id}/balance`, { as: 'admin.haiphong' })).status).toBe(403);
    expect(
      (await post('/api/admin/funds', 'admin.haiphong', { unitCode: 'HN-HD', kind: 'other', name: 'X' })).status,
    ).toBe(403);
    const foreignList = await ctx.api.call('GET', '/api/admin/funds', { as: 'admin.haiphong' });
    expect(foreignList.body.items).toEqual([]);
    expect(
      (await post('/api/admin/funds', 'quan.hadong', { unitCode: 'HN-HD', kind: 'other', name: 'X' })).status,
    ).toBe(403);
    expect((await ctx.api.call('GET', `/api/funds/${id}/ledger`, { as: 'admin.hanoi' })).body.entries).toEqual([]);
  });
});
