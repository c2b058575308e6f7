import type { StaffBody } from '../../../domain/plans/staff-quota';

/**
 * Quận Hà Đông's offices, boards, Front and mass organisations that seed 002 (III.1.2) asks to sponsor from their
 * staff's contributions, with their staff (CBCC-NLĐ). The bodies are the kinds the seed names ("các phòng, ban,
 * ngành, MTTQ và các đoàn thể cấp huyện"); the staff counts are demo figures (the seed gives none per body), marked so
 * as their source. The quotas are never typed here: the rule (staffQuota) derives them when the plan is built.
 */
export const HA_DONG_STAFF_SOURCE = 'Số liệu minh họa: biên chế giao năm 2024 của các cơ quan, đơn vị quận Hà Đông';

export const HA_DONG_STAFF_BODIES: readonly StaffBody[] = [
  { name: 'Văn phòng HĐND và UBND quận', staff: 32 },
  { name: 'Phòng Tài chính - Kế hoạch', staff: 18 },
  { name: 'Phòng Nội vụ', staff: 14 },
  { name: 'Phòng Lao động - Thương binh và Xã hội', staff: 12 },
  { name: 'Ủy ban MTTQ Việt Nam quận', staff: 10 },
  { name: 'Phòng Tư pháp', staff: 7 },
  { name: 'Thanh tra quận', staff: 9 },
  { name: 'Hội Liên hiệp Phụ nữ quận', staff: 6 },
  { name: 'Quận đoàn Hà Đông', staff: 5 },
  { name: 'Hội Cựu chiến binh quận', staff: 4 },
];

/**
 * The fund each group of bodies sponsors from (a body alone, or two under 10 staff together), by the group's place in
 * groupStaffBodies' order: fixed ids, so a second load finds the funds it made.
 */
export const sponsorshipFundId = (group: number): string =>
  `5e02a000-0000-4000-8000-${String(group + 1).padStart(12, '0')}`;
