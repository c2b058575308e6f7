import sponsorship from '../../../../domain/process/definitions/sponsorship-2025@1.json';
import { adjustCommitment } from '../../../../domain/funds/adjust-commitment';
import type { DossierMoney, TrancheOrder } from '../../../../domain/funds/dossier-money';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';

const definition = sponsorship as unknown as ProcessDefinition;
const EFFECT = { tranche: 'monthly', amountFact: 'monthlyAmount', fromFact: 'amendFrom' };
const M = 1_000_000;
const paidOrder = (n: number): TrancheOrder => ({
  orderId: `o${n}`,
  amount: M,
  status: 'paid',
  attempt: 1,
  fundSplit: [{ fundId: 'poor', amount: M }],
});
/** 12 months of 1 M from January 2025, on two funds (8 M + 4 M), `paid` months paid from the first. */
function money(paid: number, outstanding = false): DossierMoney {
  const tranches: DossierMoney['tranches'] = {};
  for (let n = 1; n <= paid; n++) tranches[`monthly#${n}`] = paidOrder(n);
  if (outstanding) tranches[`monthly#${paid + 1}`] = { ...paidOrder(paid + 1), status: 'ordered' };
  return {
    funds: [
      { fundId: 'poor', committed: 8 * M, paid: paid * M, released: 0 },
      { fundId: 'sponsor', committed: 4 * M, paid: 0, released: 0 },
    ],
    tranches,
    cancelled: null,
  };
}
const before = { firstMonth: '2025-01', months: 12, monthlyAmount: M };
const amended = (change: Record<string, string | number>) => ({ ...before, ...change });
const unpaid = (m: DossierMoney) => m.funds.reduce((t, f) => t + f.committed - f.paid - f.released, 0);

describe('adjust_commitment: the unpaid commitment becomes exactly what the months left will pay', () => {
  it('raises the monthly amount from the next unpaid month: the increase is committed on the first fund', () => {
    const result = adjustCommitment(
      definition,
      money(3),
      EFFECT,
      amended({ amendFrom: '2025-04', monthlyAmount: 1.5 * M }),
      before,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.ops).toEqual([{ op: 'commit', lines: [{ fundId: 'poor', amount: 4.5 * M }] }]);
    expect(unpaid(result.money)).toBe(9 * 1.5 * M);
  });

  it('keeps the old amount for the unpaid months before the amendment starts', () => {
    const result = adjustCommitment(
      definition,
      money(3),
      EFFECT,
      amended({ amendFrom: '2025-06', monthlyAmount: 2 * M }),
      before,
    );
    if (!result.ok) throw new Error(result.message);
    // April and May at 1 M, June to December at 2 M: 16 M unpaid, 7 M more than the 9 M left.
    expect(unpaid(result.money)).toBe(2 * M + 7 * 2 * M);
    expect(result.ops).toEqual([{ op: 'commit', lines: [{ fundId: 'poor', amount: 7 * M }] }]);
  });

  it('ends earlier and lowers the amount: the decrease is released from the last fund first', () => {
    const result = adjustCommitment(
      definition,
      money(3),
      EFFECT,
      amended({ amendFrom: '2025-04', monthlyAmount: 0.5 * M, months: 8 }),
      before,
    );
    if (!result.ok) throw new Error(result.message);
    // 5 months left at 0.5 M: 2.5 M of the 9 M stay committed; 6.5 M are released, the sponsor's 4 M first.
    expect(result.ops).toEqual([
      {
        op: 'release',
        lines: [
          { fundId: 'sponsor', amount: 4 * M },
          { fundId: 'poor', amount: 2.5 * M },
        ],
      },
    ]);
    expect(unpaid(result.money)).toBe(2.5 * M);
  });

  it('does nothing to the ledgers when the amendment changes nothing', () => {
    const result = adjustCommitment(definition, money(3), EFFECT, amended({ amendFrom: '2025-05' }), before);
    expect(result).toMatchObject({ ok: true, ops: [] });
  });

  it.each<[string, DossierMoney, Record<string, string | number>, string]>([
    ['a month already paid (a past month)', money(3), { amendFrom: '2025-03' }, 'from 2025-04 on'],
    ['a month before the commitment', money(0), { amendFrom: '2024-12' }, 'from 2025-01 on'],
    ['a month that is not a month', money(0), { amendFrom: '2025-13' }, 'not 2025-13'],
    ['an end before the amendment starts', money(3), { amendFrom: '2025-06', months: 5 }, 'ends in 2025-05'],
    ['an amount of 0', money(3), { amendFrom: '2025-04', monthlyAmount: 0 }, 'whole number of đồng > 0'],
  ])('refuses %s', (_name, m, change, message) => {
    const result = adjustCommitment(definition, m, EFFECT, amended(change), before);
    expect(result).toMatchObject({ ok: false, type: 'InvalidInput', field: 'submission' });
    expect(!result.ok && result.message).toContain(message);
  });

  it('refuses while a payment order is outstanding', () => {
    const result = adjustCommitment(definition, money(3, true), EFFECT, amended({ amendFrom: '2025-05' }), before);
    expect(result).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });
});
