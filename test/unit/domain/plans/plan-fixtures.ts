import type { PlanContent, PlanTarget } from '../../../../domain/plans/plan';
import type {
  SupportCountRow,
  SupportMoneyRow,
  SupportRaisedRow,
  SupportResults,
} from '../../../../domain/reports/support-results';
import type { TreeUnit, UnitsTree } from '../../../../domain/plans/units-tree';

const unit = (
  code: string,
  name: string,
  level: TreeUnit['level'],
  parentCode: string | null,
  effectiveTo: string | null = null,
): TreeUnit => ({
  code,
  name,
  level,
  parentCode,
  effectiveFrom: '2000-01-01',
  effectiveTo,
});

/** Hà Nội → Hà Đông → three of its wards (one abolished mid-2025), and a ward of another district. */
export const tree: UnitsTree = new Map(
  [
    unit('HN', 'Thành phố Hà Nội', 'province', null),
    unit('HN-HD', 'Quận Hà Đông', 'district', 'HN', '2025-06-30'),
    unit('HN-HD-HC', 'Phường Hà Cầu', 'commune', 'HN-HD', '2025-06-30'),
    unit('HN-HD-YN', 'Phường Yên Nghĩa', 'commune', 'HN-HD', '2025-06-30'),
    unit('HN-HD-DN', 'Phường Dương Nội', 'commune', 'HN-HD', '2025-06-30'),
    unit('HN-TX', 'Quận Thanh Xuân', 'district', 'HN'),
    unit('HN-TX-KG', 'Phường Khương Đình', 'commune', 'HN-TX'),
  ].map((u) => [u.code, u]),
);

export const countRow = (
  unitCode: string,
  programme: string,
  supportType: string | null,
  approved: number,
  beneficiaries = approved,
): SupportCountRow => ({
  programme,
  supportType,
  unitCode,
  proposed: approved,
  approved,
  completed: 0,
  rejected: 0,
  beneficiaries,
  housesBuilt: 0,
  housesRepaired: 0,
  closedOnTime: 0,
  closedLate: 0,
});

export const moneyRow = (
  unitCode: string,
  programme: string,
  supportType: string | null,
  fundId: string,
  dossiers: number,
  committed: number,
): SupportMoneyRow => ({
  programme,
  supportType,
  unitCode,
  fundId,
  dossiers,
  committed,
  paid: 0,
});

export const results = (
  counts: SupportCountRow[],
  money: SupportMoneyRow[] = [],
  raised: SupportRaisedRow[] = [],
): SupportResults => ({
  unitCode: 'HN-HD',
  from: '2024-01-01',
  to: '2024-12-31',
  counts,
  money,
  raised,
});

/** Seed 004's savings books (78 books, 23 from the district's fund, Hà Cầu 2 books, the money) and a coverage. */
export const SEED_004_TARGETS: PlanTarget[] = [
  { programme: 'savings_book', metric: 'count', value: 78 },
  { programme: 'savings_book', metric: 'count', value: 23, fundId: 'fund-hd' },
  { programme: 'savings_book', metric: 'count', value: 2, unitCode: 'HN-HD-HC' },
  { programme: 'savings_book', metric: 'amount', value: 1_560_000_000 },
  { programme: 'health_insurance', metric: 'coverage', value: 100, baseline: 84 },
];

/** Hà Đông's 2024 plan with the targets given. */
export const hdPlan = (targets: PlanTarget[], change: Partial<PlanContent> = {}): PlanContent => ({
  unitCode: 'HN-HD',
  title: 'Kế hoạch hỗ trợ hộ cận nghèo thoát cận nghèo năm 2024',
  kind: 'year',
  from: '2024-01-01',
  to: '2024-12-31',
  targets,
  ...change,
});
