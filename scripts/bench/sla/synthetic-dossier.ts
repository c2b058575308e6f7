import type { DossierViewDoc } from '../../../storage/dossier-view-schema';
import { dossierSearchText } from '../../../read-model/search/dossier-search-text';
import { seededRandom } from '../../lib/seeded-random';

/** The shape of the synthetic country: 34 provinces (after the 2025 reform) with ~98 communes each (3,321 in all). */
export const PROVINCES = 34;
export const COMMUNES_PER_PROVINCE = 98;
/** Share of dossiers still open (waiting somewhere); the rest are finished history. */
export const OPEN_SHARE = 0.05;

const DAY = 86_400_000;
const PROGRAMMES: { programme: string; processKey: string; share: number }[] = [
  { programme: 'housing', processKey: 'housing-support-2025', share: 0.45 },
  { programme: 'livelihood', processKey: 'livelihood-support-2025', share: 0.2 },
  { programme: 'health_insurance', processKey: 'health-insurance-2025', share: 0.2 },
  { programme: 'education', processKey: 'education-support-2025', share: 0.15 },
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phúc', 'Sơn', 'Tâm', 'Yến'];

export const provinceCode = (p: number): string => `P${String(p + 1).padStart(2, '0')}`;
export const communeCode = (p: number, c: number): string => `${provinceCode(p)}-C${String(c + 1).padStart(3, '0')}`;
export const treasuryCode = (p: number): string => `${provinceCode(p)}-KB`;

/** A small deterministic generator (mulberry32), so that a seed gives the same data on every run. */
export const createRandom = seededRandom;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/**
 * Dossier number `i` of the synthetic read model, as the projection would have written it: 95 % finished over the
 * last three years (85 % of them on time), 5 % open and waiting at the commune (50 %), the province (35 %) or the
 * treasury (15 %), with due times from three weeks ago to a month ahead.
 */
export function syntheticDossier(i: number, random: () => number, now: number): DossierViewDoc {
  const p = Math.floor(random() * PROVINCES);
  const c = Math.floor(random() * COMMUNES_PER_PROVINCE);
  const roll = random();
  let acc = 0;
  const kind = PROGRAMMES.find((k) => (acc += k.share) >= roll) ?? PROGRAMMES[0]!;
  const id = `${communeCode(p, c)}-${String(i).padStart(7, '0')}`;
  const applicant = {
    headName: `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`,
    village: `Thôn ${1 + Math.floor(random() * 12)}`,
    householdSize: 1 + Math.floor(random() * 7),
  };
  const requested = (20 + Math.floor(random() * 40)) * 1_000_000;
  const open = random() < OPEN_SHARE;
  const openedAt = open ? now - Math.floor(random() * 60 * DAY) : now - Math.floor(random() * 3 * 365 * DAY);
  const base = {
    _id: id,
    processKey: kind.processKey,
    processVersion: 1,
    programme: kind.programme,
    receivingUnit: communeCode(p, c),
    unitChain: [communeCode(p, c), provinceCode(p)],
    openedAt: new Date(openedAt),
    facts: {
      requestedAmount: requested,
      poorHousehold: random() < 0.7,
      category: pick(random, ['new_house', 'repair', 'livelihood', 'card']),
    },
    applicant,
    searchText: dossierSearchText(id, applicant),
    extendedAt: null,
    seq: 3 + Math.floor(random() * 8),
  };
  if (!open) {
    const closedAt = Math.min(now - DAY, openedAt + (5 + Math.floor(random() * 40)) * DAY);
    const onTime = random() < 0.85;
    const outcome = random() < 0.9 ? 'approved' : 'rejected';
    return {
      ...base,
      status: outcome === 'approved' ? 'completed' : 'rejected',
      outcome,
      currentStep: null,
      currentLevel: null,
      currentRole: null,
      processingUnit: null,
      stepStartedAt: null,
      dueAt: null,
      nearDueAt: null,
      timeliness: onTime ? 'on_time' : 'late',
      overallDueAt: new Date(closedAt + (onTime ? 2 : -2) * DAY),
      clockPausedAt: null,
      closedAt: new Date(closedAt),
      closedOnTime: onTime,
      amounts: {
        requested,
        approved: outcome === 'approved' ? requested : null,
        disbursed: outcome === 'approved' ? requested : null,
      },
      lastDecisionAt: new Date(closedAt),
    } as DossierViewDoc;
  }
  const where = random();
  const [level, unit, role, step] =
    where < 0.5
      ? (['commune', communeCode(p, c), 'commune_officer', 'commune_review'] as const)
      : where < 0.85
        ? (['province', provinceCode(p), 'province_officer', 'province_approval'] as const)
        : (['treasury', treasuryCode(p), 'treasury_officer', 'disbursement'] as const);
  const status = random() < 0.1 ? 'awaiting_supplement' : random() < 0.1 ? 'received' : 'in_progress';
  const stepStartedAt = now - Math.floor(random() * 20 * DAY);
  const dueAt = stepStartedAt + (3 + Math.floor(random() * 20)) * DAY;
  const nearDueAt = stepStartedAt + (dueAt - stepStartedAt) * 0.75;
  const paused = status === 'awaiting_supplement';
  return {
    ...base,
    status,
    outcome: null,
    currentStep: step,
    currentLevel: level,
    currentRole: role,
    processingUnit: unit,
    stepStartedAt: new Date(stepStartedAt),
    dueAt: new Date(dueAt),
    nearDueAt: new Date(nearDueAt),
    timeliness: paused ? null : now > dueAt ? 'overdue' : now >= nearDueAt ? 'near_due' : 'not_due',
    overallDueAt: new Date(dueAt + 10 * DAY),
    clockPausedAt: paused ? new Date(now - DAY) : null,
    closedAt: null,
    closedOnTime: null,
    amounts: { requested, approved: null, disbursed: null },
    lastDecisionAt: new Date(stepStartedAt),
  } as DossierViewDoc;
}
