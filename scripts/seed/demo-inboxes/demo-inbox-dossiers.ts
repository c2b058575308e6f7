import proposal from '../../../forms/examples/housing-proposal@2.json';
import repair from '../../../forms/examples/housing-proposal@2.repair.json';
import review from '../../../forms/examples/housing-review@1.json';
import decision from '../../../forms/examples/housing-decision@3.json';
import type { StepMove } from '../demo-driver/drive-dossier';
import { DINH_QUAN_CAMPAIGN } from '../dinh-quan-2024/dinh-quan-campaign';

/**
 * A dossier left waiting somewhere so that a first start's inboxes hold work: created by `as`, taken through `moves`
 * (the move at each step) until it reaches `waitAt`, then, if given, `then` (a return for supplement, which stops
 * its clock). `reader` sees the whole chain (the province's administrator).
 */
export interface DemoInboxDossier {
  key: string;
  as: string;
  processKey: string;
  processVersion: number;
  data: Record<string, unknown>;
  moves: Readonly<Record<string, StepMove>>;
  waitAt: string;
  then?: StepMove;
  reader: string;
}

const M = 1_000_000;
interface Household {
  headName: string;
  citizenId: string;
  phone: string;
  detail: string;
  village: string;
  unitCode: string;
  memberCount: number;
}
/** The example proposal (or its repair variant) for another invented household. */
const housing = (h: Household, example: typeof proposal | typeof repair = proposal) => ({
  ...example,
  household: {
    ...example.household,
    headName: h.headName,
    citizenId: h.citizenId,
    phone: h.phone,
    address: { detail: h.detail, village: h.village, unitCode: h.unitCode },
    memberCount: h.memberCount,
  },
  commune: { ...proposal.commune, villageMeetingDate: '2026-11-20', note: 'Đề xuất của tổ dân phố, đã họp bình xét.' },
});
const submit: StepMove = { as: '', body: { action: 'submit' } };
const by = (as: string, move: StepMove): StepMove => ({ ...move, as });
const approve = (as: string, data: Record<string, unknown>): StepMove => ({ as, body: { action: 'approve', data } });
const districtReview = approve('quan.hadong', review);
const cityDecision = approve('tp.hanoi', { ...decision, signerTitle: 'Phó Chủ tịch Ủy ban nhân dân thành phố Hà Nội' });

/**
 * The dossiers a first start leaves in the inboxes, at each level of both chains: the seed-era chain of Hà Đông
 * (two at the district's review, one returned to its ward for a supplement with its clock stopped, one at the city's
 * approval, one at the district fund's payment order), the post-2025 chain (one at the department's appraisal, one
 * at the city leadership's approval), and in Định Quán a commune's list and a commune's result report not yet sent,
 * both past their fixed due dates (22/02/2024 and 19/05/2024), so overdue. Invented households, their citizen ids in a
 * range the Hà Đông plan's generator does not use.
 */
