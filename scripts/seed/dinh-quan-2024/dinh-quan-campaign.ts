import { DINH_QUAN_FUND_ID } from './dinh-quan-fund';

const M = 1_000_000;

interface ListHousehold {
  headName: string;
  village: string;
  category: 'poor' | 'near_poor' | 'revolutionary_merit';
  housing: 'temporary' | 'dilapidated';
  supportKind: 'new_build' | 'repair';
  amount: number;
}

/**
 * A commune's list as its form holds it (campaign-housing-list@2: its houses to build and to repair counted), the
 * board's decision committing the total from the district fund, and the fund's payment of it (order, confirmation).
 */
function list(
  commune: string,
  officer: string,
  submissionNumber: string,
  decisionNumber: string,
  households: ListHousehold[],
) {
  const total = households.reduce((t, h) => t + h.amount, 0);
  const kinds = new Set(households.map((h) => h.supportKind));
  const houses = (kind: ListHousehold['supportKind']) => households.filter((h) => h.supportKind === kind).length;
  return {
    commune,
    officer,
    data: {
      supportType: kinds.size === 1 ? [...kinds][0]! : 'mixed',
      submissionNumber,
      households,
      beneficiaries: households.length,
      housesBuilt: houses('new_build'),
      housesRepaired: houses('repair'),
      requestedAmount: total,
    },
    decision: {
      decisionNumber,
      decisionDate: '2024-03-05',
      approvedAmount: total,
      fundingSplit: [{ fundId: DINH_QUAN_FUND_ID, amount: total }],
      signer: 'Dương Thị Kim Phú',
      signerTitle: 'Phó Trưởng Ban vận động Quỹ “Vì người nghèo” huyện Định Quán',
    },
    payment: {
      order: { amount: total, orderDate: '2024-03-12', method: 'transfer' },
      confirmation: { paidOn: '2024-03-15', receiptNumber: `UNC-${decisionNumber.split('/')[0]}` },
    },
  };
}

/**
 * Seed 003's campaign as demo data (a small realistic set, not the seed's figures, which it does not give per unit):
 * receipts with their donors (one after the window, which the campaign does not count), the district board's plan
 * with its raising and households targets (demo values, marked so in their notes), the temporary-housing lists of
 * Phú Vinh and La Ngà (approved and paid), and Phú Vinh's result report: its figures as the commune reports them,
 * the money it raised itself (not in the district fund, so not in the computed figure) corrected with its reason.
 */
export const DINH_QUAN_CAMPAIGN = {
  receipts: [
    { amount: 150 * M, date: '2024-02-05', donor: { kind: 'enterprise', name: 'Công ty CP Cao su Đồng Nai' } },
    {
      amount: 60 * M,
      date: '2024-02-20',
      donor: { kind: 'organisation', name: 'Cán bộ, công chức các cơ quan huyện' },
    },
    { amount: 25 * M, date: '2024-03-12', donor: { kind: 'member_organisation', name: 'Hội Cựu chiến binh huyện' } },
    { amount: 20 * M, date: '2024-04-08', donor: { kind: 'overseas_vietnamese', name: 'Ông Trần Văn Kiệt (Hoa Kỳ)' } },
    { amount: 5 * M, date: '2024-05-17', donor: { kind: 'individual', name: 'Bà Nguyễn Thị Lan, ấp 3 xã Phú Vinh' } },
    {
      amount: 3 * M,
      date: '2024-05-25',
      donor: { kind: 'individual', name: 'Ông Lê Văn Hùng' },
      note: 'Sau đợt cao điểm',
    },
  ],
  plan: {
    unitCode: 'DN-DQ',
    title: 'Đợt cao điểm vận động Quỹ “Vì người nghèo” từ ngày 03/02 đến ngày 19/5/2024',
    kind: 'campaign' as const,
    from: '2024-02-03',
    to: '2024-05-19',
    basis:
      'Nghị quyết số 10-NQ/HU ngày 10/12/2023 và số 06-NQ/HU ngày 28/6/2022 của Ban Chấp hành Đảng bộ huyện; ' +
      'Chương trình phối hợp thống nhất hành động của Ủy ban MTTQ Việt Nam huyện năm 2024',
    targets: [
      {
        programme: 'fund_for_the_poor',
        metric: 'raised' as const,
        value: 250 * M,
        note: 'Vận động Quỹ “Vì người nghèo” huyện và xã, thị trấn (chỉ tiêu minh họa)',
      },
      {
        programme: 'fund_for_the_poor',
        metric: 'count' as const,
        counting: 'beneficiaries' as const,
        value: 4,
        note: 'Hỗ trợ hộ nghèo, cận nghèo, người có công ở nhà tạm, nhà thiếu kiên cố (chỉ tiêu minh họa)',
      },
    ],
  },
  lists: [
    list('DN-DQ-PV', 'mttq.phuvinh', '05/TTr-MTTQ', '12/QĐ-BVĐ', [
      {
        headName: 'Điểu Thị Bích',
        village: 'Ấp 4',
        category: 'poor',
        housing: 'temporary',
        supportKind: 'new_build',
        amount: 60 * M,
      },
      {
        headName: 'Nguyễn Văn Tâm',
        village: 'Ấp 2',
        category: 'revolutionary_merit',
        housing: 'dilapidated',
        supportKind: 'repair',
        amount: 30 * M,
      },
    ]),
    list('DN-DQ-LN', 'mttq.langa', '03/TTr-MTTQ', '13/QĐ-BVĐ', [
      {
        headName: 'Trần Thị Mai',
        village: 'Ấp 6',
        category: 'near_poor',
        housing: 'temporary',
        supportKind: 'new_build',
        amount: 60 * M,
      },
    ]),
  ],
  report: {
    officer: 'mttq.phuvinh',
    /**
     * The reasons of the figures reported unlike the computed ones (form campaign-result-report@2 only: `data` stays
     * valid for @1, which other demo dossiers reuse).
     */
    corrections: {
      raisedAmount:
        'Gồm 5.000.000 đồng bà Nguyễn Thị Lan (ấp 3) ủng hộ qua Ban vận động xã, đã nộp vào Quỹ huyện ngày 17/5/2024.',
    },
    data: {
      reportNumber: '15/BC-MTTQ',
      raisedAmount: 5 * M,
      spentAmount: 90 * M,
      householdsSupported: 2,
      housesBuilt: 1,
      housesRepaired: 1,
      summary:
        'Đợt cao điểm vận động được các ấp, doanh nghiệp và nhà hảo tâm hưởng ứng; Ban vận động huyện hỗ trợ 01 hộ ' +
        'xây mới và 01 hộ sửa chữa nhà ở từ Quỹ “Vì người nghèo” huyện.',
    },
  },
};
