import { example, proposalIn as exampleProposalIn, withNewHousehold } from '../form-examples';

/** Each dossier for a household of its own: the overlap rules refuse a second housing dossier for one household. */
const proposalIn = (unit: string, variant = '') => withNewHousehold(exampleProposalIn(unit, variant));

/** One decision a load client takes on a dossier: who, which action, with which body (none for a bulk step). */
export interface PlannedStep {
  as: string;
  action: 'submit' | 'approve' | 'return' | 'reject' | 'withdraw';
  body: Record<string, unknown>;
  /** Taken by the bulk client in a list approval with other dossiers (POST /api/dossiers/bulk-actions). */
  bulk?: true;
}

/** A dossier's whole life in a load run: how it is created and every decision after that, in order. */
export interface DossierPlan {
  index: number;
  kind: string;
  creator: string;
  create: { processKey: string; processVersion?: number; data: Record<string, unknown> };
  steps: PlannedStep[];
  /** Where it ends: a closed status, or `open` (it stays in someone's inbox). */
  ends: 'completed' | 'rejected' | 'withdrawn' | 'open';
}

const SEED_ERA = [
  ['xa.hacau', 'HN-HD-HC'],
  ['xa.yennghia', 'HN-HD-YN'],
  ['xa.phuluong', 'HN-HD-PL'],
  ['xa.dongmai', 'HN-HD-DM'],
  ['xa.duongnoi', 'HN-HD-DN'],
  ['xa.biengiang', 'HN-HD-BG'],
] as const;
/** The post-2025 wards' commune officers and their wards. */
export const POST_REFORM = [
  ['xa2025.hadong', 'HN-HADONG'],
  ['xa2025.yennghia', 'HN-YENNGHIA'],
  ['xa2025.phuluong', 'HN-PHULUONG'],
  ['xa2025.duongnoi', 'HN-DUONGNOI'],
  ['xa2025.kienhung', 'HN-KIENHUNG'],
] as const;

const review = () => example('housing-review@1');
const decision = () => example('housing-decision@1');
const disbursement = () => example('housing-disbursement@1');
const because = (comment: string) => ({ comment });
/** The proposal again with the supplement asked for: a resubmission must change something. */
const supplemented = (unit: string, variant = '') => {
  const data = proposalIn(unit, variant);
  data.commune.note = 'Đã bổ sung giấy chứng nhận quyền sử dụng đất';
  return { data };
};

/**
 * A kind of dossier; `seed-…` kinds run in the seed-era communes, `reform-…` ones in the post-2025 ones. They are
 * pinned to the versions before money (housing-support-2024@3, housing-support-2025@4): one recorded disbursement.
 */
type Kind = (creator: string, unit: string) => Pick<DossierPlan, 'create' | 'steps' | 'ends'>;
const s = (as: string, action: PlannedStep['action'], body: Record<string, unknown> = {}): PlannedStep => ({
  as,
  action,
  body,
});
const LIST_APPROVAL: PlannedStep = { as: 'lanhdao.hanoi', action: 'approve', body: {}, bulk: true };

/**
 * The mix of a load run, by kind: every chain and version, returns for supplement with resubmission, rejections,
 * withdrawals, list approvals (bulk) and dossiers left open at each level so that the open counters are not all 0.
 */
