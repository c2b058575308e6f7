// Approval commits the funding split on the funds' ledgers (issue 14), through the API and the real workflow on the
// shipped housing-support-2024@4: each share committed, a split that does not add up or names an unknown fund
// refused field by field, rejection and withdrawal release, and concurrent approvals against a nearly empty fund
// never over-commit.
import { randomUUID } from 'node:crypto';
import { createTestFund } from './support/create-test-fund';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);

describe('funding commitments', () => {
  it('approval commits each share of the split on its fund, and the dossier shows it', async () => {
    const poor = await money.fund('Quỹ Vì người nghèo thành phố', 500 * M);
    const women = await money.fund('Hội Liên hiệp Phụ nữ thành phố', 80 * M);
    const id = await money.atApproval();
    const res = await money.approve(id, 100 * M, [
      [poor, 70 * M],
      [women, 30 * M],
    ]);
    expect(res.status).toBe(200);
    expect(res.body.currentStep).toBe('advance-order');

    expect(await money.balance(poor)).toEqual({ received: 500 * M, committed: 70 * M, paid: 0, available: 430 * M });
    expect(await money.balance(women)).toEqual({ received: 80 * M, committed: 30 * M, paid: 0, available: 50 * M });
    const [commitment] = (await money.entries(poor)).filter((e) => e.kind === 'commitment');
    expect(commitment).toMatchObject({ dossierId: id, amount: 70 * M, by: expect.any(String) });
    expect((await money.dossier(id)).money.funds).toEqual([
      { fundId: poor, committed: 70 * M, paid: 0, released: 0 },
      { fundId: women, committed: 30 * M, paid: 0, released: 0 },
    ]);
  });

  it('a split that does not add up, or names an unknown fund, is a field-level 422 and commits nothing', async () => {
    const poor = await money.fund('Quỹ Vì người nghèo (422)', 500 * M);
    const id = await money.atApproval();
    const short = await money.approve(id, 100 * M, [[poor, 5 * M]]);
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/data/fundingSplit' })]),
    );
    const unknown = randomUUID();
    const res = await money.approve(id, 100 * M, [
      [poor, 50 * M],
      [unknown, 50 * M],
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: '/data/fundingSplit/1/fundId', keyword: 'fund', message: 'Không tìm thấy nguồn kinh phí này' },
    ]);
    // A fund of another province (not one of the dossier's units, so no picker offers it) is refused the same way.
    const elsewhere = await createTestFund(ctx.system.models, 'Quỹ Vì người nghèo tỉnh khác', {
      unitCode: 'HT',
      level: 'province',
    });
    const foreign = await money.approve(id, 100 * M, [
      [poor, 50 * M],
      [elsewhere, 50 * M],
    ]);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields).toEqual([
      {
        path: '/data/fundingSplit/1/fundId',
        keyword: 'fund',
        message: 'Nguồn kinh phí này không thuộc đơn vị nào xử lý hồ sơ',
      },
    ]);
    expect((await money.dossier(id)).currentStep.id).toBe('province-approval');
    expect(await money.entries(poor)).toHaveLength(1);
  });

  it('a fund without enough money refuses the approval with 409 naming it and its balance, and the other share is released', async () => {
    const rich = await money.fund('Quỹ Vì người nghèo (đủ)', 500 * M);
    const poor = await money.fund('Quỹ Đoàn Thanh niên (thiếu)', 10 * M);
    const id = await money.atApproval();
    const res = await money.approve(id, 100 * M, [
      [rich, 70 * M],
      [poor, 30 * M],
    ]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('fund_insufficient');
    expect(res.body.error.message).toBe(
      'Nguồn kinh phí "Quỹ Đoàn Thanh niên (thiếu)" chỉ còn 10.000.000 ₫, không đủ để cam kết 30.000.000 ₫',
    );
    expect(await money.balance(rich)).toEqual({ received: 500 * M, committed: 0, paid: 0, available: 500 * M });
    expect((await money.entries(rich)).map((e) => e.kind)).toEqual(['receipt', 'commitment', 'release']);
    expect((await money.dossier(id)).currentStep.id).toBe('province-approval');
  });

  it('withdrawal after approval releases the commitment', async () => {
    const poor = await money.fund('Quỹ Vì người nghèo (rút)', 200 * M);
    const id = await money.atApproval();
    expect((await money.approve(id, 100 * M, [[poor, 100 * M]])).status).toBe(200);
    const withdrawn = await money.act('xa.hacau', id, { action: 'withdraw', comment: 'Hộ đã được hỗ trợ nơi khác' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.outcome).toBe('withdrawn');
    expect(await money.balance(poor)).toEqual({ received: 200 * M, committed: 0, paid: 0, available: 200 * M });
    expect((await money.dossier(id)).money.funds).toEqual([
      { fundId: poor, committed: 100 * M, paid: 0, released: 100 * M },
    ]);
  });

  it('rejection before approval commits nothing', async () => {
    const poor = await money.fund('Quỹ Vì người nghèo (từ chối)', 200 * M);
    const id = await money.atApproval();
    const rejected = await money.act('tp.hanoi', id, { action: 'reject', comment: 'Không đủ điều kiện' });
    expect(rejected.body.outcome).toBe('rejected');
    expect(await money.entries(poor)).toHaveLength(1);
  });

  it('12 concurrent approvals of 30 M against 100 M: exactly 3 commit, the others are refused naming the fund', async () => {
    const fund = await money.fund('Quỹ Vì người nghèo (gần hết)', 100 * M);
    const ids = await Promise.all(Array.from({ length: 12 }, () => money.atApproval()));
    const answers = await Promise.all(ids.map((id) => money.approve(id, 30 * M, [[fund, 30 * M]])));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error.code).toBe('fund_insufficient');
      expect(refused.body.error.message).toContain('"Quỹ Vì người nghèo (gần hết)" chỉ còn 10.000.000 ₫');
    }
    expect(await money.balance(fund)).toEqual({ received: 100 * M, committed: 90 * M, paid: 0, available: 10 * M });
    const steps = await Promise.all(ids.map(async (id) => (await money.dossier(id)).currentStep.id));
    expect(steps.filter((s) => s === 'advance-order')).toHaveLength(3);
  });
});
