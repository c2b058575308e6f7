import proposal from '../../../forms/examples/housing-proposal@3.json';
import repair from '../../../forms/examples/housing-proposal@3.repair.json';
import review from '../../../forms/examples/housing-review@1.json';
import decision from '../../../forms/examples/housing-decision@3.json';
import loan from '../../../forms/examples/credit-loan-proposal@1.json';
import boardConfirmation from '../../../forms/examples/credit-board-confirmation@1.json';
import housingLoan from '../../../forms/examples/credit-loan-proposal@1.housing.json';
import loanDecision from '../../../forms/examples/credit-loan-decision@1.json';
import disbursement from '../../../forms/examples/credit-disbursement@1.json';
import type { StepMove } from '../demo-driver/drive-dossier';
import type { DemoReceiptTarget } from './demo-receipt-time';

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
  /** The step it waits at; null: driven until it closes (a loan disbursed). */
  waitAt: string | null;
  then?: StepMove;
  /** A disbursed loan's entries (`POST /api/loans/{id}/entries`), recorded by the bank's officer `bank`. */
  loan?: { bank: string; entries: readonly Record<string, unknown>[] };
  reader: string;
  /**
   * Received on paper some days before start-up (`receivedAt`, computed by demoReceiptTime on `unitCode`'s calendar
   * at load time) so that its first step is overdue or near due when the demo starts.
   */
  paperReceipt?: { target: DemoReceiptTarget; unitCode: string };
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
/** Today's sponsors of a new house and of a repair: the city's bodies (the district and its fund are gone). */
const CITY_SOURCES = {
  new_build: [
    { source: 'poor_fund', sponsorName: 'Quỹ “Vì người nghèo” thành phố Hà Nội', amount: 50 * M },
    { source: 'mass_organisation', sponsorName: 'Hội Liên hiệp Phụ nữ thành phố Hà Nội', amount: 50 * M },
  ],
  repair: [
    { source: 'poor_fund', sponsorName: 'Quỹ “Vì người nghèo” thành phố Hà Nội', amount: 30 * M },
    { source: 'red_cross', sponsorName: 'Hội Chữ thập đỏ thành phố Hà Nội', amount: 30 * M },
  ],
};
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
  support: {
    ...example.support,
    fundingSources: CITY_SOURCES[example.support.type === 'repair' ? 'repair' : 'new_build'],
  },
  commune: { ...proposal.commune, villageMeetingDate: '2026-11-20', note: 'Đề xuất của tổ dân phố, đã họp bình xét.' },
});
const submit: StepMove = { as: '', body: { action: 'submit' } };
const by = (as: string, move: StepMove): StepMove => ({ ...move, as });
const approve = (as: string, data: Record<string, unknown>): StepMove => ({ as, body: { action: 'approve', data } });
/** The city department's appraisal of a proposal (housing-review@1), after its field visit. */
const appraisal = (approvedAmount: number): StepMove =>
  approve('tp.hanoi', {
    ...review,
    approvedAmount,
    fieldVisitDate: '2026-11-25',
    appraisalNotes:
      'Đã kiểm tra thực tế ngày 25/11/2026: hộ đủ điều kiện theo Kế hoạch hỗ trợ nhà ở năm 2026 của thành phố.',
    reviewerTitle: 'Trưởng phòng Bảo trợ xã hội, Sở Y tế thành phố Hà Nội',
  });
/** The city leadership's decision (housing-decision@3), split between the city's fund and its budget line. */
const cityDecision = approve('lanhdao.hanoi', {
  ...decision,
  decisionNumber: '4127/QĐ-UBND',
  decisionDate: '2026-11-30',
  signer: 'Trần Thị Thanh Nga',
  signerTitle: 'Phó Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
});
/** Up to the city's decision: submitted by the ward, appraised, decided. */
const throughDecision = (ward: string) => ({
  proposal: by(ward, submit),
  'province-appraisal': appraisal(100 * M),
  'province-approval': cityDecision,
});
/** A Kiến Hưng household's loan request to the Bank for Social Policies (credit-access-2025@1). */
const loanRequest = (
  h: Pick<Household, 'headName' | 'citizenId' | 'phone'>,
  example: typeof loan | typeof housingLoan = loan,
) => ({
  ...example,
  household: {
    ...example.household,
    ...h,
    address: { ...example.household.address, unitCode: 'HN-KIENHUNG' },
    registerYear: 2026,
  },
});
const LOAN = { processKey: 'credit-access-2025', processVersion: 1, reader: 'admin.hanoi' } as const;
/** A Kiến Hưng loan of `amount` confirmed, approved by the city branch and disbursed on 15/09/2025. */
const disbursedLoan = (amount: number, contract: string) => ({
  proposal: by('xa2025.kienhung', submit),
  'board-confirmation': approve('tindung.kienhung', {
    ...boardConfirmation,
    meetingDate: '2025-09-05',
    minutesNo: '14/BB-BGN',
    confirmedAmount: amount,
  }),
  'bank-decision': approve('nhcs.hanoi', {
    ...loanDecision,
    approvedAmount: amount,
    loanContractNo: contract,
    approvalDate: '2025-09-10',
  }),
  disbursement: approve('nhcs.hanoi', {
    ...disbursement,
    disbursedAmount: amount,
    disbursedOn: '2025-09-15',
    transactionPoint: 'Điểm giao dịch phường Kiến Hưng',
  }),
});
const HOUSING = { processKey: 'housing-support-2025', processVersion: 6, reader: 'admin.hanoi' } as const;

