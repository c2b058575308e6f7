import { DEFAULT_OVERLAP_RULES } from '../../domain/overlap/default-overlap-rules';
import type { OverlapRule } from '../../domain/overlap/overlap-rule';
import type { Models } from '../../storage/create-models';

/** The settings document that holds the administrator's rules (JSON); absent while the shipped defaults apply. */
export const OVERLAP_RULES_SETTING = 'overlap-rules';

/** The rules in force: the saved ones, or the shipped defaults while none are saved (`custom: false`). */
export async function loadOverlapRules(models: Models): Promise<{ rules: OverlapRule[]; custom: boolean }> {
  const doc = await models.Setting.findById(OVERLAP_RULES_SETTING, { value: 1 }).lean();
  if (!doc) return { rules: [...DEFAULT_OVERLAP_RULES], custom: false };
  return { rules: JSON.parse(doc.value) as OverlapRule[], custom: true };
}

/**
 * Replaces the rules with `rules` (already checked). One document written whole, so two administrators saving at
 * once leave one list or the other, never a mix.
 */
export async function saveOverlapRules(models: Models, rules: readonly OverlapRule[], at: Date): Promise<void> {
  await models.Setting.updateOne(
    { _id: OVERLAP_RULES_SETTING },
    { $set: { value: JSON.stringify(rules), createdAt: at } },
    { upsert: true },
  );
}
