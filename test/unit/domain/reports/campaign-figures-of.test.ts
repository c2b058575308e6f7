import type { FigureEntry, FigureReaders, FigureReceipt } from '../../../../domain/reports/campaign-figures';
import { campaignFiguresOf } from '../../../../domain/reports/campaign-figures-of';
import type { ResultDossier } from '../../../../domain/reports/support-results-of';

const SCOPE = { unitCode: 'DN-DQ', from: '2024-02-03', to: '2024-05-19' };
const M = 1_000_000;

const receipt = (fundId: string, seq: number, amount: number, day: string, fundKind = 'fund_for_the_poor') =>
  ({ fundId, seq, kind: 'receipt', amount, day, donorKind: null, fundKind }) as FigureReceipt;
const entry = (
  fundId: string,
  seq: number,
  kind: FigureEntry['kind'],
  amount: number,
  dossierId: string,
  day = '2024-03-05',
  fundKind: FigureEntry['fundKind'] = 'fund_for_the_poor',
): FigureEntry => ({ fundId, seq, kind, amount, dossierId, day, fundKind });
const dossier = (id: string, over: Partial<ResultDossier> = {}): ResultDossier => ({
  id,
  programme: 'fund_for_the_poor',
  facts: {},
  unitCode: 'DN-DQ-PV',
  openedDay: '2024-02-10',
  closedDay: null,
  outcome: null,
  closedOnTime: null,
  hasCommitment: true,
  ...over,
});

/** A fake reader over fixed records, recording the scopes it was asked for. */
function fakeReaders(records: { receipts?: FigureReceipt[]; dossiers?: ResultDossier[]; entries?: FigureEntry[] }) {
  const asked: unknown[] = [];
  const readers: FigureReaders = {
    receipts: async (s) => (asked.push(s), records.receipts ?? []),
    dossiers: async (s) => (asked.push(s), records.dossiers ?? []),
    entries: async (s) => (asked.push(s), records.entries ?? []),
  };
  return { readers, asked };
}

