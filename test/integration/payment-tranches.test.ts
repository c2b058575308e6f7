// Tranches paid exactly once (issue 14), through the API and the real workflow on the shipped housing-support-2024@4:
// each tranche's payment order is created once whatever the retries and races, the treasury's confirmation pays it
// once across the committed funds, a failed payment is reissued and paid once, the rest can be cancelled with a
// reason, and a dossier completes only when its tranches are paid.
import fs from 'node:fs';
import path from 'node:path';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const { orders: ordersOf, payments, approvedSplit: approved } = money;

describe('payment tranches', () => {
  it('pays the advance and the rest once each, split across the funds, and completes', async () => {
    const { id, poor, women } = await approved('cả hai đợt');
    const key = { 'idempotency-key': `order-${id}` };
    const first = await money.order(id, 50 * M, key);
    expect(first.status).toBe(200);
    const retried = await money.order(id, 50 * M, key);
    expect(retried.status).toBe(200);
    expect(retried.body.seq).toBe(first.body.seq);
    const [advance] = await ordersOf(id);
    expect(advance).toMatchObject({
      trancheId: 'advance',
      amount: 50 * M,
      status: 'ordered',
      attempt: 1,
      reference: `HS-${id}-advance`,
      fundSplit: [
        { fundId: poor, amount: 35 * M },
        { fundId: women, amount: 15 * M },
      ],
    });

    const confirmKey = { 'idempotency-key': `confirm-${id}` };
    const confirmed = await money.confirmPaid(id, confirmKey);
    expect(confirmed.body.currentStep).toBe('completion-acceptance');
    // The confirmation's answer lost and the request sent again: the same outcome, nothing paid twice.
    expect((await money.confirmPaid(id, confirmKey)).body.seq).toBe(confirmed.body.seq);
    expect((await payments(poor)).map((e) => e.amount)).toEqual([35 * M]);
    expect((await payments(women)).map((e) => e.amount)).toEqual([15 * M]);
    expect((await money.accept(id)).body.currentStep).toBe('rest-order');

    const short = await money.order(id, 40 * M);
    expect(short.status).toBe(422);
    expect((await money.order(id, 50 * M)).status).toBe(200);
    const done = await money.confirmPaid(id);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'completed' });

    expect(await money.balance(poor)).toEqual({ received: 200 * M, committed: 0, paid: 70 * M, available: 130 * M });
    expect(await money.balance(women)).toEqual({ received: 100 * M, committed: 0, paid: 30 * M, available: 70 * M });
    expect((await payments(poor)).map((e) => e.reference)).toEqual(
      (await ordersOf(id)).map((o) => `pay:${o._id}:${poor}`),
    );
    expect((await ordersOf(id)).map((o) => [o.trancheId, o.status, o.amount])).toEqual([
      ['advance', 'paid', 50 * M],
      ['rest', 'paid', 50 * M],
    ]);
    const view = await money.dossier(id);
    expect(view.money.tranches.rest).toMatchObject({ status: 'paid', amount: 50 * M });
    const projected = await ctx.system.models.DossierView.findById(id).lean();
    expect(projected?.amounts).toMatchObject({ approved: 100 * M, disbursed: 100 * M });
  });

  it('two racing orders of the same tranche create one payment order', async () => {
    const { id } = await approved('tranh nhau');
    const answers = await Promise.all([money.order(id, 50 * M), money.order(id, 50 * M)]);
    // The loser finds the step moved on: to the treasury's confirmation, which is not its to take (403), or, when
    // both were accepted together, the workflow refuses it as no longer allowed (409).
    const [won, lost] = [...answers].sort((a, b) => a.status - b.status);
    expect(won?.status).toBe(200);
    expect([403, 409]).toContain(lost?.status);
    expect(await ordersOf(id)).toHaveLength(1);
  });

  it('a failed payment is reissued under the same order and paid once', async () => {
    const { id, poor, women } = await approved('thất bại');
    expect((await money.order(id, 50 * M)).status).toBe(200);
    const failed = await money.paymentFailed(id);
    expect(failed.body.currentStep).toBe('advance-order');
    expect(await ordersOf(id)).toMatchObject([{ status: 'failed', attempt: 1 }]);
    expect(await payments(poor)).toEqual([]);

    expect((await money.order(id, 50 * M)).status).toBe(200);
    const [reissued] = await ordersOf(id);
    expect(reissued).toMatchObject({ status: 'ordered', attempt: 2 });
    expect((await money.confirmPaid(id)).status).toBe(200);
    expect((await payments(poor)).map((e) => e.amount)).toEqual([35 * M]);
    expect((await payments(women)).map((e) => e.amount)).toEqual([15 * M]);
    expect(await ordersOf(id)).toMatchObject([{ _id: reissued?._id, status: 'paid', attempt: 2 }]);
  });

  it('cancelling the rest needs a reason, releases what is unpaid and completes', async () => {
    const { id, poor, women } = await approved('hủy phần còn lại');
    await money.order(id, 50 * M);
    await money.confirmPaid(id);
    const noReason = await money.act('xa.hacau', id, { action: 'reject' });
    expect(noReason.status).toBe(422);
    const cancelled = await money.act('xa.hacau', id, { action: 'reject', comment: 'Hộ chuyển đi nơi khác' });
    expect(cancelled.body).toMatchObject({ status: 'completed', outcome: 'completed' });
    expect(await money.balance(poor)).toEqual({ received: 200 * M, committed: 0, paid: 35 * M, available: 165 * M });
    expect(await money.balance(women)).toEqual({ received: 100 * M, committed: 0, paid: 15 * M, available: 85 * M });
    expect((await money.dossier(id)).money.cancelled).toMatchObject({
      released: 50 * M,
      reason: 'Hộ chuyển đi nơi khác',
    });
  });

  it('a transition that would complete with a tranche unpaid is refused, and moves no money', async () => {
    // Version 90: the acceptance step may end the dossier as completed without cancelling the rest (no effect).
    const file = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions', 'housing-support-2024@4.json');
    const definition = JSON.parse(fs.readFileSync(file, 'utf8'));
    const acceptance = definition.steps.find((s: { id: string }) => s.id === 'completion-acceptance');
    acceptance.transitions[1] = { action: 'reject', end: 'completed', requires: ['comment'] };
    const published = await ctx.api.call('POST', '/api/admin/processes', {
      as: 'admin.hanoi',
      body: { ...definition, version: 90 },
    });
    expect(published.status).toBe(201);
    const poor = await money.fund('Quỹ Vì người nghèo (chưa chi hết)', 200 * M);
    const id = await money.atApproval(90);
    expect((await money.approve(id, 100 * M, [[poor, 100 * M]])).status).toBe(200);
    expect((await money.order(id, 50 * M)).status).toBe(200);
    expect((await money.confirmPaid(id)).status).toBe(200);
    const before = await money.entries(poor);

    const refused = await money.act('xa.hacau', id, { action: 'reject', comment: 'Kết thúc' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("tranche 'rest' is not paid yet");
    expect(await money.entries(poor)).toEqual(before);
    expect((await money.dossier(id)).currentStep.id).toBe('completion-acceptance');
  });
});
