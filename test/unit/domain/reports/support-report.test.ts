import { supportReportOf } from '../../../../domain/reports/support-report';
import type { SupportCountRow, SupportResults } from '../../../../domain/reports/support-results';

const counts = (over: Partial<SupportCountRow>): SupportCountRow => ({
  programme: 'housing',
  supportType: 'new_build',
  unitCode: 'HN-HD-HC',
  proposed: 1,
  approved: 1,
  completed: 0,
  rejected: 0,
  beneficiaries: 1,
  housesBuilt: 0,
  housesRepaired: 0,
  closedOnTime: 0,
  closedLate: 0,
  ...over,
});
const results: SupportResults = {
  unitCode: 'HN',
  from: '2025-01-01',
  to: '2025-12-31',
  counts: [
    counts({ closedOnTime: 3, closedLate: 1, housesBuilt: 1 }),
    counts({ supportType: 'repair', unitCode: 'HN-HD-PL', proposed: 2, housesRepaired: 1 }),
    counts({ programme: 'savings_book', supportType: null, unitCode: 'HN-KIENHUNG', beneficiaries: 4 }),
  ],
  money: [
    {
      programme: 'housing',
      supportType: 'new_build',
      unitCode: 'HN-HD-HC',
      fundId: 'f1',
      dossiers: 1,
      committed: 100,
      paid: 50,
    },
    {
      programme: 'housing',
      supportType: 'repair',
      unitCode: 'HN-HD-PL',
      fundId: 'f1',
      dossiers: 1,
      committed: 60,
      paid: 0,
    },
    {
      programme: 'savings_book',
      supportType: null,
      unitCode: 'HN-KIENHUNG',
      fundId: 'f2',
      dossiers: 1,
      committed: 20,
      paid: 20,
    },
  ],
  raised: [],
};
const NAMES: Record<string, string> = {
  HN: 'Thành phố Hà Nội',
  'HN-HD': 'Quận Hà Đông',
  'HN-KIENHUNG': 'Phường Kiến Hưng',
  f1: 'Quỹ Vì người nghèo',
  f2: 'Hội Chữ thập đỏ',
};
const report = supportReportOf(results, {
  unitName: (code) => NAMES[code] ?? code,
  fund: (id) => ({ name: NAMES[id]!, unitCode: 'HN' }),
  lowerUnitOf: (code) => (code.startsWith('HN-HD') ? 'HN-HD' : code),
});

describe('the support report (breakdowns of the result rows)', () => {
  it('adds every row into the totals, the rate from the two sums', () => {
    expect(report.totals).toEqual({
      proposed: 4,
      approved: 3,
      completed: 0,
      rejected: 0,
      beneficiaries: 6,
      housesBuilt: 1,
      housesRepaired: 1,
      closedOnTime: 3,
      closedLate: 1,
      onTimeRate: 0.75,
      committed: 180,
      paid: 70,
    });
  });

  it('rolls communes up to the lower unit holding them, named, and each breakdown adds up to the totals', () => {
    expect(report.byUnit.map((u) => [u.name, u.proposed, u.committed])).toEqual([
      ['Phường Kiến Hưng', 1, 20],
      ['Quận Hà Đông', 3, 160],
    ]);
    for (const rows of [report.byUnit, report.byProgramme, report.bySupportType]) {
      expect(rows.reduce((s, r) => s + r.proposed, 0)).toBe(report.totals.proposed);
      expect(rows.reduce((s, r) => s + r.paid, 0)).toBe(report.totals.paid);
      expect(rows.reduce((s, r) => s + r.housesBuilt, 0)).toBe(report.totals.housesBuilt);
      expect(rows.reduce((s, r) => s + r.housesRepaired, 0)).toBe(report.totals.housesRepaired);
    }
    expect(report.bySupportType.map((t) => [t.supportType, t.housesBuilt, t.housesRepaired])).toEqual([
      ['new_build', 1, 0],
      ['repair', 0, 1],
      [null, 0, 0],
    ]);
    expect(report.bySource.map((s) => [s.name, s.dossiers, s.committed, s.paid])).toEqual([
      ['Hội Chữ thập đỏ', 1, 20, 20],
      ['Quỹ Vì người nghèo', 2, 160, 50],
    ]);
  });

  it('names programmes and support types from the one label table', () => {
    expect(report.byProgramme.map((p) => p.label.vi)).toEqual(['Hỗ trợ nhà ở', 'Sổ tiết kiệm']);
    expect(report.bySupportType.map((p) => p.label.vi)).toEqual([
      'Hỗ trợ nhà ở — Xây mới',
      'Hỗ trợ nhà ở — Sửa chữa',
      'Sổ tiết kiệm',
    ]);
    expect(report.totals.onTimeRate).not.toBeNull();
    expect(report.byUnit.find((u) => u.name === 'Phường Kiến Hưng')!.onTimeRate).toBeNull();
  });
});
