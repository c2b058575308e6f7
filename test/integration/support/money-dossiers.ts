import { createLedger } from '../../../api/funds/create-ledger';
import { balanceOf, type LedgerBalance } from '../../../domain/funds/ledger-balance';
import type { LedgerEntryDoc } from '../../../storage/ledger-entry-schema';
import { createTestFund } from './create-test-fund';
import { example, proposalIn } from './form-examples';
import type { TestContext } from './use-test-system';

export const M = 1_000_000;

/** A 1×1 PNG, the photo of the acceptance record. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2215bc00000000049454e44ae426082',
  'hex',
);

/**
 * Helpers of the money tests on the shipped housing-support-2024@4: funds with receipts, dossiers brought to the
 * province's approval (a 100 M new build) or the district's (a 60 M repair), decisions with a funding split, and
 * the ledger read back.
 */
export function moneyDossiers(ctx: TestContext) {
  const act = (user: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body, headers });
  const dossier = async (id: string) => (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'tp.hanoi' })).body;

  async function fund(name: string, received: number, unitCode = 'HN', fundId?: string): Promise<string> {
    const id = await createTestFund(ctx.system.models, name, {
      ...(fundId ? { id: fundId } : {}),
      unitCode,
      level: unitCode === 'HN' ? 'province' : 'district',
    });
    if (received > 0) {
      await createLedger({ models: ctx.system.models }).receive(id, {
        amount: received,
        reference: `receipt:${id}`,
        by: 'admin.hanoi',
      });
    }
    return id;
  }

  /** A new-build dossier (100 M requested and appraised) waiting at the province's approval. */
  async function atApproval(processVersion = 4): Promise<string> {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', processVersion, data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await act('xa.hacau', id, { action: 'submit' })).status).toBe(200);
    expect((await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') })).status).toBe(200);
    return id;
  }

  /** The province's decision approving `approved` đồng with the given lines. */
  const decision = (approved: number, lines: [string, number][]) => ({
    ...example('housing-decision@3'),
    approvedAmount: approved,
    fundingSplit: lines.map(([fundId, amount]) => ({ fundId, amount })),
  });
  const approve = (id: string, approved: number, lines: [string, number][], headers: Record<string, string> = {}) =>
    act('tp.hanoi', id, { action: 'approve', data: decision(approved, lines) }, headers);

  const order = (id: string, amount: number, headers: Record<string, string> = {}) =>
    act('quy.hadong', id, { action: 'approve', data: { ...example('payment-order@1'), amount } }, headers);
  const confirmPaid = (id: string, headers: Record<string, string> = {}) =>
    act('khobac.hanoi', id, { action: 'approve', data: example('payment-confirmation@1') }, headers);
  const paymentFailed = (id: string) =>
    act('khobac.hanoi', id, { action: 'reject', comment: 'Tài khoản người nhận bị phong tỏa' });

  /** A photo uploaded by `by`: its file id, for a form's attachment (an acceptance photo, a signed commitment). */
  async function upload(by: string): Promise<string> {
    const res = await fetch(`${ctx.system.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await ctx.api.token(by)}`, 'content-type': 'image/png' },
      body: PNG,
    });
    return ((await res.json()) as { fileId: string }).fileId;
  }

  /** The commune's acceptance record with one photo uploaded by its officer (`by`). */
  async function acceptance(by = 'xa.hacau'): Promise<Record<string, unknown>> {
    const fileId = await upload(by);
    return { ...example('housing-completion@1'), photos: [{ fileId, caption: 'Mặt trước nhà' }] };
  }
  const accept = async (id: string) => act('xa.hacau', id, { action: 'approve', data: await acceptance() });

  const entries = (fundId: string) =>
    ctx.system.models.LedgerEntry.find({ fundId }).sort({ seq: 1 }).lean<LedgerEntryDoc[]>();

  /** The fund's balance, after checking that its head's balanceAfter is the balance of all its entries. */
  async function balance(fundId: string): Promise<LedgerBalance> {
    const all = await entries(fundId);
    const derived = balanceOf(all);
    expect(all.at(-1)?.balanceAfter).toEqual(derived);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    return derived;
  }

  /** A dossier approved at 100 M, 70 M from one fund and 30 M from another (each funded anew, named after `name`). */
  async function approvedSplit(name: string) {
    const poor = await fund(`Quỹ Vì người nghèo (${name})`, 200 * M);
    const women = await fund(`Hội Phụ nữ (${name})`, 100 * M);
    const id = await atApproval();
    const res = await approve(id, 100 * M, [
      [poor, 70 * M],
      [women, 30 * M],
    ]);
    expect(res.status).toBe(200);
    return { id, poor, women };
  }

  /**
   * A dossier whose advance (50 M: 35 M from `poor`, 15 M from `women`) awaits the treasury's confirmation, with the
   * reference its transfer carries.
   */
  async function awaitingConfirmation(name: string) {
    const dossier = await approvedSplit(name);
    expect((await order(dossier.id, 50 * M)).status).toBe(200);
    return { ...dossier, reference: `HS-${dossier.id}-advance` };
  }

  /** The dossier's payment orders, by tranche id. */
  const orders = (dossierId: string) =>
    ctx.system.models.PaymentOrder.find({ dossierId }).sort({ trancheId: 1 }).lean();
  /** The fund's payment entries, in ledger order. */
  const payments = async (fundId: string) => (await entries(fundId)).filter((e) => e.kind === 'payment');

  return {
    act,
    approvedSplit,
    awaitingConfirmation,
    orders,
    payments,
    dossier,
    fund,
    atApproval,
    decision,
    approve,
    order,
    confirmPaid,
    paymentFailed,
    acceptance,
    upload,
    accept,
    entries,
    balance,
  };
}