/**
 * Today's work, which a first start leaves in the inboxes of the post-2025 chain of Hà Nội (housing-support-2025@6,
 * the latest; units in force today, so the served API, which enforces validity, takes them): two proposals at the
 * city department's appraisal and a third there already (Sở Y tế, `tp.hanoi`), one returned to Phường Hà Đông for a
 * supplement with its clock stopped, one at the city leadership's approval (`lanhdao.hanoi`), one at the city
 * treasury's advance order (`khobac.hanoi`), one whose advance is paid, waiting for the ward's completion acceptance,
 * and three proposals their wards have not sent yet: every ward's officer (`xa2025.*`) has one to act on; and two
 * loan requests of Phường Kiến Hưng (credit-access-2025@1), one at its poverty-reduction board (`tindung.kienhung`),
 * one at the Bank for Social Policies' city branch (`nhcs.hanoi`), and two disbursed on 15/09/2025 on which the bank
 * has collected since (a housing loan with the budget's interest support, an instalment overdue at the end of June
 * 2026; a production loan), so that the half-yearly loan report of 2025-H2 and 2026-H1 is not empty. Invented
 * households, their citizen ids in a range the Hà Đông plan's generator does not use.
 *
 * Two of the wards' unsent proposals were received on paper days before start-up (paperReceipt): their clocks start
 * at the receipt, so the SLA dashboard shows one overdue (quá hạn) and one near due (tới hạn) beside the rest, which
 * start their clocks today (chưa đến hạn). (Until the demo enforced validity, two 2024 Định Quán dossiers past their
 * campaign's fixed due dates were left here as overdue examples; they were at units retired on 30/06/2025, with no
 * unit after the reform to take them, so they are no longer today's work.)
 */
