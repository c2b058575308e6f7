// A treasurer's payment order retried after its answer was lost (a 202 while the worker was down, a 5xx), on
// housing-support-2025@5, where the same treasurer (khobac.hanoi) orders and then confirms each tranche. The order
// was applied meanwhile, so the dossier now waits at the confirmation, the same user's step with another form: the
// retry's data fails that form. Found by payments-worker-killed.test.ts, where it answered 422 to an order that had
// been applied; the retry must get the order's own outcome, and nothing may be ordered twice.
import { M, moneyDossiers } from './support/money-dossiers';
import { example, proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);

/** A 2025@5 dossier approved at 100 M on one city fund, waiting for the advance's payment order. */
async function atAdvanceOrder(): Promise<string> {
  const fund = await money.fund('Quỹ Vì người nghèo thành phố (lệnh chi gửi lại)', 200 * M);
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa2025.hadong',
    body: { processKey: 'housing-support-2025', processVersion: 5, data: proposalIn('HN-HADONG') },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await money.act('xa2025.hadong', id, { action: 'submit' })).status).toBe(200);
  expect((await money.act('tp.hanoi', id, { action: 'approve', data: example('housing-review@1') })).status).toBe(200);
  const decision = { ...example('housing-decision@3'), fundingSplit: [{ fundId: fund, amount: 100 * M }] };
  expect((await money.act('lanhdao.hanoi', id, { action: 'approve', data: decision })).status).toBe(200);
  return id;
}

describe('a decision retried after its answer was lost', () => {
  it("answers a treasurer's retried payment order with its outcome although the same treasurer's next step has another form", async () => {
    const id = await atAdvanceOrder();
    const key = { 'idempotency-key': `order-lost-${id}` };
    const body = { action: 'approve', data: { ...example('payment-order@1'), amount: 50 * M } };
    const first = await money.act('khobac.hanoi', id, body, key);
    expect(first.status).toBe(200);
    expect(first.body.currentStep).toBe('advance-confirmation');
    // As after a 202 or a 5xx: the stored answer is not final, so the retry reaches the service again.
    const marked = await ctx.system.models.IdempotencyRecord.updateOne(
      { state: 'done', 'body.dossierId': id },
      { $set: { state: 'failed' }, $unset: { status: 1, body: 1 } },
    );
    expect(marked.modifiedCount).toBe(1);

    const retry = await money.act('khobac.hanoi', id, body, key);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
    expect((await money.orders(id)).map((o) => [o.trancheId, o.status, o.attempt])).toEqual([
      ['advance', 'ordered', 1],
    ]);
    const history = (await money.dossier(id)).history as { action: string; fromStep: string }[];
    expect(history.filter((h) => h.fromStep === 'advance-order')).toHaveLength(1);
  });

  it('still refuses data that fails the form when the request has a key and no earlier attempt', async () => {
    const id = await atAdvanceOrder();
    const refused = await money.act(
      'khobac.hanoi',
      id,
      { action: 'approve', data: example('payment-confirmation@1') },
      { 'idempotency-key': `order-bad-${id}` },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(await money.orders(id)).toEqual([]);
  });
});
