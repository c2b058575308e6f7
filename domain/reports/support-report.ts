import { raisedReportOf, type RaisedReport } from './raised-report-of';
import { supportLabel, supportTypeLabel, type SupportLabel } from './support-labels';
import type { SupportCountRow, SupportMoneyRow, SupportResults } from './support-results';

/** What a report adds up for a group of rows: the dossier counts, the on-time rate, the money. */
export interface SupportFigures {
  proposed: number;
  approved: number;
  completed: number;
  rejected: number;
  beneficiaries: number;
  /** Houses built and repaired by the approved dossiers of the house programmes, counted apart (housesOf). */
  housesBuilt: number;
  housesRepaired: number;
  closedOnTime: number;
  closedLate: number;
  /** closedOnTime / (closedOnTime + closedLate), 0..1; null when nothing closed with a clock. */
  onTimeRate: number | null;
  committed: number;
  paid: number;
}

/** A source of money as the report names it. */
export interface SupportSource {
  fundId: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** Distinct dossiers with a commitment from the fund in the period. */
  dossiers: number;
  committed: number;
  paid: number;
}

/** The report of a unit over a period: its totals, and the same figures by programme, type, source and lower unit. */
export interface SupportReport {
  unit: { code: string; name: string };
  from: string;
  to: string;
  totals: SupportFigures;
  byProgramme: (SupportFigures & { programme: string; label: SupportLabel })[];
  bySupportType: (SupportFigures & { programme: string; supportType: string | null; label: SupportLabel })[];
  bySource: SupportSource[];
  byUnit: (SupportFigures & { unitCode: string; name: string })[];
  /** The money raised into the funds of the unit and below (campaigns): by donor kind, fund and lower unit. */
  raised: RaisedReport;
  results: SupportResults;
}

/** What the report needs besides the rows: names, and the lower unit each commune rolls up to. */
export interface SupportReportNames {
  unitName: (code: string) => string;
  fund: (id: string) => { name: string; unitCode: string };
  /** The child of the report's unit that holds `unitCode` (the report's unit itself for its own dossiers). */
  lowerUnitOf: (unitCode: string) => string;
}

const COUNTS = [
  'proposed',
  'approved',
  'completed',
  'rejected',
  'beneficiaries',
  'housesBuilt',
  'housesRepaired',
  'closedOnTime',
  'closedLate',
] as const;

/** The figures of count rows and money rows: every figure the sum of the rows' (the rate derived from two sums). */
export function supportFiguresOf(
  counts: readonly SupportCountRow[],
  money: readonly SupportMoneyRow[],
): SupportFigures {
  const sums = Object.fromEntries(COUNTS.map((k) => [k, counts.reduce((s, r) => s + r[k], 0)])) as Record<
    (typeof COUNTS)[number],
    number
  >;
  const closed = sums.closedOnTime + sums.closedLate;
  return {
    ...sums,
    onTimeRate: closed === 0 ? null : sums.closedOnTime / closed,
    committed: money.reduce((s, r) => s + r.committed, 0),
    paid: money.reduce((s, r) => s + r.paid, 0),
  };
}

/** Groups rows by a key, keeping the order in which keys first appear. */
function groupBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/**
 * The report of `results`: totals and breakdowns by programme, by support type (within its programme), by source
 * (fund) and by lower unit (the report unit's children, via `lowerUnitOf`), each figure a sum of the result rows, so
 * every breakdown adds up to the totals. Groups are ordered by key (programme, type) or by name (sources, units).
 */
export function supportReportOf(results: SupportResults, names: SupportReportNames): SupportReport {
  const { counts, money } = results;
  const figuresBy = (key: (row: { programme: string; supportType: string | null; unitCode: string }) => string) => {
    const c = groupBy(counts, key);
    const m = groupBy(money, key);
    const keys = [...new Set([...c.keys(), ...m.keys()])].sort();
    return keys.map((k) => ({ key: k, figures: supportFiguresOf(c.get(k) ?? [], m.get(k) ?? []) }));
  };
  const typeKey = (r: { programme: string; supportType: string | null }) =>
    JSON.stringify([r.programme, r.supportType]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');

  return {
    unit: { code: results.unitCode, name: names.unitName(results.unitCode) },
    from: results.from,
    to: results.to,
    totals: supportFiguresOf(counts, money),
    byProgramme: figuresBy((r) => r.programme).map(({ key, figures }) => ({
      programme: key,
      label: supportLabel(key),
      ...figures,
    })),
    bySupportType: figuresBy(typeKey).map(({ key, figures }) => {
      const [programme, supportType] = JSON.parse(key) as [string, string | null];
      return { programme, supportType, label: supportTypeLabel(programme, supportType), ...figures };
    }),
    bySource: [...groupBy(money, (r) => r.fundId)]
      .map(([fundId, rows]) => {
        const fund = names.fund(fundId);
        return {
          fundId,
          name: fund.name,
          unitCode: fund.unitCode,
          unitName: names.unitName(fund.unitCode),
          // A dossier has one programme, type and commune, so it lies in one row per fund: the sum counts it once.
          dossiers: rows.reduce((s, r) => s + r.dossiers, 0),
          committed: rows.reduce((s, r) => s + r.committed, 0),
          paid: rows.reduce((s, r) => s + r.paid, 0),
        };
      })
      .sort(byName),
    byUnit: figuresBy((r) => names.lowerUnitOf(r.unitCode))
      .map(({ key, figures }) => ({ unitCode: key, name: names.unitName(key), ...figures }))
      .sort(byName),
    raised: raisedReportOf(results.raised, names),
    results,
  };
}
