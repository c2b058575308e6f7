// A fund's append-only ledger against the real FerretDB: receipts and paging, commitments that never over-commit under
// concurrent writers, references that make a retry a no-op, releases that restore the balance.
import { randomUUID } from 'node:crypto';
import { FundInsufficientError } from '../../api/errors';
import { createLedger } from '../../api/funds/create-ledger';
import { balanceOf } from '../../domain/funds/ledger-balance';
import type { FundKind } from '../../domain/funds/fund-kinds';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;

async function newFund(name: string, kind: FundKind = 'fund_for_the_poor'): Promise<string> {
  const id = randomUUID();
  await ctx.system.models.Fund.create({
    _id: id,
    unitCode: 'HN-HD',
    level: 'district',
    kind,
    name,
    campaignFrom: null,
    campaignTo: null,
    active: true,
    createdAt: new Date(),
    createdBy: 'admin.hanoi',
  });
  return id;
}

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
        'Quỹ "Quỹ Vì người nghèo quận Hà Đông" chỉ còn 10.000.000 ₫, không đủ để cam kết 30.000.000 ₫',
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
