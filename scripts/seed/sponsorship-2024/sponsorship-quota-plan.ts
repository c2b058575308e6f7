import type { PlanContent, PlanTarget } from '../../../domain/plans/plan';
import { groupStaffBodies, staffQuota, type StaffBasis } from '../../../domain/plans/staff-quota';
import { HA_DONG_STAFF_BODIES, HA_DONG_STAFF_SOURCE, sponsorshipFundId } from './sponsorship-quota-sources';

/** Seed 002, III.1.1: each commune-level unit sponsors at least 2–3 people; the plan asks the seed's floor. */
export const COMMUNE_SPONSOR_QUOTA = 2;
const WARDS = ['HC', 'YN', 'PL', 'DM', 'DN', 'BG'] as const;

/** The name of the fund a group of bodies sponsors from. */
export const groupFundName = (basis: StaffBasis): string =>
  `Nguồn đỡ đầu của CBCC-NLĐ ${basis.bodies.map((b) => b.name).join(' và ')}`;

/** The district's bodies grouped as the seed says (alone from 10 staff, in pairs under 10), each with its fund. */
export const HA_DONG_STAFF_GROUPS = groupStaffBodies(HA_DONG_STAFF_BODIES, HA_DONG_STAFF_SOURCE).map((basis, i) => ({
  basis,
  fundId: sponsorshipFundId(i),
  name: groupFundName(basis),
}));

/** A group's target: its value is the quota the rule derives from its staff, never a typed number. */
function staffTarget(group: (typeof HA_DONG_STAFF_GROUPS)[number]): PlanTarget {
  const derived = staffQuota(group.basis);
  if (!derived.ok) throw new Error(`the staff basis of ${group.name} yields no quota`);
  return {
    programme: 'sponsorship',
    metric: 'count',
    value: derived.quota,
    fundId: group.fundId,
    staffBasis: group.basis,
    note: 'III.1.2. Cấp huyện: đơn vị có 10 - 15 CBCC-NLĐ nhận đỡ đầu ít nhất 01 đối tượng; 02 đơn vị dưới 10 CBCC-NLĐ nhận ít nhất 01 đối tượng',
  };
}

/**
 * Seed 002 as a plan of Quận Hà Đông (POST /api/plans by the district's labour office): the per-level sponsorship
 * quotas of "Kế hoạch triển khai thực hiện Nghị quyết số 179/2019/NQ-HĐND … giai đoạn 2020 - 2025":
 * - III.1.1: each of the six wards sponsors at least 2 people (the seed: 2–3);
 * - III.1.2: each district body or pair of small bodies sponsors what its staff gives by the rule (staffQuota),
 *   counted as the commitments its fund signs;
 * - the note: communes and the district together at least 70 % of the people supported (a share of the commitments
 *   funded by commune- and district-level funds); the province takes the remaining 30 % (III.1.3, not the district's
 *   target).
 * The period is 2021–2025: the seed's 2020–2025 is six years and a plan runs at most five.
 */
export const SPONSORSHIP_QUOTA_PLAN: PlanContent = {
  unitCode: 'HN-HD',
  title:
    'Kế hoạch nhận đỡ đầu, hỗ trợ thu nhập cho thành viên hộ nghèo thuộc chính sách bảo trợ xã hội, giai đoạn 2021 - 2025',
  kind: 'campaign',
  from: '2021-01-01',
  to: '2025-12-31',
  basis:
    'Nghị quyết số 179/2019/NQ-HĐND ngày 15/12/2019 của HĐND tỉnh; Kế hoạch số 43/KH-UBND ngày 24/02/2020 của ' +
    'UBND tỉnh; Kế hoạch của Ban Thường trực Ủy ban MTTQ tỉnh (giai đoạn 2020 - 2025)',
  targets: [
    ...WARDS.map((ward): PlanTarget => ({
      programme: 'sponsorship',
      metric: 'count',
      value: COMMUNE_SPONSOR_QUOTA,
      unitCode: `HN-HD-${ward}`,
      note: 'III.1.1. Mỗi đơn vị cấp xã đảm nhận đỡ đầu ít nhất 2 - 3 đối tượng',
    })),
    ...HA_DONG_STAFF_GROUPS.map(staffTarget),
    {
      programme: 'sponsorship',
      metric: 'share',
      value: 70,
      sourceLevels: ['commune', 'district'],
      note: 'III.1.2. Cấp xã và cấp huyện đạt ít nhất 70% tổng số đối tượng cần hỗ trợ; cấp tỉnh 30% còn lại (III.1.3)',
    },
  ],
};