describe('campaign figures (a result report prefilled from the records)', () => {
  it('adds up the receipts of the period per fund, each figure naming its ledger entries', async () => {
    const { readers, asked } = fakeReaders({
      receipts: [
        receipt('F-DQ', 1, 150 * M, '2024-02-05'),
        receipt('F-DQ', 2, 60 * M, '2024-02-20'),
        receipt('F-PV', 1, 5 * M, '2024-05-17'),
        receipt('F-DQ', 3, 3 * M, '2024-05-25'), // after the campaign
        receipt('F-DQ', 0, 7 * M, '2024-02-02'), // before it
      ],
    });
    const f = await campaignFiguresOf(SCOPE, readers);
    expect(asked).toEqual([SCOPE, SCOPE, SCOPE]);
    expect(f.fields.raisedAmount.value).toBe(215 * M);
    expect(f.fields.raisedAmount.source).toEqual({
      kind: 'ledger',
      count: 3,
      refs: ['F-DQ#1', 'F-DQ#2', 'F-PV#1'],
      label: { vi: 'Theo sổ quỹ: 3 phiếu thu', en: 'From the fund ledger: 3 receipts' },
    });
    expect(f.raisedByFund.map((r) => [r.fundId, r.amount, r.source.count])).toEqual([
      ['F-DQ', 210 * M, 2],
      ['F-PV', 5 * M, 1],
    ]);
    expect(f.raisedByFund.reduce((s, r) => s + r.amount, 0)).toBe(f.fields.raisedAmount.value);
  });

  it('never sums loans or allocations as money raised, and names them apart with a note', async () => {
    const { readers } = fakeReaders({
      receipts: [
        receipt('F-DQ', 1, 10 * M, '2024-03-01'),
        receipt('LOAN', 1, 500 * M, '2024-03-01', 'policy_bank_loan'),
        receipt('BUDGET', 1, 80 * M, '2024-03-01', 'state_budget'),
      ],
      dossiers: [dossier('L1', { programme: 'credit_access', facts: { decidedOn: '2024-03-02' } })],
      entries: [entry('LOAN', 2, 'commitment', 50 * M, 'L1', '2024-03-02', 'policy_bank_loan')],
    });
    const f = await campaignFiguresOf(SCOPE, readers);
    expect(f.fields.raisedAmount.value).toBe(10 * M);
    expect(f.notRaised.loanReceipts).toMatchObject({ value: 500 * M, source: { refs: ['LOAN#1'] } });
    expect(f.notRaised.allocationReceipts).toMatchObject({ value: 80 * M, source: { refs: ['BUDGET#1'] } });
    expect(f.notRaised.loanCommitted).toMatchObject({ value: 50 * M, source: { refs: ['LOAN#2'] } });
    expect(f.notRaised.note.vi).toContain('không phải tiền vận động');
    expect(f.committed.value).toBe(0);
    expect(f.fields.householdsSupported.value).toBe(0);
    expect(f.approvedByProgramme).toEqual([
      expect.objectContaining({ programme: 'credit_access', dossiers: 1, households: 1 }),
    ]);
  });

  it('counts the money of the dossiers approved in the period, whatever its posting day, on one stated basis', async () => {
    const { readers } = fakeReaders({
      dossiers: [
        dossier('A', { facts: { decidedOn: '2024-03-05', beneficiaries: 2 } }),
        // entered and paid within the campaign, decided the year before: neither its households nor its money count
        dossier('BEFORE', { facts: { decidedOn: '2023-12-01', beneficiaries: 4 } }),
      ],
      entries: [
        entry('F-DQ', 4, 'commitment', 90 * M, 'A'),
        entry('F-DQ', 5, 'release', 10 * M, 'A', '2024-04-01'),
        entry('F-DQ', 6, 'payment', 60 * M, 'A', '2024-04-02'),
        entry('F-DQ', 7, 'payment_reversal', 5 * M, 'A', '2024-04-03'),
        entry('F-DQ', 8, 'payment', 20 * M, 'A', '2026-12-01'), // posted when the list was entered, years later
        entry('F-DQ', 8, 'payment', 20 * M, 'A', '2026-12-01'), // the same entry read twice counts once
        entry('F-DQ', 9, 'payment', 1 * M, 'OTHER', '2024-04-03'), // a dossier not the unit's
        entry('F-DQ', 10, 'payment', 30 * M, 'BEFORE', '2024-04-03'),
      ],
    });
    const f = await campaignFiguresOf(SCOPE, readers);
    expect(f.committed).toMatchObject({ value: 80 * M, source: { count: 2, refs: ['F-DQ#4', 'F-DQ#5'] } });
    expect(f.paid).toMatchObject({ value: 75 * M, source: { count: 3, refs: ['F-DQ#6', 'F-DQ#7', 'F-DQ#8'] } });
    expect(f.fields.spentAmount).toEqual(f.paid);
    expect(f.fields.householdsSupported).toMatchObject({ value: 2, source: { refs: ['A'] } });
    expect(f.paid.source.label).toEqual({ vi: 'Theo sổ quỹ: 3 bút toán', en: 'From the fund ledger: 3 entries' });
    for (const field of [f.paid, f.committed, f.fields.householdsSupported]) expect(field.source.note).toEqual(f.basis);
    expect(f.basis.vi).toContain('theo ngày ký quyết định');
  });

  it('counts houses built and repaired apart, those of an unsplit list apart again, adding up to the households', async () => {
    const { readers } = fakeReaders({
      dossiers: [
        dossier('MIXED', {
          facts: { decidedOn: '2024-03-05', supportType: 'mixed', beneficiaries: 3, housesBuilt: 1, housesRepaired: 2 },
        }),
        dossier('BUILD', { programme: 'housing', facts: { decidedOn: '2024-03-06', supportType: 'new_build' } }),
        dossier('OLD-MIXED', { facts: { decidedOn: '2024-03-07', supportType: 'mixed', beneficiaries: 2 } }),
        dossier('GOODS', { programme: 'household_goods', facts: { decidedOn: '2024-03-07', supportType: 'mixed' } }),
      ],
    });
    const f = await campaignFiguresOf(SCOPE, readers);
    expect(f.fields.housesBuilt).toMatchObject({ value: 2, source: { refs: ['BUILD', 'MIXED'] } });
    expect(f.fields.housesRepaired).toMatchObject({ value: 2, source: { refs: ['MIXED'] } });
    expect(f.housesUnsplit).toMatchObject({ value: 2, source: { refs: ['OLD-MIXED'] } });
    const houseHouseholds = f.approvedByProgramme
      .filter((p) => p.programme === 'housing' || p.programme === 'fund_for_the_poor')
      .reduce((s, p) => s + p.households, 0);
    expect(f.fields.housesBuilt.value + f.fields.housesRepaired.value + f.housesUnsplit.value).toBe(houseHouseholds);
    expect(f.fields.householdsSupported.value).toBe(houseHouseholds + 1);
  });

  it('counts households by the decision date where recorded, else by the money committed in the period', async () => {
    const { readers } = fakeReaders({
      dossiers: [
        dossier('DECIDED-IN', { facts: { decidedOn: '2024-03-05', beneficiaries: 2 } }),
        // entered in the period, decided the year before: not this campaign's
        dossier('DECIDED-BEFORE', { facts: { decidedOn: '2023-12-01', beneficiaries: 4 } }),
        dossier('BY-MONEY', { facts: { beneficiaries: 1 } }),
        dossier('REJECTED', { facts: { decidedOn: '2024-03-05' }, outcome: 'rejected', closedDay: '2024-03-06' }),
        dossier('GIFT', {
          programme: 'tet_gift',
          hasCommitment: false,
          outcome: 'completed',
          closedDay: '2024-02-08',
          facts: { beneficiaries: 3 },
        }),
      ],
      entries: [
        entry('F-DQ', 1, 'commitment', 30 * M, 'DECIDED-BEFORE', '2024-03-01'),
        entry('F-DQ', 2, 'commitment', 30 * M, 'BY-MONEY', '2024-04-01'),
      ],
    });
    const f = await campaignFiguresOf(SCOPE, readers);
    expect(f.fields.householdsSupported).toMatchObject({
      value: 6,
      source: { kind: 'dossiers', count: 3, refs: ['BY-MONEY', 'DECIDED-IN', 'GIFT'] },
    });
    expect(f.fields.householdsSupported.source.label.vi).toBe('Theo hồ sơ đã duyệt: 3 hồ sơ');
    expect(f.approvedByProgramme.map((p) => [p.programme, p.dossiers, p.households])).toEqual([
      ['fund_for_the_poor', 2, 3],
      ['tet_gift', 1, 3],
    ]);
  });
});
