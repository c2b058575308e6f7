import type { LocalizedText } from '../process/process-definition';

/** A body (office, board, Front, mass organisation) that sponsors from its staff's contributions, with its staff. */
export interface StaffBody {
  name: string;
  /** Cán bộ, công chức, viên chức và người lao động (CBCC-NLĐ), as the source counts them. */
  staff: number;
}

/**
 * The staff a sponsorship target is derived from (seed 002, III.1.2): one body of 10 or more staff, or two bodies
 * of fewer than 10 that sponsor together, and where the staff counts come from (a staffing report, its date).
 */
export interface StaffBasis {
  bodies: StaffBody[];
  source: string;
}

/** Seed 002: a body with 10–15 staff sponsors at least one person; two bodies under 10 staff sponsor one together. */
export const STAFF_PER_PERSON = 15;
export const SMALL_BODY_BELOW = 10;

/** Why a staff basis yields no quota: each problem at the field of the basis it concerns. */
export interface StaffBasisProblem {
  /** Relative to the basis: `/bodies`, `/bodies/1/staff`. */
  path: string;
  message: LocalizedText;
}

/** The quota of a staff basis with how it was derived, or the problems that stop it. */
export type StaffQuota =
  { ok: true; quota: number; derivation: LocalizedText } | { ok: false; problems: StaffBasisProblem[] };

const people = (n: number, lang: 'vi' | 'en') =>
  lang === 'vi' ? `${n} người` : `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * The least number of people a body (or pair of bodies) must sponsor from its staff's contributions, by seed 002's
 * rule, with the derivation in words:
 * - one body of 10 or more staff: ⌈staff ÷ 15⌉. The seed says a body of 10–15 staff sponsors at least one person, so
 *   no more than 15 staff share one person; rounding up keeps that true above 15 (16–30 staff → 2, 31–45 → 3) and
 *   gives exactly 1 for the seed's 10–15;
 * - two bodies each under 10 staff: 1 between them ("cứ 02 đơn vị … ít nhất 01 đối tượng");
 * - one body under 10 staff alone: 1 (the odd one out when bodies pair up: rounding up, it is not let off).
 * Anything else (no body, more than two, two where one has 10 or more, a staff count that is not a whole number
 * ≥ 1) is a problem at its field. Pure.
 */
export function staffQuota(basis: StaffBasis): StaffQuota {
  const problems: StaffBasisProblem[] = [];
  const { bodies } = basis;
  bodies.forEach((body, i) => {
    if (!Number.isSafeInteger(body.staff) || body.staff < 1)
      problems.push({
        path: `/bodies/${i}/staff`,
        message: { vi: 'Số cán bộ phải là số nguyên từ 1', en: 'the staff count must be a whole number from 1' },
      });
  });
  if (bodies.length === 0 || bodies.length > 2)
    problems.push({
      path: '/bodies',
      message: {
        vi: 'Một đơn vị, hoặc hai đơn vị dưới 10 cán bộ cùng nhận đỡ đầu',
        en: 'one body, or two bodies under 10 staff sponsoring together',
      },
    });
  if (bodies.length === 2)
    bodies.forEach((body, i) => {
      if (body.staff >= SMALL_BODY_BELOW)
        problems.push({
          path: `/bodies/${i}/staff`,
          message: {
            vi: `${body.name} có từ ${SMALL_BODY_BELOW} cán bộ: tự nhận chỉ tiêu riêng, không ghép đôi`,
            en: `${body.name} has ${SMALL_BODY_BELOW} or more staff: it takes its own quota, not a pair's`,
          },
        });
    });
  if (problems.length > 0) return { ok: false, problems };

  if (bodies.length === 2) {
    const [a, b] = bodies as [StaffBody, StaffBody];
    return {
      ok: true,
      quota: 1,
      derivation: {
        vi: `${a.name} (${a.staff} cán bộ) và ${b.name} (${b.staff} cán bộ): hai đơn vị dưới ${SMALL_BODY_BELOW} cán bộ cùng nhận ít nhất ${people(1, 'vi')}`,
        en: `${a.name} (${a.staff} staff) and ${b.name} (${b.staff} staff): two bodies under ${SMALL_BODY_BELOW} staff sponsor at least ${people(1, 'en')} together`,
      },
    };
  }
  const body = bodies[0]!;
  if (body.staff < SMALL_BODY_BELOW)
    return {
      ok: true,
      quota: 1,
      derivation: {
        vi: `${body.name} (${body.staff} cán bộ): đơn vị dưới ${SMALL_BODY_BELOW} cán bộ không có đơn vị ghép đôi, nhận ít nhất ${people(1, 'vi')}`,
        en: `${body.name} (${body.staff} staff): a body under ${SMALL_BODY_BELOW} staff with no partner sponsors at least ${people(1, 'en')}`,
      },
    };
  const quota = Math.ceil(body.staff / STAFF_PER_PERSON);
  return {
    ok: true,
    quota,
    derivation: {
      vi: `${body.name}: ${body.staff} cán bộ ÷ ${STAFF_PER_PERSON}, làm tròn lên = ít nhất ${people(quota, 'vi')} (đơn vị 10–15 cán bộ nhận ít nhất 1 người)`,
      en: `${body.name}: ${body.staff} staff ÷ ${STAFF_PER_PERSON}, rounded up = at least ${people(quota, 'en')} (a body of 10–15 staff sponsors at least 1)`,
    },
  };
}

/**
 * The staff bases of a level's bodies as seed 002 groups them: each body of 10 or more staff alone; those under 10
 * paired in the order given (the odd one out alone). Each basis carries `source`. Pure.
 */
export function groupStaffBodies(bodies: readonly StaffBody[], source: string): StaffBasis[] {
  const groups: StaffBasis[] = bodies.filter((b) => b.staff >= SMALL_BODY_BELOW).map((b) => ({ bodies: [b], source }));
  const small = bodies.filter((b) => b.staff < SMALL_BODY_BELOW);
  for (let i = 0; i < small.length; i += 2) groups.push({ bodies: small.slice(i, i + 2), source });
  return groups;
}
