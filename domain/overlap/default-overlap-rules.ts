import type { OverlapRule } from './overlap-rule';

/**
 * The rules that apply while an administrator has saved none (settings `overlap-rules`). Programme keys are the
 * process definitions' `programme`; unverified as law, they are defaults an administrator may change.
 */
export const DEFAULT_OVERLAP_RULES: readonly OverlapRule[] = [
  {
    id: 'housing-10-years',
    title: {
      vi: 'Hỗ trợ nhà ở (xây mới hoặc sửa chữa) tối đa một lần mỗi hộ trong 10 năm',
      en: 'Housing support (new build or repair) at most once per household within 10 years',
    },
    subject: 'household',
    sides: [{ programme: 'housing' }, { programme: 'housing' }],
    window: { years: 10 },
  },
  {
    id: 'savings-book-not-with-housing',
    title: {
      vi: 'Sổ tiết kiệm chỉ cho hộ không nhận hỗ trợ nhà ở trong cùng năm',
      en: 'A savings book only for a household without housing support in the same year',
    },
    subject: 'household',
    sides: [{ programme: 'savings_book' }, { programme: 'housing' }],
    window: { sameYear: true },
  },
  {
    id: 'health-insurance-one-card',
    title: {
      vi: 'Mỗi người một thẻ bảo hiểm y tế trong một kỳ thẻ (năm)',
      en: 'One health-insurance card per person per card period (year)',
    },
    subject: 'person',
    sides: [{ programme: 'health_insurance' }, { programme: 'health_insurance' }],
    window: { sameYear: true },
  },
  {
    id: 'tet-gift-once',
    title: {
      vi: 'Mỗi hộ một suất quà Tết trong một đợt (6 tháng)',
      en: 'One Tết gift per household per campaign (6 months)',
    },
    subject: 'household',
    sides: [{ programme: 'tet_gift' }, { programme: 'tet_gift' }],
    window: { months: 6 },
  },
  {
    id: 'education-one-open',
    title: {
      vi: 'Mỗi trẻ chỉ một hồ sơ hỗ trợ học tập đang xử lý',
      en: 'One open education-support dossier per child',
    },
    subject: 'person',
    sides: [{ programme: 'education' }, { programme: 'education' }],
    window: { whileOpen: true },
  },
];
