import type { LocalizedText } from '../process/process-definition';
import type { FundKind } from '../funds/fund-kinds';
import { civilDate } from '../time/civil-date';
import { raisedTargetProblems } from './raised-target-problems';
import type { PlanContent, PlanTarget } from './plan';
import { registerBaselineProblems } from './register-baseline-problems';
import { staffQuota } from './staff-quota';
import { inForceDuring, isAtOrBelow, type UnitsTree } from './units-tree';

/** One thing wrong with a plan, at the field of the request that holds it (`/targets/2/unitCode`). */
export interface PlanProblem {
  path: string;
  keyword: 'plan';
  message: LocalizedText;
}

/** A fund a plan may name as a target's source (one of the plan's unit, a unit above it, or a unit below it). */
export interface PlanFund {
  name: string;
  unitCode: string;
  /** Its kind, when known: a raised target may not name an allocated fund (state budget, policy-bank loan). */
  kind?: FundKind;
}

/** What the checks know besides the plan: loaded by the caller, so the checks stay pure. */
export interface PlanCheckContext {
  /** The plan's unit, every unit above it and every unit below it. */
  units: UnitsTree;
  /** The funds the plan's targets may name, by id. */
  funds: ReadonlyMap<string, PlanFund>;
  /** The programmes a target may name. */
  programmes: ReadonlySet<string>;
}

const YEARS = { first: 2000, last: 2099 };
/** A campaign or other period may run several years (education support 2025–2027), but not more than this. */
const MAX_CAMPAIGN_YEARS = 5;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar periods of a kind within the year of `from`: [first, last] days. */
function calendarPeriods(kind: 'year' | 'half' | 'quarter', year: number): [string, string][] {
  const months = kind === 'year' ? 12 : kind === 'half' ? 6 : 3;
  const periods: [string, string][] = [];
  for (let first = 1; first <= 12; first += months) {
    const last = first + months - 1;
    periods.push([`${year}-${pad(first)}-01`, `${year}-${pad(last)}-${pad(lastDay(year, last))}`]);
  }
  return periods;
}

const KIND_NAMES = {
  year: { vi: 'một năm (01/01–31/12)', en: 'a calendar year (1 Jan–31 Dec)' },
  half: { vi: 'một nửa năm (01/01–30/06 hoặc 01/07–31/12)', en: 'a half-year (Jan–Jun or Jul–Dec)' },
  quarter: { vi: 'một quý', en: 'a calendar quarter' },
} as const;

function periodProblems(plan: PlanContent): PlanProblem[] {
  const problem = (path: string, vi: string, en: string): PlanProblem[] => [
    { path, keyword: 'plan', message: { vi, en } },
  ];
  const year = Number(plan.from.slice(0, 4));
  if (year < YEARS.first || year > YEARS.last)
    return problem(
      '/from',
      `Năm phải từ ${YEARS.first} đến ${YEARS.last}`,
      `the year must be ${YEARS.first} to ${YEARS.last}`,
    );
  if (plan.to < plan.from)
    return problem('/to', 'Ngày kết thúc không được trước ngày bắt đầu', 'the period must not end before it starts');
  if (plan.kind === 'campaign') {
    const limit = `${year + MAX_CAMPAIGN_YEARS}${plan.from.slice(4)}`;
    return plan.to >= limit
      ? problem(
          '/to',
          `Kỳ kế hoạch dài quá ${MAX_CAMPAIGN_YEARS} năm`,
          `the period is longer than ${MAX_CAMPAIGN_YEARS} years`,
        )
      : [];
  }
  const fits = calendarPeriods(plan.kind, year).some(([first, last]) => first === plan.from && last === plan.to);
  if (fits) return [];
  const name = KIND_NAMES[plan.kind];
  return problem(
    '/to',
    `Kỳ ${civilDate(plan.from)}–${civilDate(plan.to)} không phải ${name.vi}`,
    `${plan.from} to ${plan.to} is not ${name.en}`,
  );
}

/** The filters that make two targets the same target. */
const targetKey = (t: PlanTarget) =>
  JSON.stringify([
    t.programme,
    t.supportType ?? null,
    t.fundId ?? null,
    t.sourceLevels ?? null,
    t.unitCode ?? null,
    t.metric,
    t.counting ?? null,
  ]);

