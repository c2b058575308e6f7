import type { TransitionReportEntry } from '../../api-contract';
import type { DossierStatus } from '../../domain/process/dossier-state';
import { findStep } from '../../domain/process/find-step';
import type { Level, ProcessDefinition } from '../../domain/process/process-definition';
import type { TransitionPlanDoc } from '../../storage/transition-plan-schema';
import type { UnitDoc } from '../../storage/unit-schema';
import { transitionProblem, type TransitionProblem } from './transition-problem';
import { transitionSuccessorsOf } from './transition-successors-of';
import { inForceOn } from '../../domain/units';
import { LEVEL_NAMES } from '../../domain/process/start-problem';

/** What the plan needs of an open dossier: its place, from the read model. */
export interface TransitionDossier {
  _id: string;
  processKey: string;
  processVersion: number;
  status: DossierStatus;
  currentStep: string | null;
  currentLevel: Level | null;
  processingUnit: string | null;
  units?: Partial<Record<Level, string>>;
  receivingUnit?: string;
}

/** Everything a plan's report is computed from, loaded once per run. */
export interface TransitionContext {
  plan: TransitionPlanDoc;
  units: Map<string, UnitDoc>;
  /** Definitions by `key@version`: the mapping's targets and the definitions of dossiers finished on the old chain. */
  definitions: Map<string, ProcessDefinition>;
}

/** A planned move: the report entry and, for a dossier that can move, the transfer to send. */
export interface PlannedEntry {
  entry: TransitionReportEntry;
  move?: {
    definition: ProcessDefinition;
    step: string;
    units: Partial<Record<Level, string>>;
    /** The receiving unit's successor, when the plan retires or maps it. */
    receivingUnit?: string;
  };
}

const LEVELS: Level[] = ['commune', 'district', 'province'];
const retiredBy = (unit: UnitDoc, day: string) => unit.effectiveTo !== null && unit.effectiveTo < day;
export const definitionKey = (key: string, version: number) => `${key}@${version}`;
/** A unit as a problem names it: by its name (Vietnamese, English), the code only for a unit not loaded. */
const nameOf = (ctx: TransitionContext, code: string) => {
  const unit = ctx.units.get(code);
  return { vi: unit?.name ?? code, en: unit?.nameEn ?? unit?.name ?? code };
};

/**
 * The new unit of an old one: the plan's explicit mapping, else (for a unit retired by the reform date) its only
 * successor, followed while that one is retired too; a unit in force stays. A split (several successors) needs an
 * explicit mapping.
 */
function mappedUnit(ctx: TransitionContext, code: string): { unit: string } | TransitionProblem {
  const explicit = new Map(ctx.plan.unitMapping.map((m) => [m.from, m.to]));
  let current = code;
  for (let hops = 0; hops < 5; hops += 1) {
    const to = explicit.get(current);
    if (to) return { unit: to };
    const unit = ctx.units.get(current);
    if (!unit) return transitionProblem('unknown_unit', `Không có đơn vị ${current}`, `no unit ${current}`);
    if (!retiredBy(unit, ctx.plan.reformDate)) return { unit: current };
    const successors = transitionSuccessorsOf(unit);
    if (successors.length === 0) {
      return transitionProblem(
        'no_successor',
        `${nameOf(ctx, current).vi} hết hiệu lực mà không có đơn vị kế thừa; hãy ghi đơn vị mới trong phương án`,
        `${nameOf(ctx, current).en} is retired with no successor; map it in the plan`,
      );
    }
    if (successors.length > 1) {
      return transitionProblem(
        'successor_split',
        `${nameOf(ctx, current).vi} được chia cho nhiều đơn vị; hãy chọn đơn vị mới trong phương án`,
        `${nameOf(ctx, current).en} is split among several units; map it in the plan`,
      );
    }
    current = successors[0]!;
  }
  return transitionProblem(
    'no_successor',
    `Chuỗi kế thừa của ${nameOf(ctx, code).vi} quá dài`,
    `the successor chain of ${nameOf(ctx, code).en} is too long`,
  );
}

/** The unit and its ancestors by level, from the loaded units; problems for units unknown or not in force. */
function chainOf(ctx: TransitionContext, code: string, problems: TransitionProblem[]): Partial<Record<Level, string>> {
  const byLevel: Partial<Record<Level, string>> = {};
  let current: string | null = code;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const unit = ctx.units.get(current);
    if (!unit) {
      problems.push(transitionProblem('unknown_unit', `Không có đơn vị ${current}`, `no unit ${current}`));
      break;
    }
    if (!inForceOn(unit, ctx.plan.reformDate)) {
      problems.push(
        transitionProblem(
          'unit_not_in_force',
          `${unit.name} không có hiệu lực vào ngày sắp xếp`,
          `${unit.nameEn ?? unit.name} is not in force on the reform date`,
        ),
      );
    }
    byLevel[unit.level] ??= unit._id;
    current = unit.parentCode;
  }
  return byLevel;
}

/**
 * A dossier finished on its own definition keeps its chain for its later steps, except the units the reform retires:
 * each of those (at a level some step of the definition is at) is replaced by its new unit (mappedUnit: the plan's
 * mapping, else its only successor), so that no later step reaches a retired unit: an abolished district with no
 * successor must be mapped in the plan (e.g. to the city that takes its work over), or the dossier is blocked.
 * Changes `units` in place; problems are added for the levels that cannot be carried.
 */