const KINDS: Record<string, Kind> = {
  'seed-new-build': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('quan.hadong', 'approve', { data: review() }),
      s('tp.hanoi', 'approve', { data: decision() }),
      s('quy.hadong', 'approve', { data: disbursement() }),
    ],
  }),
  // Money (housing-support-2024@4): the decision commits 50 M on each of the two demo funds its example names, the
  // district fund orders the 50 M advance and the treasury confirms it paid; it then waits for the acceptance.
  'seed-money-advance': (c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2024', processVersion: 4, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('quan.hadong', 'approve', { data: review() }),
      s('tp.hanoi', 'approve', { data: example('housing-decision@3') }),
      s('quy.hadong', 'approve', { data: { ...example('payment-order@1'), amount: 50_000_000 } }),
      s('khobac.hanoi', 'approve', { data: example('payment-confirmation@1') }),
    ],
  }),
  'seed-repair': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u, '.repair') },
    steps: [
      s(c, 'submit'),
      s('quan.hadong', 'approve', { data: { ...review(), approvedAmount: 60_000_000 } }),
      s('quy.hadong', 'approve', { data: disbursement() }),
    ],
  }),
  'seed-returned-by-province': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('quan.hadong', 'approve', { data: review() }),
      s('tp.hanoi', 'return', because('Bổ sung giấy tờ đất')),
      s(c, 'submit', supplemented(u)),
      s('tp.hanoi', 'approve', { data: decision() }),
      s('quy.hadong', 'approve', { data: disbursement() }),
    ],
  }),
  'seed-returned-left-open': (c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [s(c, 'submit'), s('quan.hadong', 'return', because('Thiếu xác nhận của thôn'))],
  }),
  'seed-rejected': (c, u) => ({
    ends: 'rejected',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [s(c, 'submit'), s('quan.hadong', 'reject', because('Hộ không thuộc diện hỗ trợ'))],
  }),
  'seed-withdrawn': (c, u) => ({
    ends: 'withdrawn',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [s(c, 'submit'), s(c, 'withdraw', because('Hộ đã được hỗ trợ từ nguồn khác'))],
  }),
  'seed-open-at-province': (c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [s(c, 'submit'), s('quan.hadong', 'approve', { data: review() })],
  }),
  'seed-open-at-commune': (_c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(u) },
    steps: [],
  }),
  'reform-v2': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2025', processVersion: 2, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('tp.hanoi', 'approve', { data: decision() }),
      s('khobac.hanoi', 'approve', { data: disbursement() }),
    ],
  }),
  'reform-list-approval': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('tp.hanoi', 'approve', { data: review() }),
      LIST_APPROVAL,
      s('khobac.hanoi', 'approve', { data: disbursement() }),
    ],
  }),
  'reform-returned-then-listed': (c, u) => ({
    ends: 'completed',
    create: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn(u) },
    steps: [
      s(c, 'submit'),
      s('tp.hanoi', 'return', because('Bổ sung ảnh hiện trạng nhà')),
      s(c, 'submit', supplemented(u)),
      s('tp.hanoi', 'approve', { data: review() }),
      LIST_APPROVAL,
      s('khobac.hanoi', 'approve', { data: disbursement() }),
    ],
  }),
  'reform-rejected': (c, u) => ({
    ends: 'rejected',
    create: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn(u) },
    steps: [s(c, 'submit'), s('tp.hanoi', 'reject', because('Vượt chỉ tiêu năm'))],
  }),
  'reform-listed-open': (c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn(u) },
    steps: [s(c, 'submit'), s('tp.hanoi', 'approve', { data: review() }), LIST_APPROVAL],
  }),
  'reform-open-at-appraisal': (c, u) => ({
    ends: 'open',
    create: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn(u) },
    steps: [s(c, 'submit')],
  }),
};

/** How often each kind comes in a cycle of 20 dossiers. */
const CYCLE: string[] = [
  'seed-new-build',
  'seed-new-build',
  'seed-repair',
  'seed-returned-by-province',
  'seed-returned-left-open',
  'seed-rejected',
  'seed-withdrawn',
  'seed-open-at-province',
  'seed-open-at-commune',
  'seed-money-advance',
  'reform-v2',
  'reform-list-approval',
  'reform-list-approval',
  'reform-list-approval',
  'reform-returned-then-listed',
  'reform-rejected',
  'reform-listed-open',
  'reform-open-at-appraisal',
  'reform-list-approval',
  'reform-v2',
];

/** `count` dossier plans, the same for the same count: the kinds in a fixed cycle, communes in turn. */
export function dossierPlans(count: number): DossierPlan[] {
  let seed = 0;
  let reform = 0;
  return Array.from({ length: count }, (_, index) => {
    const kind = CYCLE[index % CYCLE.length]!;
    const make = KINDS[kind]!;
    const [creator, unit] = kind.startsWith('seed-')
      ? SEED_ERA[seed++ % SEED_ERA.length]!
      : POST_REFORM[reform++ % POST_REFORM.length]!;
    const { create, steps, ends } = make(creator, unit);
    return { index, kind, creator, create, steps, ends };
  });
}
