import type { Level, ProcessDefinition, StepDefinition } from './process-definition';

/** The administrative levels as a message names them. */
export const LEVEL_NAMES: Record<Level, { vi: string; en: string }> = {
  province: { vi: 'tỉnh, thành phố', en: 'province' },
  district: { vi: 'huyện, quận', en: 'district' },
  commune: { vi: 'xã, phường', en: 'commune' },
};

/** Why a unit cannot start a dossier of a definition today, or null when it can. */
export type StartProblem =
  | { kind: 'not_in_effect'; effectiveFrom?: string; effectiveTo?: string }
  | { kind: 'missing_level'; level: Level; step: StepDefinition };

/**
 * Whether a unit can start a dossier of `definition` on `today` (YYYY-MM-DD, Việt Nam): the definition is in effect
 * that day, and the unit's chain (the unit and the units above it, `levels`) has a unit at every level a step needs,
 * e.g. a post-2025 ward has no district, so the seed-era chains are not for it. One rule for the API's creation (409
 * with the reason) and the officer app's list of what a unit can start. Pure.
 */
export function startProblem(
  definition: ProcessDefinition,
  levels: readonly Level[],
  today: string,
): StartProblem | null {
  const { effectiveFrom, effectiveTo } = definition;
  if ((effectiveFrom && today < effectiveFrom) || (effectiveTo && today > effectiveTo)) {
    return {
      kind: 'not_in_effect',
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(effectiveTo ? { effectiveTo } : {}),
    };
  }
  const step = definition.steps.find((s) => !levels.includes(s.level));
  return step ? { kind: 'missing_level', level: step.level, step } : null;
}