export const DEMO_INBOX_DOSSIERS: readonly DemoInboxDossier[] = [
  {
    key: 'yen-nghia-appraisal',
    as: 'xa2025.yennghia',
    ...HOUSING,
    data: housing({
      headName: 'Đinh Văn Hậu',
      citizenId: '001058900008',
      phone: '0912345608',
      detail: 'Số 15, ngõ 4 phố Yên Lộ',
      village: 'Tổ dân phố số 8',
      unitCode: 'HN-YENNGHIA',
      memberCount: 5,
    }),
    moves: { proposal: by('xa2025.yennghia', submit) },
    waitAt: 'province-appraisal',
  },
  {
    key: 'phu-luong-appraisal',
    as: 'xa2025.phuluong',
    ...HOUSING,
    data: housing(
      {
        headName: 'Lương Thị Hạnh',
        citizenId: '001158900009',
        phone: '0912345609',
        detail: 'Số 3, ngách 21/7 đường Phú Lương',
        village: 'Tổ dân phố số 11',
        unitCode: 'HN-PHULUONG',
        memberCount: 3,
      },
      repair,
    ),
    moves: { proposal: by('xa2025.phuluong', submit) },
    waitAt: 'province-appraisal',
  },
  {
    key: 'ha-dong-returned',
    as: 'xa2025.hadong',
    ...HOUSING,
    data: housing({
      headName: 'Kiều Văn Thắng',
      citizenId: '001058900010',
      phone: '0912345610',
      detail: 'Số 9, ngõ 2 phố Bà Triệu',
      village: 'Tổ dân phố số 2',
      unitCode: 'HN-HADONG',
      memberCount: 6,
    }),
    moves: { proposal: by('xa2025.hadong', submit) },
    waitAt: 'province-appraisal',
    then: {
      as: 'tp.hanoi',
      body: {
        action: 'return',
        comment: 'Đề nghị bổ sung biên bản họp bình xét của tổ dân phố và ảnh chụp hiện trạng nhà ở.',
      },
    },
  },
  {
    key: 'duong-noi-2025-appraisal',
    as: 'xa2025.duongnoi',
    ...HOUSING,
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
  },
  {
    key: 'yen-nghia-2025-approval',
    as: 'xa2025.yennghia',
    ...HOUSING,
    data: housing({
      headName: 'Cấn Thị Thu',
      citizenId: '001158900007',
      phone: '0912345607',
      detail: 'Số 40 đường Yên Nghĩa',
      village: 'Tổ dân phố số 6',
      unitCode: 'HN-YENNGHIA',
      memberCount: 2,
    }),
    moves: { proposal: by('xa2025.yennghia', submit), 'province-appraisal': appraisal(100 * M) },
    waitAt: 'province-approval',
  },
  {
    key: 'kien-hung-order',
    as: 'xa2025.kienhung',
    ...HOUSING,
    data: housing({
      headName: 'Nghiêm Văn Lộc',
      citizenId: '001058900011',
      phone: '0912345611',
      detail: 'Số 12, ngõ 6 đường Kiến Hưng',
      village: 'Tổ dân phố số 7',
      unitCode: 'HN-KIENHUNG',
      memberCount: 4,
    }),
    moves: throughDecision('xa2025.kienhung'),
    waitAt: 'advance-order',
  },
  {
    key: 'phu-luong-completion',
    as: 'xa2025.phuluong',
    ...HOUSING,
    data: housing({
      headName: 'Tạ Thị Xuân',
      citizenId: '001158900012',
      phone: '0912345612',
      detail: 'Số 22, tổ 9 phố Phú Lương',
      village: 'Tổ dân phố số 9',
      unitCode: 'HN-PHULUONG',
      memberCount: 4,
    }),
    moves: {
      ...throughDecision('xa2025.phuluong'),
      'advance-order': approve('khobac.hanoi', {
        amount: 50 * M,
        orderDate: '2026-12-01',
        method: 'transfer',
        note: 'Tạm ứng đợt 1 khi khởi công',
      }),
      'advance-confirmation': approve('khobac.hanoi', { paidOn: '2026-12-02', receiptNumber: 'UNC-2026-1204' }),
    },
    waitAt: 'completion-acceptance',
  },
  ...(
    [
      ['yen-nghia-draft', 'xa2025.yennghia', 'Bùi Thị Mến', '001158900013', 'Số 7, ngõ 19 phố Yên Phúc', 'HN-YENNGHIA'],
      // Received on paper days ago and entered at start-up: one overdue, one near due at its ward.
      [
        'duong-noi-draft',
        'xa2025.duongnoi',
        'Chu Văn Khánh',
        '001058900014',
        'Số 30 đường Tố Hữu',
        'HN-DUONGNOI',
        'overdue',
      ],
      [
        'kien-hung-draft',
        'xa2025.kienhung',
        'Hà Thị Lựu',
        '001158900015',
        'Số 4, ngõ 8 phố Văn Phú',
        'HN-KIENHUNG',
        'near_due',
      ],
    ] as const
  ).map(([key, ward, headName, citizenId, detail, unitCode, paper], i): DemoInboxDossier => ({
    key,
    as: ward,
    ...HOUSING,
    data: housing(
      { headName, citizenId, phone: `09123456${16 + i}`, detail, village: 'Tổ dân phố số 3', unitCode, memberCount: 3 },
      i === 1 ? repair : proposal,
    ),
    moves: {},
    waitAt: 'proposal',
    ...(paper ? { paperReceipt: { target: paper, unitCode } } : {}),
  })),
  {
    key: 'kien-hung-loan-board',
    as: 'xa2025.kienhung',
    ...LOAN,
    data: loanRequest({ headName: 'Lò Văn Hùng', citizenId: '001058900019', phone: '0912345619' }),
    moves: { proposal: by('xa2025.kienhung', submit) },
    waitAt: 'board-confirmation',
  },
  {
    key: 'kien-hung-loan-bank',
    as: 'xa2025.kienhung',
    ...LOAN,
    data: loanRequest({ headName: 'Mai Thị Dung', citizenId: '001158900020', phone: '0912345620' }),
    moves: {
      proposal: by('xa2025.kienhung', submit),
      'board-confirmation': approve('tindung.kienhung', {
        ...boardConfirmation,
        meetingDate: '2026-11-27',
        minutesNo: '21/BB-BGN',
        confirmedAmount: 50 * M,
      }),
    },
    waitAt: 'bank-decision',
  },
  {
    key: 'kien-hung-loan-housing-disbursed',
    as: 'xa2025.kienhung',
    ...LOAN,
    data: loanRequest({ headName: 'Vi Văn Toàn', citizenId: '001058900021', phone: '0912345621' }, housingLoan),
    moves: disbursedLoan(50 * M, 'HD-2025-0915'),
    waitAt: null,
    loan: {
      bank: 'nhcs.hanoi',
      entries: [
        { kind: 'collection', date: '2025-12-15', principal: 2 * M, interest: 990_000, interestSupport: 375_000 },
        { kind: 'collection', date: '2026-03-16', principal: 2 * M, interest: 950_000, interestSupport: 360_000 },
        { kind: 'overdue', date: '2026-06-15', amount: 2 * M },
      ],
    },
  },
  {
    key: 'kien-hung-loan-production-disbursed',
    as: 'xa2025.kienhung',
    ...LOAN,
    data: loanRequest({ headName: 'Hà Thị Lan', citizenId: '001158900022', phone: '0912345622' }),
    moves: disbursedLoan(40 * M, 'HD-2025-0916'),
    waitAt: null,
    loan: {
      bank: 'nhcs.hanoi',
      entries: [
        { kind: 'collection', date: '2025-12-15', principal: 5 * M, interest: 780_000 },
        { kind: 'collection', date: '2026-06-15', principal: 5 * M, interest: 700_000 },
      ],
    },
  },
];
