import { DEFAULT_OVERLAP_RULES } from '../../domain/overlap/default-overlap-rules';
import type { OverlapRule } from '../../domain/overlap/overlap-rule';
import type { Models } from '../../storage/create-models';

/** The settings document that holds the administrator's rules (JSON); absent while the defaults apply. */
export const OVERLAP_RULES_SETTING = 'overlap-rules';

export interface OverlapRulesStore {
  /** The rules in force: the saved ones, or the defaults while none are saved (`custom: false`). */
  load(): Promise<{ rules: OverlapRule[]; custom: boolean }>;
  /**
   * Replaces the rules with `rules` (already checked). One document written whole, so two administrators saving at
   * once leave one list or the other, never a mix.
   */
  save(rules: readonly OverlapRule[], at: Date): Promise<void>;
}

/**
 * The overlap rules in settings (`overlap-rules`). `defaults` apply while none are saved: the shipped rules unless
 * the caller passes others (the integration harness passes none, since its suites create one example household many
 * times; the overlap suite opts in).
 */
export function createOverlapRulesStore(
  models: Models,
  defaults: readonly OverlapRule[] = DEFAULT_OVERLAP_RULES,
): OverlapRulesStore {
  return {
    async load() {
      const doc = await models.Setting.findById(OVERLAP_RULES_SETTING, { value: 1 }).lean();
      if (!doc) return { rules: [...defaults], custom: false };
      return { rules: JSON.parse(doc.value) as OverlapRule[], custom: true };
    },
    async save(rules, at) {
      await models.Setting.updateOne(
        { _id: OVERLAP_RULES_SETTING },
        { $set: { value: JSON.stringify(rules), createdAt: at } },
        { upsert: true },
      );
    },
  };
}
