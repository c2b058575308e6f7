import { vietnamDate } from '../time/vietnam-date';
import type { OverlapCandidate, OverlapMatch } from './overlap-candidate';
import type { OverlapRule, OverlapSide, OverlapWindow } from './overlap-rule';

const sideMatches = (side: OverlapSide, d: OverlapCandidate): boolean =>
  side.programme === d.programme &&
  (!side.supportTypes || (d.supportType !== null && side.supportTypes.includes(d.supportType)));

/** Whether a rule's sides hold for the pair, in either order. */
const sidesMatch = (rule: OverlapRule, a: OverlapCandidate, b: OverlapCandidate): boolean =>
  (sideMatches(rule.sides[0], a) && sideMatches(rule.sides[1], b)) ||
  (sideMatches(rule.sides[1], a) && sideMatches(rule.sides[0], b));

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (29/02 + 12 months is 28/02). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether two dossiers, ordered by opening, fall within the window (Việt Nam dates; the end day is outside). */
export function withinWindow(window: OverlapWindow, a: OverlapCandidate, b: OverlapCandidate): boolean {
  const [earlier, later] = a.openedAt <= b.openedAt ? [a, b] : [b, a];
  const from = vietnamDate(earlier.openedAt);
  const to = vietnamDate(later.openedAt);
  if ('years' in window) return to < addMonths(from, window.years * 12);
  if ('months' in window) return to < addMonths(from, window.months);
  if ('sameYear' in window) return from.slice(0, 4) === to.slice(0, 4);
  return earlier.closedAt === null || later.openedAt < earlier.closedAt;
}

/** A dossier that was refused or withdrawn gave no support: it overlaps nothing. */
const supported = (d: OverlapCandidate) => d.outcome !== 'rejected' && d.outcome !== 'withdrawn';

/**
 * The dossiers among `others` that `candidate` overlaps under `rules`: one match per other dossier and rule whose
 * sides hold for the pair (either order), that share an identity key of the rule's subject, and whose openings fall
 * within the rule's window. `others` may come before or after the candidate (the read-time flag checks both); the
 * candidate itself and refused or withdrawn dossiers never match. Pure; order follows `others`, then `rules`.
 */
export function findOverlaps(
  candidate: OverlapCandidate,
  others: readonly OverlapCandidate[],
  rules: readonly OverlapRule[],
): OverlapMatch[] {
  if (!supported(candidate)) return [];
  const matches: OverlapMatch[] = [];
  for (const other of others) {
    if (other.dossierId === candidate.dossierId || !supported(other)) continue;
    for (const rule of rules) {
      if (!sidesMatch(rule, candidate, other)) continue;
      const shared = candidate.keys.some(
        (k) => k.subject === rule.subject && other.keys.some((o) => o.subject === k.subject && o.key === k.key),
      );
      if (!shared || !withinWindow(rule.window, candidate, other)) continue;
      matches.push({
        ruleId: rule.id,
        dossierId: other.dossierId,
        programme: other.programme,
        supportType: other.supportType,
        openedAt: other.openedAt,
        subject: rule.subject,
      });
    }
  }
  return matches;
}
