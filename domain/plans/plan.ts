import type { RegisterBaseline } from '../poverty-register/poverty-register';
import type { Level } from '../process/process-definition';
import type { StaffBasis } from './staff-quota';

/** The kinds of period a plan covers: a calendar year, half-year or quarter, or a campaign with its own dates. */
export const PLAN_PERIOD_KINDS = ['year', 'half', 'quarter', 'campaign'] as const;
export type PlanPeriodKind = (typeof PLAN_PERIOD_KINDS)[number];

/**
 * What a target measures:
 * - `count`: approved dossiers (or, with `counting: 'beneficiaries'`, the people or households they cover); with a
 *   `fundId`, the dossiers that fund committed money to;
 * - `amount`: đồng committed (minus released) in the period, from the ledger;
 * - `coverage`: beneficiaries of approved dossiers as a percentage of `baseline` (e.g. 100 % of 84 households);
 * - `share`: the dossiers the target names (by lower unit, fund or the level of the funding unit) as a percentage
 *   of every approved dossier of its programme and support type in the plan's unit (seed 002: "commune + district
 *   ≥ 70 %");
 * - `raised`: đồng received into the funds of the target's unit and below in the period (receipts, by their date),
 *   funds of the state budget and policy-bank loans left out; with a `fundId`, into that fund; with `sourceLevels`,
 *   into funds of units of those levels (seed 000: "Quỹ Vì người nghèo các cấp ≥ 15 tỷ, tỉnh 5 tỷ, huyện + xã 10
 *   tỷ").
 */
export const PLAN_METRICS = ['count', 'amount', 'coverage', 'share', 'raised'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

export const PLAN_COUNTINGS = ['dossiers', 'beneficiaries'] as const;
export type PlanCounting = (typeof PLAN_COUNTINGS)[number];

/** One target of a plan. Absent filters mean "all": every support type, every source, the plan's unit as a whole. */
export interface PlanTarget {
  programme: string;
  supportType?: string;
  /** The source: a fund id. */
  fundId?: string;
  /**
   * A share target: the dossiers funded by units of these levels (e.g. commune and district); a raised target: the
   * money received into funds of units of these levels.
   */
  sourceLevels?: Level[];
  /** A lower unit of the plan's unit; absent: the plan's unit as a whole. */
  unitCode?: string;
  metric: PlanMetric;
  /** count: at least this many; amount and raised: đồng; coverage and share: a percentage (0 < value ≤ 100). */
  value: number;
  /** count only: what is counted (default dossiers). */
  counting?: PlanCounting;
  /** coverage only: how many households or people the percentage is of, as counted when the plan was made. */
  baseline?: number;
  /**
   * coverage only, instead of `baseline`: the households or people of these categories in the poverty register of
   * the target's units for the plan's year (docs/poverty-register.md); progress counts those the dossiers name.
   */
  registerBaseline?: RegisterBaseline;
  /**
   * count only: the staff the target is derived from (seed 002: one person per 15 staff, two bodies under 10 staff
   * one together; staffQuota). The value must be at least the quota the rule derives.
   */
  staffBasis?: StaffBasis;
  /** The basis or a note (the line of the plan it comes from). */
  note?: string;
}

/** What a plan says, as entered: the owning unit, the period and the targets. */
export interface PlanContent {
  unitCode: string;
  title: string;
  kind: PlanPeriodKind;
  from: string; // yyyy-mm-dd, inclusive
  to: string; // yyyy-mm-dd, inclusive
  /** The documents the plan implements, its reference number. */
  basis?: string;
  targets: PlanTarget[];
}