function carryLaterLevels(
  ctx: TransitionContext,
  definition: ProcessDefinition,
  units: Partial<Record<Level, string>>,
  current: Level,
  problems: TransitionProblem[],
): void {
  for (const level of LEVELS) {
    const code = units[level];
    if (level === current || !code || !definition.steps.some((step) => step.level === level)) continue;
    const unit = ctx.units.get(code);
    if (unit && !retiredBy(unit, ctx.plan.reformDate)) continue;
    const mapped = mappedUnit(ctx, code);
    if ('unit' in mapped) units[level] = mapped.unit;
    else problems.push(mapped);
  }
}

/**
 * What the plan does with one open dossier, without side effects: moved to the equivalent step on the new chain,
 * finished on its own definition by a named unit, or blocked with the problems found (each listed, none hidden).
 */
export function transitionEntryOf(ctx: TransitionContext, dossier: TransitionDossier): PlannedEntry {
  const from = {
    processKey: dossier.processKey,
    processVersion: dossier.processVersion,
    step: dossier.currentStep,
    unitCode: dossier.processingUnit,
  };
  const problems: TransitionProblem[] = [];
  const blocked = (to: TransitionReportEntry['to'] = null): PlannedEntry => ({
    entry: { dossierId: dossier._id, from, action: 'blocked', to, problems },
  });
  if (dossier.status !== 'in_progress' && dossier.status !== 'received') {
    problems.push(
      transitionProblem(
        'not_movable',
        'Hồ sơ đang chờ bổ sung hoặc đã kết thúc: chuyển sau khi nộp bổ sung, hoặc ghi đơn vị giải quyết tiếp',
        `a dossier that is ${dossier.status} cannot be moved now`,
      ),
    );
  }
  const units = dossier.units ?? {};
  const finish = ctx.plan.finishOnOld.find((f) => f.dossierId === dossier._id);
  if (finish) {
    const definition = ctx.definitions.get(definitionKey(dossier.processKey, dossier.processVersion));
    const level = dossier.currentLevel;
    const named = ctx.units.get(finish.unitCode);
    if (!named) problems.push(transitionProblem('unknown_unit', `Không có đơn vị ${finish.unitCode}`, 'unknown unit'));
    else {
      chainOf(ctx, named._id, problems);
      // The named unit takes the dossier's current step: it must be of that step's level, or nobody could act on it.
      if (level && named.level !== level) {
        problems.push(
          transitionProblem(
            'no_unit_at_level',
            `${named.name} không phải cấp ${LEVEL_NAMES[level].vi} của bước đang xử lý`,
            `${named.nameEn ?? named.name} is not of the current step's level (${LEVEL_NAMES[level].en})`,
          ),
        );
      }
    }
    const to = { ...from, unitCode: finish.unitCode };
    if (!definition || !level || !dossier.currentStep) return blocked(to);
    const finishing = { ...units, [level]: finish.unitCode };
    carryLaterLevels(ctx, definition, finishing, level, problems);
    if (problems.length > 0) return blocked(to);
    return {
      entry: { dossierId: dossier._id, from, action: 'finish_on_old', to, problems },
      move: { definition, step: dossier.currentStep, units: finishing },
    };
  }
  const mapping = ctx.plan.definitionMapping.find(
    (m) =>
      m.from.processKey === dossier.processKey &&
      m.from.processVersion === dossier.processVersion &&
      m.from.step === dossier.currentStep,
  );
  if (!mapping) {
    problems.push(
      transitionProblem(
        'no_equivalent_step',
        `Phương án không có bước tương ứng cho ${dossier.processKey}@${dossier.processVersion} bước ${dossier.currentStep}`,
        `the plan has no equivalent step for ${dossier.processKey}@${dossier.processVersion} ${dossier.currentStep}`,
      ),
    );
    return blocked();
  }
  const definition = ctx.definitions.get(definitionKey(mapping.to.processKey, mapping.to.processVersion));
  const step = definition ? findStep(definition, mapping.to.step) : undefined;
  const lowest = LEVELS.map((l) => units[l]).find((u): u is string => Boolean(u));
  const mapped = lowest ? mappedUnit(ctx, lowest) : null;
  if (!mapped || !('unit' in mapped)) {
    problems.push(
      mapped ??
        transitionProblem(
          'no_unit_at_level',
          'Hồ sơ không ghi đơn vị nào để chuyển',
          'the dossier records no unit to map',
        ),
    );
    return blocked();
  }
  const newUnits = chainOf(ctx, mapped.unit, problems);
  const unitCode = step ? (newUnits[step.level] ?? null) : null;
  if (step && !unitCode) {
    problems.push(
      transitionProblem(
        'no_unit_at_level',
        `Chuỗi đơn vị mới của ${mapped.unit} không có cấp ${step.level} cho bước ${step.id}`,
        `the new chain of ${mapped.unit} has no ${step.level} for step ${step.id}`,
      ),
    );
  }
  const to = {
    processKey: mapping.to.processKey,
    processVersion: mapping.to.processVersion,
    step: mapping.to.step,
    unitCode,
  };
  if (!definition || !step || problems.length > 0) return blocked(to);
  // The receiving unit follows its own successor (a unit in force stays); one that cannot be mapped stays as it is.
  const received = dossier.receivingUnit ? mappedUnit(ctx, dossier.receivingUnit) : null;
  const receivingUnit =
    received && 'unit' in received && received.unit !== dossier.receivingUnit ? received.unit : null;
  return {
    entry: { dossierId: dossier._id, from, action: 'move', to, problems },
    move: { definition, step: step.id, units: newUnits, ...(receivingUnit ? { receivingUnit } : {}) },
  };
}