function targetProblems(plan: PlanContent, target: PlanTarget, at: string, context: PlanCheckContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (field: string, vi: string, en: string) =>
    problems.push({ path: `${at}/${field}`, keyword: 'plan', message: { vi, en } });
  if (!context.programmes.has(target.programme))
    add('programme', `Không có chương trình ${target.programme}`, `no programme ${target.programme}`);
  if (target.unitCode) {
    const unit = context.units.get(target.unitCode);
    const owner = context.units.get(plan.unitCode)?.name ?? plan.unitCode;
    if (!unit) add('unitCode', `Không có đơn vị ${target.unitCode}`, `no unit ${target.unitCode}`);
    else if (unit.code === plan.unitCode || !isAtOrBelow(context.units, unit.code, plan.unitCode))
      add('unitCode', `${unit.name} không phải đơn vị cấp dưới của ${owner}`, `${unit.name} is not below ${owner}`);
    else if (!inForceDuring(unit, plan.from, plan.to))
      add(
        'unitCode',
        `${unit.name} không còn hiệu lực trong kỳ kế hoạch`,
        `${unit.name} is not in force during the plan's period`,
      );
  }
  if (target.fundId && !context.funds.has(target.fundId))
    add(
      'fundId',
      'Không có nguồn kinh phí này, hoặc đơn vị không được dùng',
      'no such fund, or not one the plan may name',
    );
  if (target.sourceLevels && target.metric !== 'share' && target.metric !== 'raised')
    add(
      'sourceLevels',
      'Cấp của nguồn chỉ dùng cho chỉ tiêu tỷ lệ hoặc số tiền vận động',
      'source levels are for share and raised targets only',
    );
  if (target.metric === 'raised') {
    const fund = target.fundId ? context.funds.get(target.fundId) : undefined;
    for (const p of raisedTargetProblems(plan, target, context.units, fund)) add(p.field, p.vi, p.en);
  }
  if (
    (target.metric === 'count' || target.metric === 'amount' || target.metric === 'raised') &&
    !Number.isInteger(target.value)
  )
    add('value', 'Chỉ tiêu phải là số nguyên', 'the target must be a whole number');
  if ((target.metric === 'coverage' || target.metric === 'share') && target.value > 100)
    add('value', 'Tỷ lệ không được quá 100 %', 'a percentage must be at most 100');
  if (target.metric === 'coverage' && !target.baseline && !target.registerBaseline)
    add('baseline', 'Chỉ tiêu bao phủ cần số hộ/người làm căn cứ', 'a coverage target needs its baseline');
  problems.push(...registerBaselineProblems(plan, target, at));
  if (target.staffBasis) {
    const derived = staffQuota(target.staffBasis);
    if (target.metric !== 'count')
      add('staffBasis', 'Căn cứ số cán bộ chỉ dùng cho chỉ tiêu số lượng', 'a staff basis is for count targets only');
    else if (!derived.ok) for (const p of derived.problems) add(`staffBasis${p.path}`, p.message.vi, p.message.en);
    else if (target.value < derived.quota)
      add(
        'value',
        `Theo số cán bộ, chỉ tiêu ít nhất là ${derived.quota} người (${derived.derivation.vi})`,
        `by the staff count the target is at least ${derived.quota} (${derived.derivation.en})`,
      );
  }
  if (target.metric !== 'coverage' && target.baseline)
    add('baseline', 'Số căn cứ chỉ dùng cho chỉ tiêu bao phủ', 'a baseline is for coverage targets only');
  if (target.counting && target.metric !== 'count')
    add('counting', 'Cách đếm chỉ dùng cho chỉ tiêu số lượng', 'counting is for count targets only');
  if (target.counting === 'beneficiaries' && target.fundId)
    add(
      'counting',
      'Không đếm được số người hưởng theo từng nguồn; hãy đếm theo hồ sơ',
      'beneficiaries cannot be counted per source; count dossiers',
    );
  return problems;
}

/**
 * Everything wrong with a plan, each at its field, in Vietnamese and English: a period that is not the calendar
 * year, half or quarter its kind says (or a campaign longer than five years, or ending before it starts); a plan unit
 * unknown or not in force in the period; per target, an unknown programme, a lower unit that is unknown, not below the
 * plan's unit or not in force in the period, a fund the plan may not name, a field that does not go with the
 * target's metric, a fractional count or amount, a percentage over 100, and the same target twice. Empty when the plan
 * is sound. Pure; the shape of the fields is the schema's job (planRequestSchema).
 */
export function planProblems(plan: PlanContent, context: PlanCheckContext): PlanProblem[] {
  const problems = periodProblems(plan);
  const unit = context.units.get(plan.unitCode);
  if (!unit)
    problems.push({
      path: '/unitCode',
      keyword: 'plan',
      message: { vi: `Không có đơn vị ${plan.unitCode}`, en: `no unit ${plan.unitCode}` },
    });
  else if (!inForceDuring(unit, plan.from, plan.to))
    problems.push({
      path: '/unitCode',
      keyword: 'plan',
      message: {
        vi: `${unit.name} không còn hiệu lực trong kỳ kế hoạch`,
        en: `${unit.name} is not in force during the period`,
      },
    });
  const seen = new Map<string, number>();
  plan.targets.forEach((target, i) => {
    problems.push(...targetProblems(plan, target, `/targets/${i}`, context));
    const key = targetKey(target);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      problems.push({
        path: `/targets/${i}`,
        keyword: 'plan',
        message: { vi: `Trùng với chỉ tiêu thứ ${first + 1}`, en: `the same target as number ${first + 1}` },
      });
  });
  return problems;
}