export const DEMO_INBOX_DOSSIERS: readonly DemoInboxDossier[] = [
  {
    key: 'yen-nghia-district',
    as: 'xa.yennghia',
    processKey: 'housing-support-2024',
    processVersion: 4,
    data: housing({
      headName: 'Đinh Văn Hậu',
      citizenId: '001058900001',
      phone: '0912345601',
      detail: 'Số 15, ngõ 4 phố Yên Lộ',
      village: 'Tổ dân phố số 8',
      unitCode: 'HN-HD-YN',
      memberCount: 5,
    }),
    moves: { proposal: by('xa.yennghia', submit) },
    waitAt: 'district-review',
    reader: 'admin.hanoi',
  },
  {
    key: 'phu-luong-district',
    as: 'xa.phuluong',
    processKey: 'housing-support-2024',
    processVersion: 4,
    data: housing(
      {
        headName: 'Lương Thị Hạnh',
        citizenId: '001158900002',
        phone: '0912345602',
        detail: 'Số 3, ngách 21/7 đường Phú Lương',
        village: 'Tổ dân phố số 11',
        unitCode: 'HN-HD-PL',
        memberCount: 3,
      },
      repair,
    ),
    moves: { proposal: by('xa.phuluong', submit) },
    waitAt: 'district-review',
    reader: 'admin.hanoi',
  },
  {
    key: 'dong-mai-returned',
    as: 'xa.dongmai',
    processKey: 'housing-support-2024',
    processVersion: 4,
    data: housing({
      headName: 'Kiều Văn Thắng',
      citizenId: '001058900003',
      phone: '0912345603',
      detail: 'Thôn Đồng Mai, xóm Chùa',
      village: 'Tổ dân phố số 2',
      unitCode: 'HN-HD-DM',
      memberCount: 6,
    }),
    moves: { proposal: by('xa.dongmai', submit) },
    waitAt: 'district-review',
    then: {
      as: 'quan.hadong',
      body: {
        action: 'return',
        comment: 'Đề nghị bổ sung biên bản họp bình xét của tổ dân phố và ảnh chụp hiện trạng nhà ở.',
      },
    },
    reader: 'admin.hanoi',
  },
  {
    key: 'duong-noi-city',
    as: 'xa.duongnoi',
    processKey: 'housing-support-2024',
    processVersion: 4,
    data: housing({
      headName: 'Tạ Thị Xuân',
      citizenId: '001158900004',
      phone: '0912345604',
      detail: 'Số 22, tổ 9 phố Dương Nội',
      village: 'Tổ dân phố số 9',
      unitCode: 'HN-HD-DN',
      memberCount: 4,
    }),
    moves: { proposal: by('xa.duongnoi', submit), 'district-review': districtReview },
    waitAt: 'province-approval',
    reader: 'admin.hanoi',
  },
  {
    key: 'bien-giang-order',
    as: 'xa.biengiang',
    processKey: 'housing-support-2024',
    processVersion: 4,
    data: housing({
      headName: 'Nghiêm Văn Lộc',
      citizenId: '001058900005',
      phone: '0912345605',
      detail: 'Thôn Phú Mỹ, xóm Giữa',
      village: 'Tổ dân phố Phú Mỹ',
      unitCode: 'HN-HD-BG',
      memberCount: 4,
    }),
    moves: {
      proposal: by('xa.biengiang', submit),
      'district-review': districtReview,
      'province-approval': cityDecision,
    },
    waitAt: 'advance-order',
    reader: 'admin.hanoi',
  },
  {
    key: 'duong-noi-2025-appraisal',
    as: 'xa2025.duongnoi',
    processKey: 'housing-support-2025',
    processVersion: 5,
    data: housing({
      headName: 'Phí Văn Cường',
      citizenId: '001058900006',
      phone: '0912345606',
      detail: 'Số 5, ngõ 2 phố Lê Trọng Tấn',
      village: 'Tổ dân phố số 4',
      unitCode: 'HN-DUONGNOI',
      memberCount: 3,
    }),
    moves: { proposal: by('xa2025.duongnoi', submit) },
    waitAt: 'province-appraisal',
    reader: 'admin.hanoi',
  },
  {
    key: 'yen-nghia-2025-approval',
    as: 'xa2025.yennghia',
    processKey: 'housing-support-2025',
    processVersion: 5,
    data: housing({
      headName: 'Cấn Thị Thu',
      citizenId: '001158900007',
      phone: '0912345607',
      detail: 'Số 40 đường Yên Nghĩa',
      village: 'Tổ dân phố số 6',
      unitCode: 'HN-YENNGHIA',
      memberCount: 2,
    }),
    moves: {
      proposal: by('xa2025.yennghia', submit),
      'province-appraisal': approve('tp.hanoi', {
        ...review,
        fieldVisitDate: '2026-11-25',
        reviewerTitle: 'Trưởng phòng Bảo trợ xã hội, Sở Y tế thành phố Hà Nội',
      }),
    },
    waitAt: 'province-approval',
    reader: 'admin.hanoi',
  },
  {
    key: 'phu-tan-list',
    as: 'mttq.phutan',
    processKey: 'fund-campaign-housing-2024',
    processVersion: 2,
    data: {
      supportType: 'new_build',
      submissionNumber: '04/TTr-MTTQ',
      households: [
        {
          headName: 'Võ Văn Sáu',
          village: 'Ấp 1',
          category: 'poor',
          housing: 'temporary',
          supportKind: 'new_build',
          amount: 60 * M,
        },
      ],
      beneficiaries: 1,
      requestedAmount: 60 * M,
    },
    moves: {},
    waitAt: 'commune-list',
    reader: 'admin.dongnai',
  },
  {
    key: 'la-nga-report',
    as: 'mttq.langa',
    processKey: 'fund-campaign-report-2024',
    processVersion: 1,
    data: {
      ...DINH_QUAN_CAMPAIGN.report.data,
      reportNumber: '09/BC-MTTQ',
      raisedAmount: 4 * M,
      spentAmount: 60 * M,
      householdsSupported: 1,
      housesBuilt: 1,
      housesRepaired: 0,
      summary: 'Xã vận động được 4 triệu đồng; Ban vận động huyện hỗ trợ 01 hộ xây mới nhà ở.',
    },
    moves: {},
    waitAt: 'commune-report',
    reader: 'admin.dongnai',
  },
];
