import type { FundSummary, FundSummaryFigures } from '../../../api-contract';
import { fundSummaryTable } from '../../../scripts/funds/fund-summary-table';

const figures = (received: number, committed: number, paid: number): FundSummaryFigures => ({
  opening: { received: 0, committed: 0, paid: 0, available: 0 },
  received,
  committed,
  released: 0,
  paid,
  reversed: 0,
  closing: { received, committed: committed - paid, paid, available: received - committed },
});

const summary: FundSummary = {
  unit: 'HN-HD',
  includeBelow: true,
  from: '2025-01-01',
  to: '2025-12-31',
  period: { start: '2024-12-31T17:00:00.000Z', end: '2025-12-31T17:00:00.000Z' },
  funds: [
    {
      fundId: 'f1',
      name: 'Quỹ Vì người nghèo quận Hà Đông',
      kind: 'fund_for_the_poor',
      unitCode: 'HN-HD',
      active: true,
      figures: figures(1_500_000_000, 300_000_000, 100_000_000),
    },
  ],
  byKind: [
    {
      kind: 'fund_for_the_poor',
      label: { vi: 'Quỹ Vì người nghèo', en: 'Fund for the Poor' },
      funds: 1,
      figures: figures(1_500_000_000, 300_000_000, 100_000_000),
    },
  ],
  byUnit: [
    {
      unitCode: 'HN-HD',
      name: 'Quận Hà Đông',
      level: 'district',
      funds: 1,
      figures: figures(1_500_000_000, 300_000_000, 100_000_000),
    },
  ],
  total: figures(1_500_000_000, 300_000_000, 100_000_000),
};

describe('fundSummaryTable', () => {
  const lines = fundSummaryTable(summary).split('\n');

  it('titles the table with the unit, the scope and the period', () => {
    expect(lines[0]).toBe('Tổng hợp nguồn kinh phí HN-HD và các đơn vị trực thuộc, 2025-01-01 – 2025-12-31 (đồng)');
  });

  it('prints a row per fund, kind, unit and the total, amounts with dots and right-aligned', () => {
    const row = (start: string) => lines.find((l) => l.startsWith(start))!.split(/\s{2,}/);
    const expected = ['0', '1.500.000.000', '300.000.000', '0', '100.000.000', '0', '1.200.000.000'];
    expect(row('HN-HD · Quỹ Vì người nghèo').slice(1)).toEqual(expected);
    expect(row('Quỹ Vì người nghèo (1)').slice(1)).toEqual(expected);
    expect(row('HN-HD Quận Hà Đông (1)').slice(1)).toEqual(expected);
    expect(row('Tổng cộng').slice(1)).toEqual(expected);
    const widths = new Set(lines.slice(1).map((l) => [...l].length));
    expect(widths.size).toBe(1);
  });
});
